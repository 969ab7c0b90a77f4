//! Where each document stands in the others: its shared stretches, cut wherever the set of documents
//! carrying them changes, read from the pairs' passages.

use super::{Link, Stretch};
use crate::compare::{tokens_span, Text};

/// Each document's stretches, in order.
pub(super) fn stretches(texts: &[Text], links: &[Link], chrome: &[Vec<bool>]) -> Vec<Vec<Stretch>> {
    // (token, +1 / -1, other document, boilerplate) for the start and end of every passage side.
    let mut events: Vec<Vec<(usize, i32, usize, bool)>> = vec![Vec::new(); texts.len()];
    for (link, chrome) in links.iter().zip(chrome) {
        for ((a, b), &boilerplate) in link.passages.iter().zip(chrome) {
            for (document, other, range) in [(link.a, link.b, a), (link.b, link.a, b)] {
                events[document].push((range.start, 1, other, boilerplate));
                events[document].push((range.end, -1, other, boilerplate));
            }
        }
    }
    texts.iter().zip(events).map(|(text, events)| sweep(text, events)).collect()
}

/// The stretches of one document from its sides' starts and ends.
fn sweep(text: &Text, mut events: Vec<(usize, i32, usize, bool)>) -> Vec<Stretch> {
    events.sort_unstable();
    // How many sides of each other document cover the current token, and how many are not boilerplate.
    let mut covering: Vec<(usize, usize, usize)> = Vec::new();
    let mut stretches: Vec<(std::ops::Range<usize>, Vec<usize>, bool)> = Vec::new();
    let mut from = 0;
    for (at, step, other, boilerplate) in events {
        if at > from && !covering.is_empty() {
            let documents: Vec<usize> = covering.iter().map(|&(d, _, _)| d).collect();
            let chrome = covering.iter().all(|&(_, _, kept)| kept == 0);
            match stretches.last_mut() {
                Some((range, last, last_chrome))
                    if range.end == from && *last == documents && *last_chrome == chrome =>
                {
                    range.end = at;
                }
                _ => stretches.push((from..at, documents, chrome)),
            }
        }
        from = at;
        let i = covering.partition_point(|&(d, _, _)| d < other);
        if step > 0 {
            if covering.get(i).map_or(true, |&(d, _, _)| d != other) {
                covering.insert(i, (other, 0, 0));
            }
            covering[i].1 += 1;
            covering[i].2 += usize::from(!boilerplate);
        } else {
            covering[i].1 -= 1;
            covering[i].2 -= usize::from(!boilerplate);
            if covering[i].1 == 0 {
                covering.remove(i);
            }
        }
    }
    stretches
        .into_iter()
        .map(|(range, documents, boilerplate)| Stretch {
            span: tokens_span(&text.prepared, range),
            documents,
            boilerplate,
        })
        .collect()
}
