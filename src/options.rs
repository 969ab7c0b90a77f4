//! What a comparison looks for, with the defaults that suit news articles.

use serde::{Deserialize, Serialize};

/// Settings of one comparison. `CompareOptions::default()` is what the CLI and the web page start with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CompareOptions {
    /// The fewest identical words a shared passage must have (punctuation does not count).
    ///
    /// Default 10: short enough for a reused clause, long enough that stock phrases ("said in a
    /// statement on Tuesday that the") do not count as reuse. Range 2 to 1000.
    pub min_words: usize,
    /// The most words that may be inserted, deleted or changed between two identical runs of one
    /// passage, like WCopyfind's "imperfections". Each gap is bridged on its own, and punctuation in it
    /// does not count; `0` bridges no changed word (a changed comma or quote mark still shows as an edit).
    ///
    /// Default 3: bridges a changed name, an added adjective or a reworded date. Range 0 to 20.
    pub max_edits: usize,
    /// Whether near-identical spellings of a word, one letter apart and of at least
    /// [`MIN_VARIANT_CHARS`](crate::text::MIN_VARIANT_CHARS) letters (Tartus / Tartous, Hmeimim /
    /// Khmeimim), count as the same word when each text has only its own spelling. Default off.
    pub spelling_variants: bool,
    /// Whether upper and lower case compare equal ("Port" = "port"). Default on.
    pub fold_case: bool,
    /// Whether letters compare equal without their accents ("Tartús" = "Tartus"). Default on.
    pub fold_diacritics: bool,
    /// Whether punctuation is left out of the comparison, so that a changed comma or quote mark is no
    /// edit at all. Default off: punctuation takes part, with quote marks and dashes unified.
    pub ignore_punctuation: bool,
    /// Whether numbers are left out of the comparison (for texts that differ only in figures).
    /// Default off.
    pub ignore_numbers: bool,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions {
            min_words: 10,
            max_edits: 3,
            spelling_variants: false,
            fold_case: true,
            fold_diacritics: true,
            ignore_punctuation: false,
            ignore_numbers: false,
        }
    }
}

impl CompareOptions {
    /// The accepted range of [`min_words`](Self::min_words).
    pub const MIN_WORDS: std::ops::RangeInclusive<usize> = 2..=1000;
    /// The accepted range of [`max_edits`](Self::max_edits).
    pub const MAX_EDITS: std::ops::RangeInclusive<usize> = 0..=20;

    /// These options with every number brought into its accepted range; the comparison uses this, so
    /// that no option value can make it fail or run away.
    pub fn clamped(self) -> Self {
        CompareOptions {
            min_words: self.min_words.clamp(*Self::MIN_WORDS.start(), *Self::MIN_WORDS.end()),
            max_edits: self.max_edits.min(*Self::MAX_EDITS.end()),
            ..self
        }
    }
}
