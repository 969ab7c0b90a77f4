//! Bad input through the command line: each case a person can reach with a file or an option, and the
//! exact outcome they get. Either it works (exit 0, a report, and a note on stderr where the result
//! needs one) or it says why not in one line (exit 1 for a file, 2 for the command line); never a panic.
//!
//! Cases checked elsewhere are not repeated here:
//!
//! | case | where |
//! | --- | --- |
//! | a missing file, as A and as B | tests/cli.rs, `mistakes_get_one_line_naming_the_culprit` |
//! | a directory | tests/cli.rs, `mistakes_get_one_line_naming_the_culprit` |
//! | `--min-words 1`, `--format xml`, an unknown option | tests/cli.rs, `mistakes_get_one_line_naming_the_culprit` |
//! | the reader of stdout goes away (`| head`) | tests/cli.rs, `a_closed_pipe_is_not_a_panic` |
//! | files that are no text (binary formats, NUL or control bytes), or have nothing to compare (empty, white space, no words) | the table of tests/decoding.rs |
//! | UTF-8 and UTF-16 LE / BE with and without a byte order mark, windows-1252, and the notes on a guess | the table of tests/decoding.rs |

mod common;

use std::ffi::OsStr;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{copydesk, fixture, Run, TempDir};
use serde_json::Value;

fn read_fixture(path: &str) -> String {
    std::fs::read_to_string(fixture(path)).expect("fixtures are UTF-8")
}

/// `copydesk compare a b [extra…]`.
fn compare(a: &Path, b: &Path, extra: &[&str]) -> Run {
    let args = [OsStr::new("compare"), a.as_os_str(), b.as_os_str()];
    copydesk(args.into_iter().chain(extra.iter().map(OsStr::new)))
}

/// A run that worked and printed nothing on stderr but `notes`, one line each.
fn assert_works(run: &Run, notes: &[String]) {
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let expected: String = notes.iter().map(|note| format!("{note}\n")).collect();
    assert_eq!(run.stderr, expected);
}

/// A run that failed with exit `code` and the one line `message` on stderr, and printed nothing else.
fn assert_fails(run: &Run, code: i32, message: &str) {
    assert_eq!((run.code, run.stderr.as_str(), run.stdout.as_str()), (Some(code), format!("{message}\n").as_str(), ""));
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).expect("--format json prints JSON")
}

fn number(value: &Value) -> usize {
    value.as_u64().unwrap_or_else(|| panic!("{value} should be a whole number")) as usize
}

/// The code points `start..end` of a JSON range, out of `text`.
fn chars_of(text: &str, range: &Value) -> String {
    let (start, end) = (number(&range["start"]), number(&range["end"]));
    text.chars().skip(start).take(end - start).collect()
}

/// Line `line` (from 0) of the text report: 0 and 1 are the files' summaries, 2 counts the passages.
fn summary(run: &Run, line: usize) -> &str {
    run.stdout.lines().nth(line).expect("a summary line")
}

// --- files with nothing to compare -----------------------------------------------------------------

/// Numbers are words, unless `--ignore-numbers` leaves them out: then the note names the option.
#[test]
fn only_numbers_under_ignore_numbers_names_the_option() {
    // Compared without the option (no note) in the table of tests/decoding.rs.
    let figures = fixture("decoding/numbers.txt");
    let run = compare(&figures, &fixture("short/a.txt"), &["--ignore-numbers"]);
    assert_works(
        &run,
        &[format!(
            "copydesk: note: {} has no words but numbers, which --ignore-numbers leaves out: there is nothing in it to compare",
            figures.display()
        )],
    );
}

// --- size ----------------------------------------------------------------------------------------------

/// Pseudo-words (no English word among them) in sentences and paragraphs, about `bytes` long: text
/// with no passage in common with anything, from a fixed seed.
fn filler(bytes: usize) -> String {
    const SYLLABLES: [&str; 16] =
        ["ka", "lo", "mer", "tis", "vu", "zan", "pel", "dro", "qui", "fen", "sor", "bax", "gu", "nyl", "ost", "wer"];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut text = String::with_capacity(bytes + 400);
    while text.len() < bytes {
        for sentence in 0..(next() % 6 + 2) {
            if sentence > 0 {
                text.push(' ');
            }
            for word in 0..(next() % 20 + 6) {
                if word > 0 {
                    text.push(' ');
                }
                for _ in 0..(next() % 3 + 1) {
                    text.push_str(SYLLABLES[(next() % 16) as usize]);
                }
            }
            text.push('.');
        }
        text.push_str("\n\n");
    }
    text
}

