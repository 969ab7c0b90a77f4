//! Greedy cover: the longest matches first, each kept only for what it adds, so that every position of
//! either text that a match reaches ends up in a tile, and repeated text is paired with each of its copies.

use std::collections::BinaryHeap;

use super::Run;

/// Chooses tiles from `runs`: repeatedly the longest run that still reaches a position not yet in a
/// tile, in `a` or in `b`. A position may be in several tiles (a sentence of `a` that `b` holds twice is
/// in one tile with each copy), but a tile must add a position of its own: a run goes from the first to
/// the last position it adds, and when that is less than the whole run, it goes back in line as that
/// part, passed through `refine` (which trims it, or drops it as too short). Ties go to the run that
/// starts first in `a`, then in `b`, so the result is deterministic.
///
/// This is greedy string tiling (Wise, 1993) with one change: a tile may reuse positions of one text as
/// long as it adds some of its own. Each tile adds at least one position, so there are at most
/// `a_len + b_len` tiles, and a passage repeated `k` times costs `k` tiles, not `k²`.
pub(super) fn cover_tiles(runs: Vec<Run>, a_len: usize, b_len: usize, refine: impl Fn(Run) -> Option<Run>) -> Vec<Run> {
    let mut queue: BinaryHeap<Queued> = runs.into_iter().map(Queued::new).collect();
    let mut covered_a = vec![false; a_len];
    let mut covered_b = vec![false; b_len];
    let mut tiles = Vec::new();
    while let Some(run) = queue.pop().map(Queued::run) {
        let adds = |t: &usize| !covered_a[run.a + t] || !covered_b[run.b + t];
        let Some(first) = (0..run.len).find(adds) else {
            continue;
        };
        let last = (0..run.len).rev().find(adds).unwrap_or(first);
        let part = Run { a: run.a + first, b: run.b + first, len: last + 1 - first };
        if part == run {
            covered_a[run.a..run.end_a()].fill(true);
            covered_b[run.b..run.end_b()].fill(true);
            tiles.push(run);
        } else {
            queue.extend(refine(part).map(Queued::new));
        }
    }
    tiles
}

/// A run in the queue, packed into one number whose order is the queue's: longer first, then earlier
/// in `a`, then earlier in `b`. Comparing one number instead of three keeps the heap of many runs
/// (most of them chance matches of common phrases, which add nothing) cheap. Positions fit in 32 bits,
/// as everywhere in the matcher.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Queued(u128);

impl Queued {
    fn new(run: Run) -> Self {
        let (a, b) = (u32::MAX - run.a as u32, u32::MAX - run.b as u32);
        Queued((run.len as u128) << 64 | u128::from(a) << 32 | u128::from(b))
    }

    fn run(self) -> Run {
        let (a, b) = (u32::MAX - (self.0 >> 32) as u32, u32::MAX - self.0 as u32);
        Run { a: a as usize, b: b as usize, len: (self.0 >> 64) as usize }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiles(runs: Vec<Run>) -> Vec<Run> {
        cover_tiles(runs, 40, 40, |run| Some(run).filter(|run| run.len >= 3))
    }

    #[test]
    fn longest_first_and_a_run_keeps_only_what_it_adds() {
        let long = Run { a: 0, b: 0, len: 10 };
        // Its first five positions are in `long` on both sides; the rest is new in both.
        let overlapping = Run { a: 5, b: 5, len: 10 };
        assert_eq!(tiles(vec![overlapping, long]), [long, Run { a: 10, b: 10, len: 5 }]);
    }

    #[test]
    fn a_second_copy_in_b_is_a_tile_of_its_own() {
        let first = Run { a: 0, b: 0, len: 10 };
        let second = Run { a: 0, b: 20, len: 10 };
        assert_eq!(tiles(vec![second, first]), [first, second]);
    }

    #[test]
    fn a_run_that_adds_nothing_is_dropped() {
        let (x, y) = (Run { a: 0, b: 0, len: 10 }, Run { a: 20, b: 20, len: 10 });
        // Covered in `a` by `x` and in `b` by `y` throughout.
        let crossing = Run { a: 0, b: 20, len: 8 };
        assert_eq!(tiles(vec![x, y, crossing]), [x, y]);
    }
}
