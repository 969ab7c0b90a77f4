//! The fixture pairs of `tests/fixtures/` and what `tests/fixtures.rs` asks of them: the wire story and
//! its four outlet versions, a pair of texts with its comparison, sentences and paragraphs located by how
//! they start, and assertions that name text rather than offsets.

use copydesk::{compare, CompareOptions, Comparison, Passage, Span};

pub use crate::spans::locate;
use crate::spans::{contains, overlaps, words_of};

pub const WIRE: &str = include_str!("../fixtures/wire/wire.txt");
pub const OUTLETS: [&str; 4] = [
    include_str!("../fixtures/wire/outlet-1.txt"),
    include_str!("../fixtures/wire/outlet-2.txt"),
    include_str!("../fixtures/wire/outlet-3.txt"),
    include_str!("../fixtures/wire/outlet-4.txt"),
];

/// Two texts and their comparison.
pub struct Pair {
    pub a: &'static str,
    pub b: &'static str,
    pub result: Comparison,
}

impl Pair {
    pub fn new(a: &'static str, b: &'static str, options: &CompareOptions) -> Pair {
        Pair { a, b, result: compare(a, b, options) }
    }

    /// The wire against outlet version `n` (1 to 4), with default options.
    pub fn outlet(n: usize) -> Pair {
        Pair::new(WIRE, OUTLETS[n - 1], &CompareOptions::default())
    }

    /// The passage whose sides hold the words of `a` and of `b`, if any.
    pub fn find_covering(&self, a: Span, b: Span) -> Option<&Passage> {
        let (a, b) = (words_of(self.a, a), words_of(self.b, b));
        self.result.passages.iter().find(|p| contains(p.a, a) && contains(p.b, b))
    }

    /// The passage that covers `in_a` in `a` and `in_b` in `b`; the panic shows what was found instead.
    pub fn covering(&self, in_a: &str, in_b: &str) -> &Passage {
        self.covering_spans(locate(self.a, in_a), locate(self.b, in_b))
    }

    /// [`Pair::covering`] for a text that reads the same in both files.
    pub fn shared(&self, text: &str) -> &Passage {
        self.covering(text, text)
    }

    pub fn covering_spans(&self, a: Span, b: Span) -> &Passage {
        self.find_covering(a, b).unwrap_or_else(|| {
            panic!(
                "no passage covers\n  a: {:?}\n  b: {:?}\npassages touching them:\n{}",
                &self.a[a.range()],
                &self.b[b.range()],
                self.describe(|p| overlaps(p.a, a) || overlaps(p.b, b))
            )
        })
    }

    /// Asserts that no passage reaches the words of `span` in `b`: text of the outlet's own.
    pub fn assert_unshared_in_b(&self, span: Span) {
        self.assert_unshared(self.b, span, |p| p.b);
    }

    /// Asserts that no passage reaches the words of `span` in `a`: text the other side cut.
    fn assert_unshared_in_a(&self, span: Span) {
        self.assert_unshared(self.a, span, |p| p.a);
    }

    fn assert_unshared(&self, text: &str, span: Span, side: impl Fn(&Passage) -> Span) {
        let span = words_of(text, span);
        let touching = self.describe(|p| overlaps(side(p), span));
        assert!(touching.is_empty(), "{:?} should be in no passage, but:\n{touching}", &text[span.range()]);
    }

    /// Whether `passage` has an edit that turns exactly `from` (found inside `within_a`) into `to`.
    pub fn has_edit(&self, passage: &Passage, within_a: Span, from: &str, to: &str) -> bool {
        passage
            .edits
            .iter()
            .any(|e| contains(within_a, e.a) && &self.a[e.a.range()] == from && &self.b[e.b.range()] == to)
    }

    fn describe(&self, select: impl Fn(&Passage) -> bool) -> String {
        let lines: Vec<String> = self
            .result
            .passages
            .iter()
            .filter(|p| select(p))
            .map(|p| format!("  a: {:?}\n  b: {:?}", &self.a[p.a.range()], &self.b[p.b.range()]))
            .collect();
        lines.join("\n")
    }
}

/// The paragraph (up to the next blank line) that starts with `start`.
pub fn paragraph(text: &str, start: &str) -> Span {
    let span = locate(text, start);
    let end = text[span.start..].find("\n\n").map_or(text.len(), |n| span.start + n);
    Span::new(span.start, end)
}

/// The line that starts with `start`.
fn line(text: &str, start: &str) -> Span {
    let span = locate(text, start);
    let end = text[span.start..].find('\n').map_or(text.len(), |n| span.start + n);
    Span::new(span.start, end)
}

