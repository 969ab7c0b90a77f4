//! Maximal exact matches, seeded by `k`-grams of ids.

use rustc_hash::FxHashMap;

/// A run of equal ids: `a[a..a + len] == b[b..b + len]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Run {
    pub a: usize,
    pub b: usize,
    pub len: usize,
}

/// The most occurrences of one `k`-gram of `b` that a position of `a` tries. A gram that is more common
/// (boilerplate, a repeated line) tries the ones nearest to where the position would fall if the texts
/// were aligned end to end, which keeps the work linear and still pairs repeated text in order.
const MAX_CANDIDATES: usize = 16;

/// Every maximal exact match of at least `k` ids, found from seeds of `k` equal ids.
pub(super) fn maximal_matches(a: &[u32], b: &[u32], k: usize) -> Vec<Run> {
    let mut runs = Vec::new();
    if a.len() < k || b.len() < k {
        return runs;
    }
    let index = GramIndex::new(b, k);
    // How far each diagonal (b - a) is covered by the matches found so far: positions of `a` are
    // visited in order, so a seed below that mark lies inside a match already found.
    let mut covered: FxHashMap<isize, usize> = FxHashMap::default();
    let scale = b.len() as f64 / a.len() as f64;
    for (i, hash) in gram_hashes(a, k).enumerate() {
        let expected = (i as f64 * scale) as usize;
        for &j in index.candidates(hash, expected) {
            let j = j as usize;
            let diagonal = j as isize - i as isize;
            if covered.get(&diagonal).is_some_and(|&end| end > i) {
                continue;
            }
            let run = extend(a, b, i, j);
            if run.len >= k {
                covered.insert(diagonal, run.a + run.len);
                runs.push(run);
            }
        }
    }
    runs
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

/// The positions of `b` grouped by the hash of the `k`-gram that starts there, each group in order.
struct GramIndex {
    groups: FxHashMap<u64, (u32, u32)>,
    positions: Vec<u32>,
}

impl GramIndex {
    fn new(b: &[u32], k: usize) -> Self {
        let hashes: Vec<u64> = gram_hashes(b, k).collect();
        // Counting sort: count each hash, turn counts into group starts, then fill the groups in order.
        // While filling, a group is (start, cursor); when done, (start, end).
        let mut groups: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
        for &hash in &hashes {
            groups.entry(hash).or_default().1 += 1;
        }
        let mut next = 0;
        for group in groups.values_mut() {
            let count = group.1;
            *group = (next, next);
            next += count;
        }
        let mut positions = vec![0; hashes.len()];
        for (j, hash) in hashes.iter().enumerate() {
            let group = groups.get_mut(hash).expect("every hash has a group");
            positions[group.1 as usize] = j as u32;
            group.1 += 1;
        }
        GramIndex { groups, positions }
    }

    /// The positions whose gram has `hash`; at most [`MAX_CANDIDATES`], the nearest to `expected`.
    fn candidates(&self, hash: u64, expected: usize) -> &[u32] {
        let Some(&(start, end)) = self.groups.get(&hash) else {
            return &[];
        };
        let group = &self.positions[start as usize..end as usize];
        if group.len() <= MAX_CANDIDATES {
            return group;
        }
        let at = group.partition_point(|&j| (j as usize) < expected);
        let from = at.saturating_sub(MAX_CANDIDATES / 2).min(group.len() - MAX_CANDIDATES);
        &group[from..from + MAX_CANDIDATES]
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
        let runs = maximal_matches(&a, &b, 3);
        assert_eq!(runs, [Run { a: 0, b: 1, len: 5 }, Run { a: 6, b: 1, len: 4 }]);
    }
}
