//! The pipeline: two texts and options in, a [`Comparison`] out.

use crate::diff::{self, DiffKind};
use crate::matcher::{self, MatchSettings, Sequence};
use crate::options::CompareOptions;
use crate::stats::{covered_words, DocumentStats};
use crate::text::{self, Flags, Folding, Ignore, Interner, Prepared, Span};

/// Everything copydesk finds about two texts. Spans are byte offsets into the texts as given.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Figures for the first text.
    pub a: DocumentStats,
    /// Figures for the second text.
    pub b: DocumentStats,
    /// The shared passages, ordered by where they start in `a`, then in `b`. Every stretch of either
    /// text that also stands in the other is in a passage, however many times either text holds it:
    /// a sentence of `a` that `b` prints twice is in two passages, one with each copy, so passages may
    /// share or overlap their range in one text (never both). The ones marked
    /// [`one_to_one`](Passage::one_to_one) pair each word with at most one counterpart.
    pub passages: Vec<Passage>,
    /// Identical words in the longest passage (0 when there is none).
    pub longest_passage_words: usize,
    /// The inline word diff. The `a` spans of `equal` and `delete` operations tile `a` from start to
    /// end, and the `b` spans of `equal` and `insert` operations tile `b`, white space included (a text
    /// without any compared token has no operation of its own).
    pub diff: Vec<DiffOp>,
    /// Where the comparison held back, on large or repetitive texts, to keep its time linear.
    pub limits: Limits,
}

/// Where a comparison did less than everything, to keep its time linear in the texts' length. Both
/// are zero on articles of ordinary length; the page and the command line say so when one is not.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Limits {
    /// Phrases of `a` (four words or marks) that `b` repeats more than
    /// [`MAX_CANDIDATES`](crate::MAX_CANDIDATES) times: each was matched only with the repeats nearest
    /// to where it would fall, so a few words among the repeats may go unmarked.
    pub frequent_phrases: usize,
    /// Stretches of the inline diff between passages in order that are too long to align word by word
    /// (over [`MAX_GAP_CELLS`](crate::MAX_GAP_CELLS) token pairs): shown whole, as deleted and inserted.
    pub unaligned_stretches: usize,
}

/// A passage found in both texts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// Where it is in `a`: from its first token's start to its last token's end.
    pub a: Span,
    /// Where it is in `b`.
    pub b: Span,
    /// Identical words in it (spelling variants count as identical when that option is on).
    pub words: usize,
    /// Whether both sides are the same word for word under the normalization.
    pub exact: bool,
    /// The stretches that differ inside the passage, in order; empty when `exact`.
    pub edits: Vec<Edit>,
    /// Whether the passage belongs to the one-to-one pairing: the largest passages first, each kept
    /// when it overlaps none kept before in either text. That is the plain alignment for what pairs
    /// each word once: PAN detections (the CLI's `--format pan`) and the anchors of the inline diff.
    pub one_to_one: bool,
}

/// A stretch that differs inside a passage. One side is empty for a pure insertion or deletion, and
/// then sits where the other side's text would go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The tokens of `a` that differ.
    pub a: Span,
    /// The tokens of `b` that differ.
    pub b: Span,
}

/// One operation of the inline word diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiffOp {
    /// Equal, deleted from `a` or inserted from `b`.
    pub kind: DiffKind,
    /// The text of `a` it covers (empty for an insertion).
    pub a: Span,
    /// The text of `b` it covers (empty for a deletion).
    pub b: Span,
}

/// Compares `a` with `b`. Never fails: any two strings and any options give a comparison (option
/// values out of range are brought into range, see [`CompareOptions::clamped`]).
///
/// ```
/// let a = "The port of Tartus was closed on Monday after the storm, officials said.";
/// let b = "Officials said the port of Tartus was closed on Monday after the storm.";
/// let result = copydesk::compare(a, b, &copydesk::CompareOptions::default());
/// assert_eq!(result.passages.len(), 1);
/// assert_eq!(&a[result.passages[0].a.range()], "The port of Tartus was closed on Monday after the storm");
/// ```
pub fn compare(a: &str, b: &str, options: &CompareOptions) -> Comparison {
    let options = options.clamped();
    let mut interner = interner(&options);
    let (a, b) = (Text::new(&mut interner, a), Text::new(&mut interner, b));
    compare_texts(&interner, &a, &b, &options)
}

/// The interner for texts compared under `options` (already clamped).
pub(crate) fn interner<'t>(options: &CompareOptions) -> Interner<'t> {
    let folding = Folding { case: options.fold_case, diacritics: options.fold_diacritics };
    let ignore = Ignore { punctuation: options.ignore_punctuation, numbers: options.ignore_numbers };
    Interner::new(folding, ignore)
}