/// Words as copydesk counts them in English: letters and digits, joined across an apostrophe, a full
/// stop or a comma between two of them ("Syria's", "13,020").
fn count_words(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let joins = |i: usize| {
        matches!(chars[i], '\'' | '’' | '.' | ',')
            && i > 0
            && chars[i - 1].is_alphanumeric()
            && chars.get(i + 1).is_some_and(|c| c.is_alphanumeric())
    };
    (0..chars.len())
        .filter(|&i| chars[i].is_alphanumeric() && (i == 0 || !(chars[i - 1].is_alphanumeric() || joins(i - 1))))
        .count()
}

/// The wire's blocks, split at blank lines: the headline, the byline, paragraphs W1 to W13 and the
/// sign-off, as the README numbers them.
fn wire_blocks() -> Vec<&'static str> {
    let blocks: Vec<&str> = WIRE.split("\n\n").collect();
    assert_eq!(blocks.len(), 16, "the README numbers 16 blocks of the wire");
    blocks
}

pub const HEADLINE: usize = 0;
pub const BYLINE: usize = 1;

/// The block number of wire paragraph W`n`.
pub fn w(n: usize) -> usize {
    n + 1
}

/// The wire's paragraph W`n`.
pub fn wire_paragraph(n: usize) -> &'static str {
    wire_blocks()[w(n)]
}

/// Asserts both shared ratios lie within `tolerance` of what the README's list of kept wire blocks
/// predicts: their words over the wire's words, and over the outlet's words.
pub fn assert_ratios(outlet: usize, kept_blocks: impl IntoIterator<Item = usize>, tolerance: f64) {
    let pair = Pair::outlet(outlet);
    let blocks = wire_blocks();
    let kept: usize = kept_blocks.into_iter().map(|i| count_words(blocks[i])).sum();
    let sides = [("wire", pair.result.a.shared_ratio, WIRE), ("outlet", pair.result.b.shared_ratio, pair.b)];
    for (side, got, text) in sides {
        let expected = kept as f64 / count_words(text) as f64;
        assert!(
            (got - expected).abs() <= tolerance,
            "outlet-{outlet}: {side} ratio {got:.3}, README predicts {expected:.3}"
        );
    }
}

/// Asserts the lines of page chrome starting with `lines` are in no passage.
pub fn assert_chrome_unshared(outlet: usize, lines: &[&str]) {
    let pair = Pair::outlet(outlet);
    for start in lines {
        pair.assert_unshared_in_b(line(pair.b, start));
    }
}

/// Asserts the paragraphs of the outlet's own starting with `paragraphs` are in no passage.
pub fn assert_own_paragraphs_unshared(outlet: usize, paragraphs: &[&str]) {
    let pair = Pair::outlet(outlet);
    for start in paragraphs {
        pair.assert_unshared_in_b(paragraph(pair.b, start));
    }
}

/// Asserts the wire paragraphs `cut` (by W number) are in no passage.
pub fn assert_cut_paragraphs_unshared(outlet: usize, cut: &[usize]) {
    let pair = Pair::outlet(outlet);
    for &n in cut {
        pair.assert_unshared_in_a(locate(WIRE, wire_paragraph(n)));
    }
}

/// Asserts the texts, given in the outlet's order as (wire text, outlet text), are each covered by a
/// passage, and that the wire has them in another order (else the fixture tests no reordering).
pub fn assert_found_in_any_order(pair: &Pair, in_outlet_order: &[(&str, &str)]) {
    let mut wire_starts = Vec::new();
    let mut outlet_starts = Vec::new();
    for &(in_wire, in_outlet) in in_outlet_order {
        pair.covering(in_wire, in_outlet);
        wire_starts.push(locate(pair.a, in_wire).start);
        outlet_starts.push(locate(pair.b, in_outlet).start);
    }
    let sorted = |starts: &[usize]| starts.windows(2).all(|pair| pair[0] < pair[1]);
    assert!(sorted(&outlet_starts), "the texts should be given in the outlet's order");
    assert!(!sorted(&wire_starts), "the wire should have these texts in another order");
}

/// A text of `a`, its version in `b`, and the edits between them: (`from` in `a`, `to` in `b`).
pub type Edited<'t> = (&'t str, &'t str, &'t [(&'t str, &'t str)]);

/// Asserts each case is covered by one passage with those edits, so that the passage is not exact.
pub fn assert_bridged(pair: &Pair, cases: &[Edited]) {
    for &(in_a, in_b, edits) in cases {
        let passage = pair.covering(in_a, in_b);
        assert!(!passage.exact, "{in_b:?} differs from {in_a:?}");
        for &(from, to) in edits {
            assert!(pair.has_edit(passage, locate(pair.a, in_a), from, to), "edit {from:?} -> {to:?} in {in_b:?}");
        }
    }
}

/// The passages that cover whole quote paragraphs, given by how they start in the wire and the outlet.
pub fn quote_paragraphs<'p>(pair: &'p Pair, starts: &[(&str, &str)]) -> Vec<&'p Passage> {
    starts
        .iter()
        .map(|&(wire, outlet)| pair.covering_spans(paragraph(pair.a, wire), paragraph(pair.b, outlet)))
        .collect()
}
