//! The page's questions about its input, answered by the rules the command line applies
//! ([`crate::decode`]): how to read a file's bytes, and whether a text has anything to compare.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::decode;

/// What [`sniff`] tells the page.
#[derive(Serialize)]
#[serde(untagged)]
enum Answer {
    /// Decode with `new TextDecoder(encoding, {ignoreBOM: true})` from byte `bom` on; show `note` if any.
    Read { encoding: &'static str, bom: usize, note: Option<String> },
    /// A document for the page's reader of its format: `document` is `"pdf"` or `"docx"`.
    Document { document: &'static str },
    /// No text: `refused` follows the file's name in the message.
    Refused { refused: String },
}

/// How to read a file's bytes as text:
///
/// ```text
/// { encoding: "UTF-16LE", bom: 0, note: "no byte order mark, read as UTF-16LE (…)" | null }
/// | { document: "pdf" | "docx" }
/// | { refused: "looks like a PNG image, not text" }
/// ```
///
/// The page decodes with the browser's `TextDecoder`, which implements the same Encoding Standard.
#[wasm_bindgen]
pub fn sniff(bytes: &[u8]) -> Result<JsValue, JsError> {
    let answer = match decode::sniff(bytes) {
        Ok(reading) => Answer::Read { encoding: reading.encoding.name(), bom: reading.bom, note: reading.note() },
        Err(decode::DecodeError::Document(format)) => Answer::Document { document: format.name() },
        Err(error) => Answer::Refused { refused: error.to_string() },
    };
    Ok(answer.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// Why a text (as the UTF-8 bytes `TextEncoder` makes of it) has nothing to compare, to follow its name
/// ("holds only white space: there is nothing in it to compare"), or `undefined` when it has words.
#[wasm_bindgen(js_name = nothingToCompare)]
pub fn nothing_to_compare(text: &[u8]) -> Result<Option<String>, JsError> {
    let text = super::utf8(text, "to check")?;
    Ok(decode::nothing_to_compare(text).map(|why| why.to_string()))
}
