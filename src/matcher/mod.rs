//! The shared-passage matcher: every passage of two id sequences that occurs in both, in any order,
//! through small edits. It works on ids only (see [`crate::text`]) and runs in near-linear time.
//!
//! 1. [`seeds`]: index every `k`-gram of `b` by hash; for each position of `a`, the occurrences of its
//!    `k`-gram in `b` seed a maximal exact match (a run that cannot be extended either way). Each diagonal
//!    remembers how far it is covered, so no match is found twice.
//! 2. [`edges`] trims each match to where a reader would put its ends (not at the full stop before a
//!    sentence, not into a two-word stub of the next paragraph unless the stub is a sentence of its own),
//!    before any word is claimed.
//! 3. [`tiling`]: a greedy cover: the longest matches first, each kept for the positions it adds, in
//!    either text, so that text one side holds twice is paired with both copies (many-to-many).
//! 4. [`chain`]: tiles that follow each other in both texts, with a gap of at most `max_edits` word edits
//!    between them, become one passage "with edits". Its outer ends are trimmed like a run's, and
//!    passages with fewer than `min_words` identical words are dropped.
//! 5. The largest passages that overlap no larger one in either text are marked one-to-one: the plain
//!    alignment that PAN detections and the inline diff's anchors need.

mod chain;
mod edges;
mod seeds;
mod tiling;

use std::ops::Range;

use crate::sorting::{order_by_key, sorted_by_key};
use crate::text::Flags;

pub(crate) use seeds::gram_hashes;
pub use seeds::MAX_CANDIDATES;

/// What the matcher compares: one text's compared tokens as ids, and what it must know of each.
pub(crate) struct Sequence<'a> {
    /// One id per compared token; equal ids are equal words.
    pub ids: &'a [u32],
    /// For each compared token: a word or not, sentence ends, punctuation that may not start or end.
    pub flags: &'a [Flags],
}

impl Sequence<'_> {
    /// The words (not punctuation) in `range`.
    fn count_words(&self, range: Range<usize>) -> usize {
        self.flags[range].iter().filter(|flags| flags.is_word()).count()
    }

    /// The ids of the first `most` words (not punctuation) in `range`.
    fn first_words(&self, range: Range<usize>, most: usize) -> Vec<u32> {
        range.filter(|&i| self.flags[i].is_word()).map(|i| self.ids[i]).take(most).collect()
    }

    /// Whether the tokens in `range` are a sentence of their own: a sentence starts where they start (at
    /// the text's start, or after a sentence end or a blank line, an opening quote or two between) and
    /// ends where they end (after their last token, or with the punctuation that follows them, as `.` or
    /// `."` do, or at the text's end).
    fn whole_sentence(&self, range: Range<usize>) -> bool {
        let mut before = self.flags[..range.start].iter().rev();
        let starts = before.by_ref().take(EDGE_PUNCTUATION + 1).find(|f| f.boundary_after() || f.is_word());
        let starts = match starts {
            Some(flags) => flags.boundary_after(),
            None => before.next().is_none(),
        };
        let mut after = self.flags[range.end..].iter();
        let ends = match after.by_ref().take(EDGE_PUNCTUATION + 1).find(|f| f.boundary_after() || f.is_word()) {
            Some(flags) => !flags.is_word(),
            None => after.next().is_none(),
        };
        starts && (ends || self.flags[range.end - 1].boundary_after())
    }
}

/// Punctuation tokens between a sentence's words and the boundary beyond them that still leave them a
/// sentence of their own: the quote marks in `said. "Yes."`.
const EDGE_PUNCTUATION: usize = 2;

/// A run of equal ids: `a[a..a + len] == b[b..b + len]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Run {
    pub a: usize,
    pub b: usize,
    pub len: usize,
}

impl Run {
    pub fn end_a(&self) -> usize {
        self.a + self.len
    }

    pub fn end_b(&self) -> usize {
        self.b + self.len
    }
}

/// A passage found in both sequences: its identical runs, in order in both, with at most
/// `max_edits` edited words between two of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Passage {
    /// Never empty; each run starts after the previous one ends, in both texts.
    pub runs: Vec<Run>,
    /// Words inside the runs.
    pub words: usize,
    /// Whether the passage belongs to the one-to-one pairing (see [`Findings::passages`]).
    pub one_to_one: bool,
}

impl Passage {
    /// The compared tokens of `a` the passage spans.
    pub fn a(&self) -> Range<usize> {
        self.runs[0].a..self.runs[self.runs.len() - 1].end_a()
    }

    /// The compared tokens of `b` the passage spans.
    pub fn b(&self) -> Range<usize> {
        self.runs[0].b..self.runs[self.runs.len() - 1].end_b()
    }
}

/// How the matcher runs.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MatchSettings {
    pub min_words: usize,
    pub max_edits: usize,
}

/// Tokens in a seed: short enough to catch the identical runs between edits, long enough that few
/// seeds are coincidences. Never more than `min_words`.
const SEED_TOKENS: usize = 4;

/// What the matcher found.
pub(crate) struct Findings {
    /// The shared passages, ordered by their start in `a`, then in `b`. Every stretch of either text
    /// that stands in the other is in one, however often either text holds it, so passages may share
    /// or overlap their range in one text (many-to-many); no two share both ranges. The ones marked
    /// `one_to_one` overlap no other marked one in either text: the largest passages first, each word
    /// paired with at most one counterpart, for what needs a plain alignment (PAN detections, the anchors
    /// of the inline diff).
    pub passages: Vec<Passage>,
    /// Phrases of `a` (stretches of seeds of [`SEED_TOKENS`] tokens) that `b` repeats so often that only
    /// the repeats nearest to each were tried, to keep the time linear.
    pub frequent_phrases: usize,
}

