//! Page chrome: the navigation lines, newsletter boxes, copyright lines and "Read more" blocks that an
//! outlet prints on every page. It is real reuse but not what anyone looks for, and it links unrelated
//! stories of one outlet, so it is flagged and links no stories. The rule:
//!
//! 1. A passage of the pair stands at the very top of a document when every word before it is shared
//!    with the other document of the pair too, and some word after it is not: chrome blocks follow one
//!    another, and the article comes after them. At the very bottom likewise. A passage at the top or
//!    the bottom of both documents is at their edges, and is chrome. Words found at the edges with any
//!    other document count as shared here too, for a page may show a block that its pair does not.
//! 2. A pair whose passages at the edges hold most of what it shares, in both documents, shares chrome
//!    and nothing else: all of its passages are chrome, so a newsletter box that an outlet puts between
//!    paragraphs goes with the navigation line and the copyright line around it.
//! 3. A cluster most of whose passages are chrome is chrome in every pair: the newsletter box that one
//!    page follows with a block of its own is the box the outlet's other pages end with.
//!
//! A story carried whole (nothing after it) or after a headline of its own is no edge. A passage that
//! both documents begin with and then go their own ways (a brief that opens with the wire's lead, in a
//! text that has no headline either) would be taken for chrome.

use std::ops::Range;

use super::clusters::Grouped;
use super::Link;
use crate::compare::Text;
use crate::stats::covered_words;

/// The most rounds of finding edges with the chrome known from the round before: each round reaches one
/// block further in from a page's edge.
const ROUNDS: usize = 4;

/// For each link, whether each of its passages is chrome.
pub(super) fn flag(texts: &[Text], links: &[Link], grouped: &Grouped) -> Vec<Vec<bool>> {
    // A page may show a chrome block that the other page of a pair does not (a "Read more" box on one
    // page only): between the pair's chrome and the page's end it is not shared with the other page, but
    // it is chrome with a third. So the edges are found again, each time with the words found at the
    // edges with any document so far counting as shared, until no more are found.
    let mut known: Vec<Vec<bool>> = texts.iter().map(|text| vec![false; text.words.len()]).collect();
    for _ in 0..ROUNDS {
        let mut grew = false;
        for link in links {
            let edges = at_edges(texts, link, &known);
            for ((a, b), _) in link.passages.iter().zip(&edges).filter(|(_, &edge)| edge) {
                for (document, side) in [(link.a, a), (link.b, b)] {
                    grew |= known[document][side.clone()].contains(&false);
                    known[document][side.clone()].fill(true);
                }
            }
        }
        if !grew {
            break;
        }
    }
    let by_pair: Vec<Vec<bool>> = links
        .iter()
        .map(|link| {
            let edges = at_edges(texts, link, &known);
            let (a, b) = (&texts[link.a].words, &texts[link.b].words);
            let mostly = |words: &[bool], sides: Vec<Range<usize>>| {
                let edge = sides.iter().zip(&edges).filter(|(_, &edge)| edge).map(|(side, _)| side.clone());
                2 * covered_words(words, edge) > covered_words(words, sides.iter().cloned())
            };
            let (sides_a, sides_b): (Vec<_>, Vec<_>) = link.passages.iter().cloned().unzip();
            if mostly(a, sides_a) && mostly(b, sides_b) {
                vec![true; link.passages.len()]
            } else {
                edges
            }
        })
        .collect();
    // (chrome passages, passages) of each cluster.
    let mut votes = vec![(0, 0); grouped.len()];
    for (l, flags) in by_pair.iter().enumerate() {
        for (p, &chrome) in flags.iter().enumerate() {
            let vote = &mut votes[grouped.cluster_of(l, p)];
            *vote = (vote.0 + usize::from(chrome), vote.1 + 1);
        }
    }
    by_pair
        .iter()
        .enumerate()
        .map(|(l, flags)| {
            let chrome_cluster = |p: usize| {
                let (chrome, all) = votes[grouped.cluster_of(l, p)];
                2 * chrome > all
            };
            flags.iter().enumerate().map(|(p, &chrome)| chrome || chrome_cluster(p)).collect()
        })
        .collect()
}

/// Whether each passage of `link` is at the edges of both documents, words of `chrome` aside. Only
/// documents that keep most of their words to themselves have edges: a copy of a story, shared from its
/// first paragraph on, is no page around an article.
fn at_edges(texts: &[Text], link: &Link, chrome: &[Vec<bool>]) -> Vec<bool> {
    let (sides_a, sides_b): (Vec<_>, Vec<_>) = link.passages.iter().cloned().unzip();
    let edges_a = Edges::new(&texts[link.a].words, &chrome[link.a], &sides_a);
    let edges_b = Edges::new(&texts[link.b].words, &chrome[link.b], &sides_b);
    let framed = edges_a.own_most && edges_b.own_most;
    link.passages.iter().map(|(in_a, in_b)| framed && edges_a.holds(in_a) && edges_b.holds(in_b)).collect()
}

/// The first and last words of a document that a pair does not share (and that are not `chrome`).
struct Edges {
    first_unshared: Option<usize>,
    last_unshared: Option<usize>,
    /// Whether most of the document's words are neither shared with the pair nor chrome.
    own_most: bool,
}

impl Edges {
    fn new(words: &[bool], chrome: &[bool], sides: &[Range<usize>]) -> Self {
        let mut shared = chrome.to_vec();
        for side in sides {
            shared[side.clone()].fill(true);
        }
        let unshared = |&i: &usize| words[i] && !shared[i];
        let own = (0..words.len()).filter(unshared).count();
        Edges {
            first_unshared: (0..words.len()).find(unshared),
            last_unshared: (0..words.len()).rev().find(unshared),
            own_most: 2 * own > words.iter().filter(|&&w| w).count(),
        }
    }

    /// Whether a passage over `side` is at the very top or the very bottom.
    fn holds(&self, side: &Range<usize>) -> bool {
        self.first_unshared.is_some_and(|first| first >= side.end)
            || self.last_unshared.is_some_and(|last| last < side.start)
    }
}
