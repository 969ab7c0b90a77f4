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
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut units = 0;
        for (i, &byte) in text.as_bytes().iter().enumerate() {
            if i % STRIDE == 0 {
                checkpoints.push(units);
            }
            units += units_starting_at(byte, unit);
        }
        OffsetIndex { text, unit, checkpoints, total: units }
    }

    /// The offset, in this index's unit, of byte offset `byte`, which must be at a char boundary.
    pub fn convert(&self, byte: usize) -> usize {
        debug_assert!(self.text.is_char_boundary(byte));
        let checkpoint = byte / STRIDE;
        let Some(&base) = self.checkpoints.get(checkpoint) else {
            return self.total;
        };
        let from = checkpoint * STRIDE;
        base + self.text.as_bytes()[from..byte].iter().map(|&b| units_starting_at(b, self.unit)).sum::<usize>()
    }

    /// The length of the whole text in this index's unit.
    pub fn total(&self) -> usize {
        self.total
    }
}

/// How many units the character starting with `byte` adds: continuation bytes add none, and a four-byte
/// sequence (outside the BMP) is two UTF-16 units.
fn units_starting_at(byte: u8, unit: Unit) -> usize {
    match (unit, byte) {
        (_, 0x80..=0xBF) => 0,
        (Unit::Utf16, 0xF0..) => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_every_boundary() {
        let text = "a€😀b".repeat(40);
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
