//! The JSON and PAN reports of a pair, written by the library (`crate::report`) so that the page's
//! exports are byte for byte what `copydesk compare --format json|pan` prints.

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::NamedText;
use crate::report;
use crate::CompareOptions;

/// What a report is asked for with: `{format: "json" | "pan", a: {name, text}, b: {name, text}, options}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReportRequest {
    format: Format,
    a: NamedText,
    b: NamedText,
    #[serde(default)]
    options: CompareOptions,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum Format {
    Json,
    Pan,
}

/// Compares the two texts of `request` and returns the report it asks for, as a string.
#[wasm_bindgen]
pub fn report(request: JsValue) -> Result<String, JsError> {
    let request: ReportRequest = serde_wasm_bindgen::from_value(request)
        .map_err(|error| JsError::new(&format!("invalid report request: {error}")))?;
    let result = crate::compare(&request.a.text, &request.b.text, &request.options);
    let (a, b) = (request.a.named(), request.b.named());
    Ok(match request.format {
        Format::Json => report::json(a, b, &result),
        Format::Pan => report::pan(a, b, &result),
    })
}
