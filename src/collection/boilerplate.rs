//! Page chrome: the navigation lines, newsletter boxes, copyright lines and "Read more" blocks that an
//! outlet prints on every page. It is real reuse but not what anyone looks for, and it links unrelated
//! stories of one outlet, so it is flagged and links no stories. The rule, in the spirit of passim's
//! boilerplate within a series (reuse among the issues of one newspaper) and TextPAIR's banality filter:
//!
//! 1. A passage of the pair stands at the very top of a document when every word before it is shared
//!    with the other document of the pair too, and some word after it is not: chrome blocks follow one
//!    another, and the article comes after them. At the very bottom likewise. A passage at the top or
//!    the bottom of both documents is at their edges, and is chrome. Words found at the edges with any
//!    other document count as shared here too, for a page may show a block that its pair does not.
//! 2. A pair whose passages at the edges hold most of what it shares, in both documents, shares chrome
//!    and nothing else: all of its passages are chrome, so a newsletter box that an outlet puts between
//!    paragraphs goes with the navigation line and the copyright line around it.
//! 3. Two pages with chrome at their edges are pages of one source (an outlet). A passage between them
//!    whose cluster stands only in pages of that source (its documents joined to one another by the
//!    cluster's links between pages of one source) is the source's own: chrome, wherever it stands on
//!    the page. This is how a newsletter box that one page follows with a block of its own (a "Read more"
//!    box no other page of the set shows) is told from story text: the two pages share the outlet's
//!    navigation line, and no page of another outlet carries the box. A paragraph that a page outside
//!    the source carries too (the wire's, which two pages of one outlet both take) stays story text.
//! 4. A passage whose sides are, in both documents, mostly text that the documents' other passages flag
//!    as chrome is chrome too: two pages of one outlet that show no chrome at their edges with each other
//!    (one has no navigation line) share the box that each shares as chrome with a third page.
//!
//! Only passages between pages of one source are chrome by the third step, never a passage of a pair
//! without chrome at its edges, even in a cluster of chrome: a story carried to its end runs on into
//! copyright lines that read alike ("Copyright 2025 ... All rights reserved."), and its last passage
//! stands in the cluster of the outlet's copyright line.
//!
//! A story carried whole (nothing after it) or after a headline of its own is no edge. A passage that
//! both documents begin with and then go their own ways (a brief that opens with the wire's lead, in a
//! text that has no headline either) would be taken for chrome, and so would a passage that only two
//! such pages carry. Two pages of one outlet that share a passage no other page carries (an article and
//! its follow-up, both keeping most of their words to themselves) are not linked by it; nor are two
//! outlets' pages that end with one syndicated line (an agency's copyright notice) and share a
//! paragraph that no page without that line carries.

use std::ops::Range;

use super::clusters::{Grouped, UnionFind};
use super::Link;
use crate::compare::Text;
use crate::stats::covered_words;

/// The most rounds of finding edges with the chrome known from the round before: each round reaches one
/// block further in from a page's edge.
const ROUNDS: usize = 4;

/// For each link, whether each of its passages is chrome.
pub(super) fn flag(texts: &[Text], links: &[Link], grouped: &Grouped) -> Vec<Vec<bool>> {
    let mut known = found_at_edges(texts, links);
    let edges: Vec<Vec<bool>> = links.iter().map(|link| known.at_edges(texts, link)).collect();
    let mut flags = edges_or_all(texts, links, &edges);
    // Pairs with chrome at their edges are pages of one source.
    let same_source: Vec<bool> = edges.iter().map(|edges| edges.contains(&true)).collect();
    let within_one = within_one_source(links, grouped, &same_source);
    for (l, flags) in flags.iter_mut().enumerate().filter(|&(l, _)| same_source[l]) {
        for (p, flag) in flags.iter_mut().enumerate() {
            *flag |= within_one[grouped.cluster_of(l, p)];
        }
    }
    inside_chrome(texts, links, flags)
}

