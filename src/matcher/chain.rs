//! Joining tiles that follow each other in both texts, across a few edited words, into passages.

use std::ops::Range;

use super::{Passage, Run, Sequence, SEED_TOKENS};
use crate::sorting::sorted_by_key;

/// Joins tiles into passages (their `words` are left for the caller to count).
///
/// A tile follows another when it starts after the other ends in both texts and the words between them
/// differ by at most `max_edits` insertions, deletions or substitutions. Punctuation in the gap does not
/// count: a comma or a quote mark more or less is no reason to split a passage (the word diff still shows
/// it). Where text repeats, tiles share positions, and a tile may be followed by several others (the
/// same sentence of `a` goes on in each of `b`'s copies): each tile takes the one with the fewest words
/// between them, and keeps at most one tile before it, the nearest links being made first.
///
/// A tile may also follow one whose end it overlaps in one text: where `b` inserts a word that stands
/// next to it ("the the" for "the"), the runs on either side of the insertion both hold the word of `a`,
/// for a position may be in several tiles. The follower is then cut to start after the other in both
/// texts, which leaves the insertion as the gap, so the copy stays one passage; what is left of it must
/// still be a run of `seed` tokens, as every tile is.
///
/// Only tiles whose gap in `a` is short enough are looked at, at most two per start in `a` (the nearest
/// on either side of where the tile's end falls in `b`), so the cost is O(T log T) for T tiles however
/// often text repeats.
pub(super) fn join(tiles: Vec<Run>, a: &Sequence, b: &Sequence, max_edits: usize, seed: usize) -> Vec<Passage> {
    let tiles = sorted_by_key(tiles, |tile| (tile.a, tile.b));
    let gaps = Gaps::new(a, b, max_edits, seed);
    let mut links: Vec<(usize, usize, usize)> = (0..tiles.len())
        .filter_map(|t| gaps.nearest_successor(&tiles, t).map(|(words, next)| (words, t, next)))
        .collect();
    links.sort_unstable();
    let mut next = vec![None; tiles.len()];
    let mut follows = vec![false; tiles.len()];
    for (_, t, successor) in links {
        if next[t].is_none() && !follows[successor] {
            next[t] = Some(successor);
            follows[successor] = true;
        }
    }
    (0..tiles.len())
        .filter(|&t| !follows[t])
        .map(|first| {
            let mut runs: Vec<Run> = Vec::new();
            for t in std::iter::successors(Some(first), |&t| next[t]) {
                let tile = tiles[t];
                runs.push(runs.last().map_or(tile, |previous| after(previous, tile)));
            }
            Passage { runs, words: 0, one_to_one: false }
        })
        .collect()
}

/// `next` cut to start after `previous` ends in both texts (it may overlap its end in one).
fn after(previous: &Run, next: Run) -> Run {
    let overlap = previous.end_a().saturating_sub(next.a).max(previous.end_b().saturating_sub(next.b));
    Run { a: next.a + overlap, b: next.b + overlap, len: next.len - overlap }
}

/// The gaps a passage may bridge, and the words between two positions of either text.
struct Gaps<'s, 'a> {
    a: &'s Sequence<'a>,
    b: &'s Sequence<'a>,
    max_edits: usize,
    /// The fewest tokens of a tile.
    seed: usize,
    /// The most words a gap may hold: identical stretches between two tiles are shorter than a seed
    /// (more would be a tile), so at most `max_edits` edits and `max_edits + 1` such stretches.
    longest: usize,
    /// Words before each position of `a` and of `b`.
    words_before_a: Vec<u32>,
    words_before_b: Vec<u32>,
}

impl<'s, 'a> Gaps<'s, 'a> {
    fn new(a: &'s Sequence<'a>, b: &'s Sequence<'a>, max_edits: usize, seed: usize) -> Self {
        let longest = max_edits + (max_edits + 1) * (SEED_TOKENS - 1);
        let (words_before_a, words_before_b) = (words_before(a), words_before(b));
        Gaps { a, b, max_edits, seed, longest, words_before_a, words_before_b }
    }

    /// The tile that follows `tiles[t]` across the fewest words (in both gaps together, once it is cut
    /// to start after the tile: see [`after`]), and that many words; `tiles` is ordered by start in `a`,
    /// then in `b`.
    fn nearest_successor(&self, tiles: &[Run], t: usize) -> Option<(usize, usize)> {
        let tile = tiles[t];
        let (before_a, before_b) = (&self.words_before_a[..], &self.words_before_b[..]);
        // A follower starts after the tile's start, and overlaps its end by at most `longest` words.
        let first_a = self.overlap_from(before_a, tile.a..tile.end_a());
        let first_b = self.overlap_from(before_b, tile.b..tile.end_b());
        let mut best: Option<(usize, usize)> = None;
        let mut from = tiles.partition_point(|next| next.a < first_a);
        while from < tiles.len() {
            let start = tiles[from].a;
            if start > tile.end_a() && words(before_a, tile.end_a()..start) > self.longest {
                break;
            }
            let group_end = from + tiles[from..].partition_point(|next| next.a == start);
            // Where the tile's end falls in `b` for a follower that starts at `start` in `a`: the nearest
            // followers on either side of it cross the fewest words.
            let pivot = tile.end_b() - tile.end_a().saturating_sub(start);
            let split = from + tiles[from..group_end].partition_point(|next| next.b < pivot);
            let around = [Some(split).filter(|&c| c < group_end), split.checked_sub(1).filter(|&c| c >= from)];
            for candidate in around.into_iter().flatten() {
                let next = tiles[candidate];
                let overlap = tile.end_a().saturating_sub(next.a).max(tile.end_b().saturating_sub(next.b));
                if next.b < first_b || overlap + self.seed > next.len {
                    continue;
                }
                let cut = after(&tile, next);
                let (gap_a, gap_b) = (tile.end_a()..cut.a, tile.end_b()..cut.b);
                let cost = words(before_a, gap_a.clone()) + words(before_b, gap_b.clone());
                if best.map_or(true, |(fewest, _)| cost < fewest) && self.bridgeable(gap_a, gap_b) {
                    best = Some((cost, candidate));
                }
            }
            from = group_end;
        }
        best
    }

