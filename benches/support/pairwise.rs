//! The pairwise route: one `copydesk::compare` per pair of documents of a set, as the page does today,
//! read as the scorers' claims (`accuracy.rs`). A word of document x is carried by y when a passage of
//! the pair (x, y) holds it; nothing is flagged as boilerplate; the stories are the connected components
//! of the pairs that share any passage.
//!
//! Include it beside `sets.rs` (as `mod sets`) with `#[path = "support/pairwise.rs"] mod pairwise;`.

use copydesk::{compare, CompareOptions};

use crate::sets::accuracy::{Carried, Claims};
use crate::sets::Set;

/// Compares every pair of `set` and says what the comparisons found.
pub fn claims(set: &Set) -> Claims {
    let documents = set.documents.len();
    let options = CompareOptions::default();
    let mut claims = Claims::new(documents);
    let mut stories = Components::new(documents);
    for x in 0..documents {
        for y in x + 1..documents {
            let comparison = compare(&set.documents[x].text, &set.documents[y].text, &options);
            for passage in &comparison.passages {
                claims.carried[x].push(Carried { span: passage.a, by: vec![y] });
                claims.carried[y].push(Carried { span: passage.b, by: vec![x] });
            }
            if !comparison.passages.is_empty() {
                stories.join(x, y);
            }
        }
    }
    claims.stories = stories.into_groups();
    claims
}

/// Union-find over documents.
struct Components {
    parent: Vec<usize>,
}

impl Components {
    fn new(documents: usize) -> Components {
        Components { parent: (0..documents).collect() }
    }

    fn root(&mut self, mut document: usize) -> usize {
        while self.parent[document] != document {
            self.parent[document] = self.parent[self.parent[document]];
            document = self.parent[document];
        }
        document
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        self.parent[a.max(b)] = a.min(b);
    }

    /// The components, each ascending, in the order of their first documents.
    fn into_groups(mut self) -> Vec<Vec<usize>> {
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut group_of = vec![usize::MAX; self.parent.len()];
        for document in 0..self.parent.len() {
            let root = self.root(document);
            if group_of[root] == usize::MAX {
                group_of[root] = groups.len();
                groups.push(Vec::new());
            }
            groups[group_of[root]].push(document);
        }
        groups
    }
}
