//! The page's one entry point into the engine, and the only module that knows wasm-bindgen.
//!
//! One call per comparison; plain data across, once. Offsets are converted here, in one place, from
//! bytes to UTF-16 code units, because JavaScript strings index UTF-16. The inline diff, which can have
//! an operation per word, crosses as one `Uint32Array`; everything else is a small plain object.

mod read;
mod report;
mod set;

pub use set::{compare_many, compare_many_pair, set_document_report};

use js_sys::{Reflect, Uint32Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::text::offsets::{OffsetIndex, Unit};
use crate::{CompareOptions, Comparison, DiffKind, DocumentStats, Span};

/// What an operation of the `diff` array does: its [`DiffField::Kind`] number.
#[wasm_bindgen]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffCode {
    /// The same in both texts.
    Equal = 0,
    /// Only in A.
    Delete = 1,
    /// Only in B.
    Insert = 2,
}

/// The layout of the `diff` array: where each number of an operation stands, and (`Stride`) how many
/// numbers an operation has, the step from one to the next. The page reads the array by these names.
#[wasm_bindgen]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffField {
    /// A [`DiffCode`].
    Kind = 0,
    /// Where the operation starts in A.
    AStart = 1,
    /// Where it ends in A.
    AEnd = 2,
    /// Where it starts in B.
    BStart = 3,
    /// Where it ends in B.
    BEnd = 4,
    /// Numbers per operation.
    Stride = 5,
}

/// Compares two texts, each as the UTF-8 bytes that `TextEncoder` makes of a string: one native copy
/// across, where a `&str` parameter's glue copies ASCII one character at a time in JavaScript (7 % of
/// a comparison of 1M words a side under V8). `options` is a partial `CompareOptions` object (missing
/// fields take their defaults; `undefined` means all defaults). Returns
///
/// ```text
/// { a: {words, shared_words, shared_ratio}, b: {...}, longest_passage_words,
///   passages: [{a: [start, end], b: [start, end], words, exact, edits: [[a_start, a_end, b_start, b_end]]}],
///   limits: {frequent_phrases, unaligned_stretches, max_candidates},
///   diff: Uint32Array [kind, a_start, a_end, b_start, b_end, ...] }   // see DiffField and DiffCode
/// ```
///
/// with every offset in UTF-16 code units of the strings encoded.
#[wasm_bindgen]
pub fn compare(a: &[u8], b: &[u8], options: JsValue) -> Result<JsValue, JsError> {
    let (a, b) = (utf8(a, "A")?, utf8(b, "B")?);
    comparison_value(a, b, &read_options(options)?)
}

/// The result of [`compare`] for two texts.
fn comparison_value(a: &str, b: &str, options: &CompareOptions) -> Result<JsValue, JsError> {
    let result = crate::compare(a, b, options);
    let (index_a, index_b) = (OffsetIndex::new(a, Unit::Utf16), OffsetIndex::new(b, Unit::Utf16));
    let summary = Summary::new(&result, &index_a, &index_b);
    let object = summary.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
    Reflect::set(&object, &"diff".into(), &diff_array(&result, &index_a, &index_b))
        .map_err(|_| JsError::new("could not attach the diff to the result"))?;
    Ok(object)
}

/// The default options, so that the page shows and resets to exactly what the engine uses.
#[wasm_bindgen(js_name = defaultOptions)]
pub fn default_options() -> Result<JsValue, JsError> {
    Ok(CompareOptions::default().serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// The accepted range of each number option, `{min_words: [2, 1000], max_edits: [0, 20]}`, so that the
/// page's option fields can be held to the engine's (tests/browser/options.spec.js).
#[wasm_bindgen(js_name = optionRanges)]
pub fn option_ranges() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Ranges {
        min_words: [usize; 2],
        max_edits: [usize; 2],
    }
    let pair = |range: std::ops::RangeInclusive<usize>| [*range.start(), *range.end()];
    let ranges = Ranges { min_words: pair(CompareOptions::MIN_WORDS), max_edits: pair(CompareOptions::MAX_EDITS) };
    Ok(ranges.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// A text and the name the page shows it by, as requests carry it.
#[derive(Deserialize)]
struct NamedText {
    name: String,
    text: String,
}

impl NamedText {
    fn named(&self) -> crate::report::Named<'_> {
        crate::report::Named { name: &self.name, text: &self.text }
    }
}

fn utf8<'t>(bytes: &'t [u8], side: &str) -> Result<&'t str, JsError> {
    std::str::from_utf8(bytes).map_err(|error| JsError::new(&format!("text {side} is not UTF-8: {error}")))
}

