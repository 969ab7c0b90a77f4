//! File bytes to text, the way a browser reads a text file: a byte order mark decides (UTF-8, UTF-16
//! LE or BE); otherwise UTF-8 if the bytes are valid UTF-8, UTF-16 if the zero bytes say so, and
//! windows-1252 as the last resort, which the result reports so the caller can say so. Binary files
//! are refused rather than read as nonsense.

use std::fmt;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// A text read from bytes, and how it was read.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without any byte order mark.
    pub text: String,
    /// The encoding's name as the WHATWG Encoding Standard spells it ("UTF-8", "UTF-16LE", ...).
    pub encoding: &'static str,
    /// Whether the encoding was guessed rather than known (no byte order mark and not valid UTF-8):
    /// the caller should tell the user.
    pub guessed: bool,
}

/// Why bytes could not be read as text.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes start like a known binary format (PNG, PDF, ZIP, ...).
    Binary {
        /// The format's name.
        format: &'static str,
    },
    /// The bytes hold NUL or other control bytes that no text has.
    NotText,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary { format } => write!(f, "this is a {format} file, not text"),
            DecodeError::NotText => f.write_str("this looks like a binary file, not text (it has control bytes)"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Binary formats recognised by their first bytes.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP (or Word, or EPUB)"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"\x1F\x8B", "gzip"),
    (b"\x7FELF", "program (ELF)"),
    (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "Microsoft Office (old format)"),
    (b"RIFF", "RIFF media"),
];

/// How many leading bytes the guesses look at.
const SNIFF: usize = 8192;

/// Reads `bytes` as text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return Ok(decoded(encoding, &bytes[bom..], false));
    }
    if let Some(&(_, format)) = SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(DecodeError::Binary { format });
    }
    let head = &bytes[..bytes.len().min(SNIFF)];
    if head.contains(&0) {
        return utf16_without_bom(bytes).ok_or(DecodeError::NotText);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded { text: text.to_owned(), encoding: UTF_8.name(), guessed: false });
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !b"\t\n\r\x0c".contains(&b)).count();
    if controls * 100 > head.len() {
        return Err(DecodeError::NotText);
    }
    Ok(decoded(WINDOWS_1252, bytes, true))
}

fn decoded(encoding: &'static Encoding, bytes: &[u8], guessed: bool) -> Decoded {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Decoded { text: text.into_owned(), encoding: encoding.name(), guessed }
}

/// UTF-16 without a byte order mark shows as a zero byte in every other place for Latin text: zeros
/// at odd offsets mean little endian, at even offsets big endian. Accepted only if it decodes cleanly.
fn utf16_without_bom(bytes: &[u8]) -> Option<Decoded> {
    let head = &bytes[..bytes.len().min(SNIFF)];
    let zeros_at = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let pairs = head.len() / 2;
    let encoding = match () {
        _ if odd * 3 >= pairs && even * 20 < pairs => UTF_16LE,
        _ if even * 3 >= pairs && odd * 20 < pairs => UTF_16BE,
        _ => return None,
    };
    if bytes.len() % 2 != 0 {
        return None;
    }
    let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?.into_owned();
    let controls =
        text.chars().take(SNIFF).filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c')).count();
    (controls == 0).then_some(Decoded { text, encoding: encoding.name(), guessed: true })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
        text.encode_utf16().flat_map(|u| if little_endian { u.to_le_bytes() } else { u.to_be_bytes() }).collect()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("Tartús “port”".as_bytes()).unwrap();
        assert_eq!((plain.text.as_str(), plain.encoding, plain.guessed), ("Tartús “port”", "UTF-8", false));
        let bom = decode(b"\xEF\xBB\xBFport").unwrap();
        assert_eq!(bom.text, "port");
    }

    #[test]
    fn utf16_with_bom() {
        for little in [true, false] {
            let mut bytes = if little { vec![0xFF, 0xFE] } else { vec![0xFE, 0xFF] };
            bytes.extend(utf16("Ελλάδα port", little));
            let decoded = decode(&bytes).unwrap();
            assert_eq!(decoded.text, "Ελλάδα port");
            assert!(!decoded.guessed);
        }
    }

    #[test]
    fn utf16_without_bom_is_guessed() {
        let decoded = decode(&utf16("The port of Tartus reopened.", true)).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding, decoded.guessed),
            ("The port of Tartus reopened.", "UTF-16LE", true)
        );
        assert_eq!(decode(&utf16("The port reopened.", false)).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn windows_1252_is_the_announced_fallback() {
        let decoded = decode(b"\x93Tart\xFAs\x94 caf\xE9").unwrap();
        assert_eq!((decoded.text.as_str(), decoded.encoding, decoded.guessed), ("“Tartús” café", "windows-1252", true));
    }

    #[test]
    fn binary_files_are_refused() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Err(DecodeError::Binary { format: "PNG image" }));
        assert_eq!(decode(b"%PDF-1.7\n"), Err(DecodeError::Binary { format: "PDF" }));
        assert_eq!(decode(b"\x01\x02\x03\0\xff\x00\x10"), Err(DecodeError::NotText));
        assert_eq!(decode(&[0x80, 0x01, 0x02, 0x03, 0x04, 0x05, 0x81]), Err(DecodeError::NotText));
    }

    #[test]
    fn empty_is_empty_text() {
        assert_eq!(decode(b"").unwrap().text, "");
    }
}
