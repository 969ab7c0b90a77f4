//! Byte offsets into a text, converted to the units other tools count in: Unicode code points (the
//! CLI's JSON and PAN's XML) or UTF-16 code units (JavaScript strings).

/// The unit an [`OffsetIndex`] converts byte offsets to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Unicode code points (Rust `char`s, Python string indices).
    CodePoint,
    /// UTF-16 code units (JavaScript string indices).
    Utf16,
}

/// Bytes between two checkpoints: a conversion scans at most this many bytes.
const STRIDE: usize = 64;

/// Converts byte offsets of one text in constant time, in any order.
///
/// Keeps the converted offset of every 64th byte (about 6 % of the text's size in memory) and counts
/// the rest from the nearest checkpoint.
pub struct OffsetIndex<'t> {
    text: &'t str,
    unit: Unit,
    checkpoints: Vec<usize>,
    total: usize,
}

impl<'t> OffsetIndex<'t> {
    /// Indexes `text` for conversions to `unit`.
    pub fn new(text: &'t str, unit: Unit) -> Self {
        let mut total = 0;
        let checkpoints = text
            .as_bytes()
            .chunks(STRIDE)
            .map(|chunk| {
                let at = total;
                total += units_in(chunk, unit);
                at
            })
            .collect();
        OffsetIndex { text, unit, checkpoints, total }
    }

    /// The offset, in this index's unit, of byte offset `byte`, which must be at a char boundary.
    pub fn convert(&self, byte: usize) -> usize {
        debug_assert!(self.text.is_char_boundary(byte));
        let checkpoint = byte / STRIDE;
        let Some(&base) = self.checkpoints.get(checkpoint) else {
            return self.total;
        };
        let from = checkpoint * STRIDE;
        base + units_in(&self.text.as_bytes()[from..byte], self.unit)
    }

    /// The length of the whole text in this index's unit.
    pub fn total(&self) -> usize {
        self.total
    }
}

/// How many units the UTF-8 `bytes` hold: a byte that starts a character adds one (continuation bytes
/// add none), and in UTF-16 a four-byte sequence (outside the BMP) adds a second. ASCII, one unit a byte,
/// is checked a machine word at a time first: most stretches of most texts are ASCII.
fn units_in(bytes: &[u8], unit: Unit) -> usize {
    if bytes.is_ascii() {
        return bytes.len();
    }
    let starts = bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
    match unit {
        Unit::CodePoint => starts,
        Unit::Utf16 => starts + bytes.iter().filter(|&&b| b >= 0xF0).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_every_boundary() {
        // ASCII stretches longer than a checkpoint's stride, and stretches of every UTF-8 length.
        let text = format!("{}{}{}", "a€😀b".repeat(40), "plain ASCII ".repeat(30), "é中😀".repeat(30));
        for unit in [Unit::CodePoint, Unit::Utf16] {
            let index = OffsetIndex::new(&text, unit);
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let expected = match unit {
                    Unit::CodePoint => text[..byte].chars().count(),
                    Unit::Utf16 => text[..byte].encode_utf16().count(),
                };
                assert_eq!(index.convert(byte), expected, "{unit:?} at {byte}");
            }
        }
    }
}
