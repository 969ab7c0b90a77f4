//! The wasm route: `compareMany` of the page's module under Node (`benches/many-wasm.mjs`), one Node
//! process per set, read as the scorers' claims (`accuracy.rs`) like the native collection route. Its
//! time and memory are the call's own, measured inside Node: the set's JSON going to Node and the
//! result coming back are not counted.
//!
//! The module is the one `make wasm` builds into `pkg/` (`COPYDESK_MANY_WASM` names another folder).
//! Include it beside `sets.rs` (as `mod sets`) with `#[path = "support/wasm.rs"] mod wasm;`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use copydesk::Span;
use serde::Deserialize;

use crate::sets::accuracy::{Carried, Claims};
use crate::sets::Set;
use crate::Measured;

/// What `many-wasm.mjs` prints.
#[derive(Deserialize)]
struct Printed {
    ms: f64,
    grown: usize,
    /// Per document, its stretches.
    documents: Vec<Vec<PrintedStretch>>,
    stories: Vec<Vec<usize>>,
}

/// A stretch: UTF-16 start and end, the other documents that carry it, whether it is boilerplate.
type PrintedStretch = (usize, usize, Vec<usize>, bool);

/// The folder of the module and its glue.
fn pkg() -> PathBuf {
    std::env::var_os("COPYDESK_MANY_WASM")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("pkg"), PathBuf::from)
}

/// Compares `set` with the wasm module under Node; the peak is how much the module's memory grew during
/// the call. An error says why it could not run.
pub fn measure(set: &Set) -> Result<Measured, String> {
    let pkg = pkg();
    if !pkg.join("copydesk_bg.wasm").exists() {
        return Err(format!("no module in {}: run `make wasm`", pkg.display()));
    }
    let documents: Vec<_> = (set.documents.iter())
        .map(|document| serde_json::json!({"name": document.name, "text": document.text}))
        .collect();
    let file = std::env::temp_dir().join(format!("copydesk-many-{}.json", std::process::id()));
    std::fs::write(&file, serde_json::json!({ "documents": documents }).to_string()).map_err(|e| e.to_string())?;
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/many-wasm.mjs");
    let output = Command::new("node").arg(script).arg(&pkg).arg(&file).output();
    let _ = std::fs::remove_file(&file);
    let output = output.map_err(|error| format!("cannot run node: {error}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).lines().next().unwrap_or("node failed").to_owned());
    }
    let printed: Printed = serde_json::from_slice(&output.stdout).map_err(|error| error.to_string())?;
    let mut claims = Claims::new(set.documents.len());
    for (d, (document, stretches)) in set.documents.iter().zip(printed.documents).enumerate() {
        let bytes = utf16_to_bytes(&document.text);
        for (start, end, by, boilerplate) in stretches {
            let span = Span { start: bytes[start], end: bytes[end] };
            claims.carried[d].push(Carried { span, by });
            if boilerplate {
                claims.boilerplate[d].push(span);
            }
        }
    }
    claims.stories = printed.stories;
    Ok(Measured { time: Duration::from_secs_f64(printed.ms / 1000.0), peak: printed.grown, claims })
}

/// The byte offset of every UTF-16 offset of `text` (inside a surrogate pair: the character's start).
fn utf16_to_bytes(text: &str) -> Vec<usize> {
    let mut bytes = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        bytes.extend(std::iter::repeat(at).take(c.len_utf16()));
    }
    bytes.push(text.len());
    bytes
}
