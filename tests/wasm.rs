//! The engine compiled to WebAssembly and run in headless Chromium (wasm-bindgen-test): the same
//! results as native, so nothing in the pipeline depends on the platform (hashing, sorting, Unicode
//! tables, the absence of threads and clocks), and the page's entry point (`copydesk::wasm::compare`)
//! gives them in UTF-16 offsets and the array layout it exports.
#![cfg(target_arch = "wasm32")]

use copydesk::wasm::{DiffCode, DiffField};
use copydesk::{compare, CompareOptions, DiffKind};
use js_sys::{Array, Reflect, Uint32Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const WIRE: &str = "Rescue teams reached the village of Kafr Musa on Tuesday after the river burst its banks. \
“We lost everything in one night,” said Leila Haddad, a farmer whose fields lie under a metre of water.\n\n\
The storm also closed the port of Tartus for two days, officials said.";

const OUTLET: &str = "Officials said the storm also closed the port of Tartous for two days.\n\n\
\"We lost everything in one night,\" said Leila Haddad, a farmer whose fields lie under a metre of water. \
Rescue teams reached the village of Kafr Musa on Tuesday after the river burst its banks.";

#[wasm_bindgen_test]
fn finds_reordered_passages_through_changed_quote_marks() {
    let result = compare(WIRE, OUTLET, &CompareOptions::default());
    let shared: Vec<&str> = result.passages.iter().map(|p| &WIRE[p.a.range()]).collect();
    assert!(
        shared.contains(&"Rescue teams reached the village of Kafr Musa on Tuesday after the river burst its banks.")
    );
    assert!(shared.iter().any(|s| s.starts_with("“We lost everything in one night,” said Leila Haddad")));
    assert!(result.a.shared_ratio > 0.6, "{:?}", result.a);
}

#[wasm_bindgen_test]
fn spelling_variants_join_a_transliterated_name() {
    let options = CompareOptions { spelling_variants: true, ..CompareOptions::default() };
    let result = compare(WIRE, OUTLET, &options);
    let port =
        result.passages.iter().find(|p| WIRE[p.a.range()].contains("Tartus")).expect("the port sentence is shared");
    assert!(!port.exact);
    assert_eq!(&OUTLET[port.edits[0].b.range()], "Tartous");
}

#[wasm_bindgen_test]
fn cjk_text_without_spaces_is_compared_per_ideograph() {
    let a = "東京の港で新しい船が進水した。多くの市民が見に来た。";
    let b = "多くの市民が見に来た。東京の港で新しい船が進水した。";
    let result = compare(a, b, &CompareOptions { min_words: 6, ..CompareOptions::default() });
    assert_eq!(result.a.shared_words, result.a.words);
    assert_eq!(result.passages.len(), 2);
}

/// UTF-16 code units in `text[..byte]`: what a JavaScript string index counts.
fn utf16_offset(text: &str, byte: usize) -> u32 {
    text[..byte].encode_utf16().count() as u32
}

fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &name.into()).unwrap_or_else(|_| panic!("the result has {name}"))
}

#[wasm_bindgen_test]
fn the_exported_compare_gives_utf16_offsets_and_the_diff_layout_it_exports() {
    // Astral characters before the passages: each is one code point but two UTF-16 code units.
    let (a, b) = (format!("😀 𠜎 {WIRE}"), format!("👍🏽 {OUTLET}"));
    let native = compare(&a, &b, &CompareOptions::default());
    let result = copydesk::wasm::compare(a.as_bytes(), b.as_bytes(), JsValue::UNDEFINED).expect("valid input");

    let passages = Array::from(&field(&result, "passages"));
    assert_eq!(passages.length() as usize, native.passages.len());
    for (passage, expected) in passages.iter().zip(&native.passages) {
        for (side, text, span) in [("a", &a, expected.a), ("b", &b, expected.b)] {
            let range: Vec<u32> =
                Array::from(&field(&passage, side)).iter().map(|n| n.as_f64().unwrap() as u32).collect();
            assert_eq!(range, [utf16_offset(text, span.start), utf16_offset(text, span.end)], "side {side}");
        }
    }

    let diff = Uint32Array::new(&field(&result, "diff")).to_vec();
    let stride = DiffField::Stride as usize;
    assert_eq!(diff.len(), native.diff.len() * stride);
    let (mut a_covered, mut b_covered) = (0, 0);
    for (op, expected) in diff.chunks_exact(stride).zip(&native.diff) {
        let code = match expected.kind {
            DiffKind::Equal => DiffCode::Equal,
            DiffKind::Delete => DiffCode::Delete,
            DiffKind::Insert => DiffCode::Insert,
        };
        assert_eq!(op[DiffField::Kind as usize], code as u32);
        assert_eq!(op[DiffField::AStart as usize], utf16_offset(&a, expected.a.start));
        assert_eq!(op[DiffField::BEnd as usize], utf16_offset(&b, expected.b.end));
        if code != DiffCode::Insert {
            assert_eq!(op[DiffField::AStart as usize], a_covered, "A is tiled in order");
            a_covered = op[DiffField::AEnd as usize];
        }
        if code != DiffCode::Delete {
            assert_eq!(op[DiffField::BStart as usize], b_covered, "B is tiled in order");
            b_covered = op[DiffField::BEnd as usize];
        }
    }
    assert_eq!((a_covered, b_covered), (a.encode_utf16().count() as u32, b.encode_utf16().count() as u32));
}

