//! The pairs of documents worth comparing: those that share a seed, found from one index of all seeds.

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

/// Every pair of documents that shares a seed of passages of `min_words` words.
pub(super) fn pairs(texts: &[Text], min_words: usize) -> Candidates {
    let k = seed_tokens(min_words);
    // (seed, document) once per document that holds the seed: sorted, each seed's documents are a run.
    let mut seeds: Vec<(u64, u32)> = texts
        .iter()
        .enumerate()
        .filter(|(_, text)| text.prepared.keys.len() >= k)
        .flat_map(|(d, text)| gram_hashes(&text.prepared.keys, k).map(move |seed| (seed, d as u32)))
        .collect();
    seeds.sort_unstable();
    seeds.dedup();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut common_seeds = 0;
    for documents in seeds.chunk_by(|x, y| x.0 == y.0).filter(|documents| documents.len() > 1) {
        if documents.len() > MAX_SEED_DOCUMENTS {
            common_seeds += 1;
            continue;
        }
        for (i, &(_, a)) in documents.iter().enumerate() {
            pairs.extend(documents[i + 1..].iter().map(|&(_, b)| (a, b)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    Candidates { pairs: pairs.into_iter().map(|(a, b)| (a as usize, b as usize)).collect(), common_seeds }
}
