//! A whole set of documents at once (`compareMany`), and then any pair of it on request
//! (`compareManyPair`) without sending the texts again: the module keeps the set last compared.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::{comparison_value, NamedText};
use crate::report::set::SetReport;
use crate::report::Named;
use crate::text::offsets::Unit;
use crate::CompareOptions;

thread_local! {
    /// The set last compared, for [`compare_many_pair`]. One set at a time: the worker that compared it
    /// asks for its pairs, and a new set replaces it.
    static SET: RefCell<Option<KeptSet>> = const { RefCell::new(None) };
}

struct KeptSet {
    texts: Vec<String>,
    options: CompareOptions,
}

/// What a set is compared with: `{documents: [{name, text}], options}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SetRequest {
    documents: Vec<NamedText>,
    #[serde(default)]
    options: CompareOptions,
}

/// Compares a whole set of documents (`request`: `{documents: [{name, text}], options}`, options partial
/// as for `compare`) and keeps it for [`compare_many_pair`]. Returns the report of
/// `copydesk compare-many --format json` (README.md: "Sets of documents") with every offset in UTF-16
/// code units:
///
/// ```text
/// { documents: [{name, chars, words, shared_words, shared_ratio,
///                stretches: [{start, end, documents: [index], boilerplate}]}],
///   clusters: [{words, boilerplate, occurrences: [{document, start, end}]}],
///   stories: [[index]], pairs: [{a, b, a_shared_words, b_shared_words}],
///   limits: {common_seeds, max_seed_documents} }
/// ```
///
/// `on_progress`, if given, is called as `(documentsRead, pairsCompared, pairs)` while the set is
/// compared (some hundred times at most: see [`crate::Progress`]).
#[wasm_bindgen(js_name = compareMany)]
pub fn compare_many(request: JsValue, on_progress: Option<js_sys::Function>) -> Result<JsValue, JsError> {
    let request: SetRequest = serde_wasm_bindgen::from_value(request)
        .map_err(|error| JsError::new(&format!("invalid set request: {error}")))?;
    let texts: Vec<&str> = request.documents.iter().map(|document| document.text.as_str()).collect();
    let mut report = |progress: crate::Progress| {
        if let Some(callback) = &on_progress {
            // A failing callback (the page gone) stops no comparison: progress is only shown.
            let _ = callback.call3(
                &JsValue::NULL,
                &JsValue::from(progress.documents_read as u32),
                &JsValue::from(progress.pairs_compared as u32),
                &JsValue::from(progress.pairs as u32),
            );
        }
    };
    let collection = crate::compare_many_reporting(&texts, &request.options, &mut report);
    let named: Vec<Named> = request.documents.iter().map(NamedText::named).collect();
    let report = SetReport::new(&named, &collection, Unit::Utf16);
    let value = report.whole().serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
    let texts = request.documents.into_iter().map(|document| document.text).collect();
    SET.with(|set| set.replace(Some(KeptSet { texts, options: request.options })));
    Ok(value)
}

/// Compares the set of `request` (as for [`compare_many`]) and returns document `document`'s entry of
/// `copydesk compare-many --format json`, as the CLI prints it (code points): the export of a document's
/// view. Stateless, like the pair's `report`: it compares again rather than trust a kept set.
#[wasm_bindgen(js_name = setDocumentReport)]
pub fn set_document_report(request: JsValue, document: usize) -> Result<String, JsError> {
    let request: SetRequest = serde_wasm_bindgen::from_value(request)
        .map_err(|error| JsError::new(&format!("invalid set request: {error}")))?;
    let texts: Vec<&str> = request.documents.iter().map(|document| document.text.as_str()).collect();
    let collection = crate::compare_many(&texts, &request.options);
    let named: Vec<Named> = request.documents.iter().map(NamedText::named).collect();
    crate::report::set_document_json(&named, &collection, document)
        .ok_or_else(|| JsError::new(&format!("the set has {} documents: there is no document {document}", texts.len())))
}

/// The comparison of documents `a` and `b` (indices into the set last given to [`compare_many`]), as
/// `compare` gives it for their texts with the set's options.
#[wasm_bindgen(js_name = compareManyPair)]
pub fn compare_many_pair(a: usize, b: usize) -> Result<JsValue, JsError> {
    SET.with(|set| {
        let set = set.borrow();
        let set = set.as_ref().ok_or_else(|| JsError::new("no set has been compared yet: call compareMany first"))?;
        match (set.texts.get(a), set.texts.get(b)) {
            (Some(text_a), Some(text_b)) => comparison_value(text_a, text_b, &set.options),
            _ => Err(JsError::new(&format!("the set has {} documents: there is no pair {a}, {b}", set.texts.len()))),
        }
    })
}
