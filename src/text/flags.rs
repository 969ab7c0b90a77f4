//! What the matcher must know of each compared token besides its id: whether it is a word, and where
//! sentences end and punctuation hangs, so that passages begin and end where a reader would put them.

use super::Prepared;

/// Facts about one compared token, as a bit set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Flags(u8);

impl Flags {
    const WORD: u8 = 1;
    const BOUNDARY_AFTER: u8 = 2;
    const NO_START: u8 = 4;
    const NO_END: u8 = 8;

    /// A word or number (punctuation is not).
    pub fn is_word(self) -> bool {
        self.0 & Self::WORD != 0
    }

    /// A sentence or paragraph ends after this token: it is a full stop (or the like), possibly
    /// followed by a closing quote, or a blank line follows it.
    pub fn boundary_after(self) -> bool {
        self.0 & Self::BOUNDARY_AFTER != 0
    }

    /// A passage may not start here: sentence-final punctuation, or punctuation with white space after
    /// it, which belongs to what comes before (in `banks. “We`, neither `.` may start a passage; `“` may).
    pub fn no_start(self) -> bool {
        self.0 & Self::NO_START != 0
    }

    /// A passage may not end here: punctuation with white space before it.
    pub fn no_end(self) -> bool {
        self.0 & Self::NO_END != 0
    }

    #[cfg(test)]
    pub fn word() -> Self {
        Flags(Self::WORD)
    }
}

/// The flags of each compared token of `prepared`, a tokenization of `text`.
pub(crate) fn flags(prepared: &Prepared, text: &str) -> Vec<Flags> {
    let token_text = |i: usize| &text[prepared.tokens[prepared.compared[i] as usize].span.range()];
    let ends_sentence = |i: usize| matches!(token_text(i), "." | "!" | "?" | "…" | "。" | "！" | "？" | "؟" | "।");
    let gap_after = |i: usize| {
        let end = prepared.tokens[prepared.compared[i] as usize].span.end;
        let next = prepared.compared.get(i + 1).map_or(text.len(), |&t| prepared.tokens[t as usize].span.start);
        &text[end..next]
    };
    let count = prepared.compared.len();
    (0..count)
        .map(|i| {
            let punct = !prepared.is_word(i);
            let spaced_after = gap_after(i).starts_with(char::is_whitespace) || i + 1 == count;
            let spaced_before = i == 0 || gap_after(i - 1).starts_with(char::is_whitespace);
            let boundary =
                ends_sentence(i) || (punct && i > 0 && ends_sentence(i - 1)) || gap_after(i).matches('\n').count() >= 2;
            let mut bits = 0;
            bits |= if punct { 0 } else { Flags::WORD };
            bits |= if boundary { Flags::BOUNDARY_AFTER } else { 0 };
            bits |= if punct && (ends_sentence(i) || spaced_after) { Flags::NO_START } else { 0 };
            bits |= if punct && spaced_before { Flags::NO_END } else { 0 };
            Flags(bits)
        })
        .collect()
}
