//! The summary for people. JSON for programs and PAN XML for evaluation are the library's
//! ([`copydesk::report`]), which the page's exports call too.

use std::fmt::Write as _;

use copydesk::report::Named;
use copydesk::{Comparison, MAX_CANDIDATES};

/// A compared file: the name it is shown by, and its decoded text.
pub struct Document {
    pub name: String,
    pub text: String,
}

impl Document {
    /// The document as the library's reports take it.
    pub fn named(&self) -> Named<'_> {
        Named { name: &self.name, text: &self.text }
    }
}

/// Readable summary and passages, for a terminal.
pub fn text(a: &Document, b: &Document, result: &Comparison) -> String {
    let mut out = String::new();
    let width = a.name.chars().count().max(b.name.chars().count());
    for (doc, stats) in [(a, &result.a), (b, &result.b)] {
        let _ = writeln!(
            out,
            "{:width$}  {:>3.0}% shared  ({} of {} words)",
            doc.name,
            stats.shared_ratio * 100.0,
            stats.shared_words,
            stats.words
        );
    }
    let count = result.passages.len();
    let _ = writeln!(
        out,
        "{count} shared passage{}, longest {} words",
        if count == 1 { "" } else { "s" },
        result.longest_passage_words
    );
    if result.limits.frequent_phrases > 0 {
        let _ = writeln!(out, "note: {}", frequent_phrases_note(&b.name, result.limits.frequent_phrases));
    }
    let (lines_a, lines_b) = (LineIndex::new(&a.text), LineIndex::new(&b.text));
    for (n, passage) in result.passages.iter().enumerate() {
        let kind = if passage.exact { "exact" } else { "with edits" };
        let _ = writeln!(
            out,
            "\n#{}  {} words, {kind}  {}:{}  {}:{}",
            n + 1,
            passage.words,
            a.name,
            lines_a.line(passage.a.start),
            b.name,
            lines_b.line(passage.b.start)
        );
        let _ = writeln!(out, "   \"{}\"", preview(&a.text[passage.a.range()]));
        for edit in &passage.edits {
            let _ = writeln!(
                out,
                "   edit: \"{}\" -> \"{}\"",
                preview(&a.text[edit.a.range()]),
                preview(&b.text[edit.b.range()])
            );
        }
    }
    out
}

/// Says that phrases repeated too often in `b` were not matched with every repeat, in the words of the
/// page's note (`www/js/views/limits.js`; tests/browser/limits.spec.js holds the two together).
fn frequent_phrases_note(b: &str, phrases: usize) -> String {
    let (count, them) =
        if phrases == 1 { ("1 phrase".to_string(), "it") } else { (format!("{phrases} phrases"), "each") };
    format!(
        "{b} repeats {count} more than {MAX_CANDIDATES} times; each repeat of {them} was matched only with the \
         {MAX_CANDIDATES} nearest to it in the other text, to keep the comparison fast: a few shared words among the \
         repeats may be unmarked"
    )
}

/// The text on one line with white space collapsed, shortened in the middle past 160 characters.
fn preview(text: &str) -> String {
    const MAX: usize = 160;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = flat.chars().collect();
    if chars.len() <= MAX {
        return flat;
    }
    let head: String = chars[..MAX / 2].iter().collect();
    let tail: String = chars[chars.len() - MAX / 2..].iter().collect();
    format!("{} … {}", head.trim_end(), tail.trim_start())
}

/// Line numbers (from 1) of byte offsets. A line ends at "\n", "\r\n" or a lone "\r" (old Mac files).
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let ends = bytes
            .iter()
            .enumerate()
            .filter(|&(at, &byte)| byte == b'\n' || (byte == b'\r' && bytes.get(at + 1) != Some(&b'\n')));
        LineIndex(ends.map(|(at, _)| at).collect())
    }

    fn line(&self, byte: usize) -> usize {
        self.0.partition_point(|&newline| newline < byte) + 1
    }
}
