//! Any text: its tokens and the white space between them rebuild it byte for byte, and they are the
//! tokens UAX #29 itself gives (so the ASCII fast path agrees with `unicode-segmentation`).
//!
//! Input: the text; bytes that are not UTF-8 read as U+FFFD.
#![no_main]

use copydesk::text::tokenize;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/oracle/mod.rs"]
mod oracle;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    oracle::check_tokens(&text).unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(tokenize(&text), oracle::reference_tokens(&text), "the tokens of {text:?} are not UAX #29's");
});
