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

/// The flags of each compared token of `prepared`, a tokenization of `text`. One pass: what a token's
/// flags need of its neighbours (the sentence end before it, the white space before it) is carried over.
pub(crate) fn flags(prepared: &Prepared, text: &str) -> Vec<Flags> {
    let span = |i: usize| prepared.tokens[prepared.compared[i] as usize].span;
    let count = prepared.compared.len();
    let mut flags = Vec::with_capacity(count);
    let (mut after_sentence_end, mut spaced_before) = (false, true);
    for i in 0..count {
        let (token, next) = (span(i), if i + 1 < count { span(i + 1).start } else { text.len() });
        let gap = &text[token.end..next];
        let punct = !prepared.is_word(i);
        let ends_sentence = punct && ends_sentence(&text[token.range()]);
        let spaced_after = gap.starts_with(char::is_whitespace);
        let boundary = ends_sentence || (punct && after_sentence_end) || blank_line(gap);
        let mut bits = 0;
        bits |= if punct { 0 } else { Flags::WORD };
        bits |= if boundary { Flags::BOUNDARY_AFTER } else { 0 };
        bits |= if punct && (ends_sentence || spaced_after || i + 1 == count) { Flags::NO_START } else { 0 };
        bits |= if punct && spaced_before { Flags::NO_END } else { 0 };
        flags.push(Flags(bits));
        (after_sentence_end, spaced_before) = (ends_sentence, spaced_after);
    }
    flags
}

fn ends_sentence(token: &str) -> bool {
    matches!(token, "." | "!" | "?" | "…" | "。" | "！" | "？" | "؟" | "।")
}

/// Whether white space `gap` holds an empty line: two line breaks or more.
fn blank_line(gap: &str) -> bool {
    gap.bytes().filter(|&b| b == b'\n').nth(1).is_some()
}
