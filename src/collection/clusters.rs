//! Passages between pairs grouped into clusters: a passage's two sides are one passage in two places,
//! and sides that overlap in one document are one place, so the sides joined either way are a cluster.

use std::ops::Range;

use super::{Cluster, Link, Occurrence};
use crate::compare::{tokens_span, Text};
use crate::sorting::sorted_by_key;
use crate::stats::covered_words;

/// Disjoint sets over `0..n`, with path halving.
pub(super) struct UnionFind(Vec<usize>);

impl UnionFind {
    pub fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }

    pub fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    pub fn union(&mut self, x: usize, y: usize) {
        let (x, y) = (self.find(x), self.find(y));
        // The smaller root stays, so that the result does not depend on the order of the unions.
        let (keep, join) = if x < y { (x, y) } else { (y, x) };
        self.0[join] = keep;
    }

    /// The sets, each in order, ordered by their first element.
    pub fn groups(&mut self) -> Vec<Vec<usize>> {
        let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); self.0.len()];
        for x in 0..self.0.len() {
            let root = self.find(x);
            by_root[root].push(x);
        }
        by_root.into_iter().filter(|group| !group.is_empty()).collect()
    }
}

/// The clusters of a set's links.
pub(super) struct Grouped {
    /// For each link, the index of its first passage's sides among all sides (two per passage).
    first_side: Vec<usize>,
    /// The cluster of each side.
    cluster: Vec<usize>,
    /// Each cluster's occurrences as compared-token ranges, by document then position; a cluster's
    /// overlapping sides in one document are merged.
    occurrences: Vec<Vec<(usize, Range<usize>)>>,
    /// Each document's sides, merged: the tokens it shares with any other document.
    shared: Vec<Vec<Range<usize>>>,
}

/// Groups the sides of `links`' passages into clusters.
pub(super) fn group(texts: &[Text], links: &[Link]) -> Grouped {
    let mut first_side = Vec::with_capacity(links.len());
    // (document, range) of each side: passage p of link l has sides 2p and 2p + 1 after the link's first.
    let mut sides: Vec<(usize, Range<usize>)> = Vec::new();
    for link in links {
        first_side.push(sides.len());
        for (a, b) in &link.passages {
            sides.push((link.a, a.clone()));
            sides.push((link.b, b.clone()));
        }
    }
    let mut sets = UnionFind::new(sides.len());
    for side in (0..sides.len()).step_by(2) {
        sets.union(side, side + 1);
    }
    // Sides that are mostly the same stretch of one document: sorted by start, each joins the one reaching
    // furthest so far when they overlap by half the shorter of the two. A side that merely touches another
    // (a passage that runs on into the next paragraph) stays apart, or clusters would chain from one end
    // of a set to the other.
    let mut in_document: Vec<Vec<usize>> = vec![Vec::new(); texts.len()];
    for (s, (document, _)) in sides.iter().enumerate() {
        in_document[*document].push(s);
    }
    for list in &mut in_document {
        *list = sorted_by_key(std::mem::take(list), |&s| (sides[s].1.start, sides[s].1.end));
        let mut reach: Option<usize> = None;
        for &s in list.iter() {
            if let Some(furthest) = reach.filter(|&furthest| mostly_same(&sides[s].1, &sides[furthest].1)) {
                sets.union(furthest, s);
            }
            if reach.map_or(true, |furthest| sides[s].1.end > sides[furthest].1.end) {
                reach = Some(s);
            }
        }
    }
    let groups = sets.groups();
    let mut cluster = vec![0; sides.len()];
    let mut occurrences = Vec::with_capacity(groups.len());
    for (c, group) in groups.iter().enumerate() {
        for &s in group {
            cluster[s] = c;
        }
        let places: Vec<(usize, Range<usize>)> = group.iter().map(|&s| sides[s].clone()).collect();
        occurrences.push(merge(sorted_by_key(places, |(document, range)| (*document, range.start))));
    }
    let shared = in_document
        .iter()
        .map(|list| merge(list.iter().map(|&s| sides[s].clone()).collect()).into_iter().map(|(_, r)| r).collect())
        .collect();
    Grouped { first_side, cluster, occurrences, shared }
}

/// Whether two ranges overlap by at least half the shorter one.
fn mostly_same(x: &Range<usize>, y: &Range<usize>) -> bool {
    let overlap = x.end.min(y.end).saturating_sub(x.start.max(y.start));
    2 * overlap >= x.len().min(y.len()) && overlap > 0
}

/// Places sorted by document and start, with the overlapping ones of a document merged.
fn merge(places: Vec<(usize, Range<usize>)>) -> Vec<(usize, Range<usize>)> {
    let mut merged: Vec<(usize, Range<usize>)> = Vec::with_capacity(places.len());
    for (document, range) in places {
        match merged.last_mut() {
            Some((last_document, last)) if *last_document == document && range.start < last.end => {
                last.end = last.end.max(range.end);
            }
            _ => merged.push((document, range)),
        }
    }
    merged
}

impl Grouped {
    /// How many clusters there are.
    pub fn len(&self) -> usize {
        self.occurrences.len()
    }

    /// The cluster of passage `p` of link `l`.
    pub fn cluster_of(&self, l: usize, p: usize) -> usize {
        self.cluster[self.first_side[l] + 2 * p]
    }

    /// The words of document `d` that stand in any cluster.
    pub fn covered_words(&self, d: usize, words: &[bool]) -> usize {
        covered_words(words, self.shared[d].iter().cloned())
    }

    /// The clusters with their byte spans, largest first (then by where they first stand); a cluster is
    /// boilerplate when all its passages are (`chrome`, by link and passage).
    pub fn clusters(&self, texts: &[Text], chrome: &[Vec<bool>]) -> Vec<Cluster> {
        let mut flagged = vec![true; self.len()];
        for (l, passages) in chrome.iter().enumerate() {
            for (p, &chrome) in passages.iter().enumerate() {
                flagged[self.cluster_of(l, p)] &= chrome;
            }
        }
        let clusters: Vec<Cluster> = self
            .occurrences
            .iter()
            .zip(flagged)
            .map(|(places, boilerplate)| Cluster {
                words: places
                    .iter()
                    .map(|(d, range)| texts[*d].words[range.clone()].iter().filter(|&&w| w).count())
                    .max()
                    .unwrap_or(0),
                boilerplate,
                occurrences: places
                    .iter()
                    .map(|(d, range)| Occurrence {
                        document: *d,
                        span: tokens_span(&texts[*d].prepared, range.clone()),
                    })
                    .collect(),
            })
            .collect();
        // Largest first, then by where they first stand.
        let clusters = sorted_by_key(clusters, |c| (c.occurrences[0].document, c.occurrences[0].span.start));
        sorted_by_key(clusters, |cluster| (usize::MAX - cluster.words, 0))
    }
}