/// A text ready to be compared with any other text of the same interner: its tokens and key ids, and
/// what the matcher must know of each compared token.
pub(crate) struct Text<'t> {
    pub text: &'t str,
    pub prepared: Prepared,
    pub flags: Vec<Flags>,
    /// For each compared token, whether it is a word.
    pub words: Vec<bool>,
}

impl<'t> Text<'t> {
    pub fn new(interner: &mut Interner<'t>, text: &'t str) -> Self {
        let prepared = interner.prepare(text);
        let flags = text::flags(&prepared, text);
        let words = flags.iter().map(|flags| flags.is_word()).collect();
        Text { text, prepared, flags, words }
    }

    /// Its words.
    pub fn word_count(&self) -> usize {
        self.words.iter().filter(|&&w| w).count()
    }
}

/// The matcher's passages of `a` and `b` (token positions), with the spelling classes of this pair when
/// the options ask for them.
pub(crate) fn find(interner: &Interner, a: &Text, b: &Text, options: &CompareOptions) -> matcher::Findings {
    let classes = options.spelling_variants.then(|| interner.spelling_classes(&a.prepared, &b.prepared));
    let to_class = |keys: &[u32]| match &classes {
        Some(classes) => keys.iter().map(|&k| classes[k as usize]).collect(),
        None => keys.to_vec(),
    };
    let (class_a, class_b): (Vec<u32>, Vec<u32>) = (to_class(&a.prepared.keys), to_class(&b.prepared.keys));
    matcher::find_passages(
        &Sequence { ids: &class_a, flags: &a.flags },
        &Sequence { ids: &class_b, flags: &b.flags },
        MatchSettings { min_words: options.min_words, max_edits: options.max_edits },
    )
}

/// [`compare`] of two texts prepared with one interner, under options already clamped.
pub(crate) fn compare_texts(interner: &Interner, a: &Text, b: &Text, options: &CompareOptions) -> Comparison {
    let matcher::Findings { passages: matched, frequent_phrases } = find(interner, a, b, options);
    let (pa, pb) = (&a.prepared, &b.prepared);
    let inside: Vec<Vec<diff::Op>> = matched.iter().map(|m| diff::inside_passage(m, &pa.keys, &pb.keys)).collect();
    let passages: Vec<Passage> = matched.iter().zip(&inside).map(|(m, ops)| in_text(m, ops, pa, pb)).collect();
    let inline = diff::inline(&pa.keys, &pb.keys, &matched, &inside);
    let diff = inline.ops.into_iter().map(|op| DiffOp {
        kind: op.kind,
        a: cover(pa, a.text, op.a),
        b: cover(pb, b.text, op.b),
    });
    Comparison {
        a: DocumentStats::new(a.word_count(), covered_words(&a.words, matched.iter().map(|m| m.a()))),
        b: DocumentStats::new(b.word_count(), covered_words(&b.words, matched.iter().map(|m| m.b()))),
        longest_passage_words: passages.iter().map(|p| p.words).max().unwrap_or(0),
        passages,
        diff: diff.collect(),
        limits: Limits { frequent_phrases, unaligned_stretches: inline.unaligned },
    }
}

/// A passage the matcher found in token positions, as the byte spans of the texts.
fn in_text(found: &matcher::Passage, inside: &[diff::Op], pa: &Prepared, pb: &Prepared) -> Passage {
    let edits: Vec<Edit> = diff::edits(inside)
        .into_iter()
        .map(|(ea, eb)| Edit { a: tokens_span(pa, ea), b: tokens_span(pb, eb) })
        .collect();
    Passage {
        a: tokens_span(pa, found.a()),
        b: tokens_span(pb, found.b()),
        words: found.words,
        exact: edits.is_empty(),
        edits,
        one_to_one: found.one_to_one,
    }
}

/// The bytes from the first to the last of the compared tokens in `range`; for an empty range, the
/// empty span where its next token starts (or where the last one ends).
pub(crate) fn tokens_span(prepared: &Prepared, range: std::ops::Range<usize>) -> Span {
    let token = |i: usize| prepared.tokens[prepared.compared[i] as usize].span;
    if range.is_empty() {
        let at = match range.start {
            i if i < prepared.compared.len() => token(i).start,
            i => token(i - 1).end,
        };
        return Span::new(at, at);
    }
    Span::new(token(range.start).start, token(range.end - 1).end)
}

/// The bytes that an operation over compared tokens `range` covers in the diff: from the start of its
/// first token to the start of the next operation's, so that white space and ignored tokens belong to
/// the operation before them and the operations tile the text.
fn cover(prepared: &Prepared, text: &str, range: std::ops::Range<usize>) -> Span {
    let boundary = |i: usize| match i {
        0 => 0,
        i if i == prepared.compared.len() => text.len(),
        i => prepared.tokens[prepared.compared[i] as usize].span.start,
    };
    Span::new(boundary(range.start), boundary(range.end))
}