/// The size of the large file: 50 MB in a release build (`cargo test --release --test bad_input`);
/// 16 MB in a debug build, where 50 MB takes the binary about 13 s, and 16 MB about 4 s.
const LARGE: usize = if cfg!(debug_assertions) { 16 << 20 } else { 50 << 20 };

/// A very large file with the wire story in its middle: the story is found whole, in bounded time.
#[test]
fn a_very_large_file_is_compared_in_bounded_time() {
    let dir = TempDir::new("large");
    let wire = read_fixture("wire/wire.txt");
    let text = format!("{}{wire}\n\n{}", filler(LARGE / 2), filler(LARGE / 2));
    let large = dir.write("large.txt", text.as_bytes());

    let started = Instant::now();
    let run = compare(&large, &fixture("wire/wire.txt"), &["--format", "json"]);
    let took = started.elapsed();
    assert_works(&run, &[]);
    let json = json(&run);
    assert_eq!(number(&json["a"]["chars"]), text.len(), "the filler is ASCII");
    assert_eq!((number(&json["b"]["shared_words"]), number(&json["b"]["words"])), (457, 457), "the whole story");
    let passages = json["passages"].as_array().unwrap();
    assert_eq!(passages.len(), 1);
    assert_eq!(chars_of(&text, &passages[0]["a"]), wire.trim_end());
    // Generous: a regression to quadratic time would take hours, not a minute.
    assert!(took < Duration::from_secs(60), "{} MB took {took:?}", LARGE >> 20);
}

/// One line of 5 MB (no line break at all), with the wire story on it.
#[test]
fn one_line_of_five_megabytes_is_compared() {
    let dir = TempDir::new("line");
    let wire = read_fixture("wire/wire.txt");
    let line = format!(
        "{} {} {}",
        filler(5 << 19).replace('\n', " "),
        wire.replace('\n', " "),
        filler(5 << 19).replace('\n', " ")
    );
    assert!(line.len() > 5 << 20 && !line.contains('\n'));
    let path = dir.write("line.txt", line.as_bytes());
    let run = compare(&path, &fixture("wire/wire.txt"), &[]);
    assert_works(&run, &[]);
    assert_eq!(summary(&run, 1), "wire.txt  100% shared  (457 of 457 words)");
    let header = run.stdout.lines().find(|line| line.starts_with("#1 ")).expect("a passage");
    assert!(header.contains("  line.txt:1  wire.txt:1"), "{header}");
}

// --- line endings -----------------------------------------------------------------------------------------

/// `\r\n`, `\n` and lone `\r` in one file: the same passages as with `\n` alone, on the same lines.
#[test]
fn mixed_line_endings_give_the_same_passages_and_lines() {
    let dir = TempDir::new("line-endings");
    let wire = read_fixture("wire/wire.txt");
    let mut mixed = String::new();
    for (i, line) in wire.split('\n').enumerate() {
        if i > 0 {
            mixed.push_str(["\r\n", "\n", "\r"][i % 3]);
        }
        mixed.push_str(line);
    }
    let (lf, mixed) = (dir.write("lf.txt", wire.as_bytes()), dir.write("mixed.txt", mixed.as_bytes()));
    let outlet = fixture("wire/outlet-2.txt");
    let (expected, run) = (compare(&lf, &outlet, &[]), compare(&mixed, &outlet, &[]));
    assert_works(&run, &[]);
    assert!(expected.stdout.matches("lf.txt:").count() > 3, "passages on several lines: {}", expected.stdout);
    assert_eq!(run.stdout, expected.stdout.replace("lf.txt   ", "mixed.txt").replace("lf.txt:", "mixed.txt:"));
}

// --- scripts and special characters --------------------------------------------------------------------