/// The words of each document found at the edges with any other document.
fn found_at_edges(texts: &[Text], links: &[Link]) -> Known {
    // A page may show a chrome block that the other page of a pair does not (a "Read more" box on one
    // page only): between the pair's chrome and the page's end it is not shared with the other page, but
    // it is chrome with a third. So the edges are found again, each time with the words found at the
    // edges with any document so far counting as shared, until no more are found.
    let mut known = Known::new(texts);
    for _ in 0..ROUNDS {
        let mut grew = false;
        for link in links {
            let edges = known.at_edges(texts, link);
            for ((a, b), _) in link.passages.iter().zip(&edges).filter(|(_, &edge)| edge) {
                grew |= known.add(link.a, a.clone());
                grew |= known.add(link.b, b.clone());
            }
        }
        if !grew {
            break;
        }
    }
    known
}

/// Words of each document found at the edges so far, and a running count of the others, so that a
/// pair's edges cost its passages, not its documents' length (a page of one outlet is in a pair with
/// each other page of it).
struct Known {
    chrome: Vec<Vec<bool>>,
    /// For each document, its words before each token that are not chrome (one more entry than
    /// tokens); rebuilt when `stale`.
    own_before: Vec<Vec<u32>>,
    stale: Vec<bool>,
    /// Each document's words.
    words: Vec<usize>,
}

impl Known {
    fn new(texts: &[Text]) -> Known {
        Known {
            chrome: texts.iter().map(|text| vec![false; text.words.len()]).collect(),
            own_before: vec![Vec::new(); texts.len()],
            stale: vec![true; texts.len()],
            words: texts.iter().map(Text::word_count).collect(),
        }
    }

    /// Marks `side` of `document` as chrome; whether any of it was not yet.
    fn add(&mut self, document: usize, side: Range<usize>) -> bool {
        let words = &mut self.chrome[document][side];
        let grew = words.contains(&false);
        words.fill(true);
        self.stale[document] |= grew;
        grew
    }

    /// Whether each passage of `link` is at the edges of both documents, chrome aside. Only documents
    /// that keep most of their words to themselves have edges: a copy of a story, shared from its first
    /// paragraph on, is no page around an article.
    fn at_edges(&mut self, texts: &[Text], link: &Link) -> Vec<bool> {
        for document in [link.a, link.b] {
            if std::mem::take(&mut self.stale[document]) {
                let mut own = 0;
                let before = &mut self.own_before[document];
                before.clear();
                before.push(0);
                for (&word, &chrome) in texts[document].words.iter().zip(&self.chrome[document]) {
                    own += u32::from(word && !chrome);
                    before.push(own);
                }
            }
        }
        let (sides_a, sides_b): (Vec<_>, Vec<_>) = link.passages.iter().cloned().unzip();
        let edges_a = Edges::new(&self.own_before[link.a], self.words[link.a], sides_a);
        let edges_b = Edges::new(&self.own_before[link.b], self.words[link.b], sides_b);
        let framed = edges_a.own_most && edges_b.own_most;
        link.passages.iter().map(|(in_a, in_b)| framed && edges_a.holds(in_a) && edges_b.holds(in_b)).collect()
    }
}

/// For each link, its passages at the edges (`edges`), or all of them when those hold most of what the
/// pair shares in both documents.
fn edges_or_all(texts: &[Text], links: &[Link], edges: &[Vec<bool>]) -> Vec<Vec<bool>> {
    links
        .iter()
        .zip(edges)
        .map(|(link, edges)| {
            let (a, b) = (&texts[link.a].words, &texts[link.b].words);
            let mostly = |words: &[bool], sides: Vec<Range<usize>>| {
                let edge = sides.iter().zip(edges).filter(|(_, &edge)| edge).map(|(side, _)| side.clone());
                2 * covered_words(words, edge) > covered_words(words, sides.iter().cloned())
            };
            let (sides_a, sides_b): (Vec<_>, Vec<_>) = link.passages.iter().cloned().unzip();
            if mostly(a, sides_a) && mostly(b, sides_b) {
                vec![true; link.passages.len()]
            } else {
                edges.clone()
            }
        })
        .collect()
}

