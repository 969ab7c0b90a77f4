//! How file bytes become text, and whether a text has anything to compare: one rule for the command
//! line and the page. The command line calls [`decode`]; the page asks [`sniff`] through wasm how to read
//! a file and decodes it with the browser's own `TextDecoder`, which implements the same WHATWG Encoding
//! Standard as `encoding_rs`. `tests/fixtures/decoding/cases.json` holds the cases both test suites run.
//!
//! The decision, as a browser reads an unlabelled text file, in order:
//!
//! 1. A byte order mark decides (UTF-8, UTF-16LE or UTF-16BE), and nothing else is looked at.
//! 2. A document with a reader of its own ([`DocumentFormat`]: PDF, Word) goes to that reader.
//! 3. Bytes that start like another known binary format (PNG, ZIP, old Word, ...) are refused, by name.
//! 4. A NUL byte anywhere: UTF-16 without a byte order mark if the zero bytes say so, else refused. No
//!    text in any other encoding holds a NUL, so one is decisive wherever it stands, and one fast pass
//!    finds it; a verdict that depended on where the binary part of a file starts would be arbitrary.
//! 5. Valid UTF-8 is UTF-8.
//! 6. Anything else is windows-1252, the last resort, unless it is full of control bytes; the reading
//!    is then a guess, and says so.
//!
//! The statistical tests (the zero bytes of UTF-16, the share of control characters) look at the first
//! 8 KB, or the first 8,192 characters of guessed UTF-16: enough to judge by.

use std::fmt;

use encoding_rs::{UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// How many leading bytes (or characters of guessed UTF-16) the statistical tests look at.
const SNIFF: usize = 8192;

/// Fewer bytes than this say too little to be read as UTF-16 on the strength of their zeros: "Storm"
/// and a NUL, six bytes, has a zero in every third pair and reads as two ideographs and an "m".
const MIN_UTF16_GUESS_BYTES: usize = 16;

/// Binary formats recognised by their first bytes, and what to call them after "looks like". PDF and Word
/// documents are not among them: [`DocumentFormat`] tells them first.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive that is not a Word document (OpenDocument and EPUB files are ZIP archives too)"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "an old-format Word (.doc), Excel or PowerPoint file (Word and LibreOffice can save a .doc as .docx, which copydesk reads)",
    ),
    (b"\x1F\x8B", "a gzip archive"),
    (b"\x7FELF", "a program"),
    (b"RIFF", "a sound, video or image file (RIFF)"),
];

/// Documents that hold their text in a format of their own: not decoded as text but read by a reader
/// for the format (on the page PDF.js and mammoth, on the command line its own Word reader).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentFormat {
    /// A PDF file: it starts with `%PDF-`.
    Pdf,
    /// A Word document (.docx, Office Open XML): a ZIP archive that holds `word/document.xml`.
    Docx,
}

impl DocumentFormat {
    /// The format of `bytes`, told by their content, not by a file's name.
    pub fn of(bytes: &[u8]) -> Option<Self> {
        const WORD_PART: &[u8] = b"word/document.xml";
        if bytes.starts_with(b"%PDF-") {
            Some(DocumentFormat::Pdf)
        } else if bytes.starts_with(b"PK\x03\x04") && bytes.windows(WORD_PART.len()).any(|name| name == WORD_PART) {
            Some(DocumentFormat::Docx)
        } else {
            None
        }
    }

    /// Its short name: `pdf` or `docx`.
    pub fn name(self) -> &'static str {
        match self {
            DocumentFormat::Pdf => "pdf",
            DocumentFormat::Docx => "docx",
        }
    }
}

/// The encodings a text file is read in.
///
/// The decision needs none of `encoding_rs`: its encodings share one decoder type over every encoding
/// it knows, so a reference to one from [`sniff`] would put all their tables (130 KB gzipped) in the
/// page's wasm module, which only decides and leaves the decoding to the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// UTF-16, little endian.
    Utf16Le,
    /// UTF-16, big endian.
    Utf16Be,
    /// windows-1252, the last resort for a legacy single-byte text.
    Windows1252,
}

impl Encoding {
    /// The name the WHATWG Encoding Standard gives it, which the browser's `TextDecoder` takes as a label.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "windows-1252",
        }
    }

    /// Which encoding a byte order mark at the start of `bytes` says, and its length.
    fn from_bom(bytes: &[u8]) -> Option<(Encoding, usize)> {
        match bytes {
            [0xEF, 0xBB, 0xBF, ..] => Some((Encoding::Utf8, 3)),
            [0xFF, 0xFE, ..] => Some((Encoding::Utf16Le, 2)),
            [0xFE, 0xFF, ..] => Some((Encoding::Utf16Be, 2)),
            _ => None,
        }
    }
}

