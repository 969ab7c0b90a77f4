//! The collection route: one `copydesk::compare_many` over the whole set, read as the scorers' claims
//! (`accuracy.rs`): its provenance stretches (what carries each), the stretches it flags as
//! boilerplate, and its stories.
//!
//! Include it beside `sets.rs` (as `mod sets`) with `#[path = "support/collection.rs"] mod collection;`.

use copydesk::{compare_many, CompareOptions};

use crate::sets::accuracy::{Carried, Claims};
use crate::sets::Set;

/// Compares the whole set at once and says what it found.
pub fn claims(set: &Set) -> Claims {
    let texts: Vec<&str> = set.documents.iter().map(|document| document.text.as_str()).collect();
    let collection = compare_many(&texts, &CompareOptions::default());
    let mut claims = Claims::new(texts.len());
    for (document, stretches) in collection.provenance.iter().enumerate() {
        for stretch in stretches {
            claims.carried[document].push(Carried { span: stretch.span, by: stretch.documents.clone() });
            if stretch.boilerplate {
                claims.boilerplate[document].push(stretch.span);
            }
        }
    }
    claims.stories = collection.stories;
    claims
}
