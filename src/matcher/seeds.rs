//! Maximal exact matches, seeded by `k`-grams of ids.

use rustc_hash::FxHashMap;

use super::Run;

/// The most occurrences of one `k`-gram of `b` that a position of `a` tries. A gram that is more common
/// (boilerplate, a repeated line) tries the ones nearest to where the position would fall if the texts
/// were aligned end to end, which keeps the work linear and still pairs repeated text in order.
pub const MAX_CANDIDATES: usize = 16;

/// Runs at least this many times the seed length are long enough that the positions of `a` inside them
/// are not seeded again: every occurrence of the run's first gram was tried already, and another match
/// starting inside would compete with the run for the same words of `a`. On similar texts this skips
/// most lookups, which are cache misses.
const SKIP_INSIDE_SEEDS: usize = 4;

/// The maximal matches of two sequences.
pub(super) struct Matches {
    pub runs: Vec<Run>,
    /// Distinct `k`-grams of `b` found in `a` that `b` holds more than [`MAX_CANDIDATES`] times: the
    /// positions of `a` with such a gram tried only the nearest of them.
    pub frequent_grams: usize,
}

/// Every maximal exact match of at least `k` ids, found from seeds of `k` equal ids.
pub(super) fn maximal_matches(a: &[u32], b: &[u32], k: usize) -> Matches {
    let mut runs = Vec::new();
    if a.len() < k || b.len() < k {
        return Matches { runs, frequent_grams: 0 };
    }
    let index = GramIndex::new(b, k);
    let mut frequent = vec![false; index.grams()];
    // How far each diagonal is covered by the matches found so far: positions of `a` are visited in
    // order, so a seed below that mark lies inside a match already found. Diagonal `j - i` is stored
    // at `j - i + a.len()`: a flat array, because this is checked for every candidate.
    let mut covered: Vec<u32> = vec![0; a.len() + b.len()];
    let scale = b.len() as f64 / a.len() as f64;
    let mut inside_until = 0;
    for (i, hash) in gram_hashes(a, k).enumerate() {
        if i < inside_until {
            continue;
        }
        let Some((gram, group)) = index.group(hash) else {
            continue;
        };
        frequent[gram] |= group.len() > MAX_CANDIDATES;
        for &j in nearest(group, (i as f64 * scale) as usize) {
            let j = j as usize;
            let diagonal = j + a.len() - i;
            if covered[diagonal] as usize > i {
                continue;
            }
            let run = extend(a, b, i, j);
            if run.len >= k {
                covered[diagonal] = run.end_a() as u32;
                if run.len >= SKIP_INSIDE_SEEDS * k {
                    inside_until = inside_until.max(run.end_a());
                }
                runs.push(run);
            }
        }
    }
    Matches { runs, frequent_grams: frequent.iter().filter(|&&f| f).count() }
}

/// At most [`MAX_CANDIDATES`] positions of `group` (in order), the nearest to `expected`.
fn nearest(group: &[u32], expected: usize) -> &[u32] {
    if group.len() <= MAX_CANDIDATES {
        return group;
    }
    let at = group.partition_point(|&j| (j as usize) < expected);
    let from = at.saturating_sub(MAX_CANDIDATES / 2).min(group.len() - MAX_CANDIDATES);
    &group[from..from + MAX_CANDIDATES]
}

/// The maximal run of equal ids through `a[i]` and `b[j]`, or an empty one if they differ.
fn extend(a: &[u32], b: &[u32], i: usize, j: usize) -> Run {
    if a[i] != b[j] {
        return Run { a: i, b: j, len: 0 };
    }
    let back = a[..i].iter().rev().zip(b[..j].iter().rev()).take_while(|(x, y)| x == y).count();
    let forward = a[i..].iter().zip(&b[j..]).take_while(|(x, y)| x == y).count();
    Run { a: i - back, b: j - back, len: back + forward }
}

/// The positions of `b` grouped by the `k`-gram that starts there, each group in order.
struct GramIndex {
    /// Each distinct gram hash of `b` and its dense id.
    ids: FxHashMap<u64, u32>,
    /// Group `g` is `positions[starts[g]..starts[g + 1]]`.
    starts: Vec<u32>,
    positions: Vec<u32>,
}

