//! Maximal exact matches, seeded by `k`-grams of ids.

use rustc_hash::FxHashMap;

use super::Run;

/// The most occurrences of one `k`-gram of `b` that a position of `a` tries. A gram that is more common
/// (boilerplate, a repeated line) tries the ones nearest to where the position would fall if the texts
/// were aligned end to end, which keeps the work linear and still pairs repeated text in order. Each of
/// `b`'s occurrences of such a gram then tries as many of `a`'s, the nearest, so that every copy in `b`
/// is paired, not only the ones near a copy in `a`.
pub const MAX_CANDIDATES: usize = 16;

/// Runs at least this many times the seed length are long enough to skip the lookups of the positions of
/// `a` inside them whose gram `b` holds only once, at the run's own position: such a lookup can find
/// nothing but the run itself. On similar texts this skips most lookups, which are cache misses; a gram
/// that `b` repeats is looked up, so a second copy of the run's text in `b` still gets its own match.
const SKIP_INSIDE_SEEDS: usize = 4;

/// The maximal matches of two sequences.
pub(super) struct Matches {
    pub runs: Vec<Run>,
    /// Distinct phrases of `a` that `b` holds more than [`MAX_CANDIDATES`] times: the positions of `a`
    /// in them tried only the nearest repeats. A phrase is a stretch of consecutive positions whose
    /// `k`-grams are that frequent, told apart by its first gram (a promo line is one phrase, however
    /// many grams it spans and however often `a` holds it).
    pub frequent_phrases: usize,
}

/// Every maximal exact match of at least `k` ids, found from seeds of `k` equal ids.
pub(super) fn maximal_matches(a: &[u32], b: &[u32], k: usize) -> Matches {
    let mut runs = Vec::new();
    if a.len() < k || b.len() < k {
        return Matches { runs, frequent_phrases: 0 };
    }
    let index = GramIndex::new(b, k);
    // How far each diagonal is covered by the matches found so far: positions of `a` are visited in
    // order, so a seed below that mark lies inside a match already found. Diagonal `j - i` is stored
    // at `j - i + a.len()`: a flat array, because this is checked for every candidate.
    let mut covered: Vec<u32> = vec![0; a.len() + b.len()];
    let scale = b.len() as f64 / a.len() as f64;
    // The long run that reaches furthest into `a` so far.
    let mut inside: Option<Run> = None;
    // (gram, position) of each position of `a` whose gram `b` holds more than MAX_CANDIDATES times.
    let mut frequent_in_a: Vec<(u32, u32)> = Vec::new();
    for (i, hash) in gram_hashes(a, k).enumerate() {
        // Inside a long run the gram is the one at the run's own position in `b`: no hash lookup.
        let gram = match inside.filter(|run| i + k <= run.end_a()).map(|run| run.b + (i - run.a)) {
            Some(j) if index.is_unique(j) => continue,
            Some(j) => index.gram_at(j),
            None => match index.gram(hash) {
                Some(gram) => gram,
                None => continue,
            },
        };
        let group = index.positions_of(gram);
        if group.len() > MAX_CANDIDATES {
            frequent_in_a.push((gram as u32, i as u32));
        }
        for &j in nearest(group, (i as f64 * scale) as usize) {
            let j = j as usize;
            let diagonal = j + a.len() - i;
            if covered[diagonal] as usize > i {
                continue;
            }
            let run = extend(a, b, i, j);
            if run.len >= k {
                covered[diagonal] = run.end_a() as u32;
                if run.len >= SKIP_INSIDE_SEEDS * k && inside.map_or(true, |long| run.end_a() > long.end_a()) {
                    inside = Some(run);
                }
                runs.push(run);
            }
        }
    }
    let frequent_phrases = count_phrases(&frequent_in_a);
    if !frequent_in_a.is_empty() {
        let paired = paired_in_b(&runs, b.len(), k);
        // A run both ways round is found twice: tiling keeps one, for the other adds nothing.
        runs.extend(pair_copies_in_b(a, b, k, &index, frequent_in_a, &paired));
    }
    Matches { runs, frequent_phrases }
}

/// The distinct phrases among `frequent_in_a` (in order of position): the first grams of its stretches
/// of consecutive positions.
fn count_phrases(frequent_in_a: &[(u32, u32)]) -> usize {
    let mut firsts: Vec<u32> = frequent_in_a.chunk_by(|x, y| x.1 + 1 == y.1).map(|stretch| stretch[0].0).collect();
    firsts.sort_unstable();
    firsts.dedup();
    firsts.len()
}

/// For each position of `b` where a `k`-gram starts, whether a run of `runs` holds the gram whole.
fn paired_in_b(runs: &[Run], b_len: usize, k: usize) -> Vec<bool> {
    let mut paired = vec![false; b_len + 1 - k];
    for run in runs {
        paired[run.b..run.end_b() + 1 - k].fill(true);
    }
    paired
}

