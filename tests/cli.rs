//! End-to-end runs of the `copydesk` binary on the fixtures: the three output formats, and the mistakes a
//! person can make, each answered by one line and a failing exit. The encodings a file may come in are
//! the table of `tests/decoding.rs`.

mod common;

use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

use common::{copydesk, fixture, Run, TempDir};
use serde_json::Value;

fn read_fixture(path: &str) -> String {
    std::fs::read_to_string(fixture(path)).expect("fixtures are UTF-8")
}

/// `copydesk compare a b --format format`, which must succeed.
fn compare(a: &Path, b: &Path, format: &str) -> Run {
    let run =
        copydesk([OsStr::new("compare"), a.as_os_str(), b.as_os_str(), OsStr::new("--format"), OsStr::new(format)]);
    assert!(run.success, "compare {} {} failed: {}", a.display(), b.display(), run.stderr);
    run
}

fn compare_json(a: &Path, b: &Path) -> Value {
    serde_json::from_str(&compare(a, b, "json").stdout).expect("--format json prints JSON")
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value.as_object().expect("an object").keys().map(String::as_str).collect()
}

fn set<'k>(names: &[&'k str]) -> BTreeSet<&'k str> {
    names.iter().copied().collect()
}

fn number(value: &Value) -> usize {
    value.as_u64().unwrap_or_else(|| panic!("{value} should be a whole number")) as usize
}

/// A JSON range as `start..end`.
fn range(value: &Value) -> std::ops::Range<usize> {
    number(&value["start"])..number(&value["end"])
}

/// Compared words for checking offsets: lower-cased runs of letters and digits, each ideograph a word
/// of its own (CJK is written without spaces).
fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let ideograph = matches!(c, '\u{3400}'..='\u{9FFF}');
        if !c.is_alphanumeric() || ideograph {
            words.extend((!current.is_empty()).then(|| std::mem::take(&mut current)));
        }
        if ideograph {
            words.push(c.to_string());
        } else if c.is_alphanumeric() {
            current.push(c);
        }
    }
    words.extend((!current.is_empty()).then_some(current));
    words
}

#[test]
fn text_format_shows_the_summary_and_the_passages() {
    let (wire, outlet) = (fixture("wire/wire.txt"), fixture("wire/outlet-2.txt"));
    let run = compare(&wire, &outlet, "text");
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    for (line, name) in [(lines[0], "wire.txt"), (lines[1], "outlet-2.txt")] {
        assert!(
            line.starts_with(name) && line.contains("% shared") && line.ends_with("words)"),
            "summary line {line:?}"
        );
    }
    let json = compare_json(&wire, &outlet);
    let passages = json["passages"].as_array().unwrap();
    let longest = number(&json["longest_passage_words"]);
    assert_eq!(lines[2], format!("{} shared passages, longest {longest} words", passages.len()));

    let headers: Vec<&str> = lines.iter().copied().filter(|line| line.starts_with('#')).collect();
    assert_eq!(headers.len(), passages.len());
    for (n, (header, passage)) in headers.iter().zip(passages).enumerate() {
        let kind = if passage["exact"].as_bool().unwrap() { "exact" } else { "with edits" };
        let expected = format!("#{}  {} words, {kind}  wire.txt:", n + 1, number(&passage["words"]));
        assert!(
            header.starts_with(&expected) && header.contains("  outlet-2.txt:"),
            "{header:?} should start {expected:?}"
        );
    }
    // The README: outlet-2 spells Tartus "Tartous" inside the grain importer's quote.
    assert!(lines.contains(&"   edit: \"Tartus\" -> \"Tartous\""), "{}", run.stdout);
}

#[test]
fn json_has_the_documented_schema() {
    let json = compare_json(&fixture("wire/wire.txt"), &fixture("wire/outlet-3.txt"));
    assert_eq!(keys(&json), set(&["a", "b", "passages", "longest_passage_words", "limits"]));
    assert_eq!(keys(&json["limits"]), set(&["frequent_phrases"]));
    assert_eq!(number(&json["limits"]["frequent_phrases"]), 0, "an article repeats no phrase 17 times");
    for (side, name, path) in [("a", "wire.txt", "wire/wire.txt"), ("b", "outlet-3.txt", "wire/outlet-3.txt")] {
        let document = &json[side];
        assert_eq!(keys(document), set(&["name", "chars", "words", "shared_words", "shared_ratio"]));
        assert_eq!(document["name"], name);
        assert_eq!(number(&document["chars"]), read_fixture(path).chars().count());
        let (words, shared) = (number(&document["words"]), number(&document["shared_words"]));
        assert!(shared <= words && words > 0);
        let ratio = document["shared_ratio"].as_f64().expect("shared_ratio is a number");
        assert!((ratio - shared as f64 / words as f64).abs() < 1e-9, "{side}: ratio {ratio} for {shared} of {words}");
    }

    let passages = json["passages"].as_array().expect("passages is an array");
    assert!(!passages.is_empty());
    let range_keys = set(&["start", "end"]);
    for passage in passages {
        assert_eq!(keys(passage), set(&["a", "b", "words", "exact", "edits"]));
        let edits = passage["edits"].as_array().expect("edits is an array");
        assert_eq!(passage["exact"].as_bool().expect("exact is a boolean"), edits.is_empty());
        for range_value in
            [&passage["a"], &passage["b"]].into_iter().chain(edits.iter().flat_map(|e| [&e["a"], &e["b"]]))
        {
            assert_eq!(keys(range_value), range_keys);
        }
        for edit in edits {
            assert_eq!(keys(edit), set(&["a", "b"]));
        }
        for side in ["a", "b"] {
            let (span, chars) = (range(&passage[side]), number(&json[side]["chars"]));
            assert!(span.start < span.end && span.end <= chars, "{side} {span:?} outside 0..{chars}");
        }
    }
    let most = passages.iter().map(|p| number(&p["words"])).max().unwrap();
    assert_eq!(number(&json["longest_passage_words"]), most);
}