/// A run whose JSON has exactly one passage, whose sides are `shared` in `a` and in `b`.
fn assert_one_passage(a: &str, b: &str, shared: &str, options: &[&str]) {
    let dir = TempDir::new("one-passage");
    let (path_a, path_b) = (dir.write("a.txt", a.as_bytes()), dir.write("b.txt", b.as_bytes()));
    let run = compare(&path_a, &path_b, &[&["--format", "json"], options].concat());
    assert_works(&run, &[]);
    let json = json(&run);
    let passages = json["passages"].as_array().unwrap();
    assert_eq!(passages.len(), 1, "{}", run.stdout);
    assert_eq!(
        (chars_of(a, &passages[0]["a"]), chars_of(b, &passages[0]["b"])),
        (shared.to_owned(), shared.to_owned())
    );
}

/// Chinese without spaces or Latin letters: every ideograph is a word.
#[test]
fn only_cjk_is_compared_ideograph_by_ideograph() {
    let shared = "风暴袭击叙利亚沿海，塔尔图斯港被迫关闭，四十多艘货船在港外锚地等候。";
    let a = format!("气象部门说，这是十多年来最强的风暴。{shared}");
    let b = format!("{shared}当地渔民连夜把渔船拖上岸。");
    assert_one_passage(&a, &b, shared, &[]);
}

#[test]
fn arabic_is_compared_right_to_left_as_written() {
    let shared = "قالت السلطات إن العاصفة أغلقت ميناء طرطوس يوم الأحد وإن السفن بقيت في البحر حتى هدأت الرياح.";
    assert_one_passage(
        &format!("Tartus, Jan 13.\n\n{shared}"),
        &format!("{shared}\n\nوأضافت أن الميناء سيفتح مجددا."),
        shared,
        &[],
    );
}

#[test]
fn hebrew_is_compared_right_to_left_as_written() {
    let shared = "הרשויות אמרו כי הסערה סגרה את נמל טרטוס ביום ראשון וכי הספינות נשארו בים עד שהרוחות נרגעו.";
    assert_one_passage(
        &format!("{shared}\n\nהנמל ייפתח מחדש ביום שלישי."),
        &format!("Tartus, Jan 13.\n\n{shared}"),
        shared,
        &[],
    );
}

/// Zero-width joiners and non-joiners and zero-width spaces, the same in both texts, compare as the
/// text they are in: a Persian word with its ZWNJ, an emoji family joined by ZWJ, Thai words apart by ZWSP.
#[test]
fn zero_width_characters_in_both_texts_match() {
    let shared = "The minister said می\u{200C}خواهم in Tehran, posted 👨\u{200D}👩\u{200D}👧 and \
                  ข่าว\u{200B}ล่าสุด from Bangkok before the port of Tartus closed on Monday.";
    assert_one_passage(&format!("Earlier: {shared}"), &format!("{shared} Later."), shared, &["--min-words", "5"]);
}

/// Combining accents (NFD, as macOS file names and some editors write them) match precomposed letters.
#[test]
fn combining_characters_match_precomposed_letters() {
    let composed = "Tartús and Lattaquié reopened their ports on Monday, the ministry said in Damascus.";
    let decomposed = composed.replace('ú', "u\u{301}").replace('é', "e\u{301}");
    let dir = TempDir::new("combining");
    let (a, b) = (dir.write("nfc.txt", composed.as_bytes()), dir.write("nfd.txt", decomposed.as_bytes()));
    let run = compare(&a, &b, &["--min-words", "5"]);
    assert_works(&run, &[]);
    assert_eq!(summary(&run, 1), "nfd.txt  100% shared  (13 of 13 words)");
    let run = compare(&a, &b, &["--min-words", "5", "--keep-diacritics"]);
    assert_eq!(summary(&run, 1), "nfd.txt  100% shared  (13 of 13 words)", "NFKC, not diacritic folding, joins them");
}

/// Regression: a copy with invisible characters inside its words (a soft hyphen, ZWJ, ZWNJ, a word
/// joiner) reads the same as the original but was 0 % shared, as they stayed in the comparison keys;
/// a zero-width space hid it too, as UAX #29 breaks a word there.
#[test]
fn a_copy_with_invisible_characters_inside_words_is_found() {
    let wire = read_fixture("short/a.txt");
    for invisible in ['\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}'] {
        let hidden: String = wire
            .split(' ')
            .map(|word| {
                let cut = word.char_indices().nth(2).map_or(word.len(), |(at, _)| at);
                format!("{}{invisible}{}", &word[..cut], &word[cut..])
            })
            .collect::<Vec<_>>()
            .join(" ");
        let dir = TempDir::new("invisible");
        let (a, b) = (dir.write("a.txt", wire.as_bytes()), dir.write("hidden.txt", hidden.as_bytes()));
        let run = compare(&a, &b, &[]);
        assert_eq!(summary(&run, 0), "a.txt       100% shared  (46 of 46 words)", "U+{:04X}", u32::from(invisible));
    }
}

