//! PDF and Word files on the command line (`tests/fixtures/documents/`, made by `make.mjs` there from two
//! .txt fixtures): a .docx reads as its .txt twin, whatever its name; a PDF gets one line that says what
//! reads it; a damaged .docx says so. `tests/browser/documents.spec.js` reads the same files on the page.

mod common;

use std::ffi::OsStr;
use std::path::Path;

use common::{copydesk, fixture, Run, TempDir};
use serde_json::Value;

fn compare(a: &Path, b: &Path) -> Run {
    copydesk([OsStr::new("compare"), a.as_os_str(), b.as_os_str(), OsStr::new("--format"), OsStr::new("json")])
}

/// `copydesk compare A B --format json`, parsed.
fn compared(a: &Path, b: &Path) -> Value {
    let run = compare(a, b);
    assert!(run.success, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("JSON")
}

#[test]
fn a_word_document_reads_as_its_text_twin() {
    for (docx, twin) in [("wire.docx", "sets/wire/wire.txt"), ("release.docx", "sets/press-release/release.txt")] {
        let result = compared(&fixture(&format!("documents/{docx}")), &fixture(twin));
        for side in ["a", "b"] {
            assert_eq!(result[side]["shared_ratio"], 1.0, "{docx}: {side} {}", result[side]);
        }
        assert_eq!(result["a"]["words"], result["b"]["words"], "{docx}");
        assert_eq!(result["passages"].as_array().map(Vec::len), Some(1), "{docx}: one passage, in order");
    }
}

#[test]
fn a_word_document_is_told_by_its_content_not_its_name() {
    let dir = TempDir::new("docx-named-txt");
    let renamed = dir.write("release.txt", &std::fs::read(fixture("documents/release.docx")).unwrap());
    let result = compared(&renamed, &fixture("sets/press-release/release.txt"));
    assert_eq!(result["a"]["shared_ratio"], 1.0);
}

#[test]
fn a_pdf_gets_one_line_that_says_what_reads_it() {
    let run = compare(&fixture("documents/wire-one-column.pdf"), &fixture("sets/wire/wire.txt"));
    assert_eq!(run.code, Some(1));
    assert!(run.stdout.is_empty());
    let line = run.stderr.trim_end();
    assert!(!line.contains('\n'), "{line}");
    assert!(line.ends_with("wire-one-column.pdf: is a PDF document, which the command line does not read: drop it on copydesk's page (it reads PDF text layers), or convert it with `pdftotext` (poppler-utils) and compare the .txt"), "{line}");
}

#[test]
fn a_damaged_word_document_says_so() {
    let dir = TempDir::new("docx-damaged");
    let bytes = std::fs::read(fixture("documents/wire.docx")).unwrap();
    // The archive's end (its central directory) cut off, as an interrupted download leaves it.
    let cut = dir.write("cut.docx", &bytes[..bytes.len() / 2]);
    let run = compare(&cut, &fixture("sets/wire/wire.txt"));
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("cut.docx: is a damaged Word document ("), "{}", run.stderr);
}
