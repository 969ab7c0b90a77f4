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
/// Only tiles whose gap in `a` is short enough are looked at, one per start in `a` (the first at or after
/// the tile's end in `b`), so the cost is O(T log T) for T tiles however often text repeats.
pub(super) fn join(tiles: Vec<Run>, a: &Sequence, b: &Sequence, max_edits: usize) -> Vec<Passage> {
    let tiles = sorted_by_key(tiles, |tile| (tile.a, tile.b));
    let gaps = Gaps::new(a, b, max_edits);
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
            let runs = std::iter::successors(Some(first), |&t| next[t]).map(|t| tiles[t]).collect();
            Passage { runs, words: 0, one_to_one: false }
        })
        .collect()
}

/// The gaps a passage may bridge, and the words between two positions of either text.
struct Gaps<'s, 'a> {
    a: &'s Sequence<'a>,
    b: &'s Sequence<'a>,
    max_edits: usize,
    /// The most words a gap may hold: identical stretches between two tiles are shorter than a seed
    /// (more would be a tile), so at most `max_edits` edits and `max_edits + 1` such stretches.
    longest: usize,
    /// Words before each position of `a` and of `b`.
    words_before_a: Vec<u32>,
    words_before_b: Vec<u32>,
}

impl<'s, 'a> Gaps<'s, 'a> {
    fn new(a: &'s Sequence<'a>, b: &'s Sequence<'a>, max_edits: usize) -> Self {
        let longest = max_edits + (max_edits + 1) * (SEED_TOKENS - 1);
        Gaps { a, b, max_edits, longest, words_before_a: words_before(a), words_before_b: words_before(b) }
    }

    /// The tile that follows `tiles[t]` across the fewest words (in both gaps together), and that many
    /// words; `tiles` is ordered by start in `a`, then in `b`.
    fn nearest_successor(&self, tiles: &[Run], t: usize) -> Option<(usize, usize)> {
        let tile = tiles[t];
        let words = |before: &[u32], from: usize, to: usize| (before[to] - before[from]) as usize;
        let mut best: Option<(usize, usize)> = None;
        let mut from = tiles.partition_point(|next| next.a < tile.end_a());
        while from < tiles.len() {
            let start = tiles[from].a;
            let gap_a = words(&self.words_before_a, tile.end_a(), start);
            if gap_a > self.longest {
                break;
            }
            let group_end = from + tiles[from..].partition_point(|next| next.a == start);
            let candidate = from + tiles[from..group_end].partition_point(|next| next.b < tile.end_b());
            if candidate < group_end {
                let gap_b = words(&self.words_before_b, tile.end_b(), tiles[candidate].b);
                let cost = gap_a + gap_b;
                if gap_b <= self.longest
                    && best.map_or(true, |(fewest, _)| cost < fewest)
                    && self.bridgeable(tile.end_a()..start, tile.end_b()..tiles[candidate].b)
                {
                    best = Some((cost, candidate));
                }
            }
            from = group_end;
        }
        best
    }

    /// Whether the words of the gaps between two tiles, `gap_a` and `gap_b`, are at most `max_edits`
    /// edits apart.
    fn bridgeable(&self, gap_a: Range<usize>, gap_b: Range<usize>) -> bool {
        let (a, b) = (self.a.first_words(gap_a, self.longest + 1), self.b.first_words(gap_b, self.longest + 1));
        a.len().max(b.len()) <= self.longest
            && a.len().abs_diff(b.len()) <= self.max_edits
            && edit_distance(&a, &b) <= self.max_edits
    }
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
        join(tiles, &seq, &seq, 3).iter().map(ranges).collect()
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
}
