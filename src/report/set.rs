//! The report of a set (`copydesk compare-many`): one JSON value, or the same as JSON Lines for sets too
//! large to hold as one value.

use std::io::{self, Write};

use serde::Serialize;

use super::{JsonDocument, JsonRange, Named};
use crate::text::offsets::{OffsetIndex, Unit};
use crate::{Collection, MAX_SEED_DOCUMENTS};

/// The JSON report of a set (README.md: "Sets of documents"), pretty-printed, with a final line break.
/// `documents` are the texts given to [`compare_many`](crate::compare_many()), in the same order, each
/// with its name; `document`, `a` and `b` in the report are indices into them.
///
/// # Panics
/// If `documents` are not the collection's texts.
pub fn set_json(documents: &[Named], collection: &Collection) -> String {
    let report = SetReport::new(documents, collection);
    let json = JsonSet {
        documents: report.documents().collect(),
        clusters: report.clusters().collect(),
        stories: &collection.stories,
        pairs: report.pairs().collect(),
        limits: report.limits(),
    };
    let mut out = serde_json::to_string_pretty(&json).expect("a report of plain numbers and strings serializes");
    out.push('\n');
    out
}

/// The report of [`set_json`] as JSON Lines, written to `out` as it goes: one object a line, whose one
/// key names what its value is, an element of `set_json`'s array of that name in the plural:
/// `{"document": …}` for each document in order, then `{"cluster": …}`, `{"pair": …}`, `{"story": […]}`,
/// and last `{"limits": …}`.
///
/// # Panics
/// If `documents` are not the collection's texts.
pub fn set_jsonl(documents: &[Named], collection: &Collection, out: &mut dyn Write) -> io::Result<()> {
    let report = SetReport::new(documents, collection);
    for document in report.documents() {
        line(out, "document", &document)?;
    }
    for cluster in report.clusters() {
        line(out, "cluster", &cluster)?;
    }
    for pair in report.pairs() {
        line(out, "pair", &pair)?;
    }
    for story in &collection.stories {
        line(out, "story", story)?;
    }
    line(out, "limits", &report.limits())
}

/// Writes `{"key": value}` and a line break.
fn line(out: &mut dyn Write, key: &str, value: &impl Serialize) -> io::Result<()> {
    write!(out, "{{\"{key}\":")?;
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"}\n")
}

/// A collection with what its report needs to convert offsets.
struct SetReport<'a> {
    documents: &'a [Named<'a>],
    collection: &'a Collection<'a>,
    indexes: Vec<OffsetIndex<'a>>,
}

impl<'a> SetReport<'a> {
    fn new(documents: &'a [Named<'a>], collection: &'a Collection<'a>) -> Self {
        assert_eq!(documents.len(), collection.documents.len(), "a name and a text for each document compared");
        let indexes = documents.iter().map(|document| OffsetIndex::new(document.text, Unit::CodePoint)).collect();
        SetReport { documents, collection, indexes }
    }

    fn documents(&self) -> impl Iterator<Item = JsonSetDocument<'a>> + '_ {
        let documents = self.documents.iter().zip(&self.indexes).zip(&self.collection.documents);
        documents.zip(&self.collection.provenance).map(|(((document, index), stats), stretches)| JsonSetDocument {
            figures: JsonDocument::new(document.name, index, stats),
            stretches: stretches
                .iter()
                .map(|stretch| JsonStretch {
                    range: JsonRange { start: index.convert(stretch.span.start), end: index.convert(stretch.span.end) },
                    documents: &stretch.documents,
                    boilerplate: stretch.boilerplate,
                })
                .collect(),
        })
    }

    fn clusters(&self) -> impl Iterator<Item = JsonCluster> + '_ {
        self.collection.clusters.iter().map(|cluster| JsonCluster {
            words: cluster.words,
            boilerplate: cluster.boilerplate,
            occurrences: cluster
                .occurrences
                .iter()
                .map(|occurrence| {
                    let index = &self.indexes[occurrence.document];
                    JsonOccurrence {
                        document: occurrence.document,
                        range: JsonRange {
                            start: index.convert(occurrence.span.start),
                            end: index.convert(occurrence.span.end),
                        },
                    }
                })
                .collect(),
        })
    }

    fn pairs(&self) -> impl Iterator<Item = JsonPair> + '_ {
        self.collection.pairs.iter().map(|pair| JsonPair {
            a: pair.a,
            b: pair.b,
            a_shared_words: pair.a_shared_words,
            b_shared_words: pair.b_shared_words,
        })
    }

    fn limits(&self) -> JsonSetLimits {
        JsonSetLimits { common_seeds: self.collection.limits.common_seeds, max_seed_documents: MAX_SEED_DOCUMENTS }
    }
}

#[derive(Serialize)]
struct JsonSet<'a> {
    documents: Vec<JsonSetDocument<'a>>,
    clusters: Vec<JsonCluster>,
    stories: &'a [Vec<usize>],
    pairs: Vec<JsonPair>,
    limits: JsonSetLimits,
}

/// A document's figures, and where it stands in the others ([`crate::Collection::provenance`]).
#[derive(Serialize)]
struct JsonSetDocument<'a> {
    #[serde(flatten)]
    figures: JsonDocument<'a>,
    stretches: Vec<JsonStretch<'a>>,
}

#[derive(Serialize)]
struct JsonStretch<'a> {
    #[serde(flatten)]
    range: JsonRange,
    documents: &'a [usize],
    boilerplate: bool,
}

#[derive(Serialize)]
struct JsonCluster {
    words: usize,
    boilerplate: bool,
    occurrences: Vec<JsonOccurrence>,
}

#[derive(Serialize)]
struct JsonOccurrence {
    document: usize,
    #[serde(flatten)]
    range: JsonRange,
}

#[derive(Serialize)]
struct JsonPair {
    a: usize,
    b: usize,
    a_shared_words: usize,
    b_shared_words: usize,
}

/// What the comparison held back (see [`crate::CollectionLimits`]), and the bound behind it.
#[derive(Serialize)]
struct JsonSetLimits {
    common_seeds: usize,
    max_seed_documents: usize,
}
