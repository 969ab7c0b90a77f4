//! A whole set of documents compared at once: which passages stand in several of them, and where.
//!
//! 1. Every document is tokenized, normalized and interned once, into one vocabulary.
//! 2. [`candidates`]: one index of the seeds (`k`-grams of ids) of all documents gives the pairs of
//!    documents that share as many seeds as a passage of `min_words` words holds, each pair counted
//!    once; never all N² pairs. A seed found in more than [`MAX_SEED_DOCUMENTS`] documents seeds no pair
//!    (it still matches inside the pairs other seeds bring), and `limits.common_seeds` counts such seeds.
//! 3. Each candidate pair is compared as [`compare`](crate::compare()) compares two texts, on the shared
//!    preparation: its passages are the pair's part of the provenance ([`provenance`]: each document's
//!    stretches and the documents that carry them), so a pair here and a pair compared alone agree.
//! 4. [`clusters`]: a passage's two sides are one passage standing in two places; sides that overlap by
//!    half in one document are the same place. The connected groups are the clusters.
//! 5. [`boilerplate`]: page chrome, told from where passages stand on both pages of a pair (at their
//!    very top or bottom), from what only pages of one source share (pages with chrome at their edges,
//!    as passim's boilerplate within a series) and from what stands inside chrome found with other
//!    pages, is flagged passage by passage, and links no stories.
//! 6. Stories: the documents linked by a pair that shares at least `min_words` words outside boilerplate,
//!    as connected components, largest first.

mod boilerplate;
mod candidates;
mod clusters;
mod provenance;

use crate::compare::{self, compare_texts, Text};
use crate::sorting::sorted_by_key;
use crate::stats::covered_words;
use crate::text::{Interner, Span};
use crate::{CompareOptions, Comparison, DocumentStats};

pub use candidates::MAX_SEED_DOCUMENTS;

/// What a set of documents shares. Documents are referred to by their index in the input.
pub struct Collection<'t> {
    /// Each document's words, and how many of them stand in another document (in any cluster).
    pub documents: Vec<DocumentStats>,
    /// The passages that stand in two or more places, largest first.
    pub clusters: Vec<Cluster>,
    /// Documents grouped by the passages they share outside boilerplate, largest group first; every
    /// document is in exactly one.
    pub stories: Vec<Vec<usize>>,
    /// Every pair of documents that shares a passage outside boilerplate, by document indices (`a < b`).
    pub pairs: Vec<PairShare>,
    /// For each document, where it stands in others: its shared stretches, in order, each with the other
    /// documents that carry it (from the pairs' passages, so exactly what each pair found).
    pub provenance: Vec<Vec<Stretch>>,
    /// Where the comparison held back to stay near-linear.
    pub limits: CollectionLimits,
    interner: Interner<'t>,
    texts: Vec<Text<'t>>,
    options: CompareOptions,
}

/// One passage as it stands in two or more places.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    /// Words in its longest occurrence.
    pub words: usize,
    /// Whether it is page chrome (see the module `boilerplate`): every passage in it is, and it links no
    /// stories.
    pub boilerplate: bool,
    /// Where it stands, by document and then position.
    pub occurrences: Vec<Occurrence>,
}

/// Where a cluster stands in one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// The document's index.
    pub document: usize,
    /// Bytes of the document's text, from its first token to its last.
    pub span: Span,
}

/// A stretch of a document that the same other documents carry throughout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stretch {
    /// Bytes of the document's text, from its first token to its last.
    pub span: Span,
    /// The other documents that carry it, in order.
    pub documents: Vec<usize>,
    /// Whether every passage over it is boilerplate.
    pub boilerplate: bool,
}

/// What two documents share.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PairShare {
    /// The first document's index.
    pub a: usize,
    /// The second document's index (greater than `a`).
    pub b: usize,
    /// Words of `a` in a passage with `b` that is not boilerplate.
    pub a_shared_words: usize,
    /// Words of `b` in a passage with `a` that is not boilerplate.
    pub b_shared_words: usize,
}

/// Where [`compare_many`] held back, to keep its time near-linear in the documents' length.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CollectionLimits {
    /// Seeds found in more than [`MAX_SEED_DOCUMENTS`] documents, which brought no pair: text carried by
    /// that many documents is found only between documents that share other text too.
    pub common_seeds: usize,
}

/// A passage between two documents, in compared-token positions of each.
#[derive(Clone, Debug)]
struct Link {
    a: usize,
    b: usize,
    /// The passages' token ranges in `a` and `b`.
    passages: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>,
}

/// How far [`compare_many_reporting`] has got: the documents read into the index, then the candidate
/// pairs compared. The two take most of the time; what follows them is a small part of it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Documents tokenized, normalized and interned so far.
    pub documents_read: usize,
    /// Candidate pairs compared so far, of `pairs`.
    pub pairs_compared: usize,
    /// The candidate pairs there are to compare (0 until every document is read).
    pub pairs: usize,
}