#[test]
fn phrases_repeated_past_the_limit_are_owned_up_to() {
    let dir = TempDir::new("repeats");
    let wire = read_fixture("wire/wire.txt");
    let promo = "Sign up for the morning briefing from the harbour desk, free in your inbox every weekday.\n\n";
    let repeats = copydesk::MAX_CANDIDATES + 4;
    let a = dir.write("a.txt", format!("{promo}{wire}").as_bytes());
    let b = dir.write("b.txt", format!("{}{wire}", promo.repeat(repeats)).as_bytes());
    let note = "note: b.txt repeats 1 phrase more than 16 times; each repeat of it was matched only with the 16 \
                nearest to it in the other text, to keep the comparison fast: a few shared words among the repeats may \
                be unmarked";
    assert!(compare(&a, &b, "text").stdout.lines().any(|line| line == note), "no note about the repeats");
    let json = compare_json(&a, &b);
    assert_eq!(number(&json["limits"]["frequent_phrases"]), 1, "the promo line is one phrase");
    assert_eq!(json["b"]["shared_words"], json["b"]["words"], "every repeat of the promo is shared");

    let few = dir.write("few.txt", format!("{}{wire}", promo.repeat(copydesk::MAX_CANDIDATES)).as_bytes());
    assert!(!compare(&a, &few, "text").stdout.contains("note:"), "16 repeats are all tried");
}

#[test]
fn json_offsets_are_code_points() {
    for (a, b) in
        [("russian/a.txt", "russian/b.txt"), ("chinese/a.txt", "chinese/b.txt"), ("wire/wire.txt", "wire/outlet-2.txt")]
    {
        let texts: [Vec<char>; 2] = [read_fixture(a).chars().collect(), read_fixture(b).chars().collect()];
        let json = compare_json(&fixture(a), &fixture(b));
        let passages = json["passages"].as_array().unwrap();
        // Byte offsets would differ from code points only after a character beyond ASCII.
        let mut after_non_ascii = 0;
        for passage in passages {
            let [in_a, in_b] = [("a", &texts[0]), ("b", &texts[1])].map(|(side, chars)| {
                let span = range(&passage[side]);
                after_non_ascii += usize::from(chars[..span.start].iter().any(|c| !c.is_ascii()));
                words(&chars[span].iter().collect::<String>())
            });
            assert_eq!(in_a.first(), in_b.first(), "{a}/{b}: a passage starts with the same word on both sides");
            assert_eq!(in_a.last(), in_b.last(), "{a}/{b}: a passage ends with the same word on both sides");
            if passage["exact"] == true {
                assert_eq!(in_a, in_b, "{a}/{b}: an exact passage has the same words on both sides");
            }
        }
        assert!(after_non_ascii > 0, "{a}/{b}: some passage should start after non-ASCII text");
    }
}

/// The value of attribute `name` in one line of XML.
fn attribute<'l>(line: &'l str, name: &str) -> &'l str {
    let start = line.find(&format!(" {name}=\"")).unwrap_or_else(|| panic!("{line:?} lacks {name}")) + name.len() + 3;
    let end = start + line[start..].find('"').expect("a closed attribute");
    &line[start..end]
}

#[test]
fn pan_format_agrees_with_json() {
    let (a, b) = (fixture("wire/outlet-4.txt"), fixture("wire/wire.txt"));
    let run = compare(&a, &b, "pan");
    let json = compare_json(&a, &b);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.first(), Some(&"<document reference=\"outlet-4.txt\">"));
    assert_eq!(lines.last(), Some(&"</document>"));

    let features = &lines[1..lines.len() - 1];
    let passages = json["passages"].as_array().unwrap();
    assert_eq!(features.len(), passages.len());
    for (feature, passage) in features.iter().zip(passages) {
        assert!(
            feature.starts_with("<feature name=\"detected-plagiarism\" ") && feature.ends_with(" />"),
            "{feature:?}"
        );
        assert_eq!(attribute(feature, "source_reference"), "wire.txt");
        let offsets = ["this_offset", "this_length", "source_offset", "source_length"]
            .map(|name| attribute(feature, name).parse::<usize>().unwrap_or_else(|_| panic!("{name} in {feature:?}")));
        let (this, source) = (range(&passage["a"]), range(&passage["b"]));
        assert_eq!(offsets, [this.start, this.len(), source.start, source.len()], "{feature:?}");
    }
}