    /// The first position after the start of `tile` (a tile's range in one text, whose words before
    /// each position are `before`) from which at most `longest` words remain to its end.
    fn overlap_from(&self, before: &[u32], tile: Range<usize>) -> usize {
        let after_start = &before[tile.start + 1..=tile.end];
        tile.start + 1 + after_start.partition_point(|&w| (before[tile.end] - w) as usize > self.longest)
    }

    /// Whether the words of the gaps between two tiles, `gap_a` and `gap_b`, are at most `max_edits`
    /// edits apart. Gaps of at most `max_edits` words are (substituting or inserting each word is
    /// enough): the usual gap, a word or two edited, needs no distance computed.
    fn bridgeable(&self, gap_a: Range<usize>, gap_b: Range<usize>) -> bool {
        let counts = (words(&self.words_before_a, gap_a.clone()), words(&self.words_before_b, gap_b.clone()));
        if counts.0.max(counts.1) <= self.max_edits {
            return true;
        }
        counts.0.max(counts.1) <= self.longest
            && counts.0.abs_diff(counts.1) <= self.max_edits
            && edit_distance(&self.a.first_words(gap_a, self.longest), &self.b.first_words(gap_b, self.longest))
                <= self.max_edits
    }
}

/// The words in `range`, from the words before each position.
fn words(before: &[u32], range: Range<usize>) -> usize {
    (before[range.end] - before[range.start]) as usize
}

/// For each position of `sequence` and its end, the words before it.
fn words_before(sequence: &Sequence) -> Vec<u32> {
    let counts = sequence.flags.iter().scan(0u32, |words, flags| {
        *words += u32::from(flags.is_word());
        Some(*words)
    });
    std::iter::once(0).chain(counts).collect()
}

/// Levenshtein distance over ids; the gaps are short, so the quadratic table is a few hundred cells.
fn edit_distance(a: &[u32], b: &[u32]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(x != y);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Flags;

    fn ranges(found: &Passage) -> (Range<usize>, Range<usize>) {
        (found.a(), found.b())
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        assert_eq!(edit_distance(&[1, 2, 3], &[1, 2, 3]), 0);
        assert_eq!(edit_distance(&[1, 2, 3], &[1, 9, 3]), 1);
        assert_eq!(edit_distance(&[1, 2, 3], &[1, 3]), 1);
        assert_eq!(edit_distance(&[], &[4, 5]), 2);
        assert_eq!(edit_distance(&[1, 2, 3, 4], &[4, 3, 2, 1]), 4);
    }

    fn joined(tiles: Vec<Run>) -> Vec<(Range<usize>, Range<usize>)> {
        let ids: Vec<u32> = (0..60).collect();
        let flags = vec![Flags::word(); 60];
        let seq = Sequence { ids: &ids, flags: &flags };
        join(tiles, &seq, &seq, 3, 4).iter().map(ranges).collect()
    }

    #[test]
    fn tiles_out_of_order_in_b_do_not_join() {
        let tiles = vec![Run { a: 0, b: 10, len: 10 }, Run { a: 10, b: 0, len: 10 }];
        assert_eq!(joined(tiles), [(0..10, 10..20), (10..20, 0..10)]);
    }

    #[test]
    fn each_copy_of_a_repeated_text_joins_its_own_next_part() {
        // a's 0..20 stands twice in b, at 0 and at 30, with a changed word after position 10 each time.
        let tiles = vec![
            Run { a: 0, b: 0, len: 10 },
            Run { a: 11, b: 11, len: 9 },
            Run { a: 0, b: 30, len: 10 },
            Run { a: 11, b: 41, len: 9 },
        ];
        assert_eq!(joined(tiles), [(0..20, 0..20), (0..20, 30..50)]);
    }

    #[test]
    fn a_tile_that_overlaps_the_end_of_another_in_one_text_follows_it() {
        // b inserts a word that repeats a's word 9: both tiles hold a's 9.
        let tiles = vec![Run { a: 0, b: 0, len: 10 }, Run { a: 9, b: 10, len: 11 }];
        assert_eq!(joined(tiles), [(0..20, 0..21)]);
        // But what is left of it once cut must be a seed's length (4 here), as every tile is.
        let tiles = vec![Run { a: 0, b: 0, len: 10 }, Run { a: 8, b: 10, len: 5 }];
        assert_eq!(joined(tiles), [(0..10, 0..10), (8..13, 10..15)]);
    }
}
