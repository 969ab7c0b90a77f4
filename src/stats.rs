//! Figures of a comparison: how much of each text is shared, and the longest passage.

use serde::Serialize;

use crate::sorting::sorted_by_key;

/// How much of one text the comparison found in the other.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct DocumentStats {
    /// Compared words in the text (numbers count unless ignored; punctuation never does).
    pub words: usize,
    /// Words of the text that lie inside a shared passage, its edited words included.
    pub shared_words: usize,
    /// `shared_words / words`, from 0 to 1 (0 for a text without words).
    pub shared_ratio: f64,
}

impl DocumentStats {
    /// The stats of a text with `words` words, of which the passages cover `shared_words`.
    pub(crate) fn new(words: usize, shared_words: usize) -> Self {
        let shared_ratio = if words == 0 { 0.0 } else { shared_words as f64 / words as f64 };
        DocumentStats { words, shared_words, shared_ratio }
    }
}

/// How many flags in `is_word` are set within any of the ranges: the words they cover, each once however
/// many ranges hold it.
pub(crate) fn covered_words(is_word: &[bool], ranges: impl Iterator<Item = std::ops::Range<usize>>) -> usize {
    let ranges = sorted_by_key(ranges.collect(), |range| (range.start, 0));
    let mut counted_to = 0;
    let mut words = 0;
    for range in ranges {
        let from = range.start.max(counted_to);
        if from < range.end {
            words += is_word[from..range.end].iter().filter(|&&w| w).count();
            counted_to = range.end;
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_of_an_empty_text_is_zero() {
        assert_eq!(DocumentStats::new(0, 0).shared_ratio, 0.0);
        assert_eq!(DocumentStats::new(8, 2).shared_ratio, 0.25);
    }

    #[test]
    fn counts_the_words_ranges_cover() {
        let is_word = [true, false, true, true, true];
        assert_eq!(covered_words(&is_word, [0..2, 3..5].into_iter()), 3);
        assert_eq!(
            covered_words(&is_word, [2..5, 0..3, 3..4].into_iter()),
            4,
            "overlapping ranges count each word once"
        );
    }
}
