//! Greedy string tiling: the longest matches first, each position of either text in at most one tile.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::Run;

/// Chooses non-overlapping tiles from `runs`: repeatedly the longest run still free on both sides.
/// A run that overlaps tiles already taken goes back in line as its free parts, each passed through
/// `refine` (which trims it, or drops it as too short). Ties go to the run that starts first in `a`, so
/// the result is deterministic.
pub(super) fn greedy_tiles(
    runs: Vec<Run>,
    a_len: usize,
    b_len: usize,
    refine: impl Fn(Run) -> Option<Run>,
) -> Vec<Run> {
    let mut queue: BinaryHeap<_> = runs.into_iter().map(Queued).collect();
    let mut taken_a = vec![false; a_len];
    let mut taken_b = vec![false; b_len];
    let mut tiles = Vec::new();
    while let Some(Queued(run)) = queue.pop() {
        let parts = free_parts(run, &taken_a, &taken_b);
        if parts.len() == 1 && parts[0] == run {
            taken_a[run.a..run.a + run.len].fill(true);
            taken_b[run.b..run.b + run.len].fill(true);
            tiles.push(run);
        } else {
            queue.extend(parts.into_iter().filter_map(&refine).map(Queued));
        }
    }
    tiles
}

/// The maximal parts of `run` in which neither text's position is taken yet.
fn free_parts(run: Run, taken_a: &[bool], taken_b: &[bool]) -> Vec<Run> {
    let free = |t: usize| !taken_a[run.a + t] && !taken_b[run.b + t];
    let mut parts = Vec::new();
    let mut t = 0;
    while t < run.len {
        if !free(t) {
            t += 1;
            continue;
        }
        let start = t;
        while t < run.len && free(t) {
            t += 1;
        }
        parts.push(Run { a: run.a + start, b: run.b + start, len: t - start });
    }
    parts
}

/// A run in the queue: longer first, then earlier in `a`, then earlier in `b`.
#[derive(PartialEq, Eq)]
struct Queued(Run);

impl Ord for Queued {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let key = |r: &Run| (r.len, Reverse(r.a), Reverse(r.b));
        key(&self.0).cmp(&key(&other.0))
    }
}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_first_and_overlaps_give_up_only_their_overlap() {
        let long = Run { a: 0, b: 0, len: 10 };
        let overlapping = Run { a: 5, b: 20, len: 10 };
        let tiles = greedy_tiles(vec![overlapping, long], 30, 30, |run| Some(run).filter(|run| run.len >= 3));
        assert_eq!(tiles, [long, Run { a: 10, b: 25, len: 5 }]);
    }
}
