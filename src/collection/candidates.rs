//! The pairs of documents worth comparing: those that share as many seeds as a passage holds, found
//! from one index of all seeds.
//!
//! The index is every document's seeds, once each, sorted: each seed's documents are a run of it. Each
//! document in turn counts, in a scratch counter, how many seeds each later document shares with it,
//! so a pair is listed once, never once per seed it shares. The work is the sum over seeds of the
//! square of their documents (bounded by [`MAX_SEED_DOCUMENTS`]); the memory, the index (8 bytes a
//! token) and the pairs.
//!
//! A pair is compared when it shares at least `min_words / k` seeds (rounded up; `k` tokens a seed), the
//! fewest a passage of `min_words` words holds: the matcher builds passages of identical runs of `k`
//! tokens or more, and a run of `n` tokens holds `n - k + 1` seeds. Most pairs that share a seed share
//! one or two phrases by chance, and comparing them found nothing: in a set of 1,000 generated news
//! pages, 19,000 of the 23,600 pairs that share a seed share only one or two. A pair with a passage
//! shares fewer seeds only when the passage repeats a phrase of its own (its `k`-grams are not all
//! different) or when some of its seeds are common (counted in `limits.common_seeds`).

use crate::compare::Text;
use crate::matcher::{gram_hashes, seed_tokens};

/// The most documents a seed may stand in and still bring their pairs: a seed in `n` documents brings
/// `n (n - 1) / 2` pairs, so a phrase every page of an outlet prints (its chrome) would bring them all.
/// Such text is found anyway between documents that share other text.
pub const MAX_SEED_DOCUMENTS: usize = 32;

/// The candidate pairs `(a, b)`, `a < b`, in order, and how many seeds stood in too many documents.
pub(super) struct Candidates {
    pub pairs: Vec<(usize, usize)>,
    pub common_seeds: usize,
}

/// Every pair of documents that shares as many seeds (of passages of `min_words` words) as such a
/// passage holds.
pub(super) fn pairs(texts: &[Text], min_words: usize) -> Candidates {
    let k = seed_tokens(min_words);
    let (shared, common_seeds) = Shared::new(index(texts, k), texts.len());

    // The fewest seeds a passage of `min_words` words holds: its identical runs have `k` tokens or more,
    // and a run of `n` tokens holds `n - k + 1` seeds, so that `r` runs hold at least `r` seeds and at
    // least `min_words - r (k - 1)`, which is never less than `min_words / k`, rounded up.
    let least = min_words.div_ceil(k) as u32;
    let mut pairs = Vec::new();
    // The later documents that share a seed with the current one, and how many seeds each shares.
    let mut gathered: Vec<u32> = Vec::new();
    let mut count = vec![0u32; texts.len()];
    for a in 0..texts.len() as u32 {
        for &seed in shared.seeds_of(a) {
            for &b in shared.documents_of(seed).iter().filter(|&&b| b > a) {
                if count[b as usize] == 0 {
                    gathered.push(b);
                }
                count[b as usize] += 1;
            }
        }
        gathered.sort_unstable();
        for b in gathered.drain(..) {
            if std::mem::take(&mut count[b as usize]) >= least {
                pairs.push((a as usize, b as usize));
            }
        }
    }
    Candidates { pairs, common_seeds }
}

/// Every document's seeds, each once, sorted, so that each seed's documents are a run of it. A seed and
/// its document stand in one `u64`: the document in the low `document_bits`, the high bits of the
/// seed's hash above it. A set of 5,000 documents keeps 51 bits of hash, so that two of its 3 million
/// seeds meet by chance once in hundreds of sets (and then only bring a pair to compare, or count as
/// common); half the memory of a (hash, document) pair, and the index is the largest thing the engine
/// holds besides the texts.
struct Index {
    entries: Vec<u64>,
    document_bits: u32,
}

impl Index {
    fn seed(&self, entry: u64) -> u64 {
        entry >> self.document_bits
    }

    fn document(&self, entry: u64) -> u32 {
        (entry & self.document_mask()) as u32
    }

    fn document_mask(&self) -> u64 {
        (1 << self.document_bits) - 1
    }
}

fn index(texts: &[Text], k: usize) -> Index {
    let document_bits = (usize::BITS - texts.len().saturating_sub(1).leading_zeros()).max(1);
    let grams = |text: &Text| (text.prepared.keys.len() + 1).saturating_sub(k);
    let mut index = Index { entries: Vec::with_capacity(texts.iter().map(grams).sum()), document_bits };
    let mask = index.document_mask();
    for (d, text) in texts.iter().enumerate().filter(|(_, text)| text.prepared.keys.len() >= k) {
        index.entries.extend(gram_hashes(&text.prepared.keys, k).map(|seed| seed & !mask | d as u64));
    }
    index.entries.sort_unstable();
    index.entries.dedup();
    index
}