/// How to read a file's bytes as text: what [`sniff`] decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    /// The encoding.
    pub encoding: Encoding,
    /// How many bytes the byte order mark takes (0 without one): the text starts after them.
    pub bom: usize,
    /// Whether the encoding was guessed rather than known (no byte order mark, and not valid UTF-8):
    /// the user should be told, in [`Reading::note`]'s words.
    pub guessed: bool,
}

impl Reading {
    /// What to tell the user about a guess, to follow the file's name ("“a.txt”: not valid UTF-8, read
    /// as windows-1252"); `None` when nothing was guessed.
    pub fn note(&self) -> Option<String> {
        if !self.guessed {
            None
        } else if self.encoding == Encoding::Windows1252 {
            Some("not valid UTF-8, read as windows-1252".to_owned())
        } else {
            Some(format!("no byte order mark, read as {} (guessed from its zero bytes)", self.encoding.name()))
        }
    }
}

/// A text read from bytes, and how it was read.
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without any byte order mark.
    pub text: String,
    /// How it was read.
    pub reading: Reading,
}

/// Why bytes cannot be read as text. Its message follows the file's name: "photo.png looks like a
/// PNG image, not text".
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes start like a known binary format.
    Binary {
        /// What the format is, after "looks like": "a PNG image".
        format: &'static str,
    },
    /// The bytes hold NUL or other control bytes that no text has.
    NotText,
    /// A document in a format with a reader of its own, which [`decode`] does not read.
    Document(DocumentFormat),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Binary { format } => write!(f, "looks like {format}, not text"),
            DecodeError::NotText => f.write_str("looks like a binary file (it has control bytes), not text"),
            DecodeError::Document(DocumentFormat::Pdf) => f.write_str("is a PDF document, not text"),
            DecodeError::Document(DocumentFormat::Docx) => f.write_str("is a Word document, not text"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decides how to read `bytes` as text, or why they are no text (see the module's documentation).
pub fn sniff(bytes: &[u8]) -> Result<Reading, DecodeError> {
    // No signature starts with a byte order mark's bytes (a test checks), so the order of these two
    // steps changes no outcome.
    if let Some((encoding, bom)) = Encoding::from_bom(bytes) {
        return Ok(Reading { encoding, bom, guessed: false });
    }
    if let Some(format) = DocumentFormat::of(bytes) {
        return Err(DecodeError::Document(format));
    }
    if let Some(&(_, format)) = SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(DecodeError::Binary { format });
    }
    if bytes.contains(&0) {
        return utf16_without_bom(bytes).ok_or(DecodeError::NotText);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Ok(Reading { encoding: Encoding::Utf8, bom: 0, guessed: false });
    }
    // A legacy text may hold a stray control byte (a DOS end-of-file mark); data is full of them.
    let head = head(bytes);
    if head.iter().filter(|&&byte| is_stray_control_in_1252(byte)).count() * 100 > head.len() {
        return Err(DecodeError::NotText);
    }
    Ok(Reading { encoding: Encoding::Windows1252, bom: 0, guessed: true })
}

/// Reads `bytes` as text: [`sniff`]'s decision, then `encoding_rs` (malformed sequences after a byte
/// order mark become U+FFFD, as in `TextDecoder`).
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    let reading = sniff(bytes)?;
    let encoding = match reading.encoding {
        Encoding::Utf8 => UTF_8,
        Encoding::Utf16Le => UTF_16LE,
        Encoding::Utf16Be => UTF_16BE,
        Encoding::Windows1252 => WINDOWS_1252,
    };
    let (text, _) = encoding.decode_without_bom_handling(&bytes[reading.bom..]);
    Ok(Decoded { text: text.into_owned(), reading })
}

/// The first bytes, which the statistical tests look at.
fn head(bytes: &[u8]) -> &[u8] {
    &bytes[..bytes.len().min(SNIFF)]
}

/// Control characters that no text holds: all but tab, line feed, form feed and carriage return.
fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\x0c' | '\r')
}

/// Whether `byte` read as windows-1252 is such a control character: a C0 control or DEL, or one of
/// the five bytes the encoding leaves undefined, which it maps to the C1 controls of the same value.
fn is_stray_control_in_1252(byte: u8) -> bool {
    matches!(byte, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D) || (byte < 0x80 && is_stray_control(char::from(byte)))
}

