//! Joining tiles that follow each other in both texts, across a few edited words, into passages.

use std::ops::Range;

use super::{Found, Run, Sequence, SEED_TOKENS};

/// Joins consecutive tiles into passages (their `words` are left for the caller to count).
///
/// Two tiles join when the second follows the first directly in both texts (no other tile between
/// them on either side) and the words between them differ by at most `max_edits` insertions,
/// deletions or substitutions. Punctuation in the gap does not count: a comma or a quote mark more
/// or less is no reason to split a passage (the word diff still shows it).
pub(super) fn join(mut tiles: Vec<Run>, a: &Sequence, b: &Sequence, max_edits: usize) -> Vec<Found> {
    tiles.sort_unstable_by_key(|tile| tile.a);
    let next_in_b = successors_in_b(&tiles);
    let mut passages = Vec::new();
    let mut current: Option<Found> = None;
    for (t, &tile) in tiles.iter().enumerate() {
        match current.as_mut() {
            Some(passage)
                if next_in_b[t - 1] == Some(t)
                    && bridgeable((a, passage.a().end..tile.a), (b, passage.b().end..tile.b), max_edits) =>
            {
                passage.runs.push(tile);
            }
            _ => {
                passages.extend(current.replace(Found { runs: vec![tile], words: 0 }));
            }
        }
    }
    passages.extend(current);
    passages
}

/// For each tile (in `a` order), the index of the tile that comes next in `b`.
fn successors_in_b(tiles: &[Run]) -> Vec<Option<usize>> {
    let mut by_b: Vec<usize> = (0..tiles.len()).collect();
    by_b.sort_unstable_by_key(|&t| tiles[t].b);
    let mut next = vec![None; tiles.len()];
    for pair in by_b.windows(2) {
        next[pair[0]] = Some(pair[1]);
    }
    next
}

/// Whether the words of the gaps between two tiles, `a` and `b`, are at most `max_edits` edits apart.
fn bridgeable((a, gap_a): (&Sequence, Range<usize>), (b, gap_b): (&Sequence, Range<usize>), max_edits: usize) -> bool {
    // Between two tiles, identical stretches are shorter than a seed; more than that would be a tile.
    let longest = max_edits + (max_edits + 1) * (SEED_TOKENS - 1);
    let (a, b) = (a.words_in(gap_a, longest + 1), b.words_in(gap_b, longest + 1));
    a.len().max(b.len()) <= longest && a.len().abs_diff(b.len()) <= max_edits && edit_distance(&a, &b) <= max_edits
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

    fn ranges(found: &Found) -> (Range<usize>, Range<usize>) {
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

    #[test]
    fn tiles_out_of_order_in_b_do_not_join() {
        let ids: Vec<u32> = (0..20).collect();
        let flags = vec![Flags::word(); 20];
        let seq = Sequence { ids: &ids, flags: &flags };
        let tiles = vec![Run { a: 0, b: 10, len: 10 }, Run { a: 10, b: 0, len: 10 }];
        let found = join(tiles, &seq, &seq, 3);
        assert_eq!(found.iter().map(ranges).collect::<Vec<_>>(), [(0..10, 10..20), (10..20, 0..10)]);
    }
}