/// A sentence that b prints twice: the JSON lists both copies, each reusing a's one range (many-to-one);
/// the PAN export lists only the one-to-one detection, as each detection there is one aligned pair.
#[test]
fn a_repeated_sentence_is_two_passages_in_json_and_one_detection_in_pan() {
    let dir = TempDir::new("repeated");
    let sentence = "The harbour authority said on Tuesday that the new container terminal would open to ships in the \
                    spring of next year.";
    let a = dir.write("a.txt", format!("{sentence} Officials gave no other details.").as_bytes());
    let b = dir.write(
        "b.txt",
        format!("{sentence}\n\nLocal traders welcomed the news at a meeting in the town hall.\n\n{sentence}")
            .as_bytes(),
    );
    let json = compare_json(&a, &b);
    let passages = json["passages"].as_array().unwrap();
    let spans = |side: &str| passages.iter().map(|p| range(&p[side])).collect::<Vec<_>>();
    let (length, second) = (sentence.chars().count(), sentence.chars().count() + 66);
    assert_eq!(spans("a"), [0..length, 0..length]);
    assert_eq!(spans("b"), [0..length, second..second + length]);
    assert_eq!((number(&json["b"]["shared_words"]), number(&json["b"]["words"])), (42, 54));

    let pan = compare(&a, &b, "pan").stdout;
    assert_eq!(pan.lines().filter(|line| line.starts_with("<feature ")).count(), 1, "{pan}");
}

#[test]
fn mistakes_get_one_line_naming_the_culprit() {
    let dir = TempDir::new("errors");
    let png = dir.write("picture.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0");
    let missing = dir.0.join("no-such-story.txt");
    let wire = fixture("wire/wire.txt");
    let folder = fixture("short");
    let file_cases: [(&Path, &Path, &str); 4] = [
        (&wire, &missing, "no-such-story.txt"),
        (&missing, &wire, "no-such-story.txt"),
        (&folder, &wire, "short"),
        (&wire, &png, "picture.png"),
    ];
    let option_cases = [("--min-words", "1"), ("--format", "xml"), ("--frobnicate", "")];

    let mut runs = Vec::new();
    for (a, b, culprit) in file_cases {
        runs.push((culprit.to_owned(), copydesk([OsStr::new("compare"), a.as_os_str(), b.as_os_str()])));
    }
    for (option, value) in option_cases {
        let args = [OsStr::new("compare"), wire.as_os_str(), wire.as_os_str(), OsStr::new(option), OsStr::new(value)];
        let args = if value.is_empty() { &args[..4] } else { &args[..] };
        runs.push((option.to_owned(), copydesk(args)));
    }
    for (culprit, run) in runs {
        let message = run.stderr.trim_end();
        assert!(!run.success, "{culprit}: should fail");
        assert!(!message.contains("panicked"), "{culprit}: {message}");
        assert!(!message.is_empty() && !message.contains('\n'), "{culprit}: one line, not {message:?}");
        assert!(message.contains(&culprit), "{culprit}: the message {message:?} should name it");
        assert!(run.stdout.is_empty(), "{culprit}: nothing on stdout");
    }
}

/// Regression: `copydesk compare … | head` panicked with "failed printing to stdout: Broken pipe".
#[test]
fn a_closed_pipe_is_not_a_panic() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["compare", "--format", "json"])
        .args([fixture("wire/wire.txt"), fixture("wire/outlet-1.txt")])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("copydesk starts");
    // Close the reading end before copydesk writes, as `head` does after its lines.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("copydesk ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "exit {:?}, stderr: {stderr}", output.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// The option table of README.md, the help and the library say the same defaults and ranges.
#[test]
fn readme_and_help_give_the_library_s_defaults_and_ranges() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let help = copydesk(["--help"]).stdout;
    let defaults = copydesk::CompareOptions::default();
    for (flag, default, range) in [
        ("--min-words", defaults.min_words, copydesk::CompareOptions::MIN_WORDS),
        ("--max-edits", defaults.max_edits, copydesk::CompareOptions::MAX_EDITS),
    ] {
        let (low, high) = (range.start(), range.end());
        let row = readme.lines().find(|line| line.starts_with(&format!("| `{flag} N` |"))).expect("a README row");
        assert!(row.starts_with(&format!("| `{flag} N` | {default} |")), "README's default: {row}");
        assert!(row.ends_with(&format!("({low} to {high}) |")), "README's range: {row}");
        let line = help.lines().find(|line| line.trim_start().starts_with(flag)).expect("a line of the help");
        assert!(line.ends_with(&format!("(default {default}, {low} to {high})")), "the help: {line}");
    }
}