/// The seeds that bring pairs (in two to [`MAX_SEED_DOCUMENTS`] documents), both ways: each seed's
/// documents, and each document's seeds, as runs of two flat lists.
struct Shared {
    /// Seed `s`'s documents are `documents[document_starts[s]..document_starts[s + 1]]`, ascending.
    documents: Vec<u32>,
    document_starts: Vec<usize>,
    /// Document `d`'s seeds are `seeds[seed_starts[d]..seed_starts[d + 1]]`.
    seeds: Vec<u32>,
    seed_starts: Vec<usize>,
}

impl Shared {
    /// The seeds of `index` that bring pairs, and how many seeds stood in too many documents to bring
    /// any. The index is let go before the documents' seeds are listed, and each list is counted before
    /// it is filled, so that no list holds room it does not use.
    fn new(index: Index, documents: usize) -> (Shared, usize) {
        let same_seed = |x: &u64, y: &u64| index.seed(*x) == index.seed(*y);
        let bringing = || index.entries.chunk_by(same_seed).filter(|run| (2..=MAX_SEED_DOCUMENTS).contains(&run.len()));
        let (mut seeds, mut entries) = (0, 0);
        for run in bringing() {
            seeds += 1;
            entries += run.len();
        }
        let mut shared = Shared {
            documents: Vec::with_capacity(entries),
            document_starts: Vec::with_capacity(seeds + 1),
            seeds: Vec::new(),
            seed_starts: Vec::new(),
        };
        shared.document_starts.push(0);
        for run in bringing() {
            shared.documents.extend(run.iter().map(|&entry| index.document(entry)));
            shared.document_starts.push(shared.documents.len());
        }
        let common = index.entries.chunk_by(same_seed).filter(|run| run.len() > MAX_SEED_DOCUMENTS).count();
        drop(index);
        // Each document's seeds, by counting them first.
        let mut counts = vec![0usize; documents + 1];
        for &d in &shared.documents {
            counts[d as usize + 1] += 1;
        }
        for d in 0..documents {
            counts[d + 1] += counts[d];
        }
        shared.seed_starts = counts.clone();
        shared.seeds = vec![0; shared.documents.len()];
        for (seed, run) in shared.document_starts.windows(2).enumerate() {
            for &d in &shared.documents[run[0]..run[1]] {
                shared.seeds[counts[d as usize]] = seed as u32;
                counts[d as usize] += 1;
            }
        }
        (shared, common)
    }

    fn seeds_of(&self, document: u32) -> &[u32] {
        &self.seeds[self.seed_starts[document as usize]..self.seed_starts[document as usize + 1]]
    }

    fn documents_of(&self, seed: u32) -> &[u32] {
        &self.documents[self.document_starts[seed as usize]..self.document_starts[seed as usize + 1]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{interner, Text};
    use crate::{compare, CompareOptions};

    fn candidates(texts: &[&str]) -> Candidates {
        let options = CompareOptions::default();
        let mut interner = interner(&options);
        let texts: Vec<Text> = texts.iter().map(|text| Text::new(&mut interner, text)).collect();
        pairs(&texts, options.min_words)
    }

    /// The fewest seeds a passage can hold: three runs of four words, one word edited between them,
    /// twelve identical words; each run holds one seed.
    const A: &str = "alpha beta gamma delta xone epsilon zeta eta theta xtwo iota kappa lambda mu";
    const B: &str = "alpha beta gamma delta yone epsilon zeta eta theta ytwo iota kappa lambda mu";

    #[test]
    fn a_passage_of_the_fewest_seeds_brings_its_pair() {
        assert_eq!(compare(A, B, &CompareOptions::default()).passages.len(), 1);
        assert_eq!(candidates(&[A, B]).pairs, [(0, 1)]);
    }

    #[test]
    fn fewer_shared_seeds_than_a_passage_holds_bring_no_pair() {
        let two_runs = "alpha beta gamma delta yone epsilon zeta eta theta and nothing else of the kind";
        assert!(compare(A, two_runs, &CompareOptions::default()).passages.is_empty());
        assert!(candidates(&[A, two_runs]).pairs.is_empty());
    }

    #[test]
    fn a_seed_in_too_many_documents_brings_no_pair_and_is_counted() {
        let page = |d: usize| format!("Page {d} of {d}. The same line of text stands on every page of the set.");
        let texts: Vec<String> = (0..=MAX_SEED_DOCUMENTS).map(page).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let common = candidates(&refs);
        assert!(common.pairs.is_empty());
        // ". The same line of text stands on every page of the set." is 14 tokens: 11 seeds.
        assert_eq!(common.common_seeds, 11);
        let fewer = candidates(&refs[..MAX_SEED_DOCUMENTS]);
        assert_eq!(fewer.pairs.len(), MAX_SEED_DOCUMENTS * (MAX_SEED_DOCUMENTS - 1) / 2);
        assert_eq!(fewer.common_seeds, 0);
    }
}
