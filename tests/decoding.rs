//! The table of decoding cases, `tests/fixtures/decoding/cases.json`, through the library and the
//! `copydesk` binary. `tests/browser/decoding.spec.js` drops the same files on the page: each case has
//! one outcome and one message for both, so a file the command line reads is a file the page reads.
//!
//! A case is `{file, about}` and one outcome:
//! - `read: {encoding, note, text}`: read as `encoding` (a WHATWG name), with `note` for the user (null
//!   when nothing was guessed), giving `text`;
//! - `refused: message`: no text; the message follows the file's name;
//! - `nothing_to_compare: message`: read, but with no word in it; the command line compares it with a
//!   note, the page refuses it.

mod common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::{copydesk, fixture};
use copydesk::decode::{decode, nothing_to_compare};
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
struct Table {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    file: String,
    about: String,
    #[serde(flatten)]
    outcome: Outcome,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Outcome {
    Read { encoding: String, note: Option<String>, text: String },
    Refused(String),
    NothingToCompare(String),
}

impl Case {
    fn path(&self) -> PathBuf {
        fixture("decoding").join(&self.file)
    }

    fn bytes(&self) -> Vec<u8> {
        std::fs::read(self.path()).unwrap_or_else(|error| panic!("{}: {error}", self.file))
    }
}

fn cases() -> Vec<Case> {
    let json = std::fs::read_to_string(fixture("decoding/cases.json")).expect("the table");
    let table: Table = serde_json::from_str(&json).expect("the table is a list of cases");
    table.cases
}

/// Runs `check` on every case and fails with every case that went wrong, not only the first.
fn check_all(check: impl Fn(&Case) -> Result<(), String>) {
    let failures: Vec<String> = cases()
        .iter()
        .filter_map(|case| check(case).err().map(|why| format!("{} ({}): {why}", case.file, case.about)))
        .collect();
    assert!(failures.is_empty(), "{} cases failed:\n{}", failures.len(), failures.join("\n"));
}

/// `Ok` when `actual` is `expected`, else an error that shows both.
fn same<T: PartialEq + std::fmt::Debug>(actual: T, expected: T) -> Result<(), String> {
    if actual == expected {
        Ok(())
    } else {
        Err(format!("got {actual:?}, expected {expected:?}"))
    }
}

#[test]
fn the_library_gives_every_case_its_outcome() {
    check_all(|case| {
        let decoded = decode(&case.bytes());
        let nothing = |text: &str| nothing_to_compare(text).map(|why| why.to_string());
        match (&case.outcome, decoded) {
            (Outcome::Read { encoding, note, text }, Ok(decoded)) => {
                let reading = decoded.reading;
                same((reading.encoding.name(), reading.note(), decoded.text.as_str()), (encoding, note.clone(), text))?;
                same(nothing(text), None)
            }
            (Outcome::Refused(message), Err(error)) => same(error.to_string(), message.clone()),
            (Outcome::NothingToCompare(message), Ok(decoded)) => same(nothing(&decoded.text), Some(message.clone())),
            (_, Ok(decoded)) => Err(format!("read as {:?}", decoded.reading.encoding.name())),
            (_, Err(error)) => Err(format!("refused: {error}")),
        }
    });
}

#[test]
fn the_command_line_gives_every_case_its_outcome() {
    let other = fixture("short/a.txt");
    check_all(|case| {
        let path = case.path();
        let run =
            copydesk(["compare".as_ref(), path.as_os_str(), other.as_os_str(), "--format".as_ref(), "json".as_ref()]);
        let shown = path.display();
        let words = || -> Result<u64, String> {
            let json: Value = serde_json::from_str(&run.stdout).map_err(|error| format!("no JSON: {error}"))?;
            json["a"]["words"].as_u64().ok_or_else(|| "no word count".to_owned())
        };
        match &case.outcome {
            Outcome::Read { note, .. } => {
                let stderr =
                    note.as_ref().map_or_else(String::new, |note| format!("copydesk: note: {shown}: {note}\n"));
                same((run.code, run.stderr.as_str()), (Some(0), stderr.as_str()))?;
                (words()? > 0).then_some(()).ok_or_else(|| "no words counted".to_owned())
            }
            Outcome::Refused(message) => {
                let stderr = format!("copydesk: {shown}: {message}\n");
                same((run.code, run.stderr.as_str(), run.stdout.as_str()), (Some(1), stderr.as_str(), ""))
            }
            Outcome::NothingToCompare(message) => {
                let stderr = format!("copydesk: note: {shown} {message}\n");
                same((run.code, run.stderr.as_str(), words()?), (Some(0), stderr.as_str(), 0))
            }
        }
    });
}

/// A fixture left out of the table would be tested nowhere.
#[test]
fn every_fixture_is_in_the_table() {
    let files: BTreeSet<String> = std::fs::read_dir(fixture("decoding"))
        .expect("the fixtures")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .filter(|name| !matches!(name.as_str(), "cases.json" | "README.md"))
        .collect();
    let listed: BTreeSet<String> = cases().into_iter().map(|case| case.file).collect();
    assert_eq!(files, listed);
}