impl GramIndex {
    /// One pass of hash lookups gives each position a dense gram id; the grouping is then a counting
    /// sort over plain arrays, which stay in cache far better than a second pass over the map.
    fn new(b: &[u32], k: usize) -> Self {
        let count = b.len() + 1 - k;
        // Most grams of a text are distinct: sized for all of them, the map never rehashes.
        let mut ids: FxHashMap<u64, u32> = FxHashMap::with_capacity_and_hasher(count, Default::default());
        let gram_of: Vec<u32> = gram_hashes(b, k)
            .map(|hash| {
                let next = ids.len() as u32;
                *ids.entry(hash).or_insert(next)
            })
            .collect();
        let mut starts = vec![0u32; ids.len() + 1];
        for &gram in &gram_of {
            starts[gram as usize + 1] += 1;
        }
        for g in 1..starts.len() {
            starts[g] += starts[g - 1];
        }
        let mut cursor = starts.clone();
        let mut positions = vec![0; count];
        for (j, &gram) in gram_of.iter().enumerate() {
            positions[cursor[gram as usize] as usize] = j as u32;
            cursor[gram as usize] += 1;
        }
        GramIndex { ids, starts, positions }
    }

    /// How many distinct grams `b` has.
    fn grams(&self) -> usize {
        self.starts.len() - 1
    }

    /// The id of the gram with `hash` and the positions where it starts, in order; `None` if `b` has none.
    fn group(&self, hash: u64) -> Option<(usize, &[u32])> {
        let gram = *self.ids.get(&hash)? as usize;
        Some((gram, &self.positions[self.starts[gram] as usize..self.starts[gram + 1] as usize]))
    }
}

/// The hash of each `k`-gram of `ids`, in order: a polynomial rolling hash, so each step is O(1).
fn gram_hashes(ids: &[u32], k: usize) -> impl Iterator<Item = u64> + '_ {
    const BASE: u64 = 0x100_0000_01b3;
    let top = (1..k).fold(1u64, |power, _| power.wrapping_mul(BASE));
    let mut hash = ids[..k.min(ids.len())].iter().fold(0u64, |h, &id| h.wrapping_mul(BASE).wrapping_add(mix(id)));
    let count = (ids.len() + 1).saturating_sub(k);
    (0..count).map(move |i| {
        let current = hash;
        if i + k < ids.len() {
            hash = hash.wrapping_sub(mix(ids[i]).wrapping_mul(top)).wrapping_mul(BASE).wrapping_add(mix(ids[i + k]));
        }
        current
    })
}

/// Spreads small consecutive ids over the 64 bits, so the rolling hash of ids 1, 2, 3 and of 3, 2, 1 differ.
fn mix(id: u32) -> u64 {
    (u64::from(id) + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rolling_hash_equals_direct_hash() {
        let ids: Vec<u32> = (0..50).map(|i| i * 7 % 13).collect();
        let rolled: Vec<u64> = gram_hashes(&ids, 4).collect();
        let direct: Vec<u64> = (0..=ids.len() - 4).map(|i| gram_hashes(&ids[i..i + 4], 4).next().unwrap()).collect();
        assert_eq!(rolled, direct);
    }

    #[test]
    fn finds_each_maximal_match_once() {
        let a = [1, 2, 3, 4, 5, 9, 1, 2, 3, 4];
        let b = [0, 1, 2, 3, 4, 5, 6];
        let runs = maximal_matches(&a, &b, 3).runs;
        assert_eq!(runs, [Run { a: 0, b: 1, len: 5 }, Run { a: 6, b: 1, len: 4 }]);
    }

    #[test]
    fn counts_the_grams_too_frequent_to_try_every_occurrence_of() {
        let a = [1, 2, 3, 4];
        let frequent = |repeats: usize| maximal_matches(&a, &a.repeat(repeats), 4).frequent_grams;
        assert_eq!(frequent(MAX_CANDIDATES), 0);
        // `b` then holds 2, 3, 4, 1 as often, but `a` does not: only 1, 2, 3, 4 was held back.
        assert_eq!(frequent(MAX_CANDIDATES + 1), 1);
    }
}