/// How many times each stage reports at most: often enough for a progress bar, seldom enough that
/// reporting (a message from a worker to the page) costs nothing next to the work.
const PROGRESS_STEPS: usize = 100;

/// Compares every document of `texts` with every other that shares a seed with it, and groups what they
/// share. Never fails; options out of range are brought into range as [`compare`](crate::compare()) does.
pub fn compare_many<'t>(texts: &[&'t str], options: &CompareOptions) -> Collection<'t> {
    compare_many_reporting(texts, options, &mut |_| {})
}

/// [`compare_many`], calling `progress` as it reads documents and compares pairs (some hundred times a
/// stage at most, and once at the end of each).
pub fn compare_many_reporting<'t>(
    texts: &[&'t str],
    options: &CompareOptions,
    progress: &mut dyn FnMut(Progress),
) -> Collection<'t> {
    let options = options.clamped();
    let mut interner = compare::interner(&options);
    let mut report = Progress::default();
    let every = texts.len().div_ceil(PROGRESS_STEPS).max(1);
    let texts: Vec<Text<'t>> = texts
        .iter()
        .enumerate()
        .map(|(d, text)| {
            let text = Text::new(&mut interner, text);
            report.documents_read = d + 1;
            if (d + 1) % every == 0 || d + 1 == texts.len() {
                progress(report);
            }
            text
        })
        .collect();
    let candidates = candidates::pairs(&texts, options.min_words);
    report.pairs = candidates.pairs.len();
    progress(report);
    let total = candidates.pairs.len();
    let every = total.div_ceil(PROGRESS_STEPS).max(1);
    let links: Vec<Link> = candidates
        .pairs
        .iter()
        .enumerate()
        .filter_map(|(p, &(a, b))| {
            let found = compare::find(&interner, &texts[a], &texts[b], &options);
            if (p + 1) % every == 0 || p + 1 == total {
                report.pairs_compared = p + 1;
                progress(report);
            }
            let passages: Vec<_> = found.passages.iter().map(|passage| (passage.a(), passage.b())).collect();
            (!passages.is_empty()).then_some(Link { a, b, passages })
        })
        .collect();
    let grouped = clusters::group(&texts, &links);
    let chrome = boilerplate::flag(&texts, &links, &grouped);
    let pairs = pair_shares(&texts, &links, &chrome);
    let provenance = provenance::stretches(&texts, &links, &chrome);
    let stories = stories(texts.len(), &pairs, options.min_words);
    let documents = texts
        .iter()
        .enumerate()
        .map(|(d, text)| DocumentStats::new(text.word_count(), grouped.covered_words(d, &text.words)))
        .collect();
    let clusters = grouped.clusters(&texts, &chrome);
    Collection {
        documents,
        clusters,
        stories,
        pairs,
        provenance,
        limits: CollectionLimits { common_seeds: candidates.common_seeds },
        interner,
        texts,
        options,
    }
}

impl Collection<'_> {
    /// The full comparison of documents `a` and `b` (passages, edits, inline diff), as
    /// [`compare`](crate::compare()) gives it for their texts, from the preparation already done.
    ///
    /// # Panics
    /// If `a` or `b` is not a document's index.
    pub fn pair(&self, a: usize, b: usize) -> Comparison {
        compare_texts(&self.interner, &self.texts[a], &self.texts[b], &self.options)
    }
}

/// What each linked pair shares outside boilerplate, for the pairs that share anything there.
fn pair_shares(texts: &[Text], links: &[Link], chrome: &[Vec<bool>]) -> Vec<PairShare> {
    links
        .iter()
        .zip(chrome)
        .map(|(link, chrome)| {
            let kept: Vec<_> = link.passages.iter().zip(chrome).filter(|(_, &chrome)| !chrome).collect();
            PairShare {
                a: link.a,
                b: link.b,
                a_shared_words: covered_words(&texts[link.a].words, kept.iter().map(|((a, _), _)| a.clone())),
                b_shared_words: covered_words(&texts[link.b].words, kept.iter().map(|((_, b), _)| b.clone())),
            }
        })
        .filter(|share| share.a_shared_words > 0 || share.b_shared_words > 0)
        .collect()
}

/// The connected components of the documents linked by pairs that share at least `min_words` words
/// outside boilerplate, largest first, then by their first document.
fn stories(documents: usize, pairs: &[PairShare], min_words: usize) -> Vec<Vec<usize>> {
    let mut sets = clusters::UnionFind::new(documents);
    for pair in pairs.iter().filter(|pair| pair.a_shared_words.min(pair.b_shared_words) >= min_words) {
        sets.union(pair.a, pair.b);
    }
    sorted_by_key(sets.groups(), |story| (usize::MAX - story.len(), story[0]))
}
