//! The three output formats: a summary for people, JSON for programs, PAN XML for evaluation.
//!
//! Offsets in JSON and PAN are Unicode code points into the decoded text, end exclusive.

use std::fmt::Write as _;

use copydesk::text::offsets::{OffsetIndex, Unit};
use copydesk::{Comparison, Span, MAX_CANDIDATES};
use serde::Serialize;

/// A compared file: the name it is shown by, and its decoded text.
pub struct Document {
    pub name: String,
    pub text: String,
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

/// Says that phrases repeated too often in `b` were not matched with every repeat.
fn frequent_phrases_note(b: &str, phrases: usize) -> String {
    let (count, them) =
        if phrases == 1 { ("1 phrase".to_string(), "it") } else { (format!("{phrases} phrases"), "each") };
    format!(
        "{b} repeats {count} more than {MAX_CANDIDATES} times; each repeat of {them} was matched only with the \
         {MAX_CANDIDATES} nearest to it in the other text, so a few shared words among the repeats may be unmarked"
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

#[derive(Serialize)]
struct JsonReport<'a> {
    a: JsonDocument<'a>,
    b: JsonDocument<'a>,
    passages: Vec<JsonPassage>,
    longest_passage_words: usize,
    limits: JsonLimits,
}

/// What the comparison held back (see [`copydesk::Limits`]); the JSON has no inline diff, so only this.
#[derive(Serialize)]
struct JsonLimits {
    frequent_phrases: usize,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    name: &'a str,
    chars: usize,
    words: usize,
    shared_words: usize,
    shared_ratio: f64,
}

#[derive(Serialize)]
struct JsonPassage {
    a: JsonRange,
    b: JsonRange,
    words: usize,
    exact: bool,
    edits: Vec<JsonEdit>,
}

#[derive(Serialize)]
struct JsonEdit {
    a: JsonRange,
    b: JsonRange,
}

#[derive(Serialize)]
struct JsonRange {
    start: usize,
    end: usize,
}

/// The CLI's JSON schema (see README.md), pretty-printed.
pub fn json(a: &Document, b: &Document, result: &Comparison) -> String {
    let (index_a, index_b) = (OffsetIndex::new(&a.text, Unit::CodePoint), OffsetIndex::new(&b.text, Unit::CodePoint));
    let range =
        |index: &OffsetIndex, span: Span| JsonRange { start: index.convert(span.start), end: index.convert(span.end) };
    let report = JsonReport {
        a: json_document(a, &index_a, &result.a),
        b: json_document(b, &index_b, &result.b),
        passages: result
            .passages
            .iter()
            .map(|p| JsonPassage {
                a: range(&index_a, p.a),
                b: range(&index_b, p.b),
                words: p.words,
                exact: p.exact,
                edits: p.edits.iter().map(|e| JsonEdit { a: range(&index_a, e.a), b: range(&index_b, e.b) }).collect(),
            })
            .collect(),
        longest_passage_words: result.longest_passage_words,
        limits: JsonLimits { frequent_phrases: result.limits.frequent_phrases },
    };
    let mut out = serde_json::to_string_pretty(&report).expect("a report of plain numbers and strings serializes");
    out.push('\n');
    out
}

fn json_document<'a>(doc: &'a Document, index: &OffsetIndex, stats: &copydesk::DocumentStats) -> JsonDocument<'a> {
    JsonDocument {
        name: &doc.name,
        chars: index.total(),
        words: stats.words,
        shared_words: stats.shared_words,
        shared_ratio: stats.shared_ratio,
    }
}

/// PAN text-alignment XML: `a` is the suspicious document ("this"), `b` the source. A detection pairs
/// each character once, so only the one-to-one passages are listed.
pub fn pan(a: &Document, b: &Document, result: &Comparison) -> String {
    let (index_a, index_b) = (OffsetIndex::new(&a.text, Unit::CodePoint), OffsetIndex::new(&b.text, Unit::CodePoint));
    let mut out = format!("<document reference=\"{}\">\n", xml_escape(&a.name));
    for passage in result.passages.iter().filter(|passage| passage.one_to_one) {
        let (this_start, source_start) = (index_a.convert(passage.a.start), index_b.convert(passage.b.start));
        let _ = writeln!(
            out,
            "<feature name=\"detected-plagiarism\" this_offset=\"{this_start}\" this_length=\"{}\" \
             source_reference=\"{}\" source_offset=\"{source_start}\" source_length=\"{}\" />",
            index_a.convert(passage.a.end) - this_start,
            xml_escape(&b.name),
            index_b.convert(passage.b.end) - source_start,
        );
    }
    out.push_str("</document>\n");
    out
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