/// `flags` with every passage added whose sides are, in both documents, mostly words that the
/// documents' other passages flag as chrome.
fn inside_chrome(texts: &[Text], links: &[Link], mut flags: Vec<Vec<bool>>) -> Vec<Vec<bool>> {
    let mut chrome: Vec<Vec<bool>> = texts.iter().map(|text| vec![false; text.words.len()]).collect();
    for (link, flags) in links.iter().zip(&flags) {
        for ((a, b), _) in link.passages.iter().zip(flags).filter(|(_, &flag)| flag) {
            chrome[link.a][a.clone()].fill(true);
            chrome[link.b][b.clone()].fill(true);
        }
    }
    let mostly = |document: usize, side: &Range<usize>| {
        let words = &texts[document].words[side.clone()];
        let flagged = words.iter().zip(&chrome[document][side.clone()]).filter(|(&word, &chrome)| word && chrome);
        2 * flagged.count() > words.iter().filter(|&&word| word).count()
    };
    for (link, flags) in links.iter().zip(&mut flags) {
        for ((a, b), flag) in link.passages.iter().zip(flags.iter_mut()) {
            *flag |= mostly(link.a, a) && mostly(link.b, b);
        }
    }
    flags
}

/// For each cluster, whether it stands only in the pages of one source: its documents are all joined
/// by its links between pages of one source (`same_source`, by link).
fn within_one_source(links: &[Link], grouped: &Grouped, same_source: &[bool]) -> Vec<bool> {
    // One node per (cluster, document), joined along the cluster's links between pages of one source.
    let mut nodes: Vec<(usize, usize)> = Vec::new();
    for (l, link) in links.iter().enumerate() {
        for p in 0..link.passages.len() {
            let cluster = grouped.cluster_of(l, p);
            nodes.extend([(cluster, link.a), (cluster, link.b)]);
        }
    }
    nodes.sort_unstable();
    nodes.dedup();
    let node =
        |cluster: usize, document: usize| nodes.binary_search(&(cluster, document)).expect("every side is a node");
    let mut sets = UnionFind::new(nodes.len());
    for (l, link) in links.iter().enumerate().filter(|&(l, _)| same_source[l]) {
        for p in 0..link.passages.len() {
            let cluster = grouped.cluster_of(l, p);
            sets.union(node(cluster, link.a), node(cluster, link.b));
        }
    }
    let mut one = vec![true; grouped.len()];
    for documents in nodes.chunk_by(|x, y| x.0 == y.0) {
        let root = sets.find(node(documents[0].0, documents[0].1));
        one[documents[0].0] = documents.iter().all(|&(cluster, document)| sets.find(node(cluster, document)) == root);
    }
    one
}

/// The first and last words of a document that a pair does not share (and that are not chrome).
struct Edges {
    first_unshared: Option<usize>,
    last_unshared: Option<usize>,
    /// Whether most of the document's words are neither shared with the pair nor chrome.
    own_most: bool,
}

impl Edges {
    /// The edges of a document of `words` words whose words not chrome before each token are
    /// `own_before`, and which shares `sides` with the pair.
    fn new(own_before: &[u32], words: usize, mut sides: Vec<Range<usize>>) -> Self {
        sides.sort_unstable_by_key(|side| side.start);
        // The stretches between the sides, in order.
        let mut gaps = Vec::with_capacity(sides.len() + 1);
        let mut from = 0;
        for side in &sides {
            if side.start > from {
                gaps.push(from..side.start);
            }
            from = from.max(side.end);
        }
        gaps.push(from..own_before.len() - 1);
        let own_in = |gap: &Range<usize>| own_before[gap.end] - own_before[gap.start];
        let own: u32 = gaps.iter().map(own_in).sum();
        let first_unshared = gaps.iter().find(|gap| own_in(gap) > 0).map(|gap| {
            let before = own_before[gap.start];
            gap.start + own_before[gap.start + 1..=gap.end].partition_point(|&own| own <= before)
        });
        let last_unshared = gaps.iter().rev().find(|gap| own_in(gap) > 0).map(|gap| {
            let by_end = own_before[gap.end];
            gap.start + own_before[gap.start..=gap.end].partition_point(|&own| own < by_end) - 1
        });
        Edges { first_unshared, last_unshared, own_most: 2 * own as usize > words }
    }

    /// Whether a passage over `side` is at the very top or the very bottom.
    fn holds(&self, side: &Range<usize>) -> bool {
        self.first_unshared.is_some_and(|first| first >= side.end)
            || self.last_unshared.is_some_and(|last| last < side.start)
    }
}
