//! Spans of a fixture named by quoting its text: where a quote stands, the words it holds, and how two
//! spans lie. Shared by `tests/fixtures.rs` (through `tests/pairs/`) and `tests/sets.rs`.

use copydesk::Span;

/// The span of `needle` in `text`, which must hold it exactly once.
pub fn locate(text: &str, needle: &str) -> Span {
    let mut found = text.match_indices(needle).map(|(at, _)| Span::new(at, at + needle.len()));
    let span = found.next().unwrap_or_else(|| panic!("fixture lacks {needle:?}"));
    assert!(found.next().is_none(), "fixture holds {needle:?} more than once");
    span
}

/// `span` narrowed to its first and last letter or digit: the words that a passage must hold, or must
/// not touch, without the quote marks and full stops around them, which a neighbouring passage may take.
pub fn words_of(text: &str, span: Span) -> Span {
    let inner = &text[span.range()];
    let start = inner.find(char::is_alphanumeric).expect("a span with words");
    let last = inner.rfind(char::is_alphanumeric).expect("a span with words");
    let end = last + inner[last..].chars().next().map_or(0, char::len_utf8);
    Span::new(span.start + start, span.start + end)
}

pub fn contains(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

pub fn overlaps(x: Span, y: Span) -> bool {
    x.start < y.end && y.start < x.end
}
