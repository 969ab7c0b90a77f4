//! The machine-readable reports, written here once for the CLI and the page, so that an export from the
//! page and the CLI's output are the same bytes:
//!
//! - [`json`] and [`pan`]: a pair (`copydesk compare --format json|pan`);
//! - [`set_json`] and [`set_jsonl`]: a whole set (`copydesk compare-many --format json|jsonl`), and
//!   [`set_document_json`] one document's entry of it (the page's export of a document's view).
//!
//! Offsets are Unicode code points into each text, end exclusive.

mod pair;
pub(crate) mod set;

use serde::Serialize;

use crate::text::offsets::OffsetIndex;
use crate::DocumentStats;

pub use pair::{json, pan};
pub use set::{set_document_json, set_json, set_jsonl};

/// A compared text and the name it is shown by (a file name, or what the page calls it).
#[derive(Clone, Copy, Debug)]
pub struct Named<'t> {
    /// The name in the report.
    pub name: &'t str,
    /// The text that was compared.
    pub text: &'t str,
}

/// A document's figures, the same in a pair's report and a set's; in a set's, also where it stands in
/// the others ([`crate::Collection::provenance`]).
#[derive(Serialize)]
struct JsonDocument<'a> {
    name: &'a str,
    chars: usize,
    words: usize,
    shared_words: usize,
    shared_ratio: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    stretches: Option<Vec<JsonStretch<'a>>>,
}

#[derive(Serialize)]
struct JsonStretch<'a> {
    start: usize,
    end: usize,
    documents: &'a [usize],
    boilerplate: bool,
}

impl<'a> JsonDocument<'a> {
    fn new(name: &'a str, index: &OffsetIndex, stats: &DocumentStats) -> Self {
        JsonDocument {
            name,
            chars: index.total(),
            words: stats.words,
            shared_words: stats.shared_words,
            shared_ratio: stats.shared_ratio,
            stretches: None,
        }
    }
}

#[derive(Serialize)]
struct JsonRange {
    start: usize,
    end: usize,
}