fn read_options(options: JsValue) -> Result<CompareOptions, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(CompareOptions::default());
    }
    serde_wasm_bindgen::from_value(options).map_err(|error| JsError::new(&format!("invalid options: {error}")))
}

#[derive(Serialize)]
struct Summary {
    a: DocumentStats,
    b: DocumentStats,
    longest_passage_words: usize,
    passages: Vec<PassageOut>,
    limits: LimitsOut,
}

/// [`Limits`](crate::Limits), and the bound behind `frequent_phrases` that the page's note names.
#[derive(Serialize)]
struct LimitsOut {
    frequent_phrases: usize,
    unaligned_stretches: usize,
    max_candidates: usize,
}

#[derive(Serialize)]
struct PassageOut {
    a: [usize; 2],
    b: [usize; 2],
    words: usize,
    exact: bool,
    edits: Vec<[usize; 4]>,
    /// See [`Passage::one_to_one`](crate::Passage::one_to_one): the page's PAN export lists only these.
    one_to_one: bool,
}

impl Summary {
    fn new(result: &Comparison, index_a: &OffsetIndex, index_b: &OffsetIndex) -> Self {
        let utf16 = |index: &OffsetIndex, span: Span| [index.convert(span.start), index.convert(span.end)];
        let passages = result
            .passages
            .iter()
            .map(|passage| PassageOut {
                a: utf16(index_a, passage.a),
                b: utf16(index_b, passage.b),
                words: passage.words,
                exact: passage.exact,
                edits: passage
                    .edits
                    .iter()
                    .map(|edit| {
                        let ([a0, a1], [b0, b1]) = (utf16(index_a, edit.a), utf16(index_b, edit.b));
                        [a0, a1, b0, b1]
                    })
                    .collect(),
                one_to_one: passage.one_to_one,
            })
            .collect();
        Summary {
            a: result.a,
            b: result.b,
            longest_passage_words: result.longest_passage_words,
            passages,
            limits: LimitsOut {
                frequent_phrases: result.limits.frequent_phrases,
                unaligned_stretches: result.limits.unaligned_stretches,
                max_candidates: crate::MAX_CANDIDATES,
            },
        }
    }
}

fn diff_array(result: &Comparison, index_a: &OffsetIndex, index_b: &OffsetIndex) -> Uint32Array {
    const STRIDE: usize = DiffField::Stride as usize;
    let mut flat = vec![0u32; result.diff.len() * STRIDE];
    for (op, fields) in result.diff.iter().zip(flat.chunks_exact_mut(STRIDE)) {
        let code = match op.kind {
            DiffKind::Equal => DiffCode::Equal,
            DiffKind::Delete => DiffCode::Delete,
            DiffKind::Insert => DiffCode::Insert,
        };
        // Offsets of texts under 4 GiB fit in u32; the page refuses larger input long before that.
        let mut set = |field: DiffField, value: usize| fields[field as usize] = value as u32;
        set(DiffField::Kind, code as usize);
        set(DiffField::AStart, index_a.convert(op.a.start));
        set(DiffField::AEnd, index_a.convert(op.a.end));
        set(DiffField::BStart, index_b.convert(op.b.start));
        set(DiffField::BEnd, index_b.convert(op.b.end));
    }
    Uint32Array::from(flat.as_slice())
}
