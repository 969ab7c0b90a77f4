//! Any bytes: decoding never panics, an error says why in a line of its own (and refuses UTF-8 without
//! control bytes only for a binary format's signature, or a document's: `%PDF-`), and text that decodes
//! is the input read faithfully: UTF-8 as is, UTF-16 unit for unit, windows-1252 byte for byte.
//!
//! Input: the file's bytes.
#![no_main]

use copydesk::decode::{decode, DecodeError, Decoded};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match decode(bytes) {
        Ok(decoded) => check_decoded(bytes, &decoded),
        Err(error) => {
            let message = error.to_string();
            assert!(!message.is_empty() && !message.contains('\n'), "message {message:?} for {bytes:?}");
            let controls = bytes.iter().any(|&b| b < 0x20 && !b"\t\n\r\x0c".contains(&b));
            if std::str::from_utf8(bytes).is_ok() && !controls {
                let signature = matches!(error, DecodeError::Binary { .. } | DecodeError::Document(_));
                assert!(signature, "UTF-8 text refused: {message}");
            }
        }
    }
});

fn check_decoded(bytes: &[u8], decoded: &Decoded) {
    let text = decoded.text.as_str();
    let utf16 = |little_endian: bool| -> Vec<u8> {
        let units = text.encode_utf16();
        units.flat_map(|u| if little_endian { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
    };
    match (decoded.reading.encoding.name(), decoded.reading.guessed) {
        ("UTF-8", false) => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            assert_eq!(text, String::from_utf8_lossy(body), "UTF-8 is read as is");
            if std::str::from_utf8(bytes).is_ok() {
                assert_eq!(text.as_bytes(), body, "valid UTF-8 comes back unchanged");
            }
        }
        (encoding @ ("UTF-16LE" | "UTF-16BE"), false) => {
            let little_endian = encoding == "UTF-16LE";
            let bom: &[u8] = if little_endian { b"\xFF\xFE" } else { b"\xFE\xFF" };
            let body = bytes.strip_prefix(bom).expect("a known UTF-16 text starts with its byte order mark");
            if utf16(little_endian) != body {
                // Only malformed UTF-16 (a lone surrogate, an odd last byte) reads differently, and
                // then with a replacement character where it was.
                assert!(text.contains('\u{FFFD}'), "{encoding} behind a byte order mark, misread");
            }
        }
        (encoding @ ("UTF-16LE" | "UTF-16BE"), true) => {
            // Guessed from zero bytes, and accepted only when it decodes without a replacement.
            assert_eq!(utf16(encoding == "UTF-16LE"), bytes, "{encoding} guessed: unit for unit");
        }
        ("windows-1252", true) => {
            assert!(std::str::from_utf8(bytes).is_err(), "valid UTF-8 is never read as windows-1252");
            assert_eq!(text.chars().count(), bytes.len(), "windows-1252: one character per byte");
        }
        other => panic!("unexpected encoding {other:?} for {bytes:?}"),
    }
}
