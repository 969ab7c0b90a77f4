//! The report of a set (`copydesk compare-many`): one JSON value, or the same as JSON Lines for sets too
//! large to hold as one value.

use std::io::{self, Write};

use serde::Serialize;

use super::{JsonDocument, JsonStretch, Named};
use crate::text::offsets::{OffsetIndex, Unit};
use crate::{Collection, MAX_SEED_DOCUMENTS};

/// The JSON report of a set (README.md: "Sets of documents"), pretty-printed, with a final line break.
/// `documents` are the texts given to [`compare_many`](crate::compare_many()), in the same order, each
/// with its name; `document`, `a` and `b` in the report are indices into them.
///
/// # Panics
/// If `documents` are not the collection's texts.
pub fn set_json(documents: &[Named], collection: &Collection) -> String {
    let report = SetReport::new(documents, collection, Unit::CodePoint);
    let mut out =
        serde_json::to_string_pretty(&report.whole()).expect("a report of plain numbers and strings serializes");
    out.push('\n');
    out
}

/// Document `index`'s entry of [`set_json`] on its own (its figures and `stretches`, offsets in code
/// points), pretty-printed as `set_json` prints it, with a final line break: what the page exports of
/// one document's view. None when there is no document `index`.
///
/// # Panics
/// If `documents` are not the collection's texts.
pub fn set_document_json(documents: &[Named], collection: &Collection, index: usize) -> Option<String> {
    if index >= documents.len() {
        return None;
    }
    let report = SetReport::new(documents, collection, Unit::CodePoint);
    let mut out = serde_json::to_string_pretty(&report.document(index))
        .expect("a report of plain numbers and strings serializes");
    out.push('\n');
    Some(out)
}

/// The report of [`set_json`] as JSON Lines, written to `out` as it goes: one object a line, whose one
/// key names what its value is, an element of `set_json`'s array of that name in the plural:
/// `{"document": …}` for each document in order, then `{"cluster": …}`, `{"pair": …}`, `{"story": […]}`,
/// and last `{"limits": …}`.
///
/// # Panics
/// If `documents` are not the collection's texts.
pub fn set_jsonl(documents: &[Named], collection: &Collection, out: &mut dyn Write) -> io::Result<()> {
    let report = SetReport::new(documents, collection, Unit::CodePoint);
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

/// A collection with what its report needs to convert offsets, to code points for the CLI or to UTF-16
/// code units for the page (`crate::wasm`, which serializes [`SetReport::whole`] as a JavaScript value).
pub(crate) struct SetReport<'a> {
    documents: &'a [Named<'a>],
    collection: &'a Collection<'a>,
    indexes: Vec<OffsetIndex<'a>>,
}

impl<'a> SetReport<'a> {
    /// # Panics
    /// If `documents` are not the collection's texts.
    pub(crate) fn new(documents: &'a [Named<'a>], collection: &'a Collection<'a>, unit: Unit) -> Self {
        assert_eq!(documents.len(), collection.documents.len(), "a name and a text for each document compared");
        let indexes = documents.iter().map(|document| OffsetIndex::new(document.text, unit)).collect();
        SetReport { documents, collection, indexes }
    }

    /// The whole report as one value.
    pub(crate) fn whole(&self) -> impl Serialize + '_ {
        JsonSet {
            documents: self.documents().collect(),
            clusters: self.clusters().collect(),
            stories: &self.collection.stories,
            pairs: self.pairs().collect(),
            limits: self.limits(),
        }
    }

    fn documents(&self) -> impl Iterator<Item = JsonDocument<'a>> + '_ {
        (0..self.documents.len()).map(|index| self.document(index))
    }

    /// Document `index`'s figures and where it stands in the others.
    fn document(&self, index: usize) -> JsonDocument<'a> {
        let offsets = &self.indexes[index];
        let stretches = (self.collection.provenance[index].iter())
            .map(|stretch| JsonStretch {
                start: offsets.convert(stretch.span.start),
                end: offsets.convert(stretch.span.end),
                documents: &stretch.documents,
                boilerplate: stretch.boilerplate,
            })
            .collect();
        let stats = &self.collection.documents[index];
        JsonDocument { stretches: Some(stretches), ..JsonDocument::new(self.documents[index].name, offsets, stats) }
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
                        start: index.convert(occurrence.span.start),
                        end: index.convert(occurrence.span.end),
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
    documents: Vec<JsonDocument<'a>>,
    clusters: Vec<JsonCluster>,
    stories: &'a [Vec<usize>],
    pairs: Vec<JsonPair>,
    limits: JsonSetLimits,
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
    start: usize,
    end: usize,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The wire set of `tests/fixtures/sets/`, with an astral character up front in one document so
    /// that code points and bytes differ.
    fn wire_set() -> Vec<(String, String)> {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sets/wire");
        ["wire.txt", "herald.txt", "post.txt", "ledger.txt", "monitor.txt"]
            .iter()
            .map(|name| {
                let text = std::fs::read_to_string(folder.join(name)).unwrap();
                let text = if *name == "herald.txt" { format!("😀 𠜎 {text}") } else { text };
                (name.to_string(), text)
            })
            .collect()
    }

    /// What the page exports of one document is that document's entry of the CLI's JSON, byte for byte
    /// (the entry stands two levels deep there, so four spaces further in).
    #[test]
    fn a_documents_json_is_its_entry_in_the_sets_json() {
        let files = wire_set();
        let texts: Vec<&str> = files.iter().map(|(_, text)| text.as_str()).collect();
        let named: Vec<Named> = files.iter().map(|(name, text)| Named { name, text }).collect();
        let collection = crate::compare_many(&texts, &crate::CompareOptions::default());
        let whole = set_json(&named, &collection);
        for index in 0..files.len() {
            let alone = set_document_json(&named, &collection, index).unwrap();
            let indented: String = alone.trim_end().lines().map(|line| format!("\n    {line}")).collect();
            assert!(whole.contains(&indented), "document {index}'s JSON is not its entry:\n{alone}");
            assert!(alone.contains("\"stretches\": [\n"), "document {index} has stretches");
        }
        assert_eq!(set_document_json(&named, &collection, files.len()), None);
    }
}