/// The tokens in a seed of passages of at least `min_words` words.
pub(crate) fn seed_tokens(min_words: usize) -> usize {
    SEED_TOKENS.min(min_words)
}

/// All shared passages of `a` and `b`.
pub(crate) fn find_passages(a: &Sequence, b: &Sequence, settings: MatchSettings) -> Findings {
    let seed = seed_tokens(settings.min_words);
    let trim = |run: Run| (run.len >= seed).then(|| edges::trim_run(run, a, b, seed));
    let matches = seeds::maximal_matches(a.ids, b.ids, seed);
    let tiles =
        tiling::cover_tiles(matches.runs.into_iter().filter_map(trim).collect(), a.ids.len(), b.ids.len(), trim);
    let mut passages = chain::join(tiles, a, b, settings.max_edits, seed);
    for passage in &mut passages {
        edges::trim_passage(passage, a, b);
        passage.words = passage.runs.iter().map(|run| a.count_words(run.a..run.end_a())).sum();
    }
    passages.retain(|passage| passage.words >= settings.min_words);
    // In order of both ranges (by their ends, then stably by their starts), so that repeats are neighbours.
    let passages = sorted_by_key(passages, |passage| (passage.a().end, passage.b().end));
    let mut passages = sorted_by_key(passages, |passage| (passage.a().start, passage.b().start));
    passages.dedup_by_key(|passage| (passage.a(), passage.b()));
    pair_one_to_one(&mut passages, a.ids.len(), b.ids.len());
    Findings { passages, frequent_phrases: matches.frequent_phrases }
}

/// Marks the one-to-one passages: the most words first (ties to the earlier in `a`), each kept when its
/// ranges overlap no passage kept before in either text.
fn pair_one_to_one(passages: &mut [Passage], a_len: usize, b_len: usize) {
    let order = order_by_key(passages.len(), |p| (usize::MAX - passages[p].words, 0));
    let (mut taken_a, mut taken_b) = (vec![false; a_len], vec![false; b_len]);
    for p in order {
        let (a, b) = (passages[p].a(), passages[p].b());
        if taken_a[a.clone()].contains(&true) || taken_b[b.clone()].contains(&true) {
            continue;
        }
        taken_a[a].fill(true);
        taken_b[b].fill(true);
        passages[p].one_to_one = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(a: &[u32], b: &[u32], min_words: usize, max_edits: usize) -> Vec<(Range<usize>, Range<usize>)> {
        let (wa, wb) = (vec![Flags::word(); a.len()], vec![Flags::word(); b.len()]);
        let (a, b) = (Sequence { ids: a, flags: &wa }, Sequence { ids: b, flags: &wb });
        let found = find_passages(&a, &b, MatchSettings { min_words, max_edits });
        found.passages.into_iter().map(|p| (p.a(), p.b())).collect()
    }

    #[test]
    fn finds_reordered_passages() {
        let a: Vec<u32> = (0..30).collect();
        let b: Vec<u32> = (20..30).chain(100..105).chain(0..10).collect();
        assert_eq!(find(&a, &b, 5, 0), [(0..10, 15..25), (20..30, 0..10)]);
    }

    #[test]
    fn bridges_a_changed_word_up_to_max_edits() {
        let a: Vec<u32> = (0..20).collect();
        let mut b = a.clone();
        b[10] = 99;
        assert_eq!(find(&a, &b, 8, 1), [(0..20, 0..20)]);
        assert_eq!(find(&a, &b, 8, 0), [(0..10, 0..10), (11..20, 11..20)]);
    }

    #[test]
    fn bridges_an_insertion_and_a_deletion() {
        let a: Vec<u32> = (0..20).collect();
        let b: Vec<u32> = (0..7).chain([77, 78]).chain(7..15).chain(16..20).collect();
        assert_eq!(find(&a, &b, 8, 2), [(0..20, 0..21)]);
    }

    #[test]
    fn drops_passages_shorter_than_min_words() {
        let a: Vec<u32> = (0..6).collect();
        assert!(find(&a, &a, 8, 3).is_empty());
        assert_eq!(find(&a, &a, 6, 3), [(0..6, 0..6)]);
    }

    #[test]
    fn repeated_text_pairs_every_copy() {
        let line: Vec<u32> = (0..10).collect();
        let a = line.repeat(3);
        let b = line.repeat(2);
        assert_eq!(find(&a, &b, 5, 0), [(0..20, 0..20), (20..30, 0..10)]);
    }

    #[test]
    fn the_largest_passages_pair_one_to_one() {
        let sentence: Vec<u32> = (0..10).collect();
        let a: Vec<u32> = sentence.iter().copied().chain(50..60).collect();
        let b: Vec<u32> = sentence.iter().copied().chain([99]).chain(a.iter().copied()).collect();
        let (wa, wb) = (vec![Flags::word(); a.len()], vec![Flags::word(); b.len()]);
        let found = find_passages(
            &Sequence { ids: &a, flags: &wa },
            &Sequence { ids: &b, flags: &wb },
            MatchSettings { min_words: 5, max_edits: 0 },
        )
        .passages;
        let pairs: Vec<_> = found.iter().map(|f| (f.a(), f.b(), f.one_to_one)).collect();
        assert_eq!(pairs, [(0..10, 0..10, false), (0..20, 11..31, true)]);
    }

    #[test]
    fn a_text_of_one_repeated_word_matches_itself() {
        let a = vec![7; 5000];
        assert_eq!(find(&a, &a, 8, 3), [(0..5000, 0..5000)]);
    }
}
