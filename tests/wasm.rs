//! The engine compiled to WebAssembly and run in headless Chromium (wasm-bindgen-test): the same
//! results as native, so nothing in the pipeline depends on the platform (hashing, sorting, Unicode
//! tables, the absence of threads and clocks).
#![cfg(target_arch = "wasm32")]

use copydesk::{compare, CompareOptions};
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
