//! Turning a token into its comparison key: the form two tokens must share to count as the same word.
//!
//! Always applied: NFKC (so full-width letters, ligatures and superscripts compare as plain ones),
//! every quotation mark folded to `"` or `'` and every dash and minus sign to `-`, and invisible format
//! characters inside a word (soft hyphen, zero-width space, joiner and non-joiner, word joiner) dropped,
//! so that they cannot hide a copy. The other folds are
//! options (see [`CompareOptions`](crate::CompareOptions)): case, diacritics.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Which folds to apply beyond the ones that always apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Folding {
    pub case: bool,
    pub diacritics: bool,
}

/// The comparison key of one token's text.
pub(crate) fn key(token: &str, folding: Folding) -> String {
    if token.is_ascii() {
        return if folding.case { token.to_ascii_lowercase() } else { token.to_owned() };
    }
    let mut key: String = token.nfkc().filter(|&c| !is_invisible(c)).map(fold_punctuation).collect();
    if folding.diacritics {
        key = key.nfd().filter(|&c| !is_combining_mark(c)).nfc().collect();
    }
    if folding.case {
        key = key.to_lowercase();
    }
    key
}

/// Format characters that change nothing a reader sees inside a word: soft hyphen, zero-width space,
/// non-joiner and joiner, left-to-right and right-to-left marks, word joiner, invisible operators,
/// zero-width no-break space.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Quotation marks, apostrophes, dashes and minus signs of every script and style, folded to ASCII.
fn fold_punctuation(c: char) -> char {
    match c {
        // Single quotes, apostrophes and primes: ‘ ’ ‚ ‛ ′ ‹ › ʼ ＇ (NFKC already maps the full-width one).
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2039}' | '\u{203A}' | '\u{02BC}' => '\'',
        // Double quotes and guillemets: “ ” „ ‟ ″ « » 〝 〞 〟 and the CJK corner brackets' western use is left alone.
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}' | '\u{00BB}' | '\u{301D}'
        | '\u{301E}' | '\u{301F}' => '"',
        // Hyphens, dashes and minus signs: ‐ ‑ ‒ – — ― ⁃ − ﹘ ﹣ (NFKC maps some of these already).
        '\u{2010}'..='\u{2015}' | '\u{2043}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{2E3A}' | '\u{2E3B}' => '-',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: Folding = Folding { case: true, diacritics: true };
    const NONE: Folding = Folding { case: false, diacritics: false };

    #[test]
    fn folds_case_and_diacritics_by_default() {
        assert_eq!(key("Tartús", ALL), "tartus");
        assert_eq!(key("ÉLYSÉE", ALL), "elysee");
        assert_eq!(key("Ελλάδα", ALL), "ελλαδα");
    }

    #[test]
    fn options_keep_case_and_diacritics() {
        assert_eq!(key("Tartús", NONE), "Tartús");
        assert_eq!(key("Tartús", Folding { case: true, diacritics: false }), "tartús");
    }

    #[test]
    fn quotes_and_dashes_unify_always() {
        for (a, b) in
            [("“", "\""), ("”", "\""), ("«", "\""), ("’", "'"), ("don’t", "don't"), ("—", "-"), ("–", "-"), ("−", "-")]
        {
            assert_eq!(key(a, NONE), key(b, NONE), "{a} vs {b}");
        }
    }

    #[test]
    fn invisible_characters_inside_a_word_are_dropped() {
        for invisible in ['\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}'] {
            assert_eq!(key(&format!("Tar{invisible}tus"), ALL), "tartus");
        }
    }

    #[test]
    fn nfkc_applies() {
        assert_eq!(key("ｔａｒｔｕｓ", ALL), "tartus");
        assert_eq!(key("ﬁnal", ALL), "final");
        assert_eq!(key("x²", NONE), "x2");
    }
}