/// The maximal matches through each occurrence in `b` of the grams that `b` holds more than
/// [`MAX_CANDIDATES`] times, each tried with the occurrences in `a` (`frequent_in_a`, in order of
/// position) nearest to where it would fall: the mirror of the pass over `a`, for these grams only, and
/// only where no run of the pass over `a` holds the gram already (`paired`), for that copy is shared.
/// This leaves the occurrences that pass did not reach, and spares the lookups that would find only
/// chance matches of a common phrase, of which there are many.
fn pair_copies_in_b(
    a: &[u32],
    b: &[u32],
    k: usize,
    index: &GramIndex,
    mut frequent_in_a: Vec<(u32, u32)>,
    paired: &[bool],
) -> Vec<Run> {
    frequent_in_a.sort_unstable();
    let positions_in_a: Vec<u32> = frequent_in_a.iter().map(|&(_, i)| i).collect();
    // Each gram's positions in `a` (a range of `positions_in_a`) and in `b`, visited in order of `b`.
    let mut visits: Vec<(u32, u32, u32)> = Vec::new();
    let mut from = 0;
    for group in frequent_in_a.chunk_by(|x, y| x.0 == y.0) {
        let to = from + group.len() as u32;
        let unpaired = index.positions_of(group[0].0 as usize).iter().filter(|&&j| !paired[j as usize]);
        visits.extend(unpaired.map(|&j| (j, from, to)));
        from = to;
    }
    visits.sort_unstable();
    let scale = a.len() as f64 / b.len() as f64;
    // As in the pass over `a`, with the roles swapped: how far into `b` each diagonal is covered, in a
    // map, for the runs of this pass are few and a flat array would cost a page fault for most of them.
    let mut covered: FxHashMap<usize, u32> = FxHashMap::default();
    let mut runs = Vec::new();
    for (j, from, to) in visits {
        let j = j as usize;
        for &i in nearest(&positions_in_a[from as usize..to as usize], (j as f64 * scale) as usize) {
            let i = i as usize;
            let diagonal = j + a.len() - i;
            if covered.get(&diagonal).is_some_and(|&end| end as usize > j) {
                continue;
            }
            let run = extend(a, b, i, j);
            if run.len >= k {
                covered.insert(diagonal, run.end_b() as u32);
                runs.push(run);
            }
        }
    }
    runs
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
    /// For each position of `b`, the id of the gram that starts there.
    gram_of: Vec<u32>,
    /// For each position of `b`, whether its gram starts nowhere else in `b`.
    unique: Vec<bool>,
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
        // Gram ids follow first occurrences, so this walks `unique` almost in order.
        let mut unique = vec![false; count];
        for group in starts.windows(2).filter(|group| group[1] - group[0] == 1) {
            unique[positions[group[0] as usize] as usize] = true;
        }
        GramIndex { ids, starts, positions, gram_of, unique }
    }

    /// The positions of `b` where gram `gram` starts, in order.
    fn positions_of(&self, gram: usize) -> &[u32] {
        &self.positions[self.starts[gram] as usize..self.starts[gram + 1] as usize]
    }

    /// Whether the gram at position `j` of `b` starts nowhere else in `b`.
    fn is_unique(&self, j: usize) -> bool {
        self.unique[j]
    }

    /// The id of the gram with `hash`; `None` if `b` has none.
    fn gram(&self, hash: u64) -> Option<usize> {
        self.ids.get(&hash).map(|&gram| gram as usize)
    }

    /// The id of the gram that starts at position `j` of `b`.
    fn gram_at(&self, j: usize) -> usize {
        self.gram_of[j] as usize
    }
}

/// The hash of each `k`-gram of `ids`, in order: a polynomial rolling hash, so each step is O(1).
pub(crate) fn gram_hashes(ids: &[u32], k: usize) -> impl Iterator<Item = u64> + '_ {
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
    fn a_second_copy_of_text_inside_a_long_run_gets_its_own_match() {
        // Regression: positions of `a` inside a long run were never looked up, so `b`'s second copy of
        // 10..15, which starts inside the run's text, was not found.
        let a: Vec<u32> = (1..=20).collect();
        let b: Vec<u32> = (1..=20).chain([99]).chain(10..15).collect();
        let runs = maximal_matches(&a, &b, 3).runs;
        assert_eq!(runs, [Run { a: 0, b: 0, len: 20 }, Run { a: 9, b: 21, len: 5 }]);
    }

    #[test]
    fn every_copy_of_a_gram_repeated_past_the_limit_is_matched() {
        let a = [1, 2, 3, 4];
        let b = [1, 2, 3, 4, 0].repeat(MAX_CANDIDATES * 3);
        let matched: Vec<usize> = maximal_matches(&a, &b, 4).runs.iter().map(|run| run.b).collect();
        assert_eq!(matched, (0..MAX_CANDIDATES * 3).map(|copy| copy * 5).collect::<Vec<_>>());
    }

    #[test]
    fn a_gram_is_paired_where_a_run_holds_it_whole() {
        let runs = [Run { a: 0, b: 2, len: 5 }, Run { a: 9, b: 5, len: 4 }];
        let paired = paired_in_b(&runs, 12, 4);
        // 2 and 3 start grams inside the first run; 5 is the second run's only gram.
        assert_eq!((0..paired.len()).filter(|&j| paired[j]).collect::<Vec<_>>(), [2, 3, 5]);
    }

    #[test]
    fn counts_the_phrases_too_frequent_to_try_every_repeat_of() {
        let line = [1, 2, 3, 4, 5, 6, 7, 8];
        let a = [&line[..], &[20, 21, 22], &line[..], &[9, 10, 11, 12]].concat();
        let frequent = |repeats: usize| maximal_matches(&a, &[line.repeat(repeats), vec![9, 10, 11, 12]].concat(), 4);
        assert_eq!(frequent(MAX_CANDIDATES).frequent_phrases, 0);
        // The line's five grams are one phrase, though `a` holds it twice; 9, 10, 11, 12 is not repeated.
        assert_eq!(frequent(MAX_CANDIDATES + 1).frequent_phrases, 1);
    }
}