/// `compareMany` gives the native collection in UTF-16 offsets, and `compareManyPair` gives for any two
/// of its documents what `compare` gives for their texts, without the texts sent again.
#[wasm_bindgen_test]
fn the_exported_compare_many_gives_utf16_offsets_and_pairs_on_request() {
    let texts = [
        format!("😀 𠜎 {WIRE}"),
        format!("👍🏽 {OUTLET}"),
        "The library's reading room reopens on Monday with new chairs, longer hours and a café by the door.".into(),
    ];
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let native = copydesk::compare_many(&borrowed, &CompareOptions::default());
    let documents: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(d, text)| serde_json::json!({"name": format!("{d}.txt"), "text": text}))
        .collect();
    let request = js_sys::JSON::parse(&serde_json::json!({ "documents": documents }).to_string()).unwrap();
    // Progress ends with every document read and every candidate pair compared.
    let progress =
        js_sys::Function::new_with_args("read, compared, pairs", "globalThis.setProgress = [read, compared, pairs]");
    let result = copydesk::wasm::compare_many(request, Some(progress)).expect("a valid set");
    let last = Array::from(&js_sys::Reflect::get(&js_sys::global(), &"setProgress".into()).unwrap());
    assert_eq!(last.get(0).as_f64(), Some(3.0));
    assert_eq!(last.get(1).as_f64(), last.get(2).as_f64());
    assert!(last.get(2).as_f64().unwrap_or(0.0) >= 1.0);

    let number = |value: JsValue| value.as_f64().expect("a number") as u32;
    let clusters = Array::from(&field(&result, "clusters"));
    assert!(!native.clusters.is_empty());
    assert_eq!(clusters.length() as usize, native.clusters.len());
    for (cluster, expected) in clusters.iter().zip(&native.clusters) {
        let occurrences = Array::from(&field(&cluster, "occurrences"));
        assert_eq!(occurrences.length() as usize, expected.occurrences.len());
        for (occurrence, expected) in occurrences.iter().zip(&expected.occurrences) {
            let text = &texts[expected.document];
            assert_eq!(number(field(&occurrence, "document")), expected.document as u32);
            assert_eq!(number(field(&occurrence, "start")), utf16_offset(text, expected.span.start));
            assert_eq!(number(field(&occurrence, "end")), utf16_offset(text, expected.span.end));
        }
    }
    let documents = Array::from(&field(&result, "documents"));
    for (d, (document, stretches)) in documents.iter().zip(&native.provenance).enumerate() {
        let found = Array::from(&field(&document, "stretches"));
        assert_eq!(found.length() as usize, stretches.len());
        for (stretch, expected) in found.iter().zip(stretches) {
            assert_eq!(number(field(&stretch, "start")), utf16_offset(&texts[d], expected.span.start));
            let carriers: Vec<u32> = Array::from(&field(&stretch, "documents")).iter().map(number).collect();
            assert_eq!(carriers, expected.documents.iter().map(|&other| other as u32).collect::<Vec<_>>());
        }
    }

    let stringify = |value: &JsValue| String::from(js_sys::JSON::stringify(value).unwrap());
    let pair = copydesk::wasm::compare_many_pair(1, 0).expect("a pair of the set");
    let alone = copydesk::wasm::compare(texts[1].as_bytes(), texts[0].as_bytes(), JsValue::UNDEFINED).unwrap();
    assert_eq!(stringify(&pair), stringify(&alone));
    assert!(copydesk::wasm::compare_many_pair(0, 3).is_err(), "no fourth document");
}

/// `setDocumentReport` gives one document's entry of the set's JSON as the CLI writes it (code points,
/// not the page's UTF-16), for every document, and refuses a document the set does not have.
#[wasm_bindgen_test]
fn the_exported_document_report_is_the_clis_entry_for_that_document() {
    let texts = [format!("😀 𠜎 {WIRE}"), format!("👍🏽 {OUTLET}"), format!("{OUTLET}\n\nA line of its own, here.")];
    let names = ["wire 👩🏿‍💻.txt", "outlet.txt", "outlet again.txt"];
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let native = copydesk::compare_many(&borrowed, &CompareOptions::default());
    let named: Vec<copydesk::report::Named> =
        names.iter().zip(&borrowed).map(|(name, text)| copydesk::report::Named { name, text }).collect();
    let request = || {
        let documents: Vec<_> =
            names.iter().zip(&texts).map(|(name, text)| serde_json::json!({"name": name, "text": text})).collect();
        js_sys::JSON::parse(&serde_json::json!({ "documents": documents }).to_string()).unwrap()
    };
    for d in 0..texts.len() {
        let page = copydesk::wasm::set_document_report(request(), d).expect("a document of the set");
        assert_eq!(page, copydesk::report::set_document_json(&named, &native, d).unwrap());
        assert!(page.contains("\"stretches\": [\n"), "document {d} stands elsewhere");
    }
    assert!(copydesk::wasm::set_document_report(request(), 3).is_err(), "no fourth document");
}