/// UTF-16 without a byte order mark shows as a zero byte in every other place for Latin text: zeros
/// at odd offsets mean little endian, at even offsets big endian. Accepted only if the whole file
/// decodes without a lone surrogate and its first characters hold no control character.
fn utf16_without_bom(bytes: &[u8]) -> Option<Reading> {
    if bytes.len() < MIN_UTF16_GUESS_BYTES || bytes.len() % 2 != 0 {
        return None;
    }
    let head = head(bytes);
    let zeros_at = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let pairs = head.len() / 2;
    let little_endian = match () {
        _ if odd * 3 >= pairs && even * 20 < pairs => true,
        _ if even * 3 >= pairs && odd * 20 < pairs => false,
        _ => return None,
    };
    let units = bytes.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let clean =
        char::decode_utf16(units).enumerate().all(|(at, c)| c.is_ok_and(|c| at >= SNIFF || !is_stray_control(c)));
    let encoding = if little_endian { Encoding::Utf16Le } else { Encoding::Utf16Be };
    clean.then_some(Reading { encoding, bom: 0, guessed: true })
}

/// Why a text has nothing to compare. Its message follows the text's name: "blank.txt holds only white
/// space: there is nothing in it to compare".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NothingToCompare {
    /// Not a character.
    Empty,
    /// Only white space (Unicode's White_Space property).
    WhiteSpace,
    /// Characters, but no letter or digit: punctuation, symbols, emoji.
    NoWords,
}

impl fmt::Display for NothingToCompare {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let why = match self {
            NothingToCompare::Empty => "is empty",
            NothingToCompare::WhiteSpace => "holds only white space",
            NothingToCompare::NoWords => "has no words, only punctuation and symbols",
        };
        write!(f, "{why}: there is nothing in it to compare")
    }
}

/// Why `text` has nothing to compare, or `None` when it has a word or a number to compare. A token is a
/// word when it holds a letter and a number when it holds a digit ([`TokenKind`](crate::text::TokenKind)),
/// so this is `None` exactly when [`tokenize`](crate::text::tokenize) finds a word or a number (a
/// property test holds the two together), and it stops at the first letter rather than tokenizing it all.
pub fn nothing_to_compare(text: &str) -> Option<NothingToCompare> {
    if text.is_empty() {
        Some(NothingToCompare::Empty)
    } else if text.chars().all(char::is_whitespace) {
        Some(NothingToCompare::WhiteSpace)
    } else if !text.chars().any(|c| c.is_alphabetic() || c.is_numeric()) {
        Some(NothingToCompare::NoWords)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What makes the order of the first two steps of `sniff` free: no bytes start with both.
    #[test]
    fn no_signature_and_byte_order_mark_start_alike() {
        let marks: [&[u8]; 3] = [b"\xEF\xBB\xBF", b"\xFF\xFE", b"\xFE\xFF"];
        for mark in marks {
            assert_eq!(Encoding::from_bom(mark).map(|(_, length)| length), Some(mark.len()));
            let documents: [(&[u8], &str); 1] = [(b"%PDF-", "PDF")];
            for (magic, format) in SIGNATURES.iter().chain(&documents) {
                assert!(!magic.starts_with(mark) && !mark.starts_with(magic), "{format}");
            }
        }
    }

    /// The control test on raw bytes says what decoding them as windows-1252 would.
    #[test]
    fn stray_controls_in_1252_are_those_of_its_decoding() {
        for byte in 0..=255u8 {
            let bytes = [byte];
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
            let decoded = text.chars().next().unwrap();
            assert_eq!(
                is_stray_control_in_1252(byte),
                is_stray_control(decoded),
                "byte {byte:#04x} reads as {decoded:?}"
            );
        }
    }

    /// Each byte order mark is the one encoding_rs (and so the browser) recognises.
    #[test]
    fn byte_order_marks_are_encoding_rs_s() {
        for bytes in [&b"\xEF\xBB\xBFx"[..], b"\xFF\xFEx\0", b"\xFE\xFF\0x", b"x"] {
            let ours = Encoding::from_bom(bytes).map(|(encoding, length)| (encoding.name(), length));
            let theirs = encoding_rs::Encoding::for_bom(bytes).map(|(encoding, length)| (encoding.name(), length));
            assert_eq!(ours, theirs);
        }
    }
}
