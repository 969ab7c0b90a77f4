//! The two reports of a pair: JSON for programs and PAN text-alignment XML for evaluation.

use std::fmt::Write as _;

use serde::Serialize;

use super::{JsonDocument, JsonRange, Named};
use crate::text::offsets::{OffsetIndex, Unit};
use crate::{Comparison, Span};

/// The JSON report (README.md: "JSON output"), pretty-printed, with a final line break.
pub fn json(a: Named, b: Named, result: &Comparison) -> String {
    let (index_a, index_b) = (OffsetIndex::new(a.text, Unit::CodePoint), OffsetIndex::new(b.text, Unit::CodePoint));
    let range =
        |index: &OffsetIndex, span: Span| JsonRange { start: index.convert(span.start), end: index.convert(span.end) };
    let report = JsonReport {
        a: JsonDocument::new(a.name, &index_a, &result.a),
        b: JsonDocument::new(b.name, &index_b, &result.b),
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

/// PAN text-alignment XML: `a` is the suspicious document ("this"), `b` the source. A detection pairs
/// each character once, so only the one-to-one passages are listed.
pub fn pan(a: Named, b: Named, result: &Comparison) -> String {
    let (index_a, index_b) = (OffsetIndex::new(a.text, Unit::CodePoint), OffsetIndex::new(b.text, Unit::CodePoint));
    let mut out = format!("<document reference=\"{}\">\n", xml_attribute(a.name));
    for passage in result.passages.iter().filter(|passage| passage.one_to_one) {
        let (this_start, source_start) = (index_a.convert(passage.a.start), index_b.convert(passage.b.start));
        let _ = writeln!(
            out,
            "<feature name=\"detected-plagiarism\" this_offset=\"{this_start}\" this_length=\"{}\" \
             source_reference=\"{}\" source_offset=\"{source_start}\" source_length=\"{}\" />",
            index_a.convert(passage.a.end) - this_start,
            xml_attribute(b.name),
            index_b.convert(passage.b.end) - source_start,
        );
    }
    out.push_str("</document>\n");
    out
}

#[derive(Serialize)]
struct JsonReport<'a> {
    a: JsonDocument<'a>,
    b: JsonDocument<'a>,
    passages: Vec<JsonPassage>,
    longest_passage_words: usize,
    limits: JsonLimits,
}

/// What the comparison held back (see [`crate::Limits`]); the JSON has no inline diff, so only this.
#[derive(Serialize)]
struct JsonLimits {
    frequent_phrases: usize,
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

/// A name as an XML attribute value: markup characters escaped, the white space an XML parser would
/// fold written as character references, and characters XML 1.0 cannot hold replaced by U+FFFD.
fn xml_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_as_xml_attributes() {
        assert_eq!(xml_attribute("a&b <c> \"d\""), "a&amp;b &lt;c&gt; &quot;d&quot;");
        assert_eq!(xml_attribute("tab\there\nline\r"), "tab&#9;here&#10;line&#13;");
        assert_eq!(xml_attribute("bell\u{7} \u{ffff} Ελλάδα 😀"), "bell\u{fffd} \u{fffd} Ελλάδα 😀");
    }
}