/// Emoji with skin tones (two code points each) and a flag: found, and JSON offsets count code points.
#[test]
fn emoji_with_skin_tones_keep_offsets_right() {
    let shared =
        "Fishermen 👍🏽 pulled their boats 🚣🏿‍♀️ ashore at Tartus 🇸🇾 before the storm 🌊 closed the port on Monday.";
    assert_one_passage(&format!("👋🏻 Update: {shared}"), &format!("{shared} 🙏🏼"), shared, &[]);
}

// --- the same text twice ------------------------------------------------------------------------------

/// `copydesk compare a a`: everything shared, one exact passage, nothing on stderr.
#[test]
fn the_same_file_twice_is_all_shared() {
    let wire = fixture("wire/wire.txt");
    let run = compare(&wire, &wire, &[]);
    assert_works(&run, &[]);
    let lines: Vec<&str> = run.stdout.lines().take(4).collect();
    assert_eq!(
        lines,
        [
            "wire.txt  100% shared  (457 of 457 words)",
            "wire.txt  100% shared  (457 of 457 words)",
            "1 shared passage, longest 457 words",
            "",
        ]
    );
    assert!(run.stdout.lines().nth(4).unwrap().starts_with("#1  457 words, exact  wire.txt:1  wire.txt:1"));
}

/// Two files with the same text: the same as one file twice.
#[test]
fn identical_texts_are_all_shared() {
    let dir = TempDir::new("identical");
    let copy = dir.write("copy.txt", read_fixture("wire/outlet-3.txt").as_bytes());
    let run = compare(&fixture("wire/outlet-3.txt"), &copy, &["--format", "json"]);
    assert_works(&run, &[]);
    let json = json(&run);
    for side in ["a", "b"] {
        assert_eq!(json[side]["shared_ratio"], 1.0, "{side}");
    }
    let passages = json["passages"].as_array().unwrap();
    assert!(passages.iter().all(|p| p["exact"] == true && p["a"] == p["b"]), "{passages:?}");
}

// --- the command line ------------------------------------------------------------------------------------

/// Values out of range, of the wrong kind or missing, and an empty file name: exit 2 and one line that
/// names the option (the `--min-words 1` and `--format xml` cases are in tests/cli.rs).
#[test]
fn bad_option_values_name_the_option() {
    let (a, b) = (fixture("short/a.txt"), fixture("short/b.txt"));
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let cases: [(Vec<&str>, &str); 9] = [
        (vec![a, b, "--max-edits", "21"], "invalid value '21' for --max-edits: expected a whole number from 0 to 20"),
        (
            vec![a, b, "--min-words", "ten"],
            "invalid value 'ten' for --min-words: expected a whole number from 2 to 1000",
        ),
        (vec![a, b, "--min-words", "-3"], "invalid value '-3' for --min-words: expected a whole number from 2 to 1000"),
        (
            vec![a, b, "--min-words", "1e3"],
            "invalid value '1e3' for --min-words: expected a whole number from 2 to 1000",
        ),
        (vec![a, b, "--min-words="], "invalid value '' for --min-words: expected a whole number from 2 to 1000"),
        (vec![a, b, "--format"], "missing argument for option '--format'"),
        (vec![a, b, "--format", "JSON"], "invalid value 'JSON' for --format: use text, json or pan"),
        (vec![a, b, "--keep-case=yes"], "unexpected argument for option '--keep-case': \"yes\""),
        (vec!["", b], "a file name is empty: copydesk compare A B"),
    ];
    for (args, message) in cases {
        let run = copydesk(["compare"].into_iter().chain(args.iter().copied()));
        assert_fails(&run, 2, &format!("copydesk: {message} (see copydesk --help)"));
    }
}
