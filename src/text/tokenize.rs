//! Splitting text into word, number and punctuation tokens at Unicode word boundaries (UAX #29).
//!
//! Only the segments that are not white space become tokens; the white space between them is the gap.
//! Tokens are byte spans into the input, so tokens and gaps together are the input, byte for byte.
//! One departure from UAX #29: a zero-width space between two letters or digits does not end the word,
//! except in the scripts that use it to mark where words end.
//!
//! UAX #29 never joins a segment across ASCII white space that is followed by an ASCII character
//! other than white space (two spaces are one segment, WB3d), so the text can be cut there into
//! stretches that tokenize on their own. Stretches of pure ASCII (most of an English article) take a
//! fast path that implements the rules for ASCII directly; the short stretches around other characters
//! go through `unicode-segmentation`. The property tests check that both give the same tokens.

use unicode_segmentation::UnicodeSegmentation;

use super::Span;

/// What a token is made of, which decides how it is compared and counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Contains a letter or an ideograph: counts as a word.
    Word,
    /// Digits, possibly with separators ("1,200.5"): counts as a word unless numbers are ignored.
    Number,
    /// Anything else that is not white space: quote marks, dashes, symbols, emoji.
    Punct,
}

/// A token: where it is in the text and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub span: Span,
    /// Word, number or punctuation.
    pub kind: TokenKind,
}

/// Splits `text` into tokens, in order. Every byte that is not white space belongs to exactly one token.
pub fn tokenize(text: &str) -> Vec<Token> {
    // Roughly one token per six bytes of English; reserving avoids most regrowth.
    let mut tokens = Vec::with_capacity(text.len() / 6 + 1);
    for (start, stretch, ascii) in stretches(text) {
        if ascii {
            ascii_tokens(stretch.as_bytes(), start, &mut tokens);
        } else {
            unicode_tokens(stretch, start, &mut tokens);
        }
    }
    tokens
}

/// Cuts `text` into stretches `(start, stretch, is ASCII)`: the longest runs of ASCII that end at a cut,
/// and between them the shortest stretches from a cut to a cut around every other character. A cut is
/// after an ASCII white space byte that is followed by an ASCII byte that is not white space: UAX #29
/// always breaks there (WB3a and WB999; only another space (WB3d) or Extend, Format and ZWJ, all
/// non-ASCII, attach to a space).
fn stretches(text: &str) -> impl Iterator<Item = (usize, &str, bool)> {
    let bytes = text.as_bytes();
    let is_cut = move |at: usize| {
        at > 0 && bytes[at - 1].is_ascii_whitespace() && bytes[at].is_ascii() && !bytes[at].is_ascii_whitespace()
    };
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let other = bytes[start..].iter().position(|b| !b.is_ascii()).map_or(bytes.len(), |at| start + at);
        let ascii_end = match other {
            end if end == bytes.len() => end,
            other => (start + 1..other).rev().find(|&at| is_cut(at)).unwrap_or(start),
        };
        let (end, ascii) = match ascii_end {
            end if end > start => (end, true),
            _ => ((other + 1..bytes.len()).find(|&at| is_cut(at)).unwrap_or(bytes.len()), false),
        };
        let stretch = (start, &text[start..end], ascii);
        start = end;
        Some(stretch)
    })
}

fn unicode_tokens(chunk: &str, offset: usize, tokens: &mut Vec<Token>) {
    let mut segments = chunk.split_word_bound_indices();
    while let Some((start, segment)) = segments.next() {
        let Some(mut kind) = classify(segment) else { continue };
        let mut end = start + segment.len();
        while kind != TokenKind::Punct {
            let mut rest = segments.clone();
            let Some(joined) = across_zero_width_space(&chunk[start..end], &mut rest) else { break };
            (end, segments) = (joined, rest);
            kind = classify(&chunk[start..end]).unwrap_or(kind);
        }
        tokens.push(Token { span: Span::new(offset + start, offset + end), kind });
    }
}

/// Where `word` ends when it goes on across zero-width spaces: UAX #29 breaks at U+200B, but inside a
/// word it is an invisible hint where a line may wrap (a long name on a web page), and must not hide a
/// copy. Takes the spaces and the word or number after them from `segments` and gives where that ends;
/// `None` when no word follows straight on, or when either side is in a script written without spaces
/// between words (Thai, Lao, Khmer, Myanmar and their kin), where U+200B is what tells words apart.
fn across_zero_width_space<'t>(word: &str, segments: &mut impl Iterator<Item = (usize, &'t str)>) -> Option<usize> {
    let spaced = |c: Option<char>| c.is_some_and(|c| !written_without_spaces(c));
    let mut spaces = 0;
    let (start, next) = loop {
        match segments.next()? {
            (_, "\u{200B}") => spaces += 1,
            segment => break segment,
        }
    };
    let is_word = matches!(classify(next), Some(TokenKind::Word | TokenKind::Number));
    (spaces > 0 && is_word && spaced(word.chars().next_back()) && spaced(next.chars().next()))
        .then_some(start + next.len())
}

/// Whether `c` belongs to a script that UAX #14 leaves to a dictionary (line break class SA): Thai,
/// Lao, Myanmar, Khmer, Tai Le, New Tai Lue, Tai Tham and Tai Viet.
fn written_without_spaces(c: char) -> bool {
    matches!(c, '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}' | '\u{1950}'..='\u{19FF}'
        | '\u{1A20}'..='\u{1AAF}' | '\u{A9E0}'..='\u{A9FF}' | '\u{AA60}'..='\u{AADF}')
}

/// The token kind of one UAX #29 segment, or `None` for white space.
fn classify(segment: &str) -> Option<TokenKind> {
    let mut kind = None;
    for c in segment.chars() {
        if c.is_alphabetic() {
            return Some(TokenKind::Word);
        }
        if c.is_numeric() {
            kind = Some(TokenKind::Number);
        } else if kind.is_none() && !c.is_whitespace() {
            kind = Some(TokenKind::Punct);
        }
    }
    kind
}

/// The word-break classes of ASCII bytes that matter to UAX #29 inside a chunk.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// `_` (ExtendNumLet): joins letters and digits on both sides.
    Underscore,
    /// `:` (MidLetter): joins two letters.
    MidLetter,
    /// `,` and `;` (MidNum): join two digits.
    MidNum,
    /// `.` and `'` (MidNumLet and Single_Quote): join two letters or two digits.
    MidNumLet,
    Space,
    Other,
}

fn class(byte: u8) -> Class {
    match byte {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Underscore,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b'.' | b'\'' => Class::MidNumLet,
        b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' => Class::Space,
        _ => Class::Other,
    }
}

/// UAX #29 restricted to ASCII: runs of letters, digits and `_`, joined across one middle character
/// when the same class stands on both sides (WB5-WB13b); every other character stands alone.
fn ascii_tokens(bytes: &[u8], offset: usize, tokens: &mut Vec<Token>) {
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let kind = match class(bytes[i]) {
            Class::Space => {
                i += 1;
                continue;
            }
            Class::Letter | Class::Digit | Class::Underscore => {
                i = ascii_word_end(bytes, i);
                if bytes[start..i].iter().any(u8::is_ascii_alphabetic) {
                    TokenKind::Word
                } else if bytes[start..i].iter().any(u8::is_ascii_digit) {
                    TokenKind::Number
                } else {
                    TokenKind::Punct
                }
            }
            _ => {
                i += 1;
                TokenKind::Punct
            }
        };
        tokens.push(Token { span: Span::new(offset + start, offset + i), kind });
    }
}

/// The end of the word that starts at `i` with a letter, digit or underscore.
fn ascii_word_end(bytes: &[u8], mut i: usize) -> usize {
    let mut last = class(bytes[i]);
    i += 1;
    while i < bytes.len() {
        let next = class(bytes[i]);
        match next {
            Class::Letter | Class::Digit | Class::Underscore => {}
            Class::MidLetter | Class::MidNum | Class::MidNumLet => {
                let after = bytes.get(i + 1).map(|&b| class(b));
                let joins = matches!(
                    (last, next, after),
                    (Class::Letter, Class::MidLetter | Class::MidNumLet, Some(Class::Letter))
                        | (Class::Digit, Class::MidNum | Class::MidNumLet, Some(Class::Digit))
                );
                if !joins {
                    break;
                }
                // Step over the middle character; the class after it is the same as before it.
                i += 1;
            }
            _ => break,
        }
        last = class(bytes[i]);
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.span.range()]).collect()
    }

    fn reference(text: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        unicode_tokens(text, 0, &mut tokens);
        tokens
    }

    #[test]
    fn splits_words_numbers_and_punctuation() {
        assert_eq!(
            words("The U.S. navy's base at Tartus, 1,200.5 km away — “quiet”."),
            [
                "The", "U.S", ".", "navy's", "base", "at", "Tartus", ",", "1,200.5", "km", "away", "—", "“", "quiet",
                "”", "."
            ]
        );
    }

    #[test]
    fn kinds() {
        let kinds: Vec<_> = tokenize("Ali 42 ! 東京").iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(kinds, [Word, Number, Punct, Word, Word]);
    }

    #[test]
    fn cjk_without_spaces_splits_per_ideograph() {
        assert_eq!(words("東京で会議"), ["東", "京", "で", "会", "議"]);
    }

    #[test]
    fn a_zero_width_space_inside_a_word_joins_it_but_for_thai() {
        assert_eq!(
            words("Hmei\u{200B}mim 1\u{200B}\u{200B}200 ends\u{200B} \u{200B}x"),
            ["Hmei\u{200B}mim", "1\u{200B}\u{200B}200", "ends", "\u{200B}", "\u{200B}", "x"]
        );
        // UAX #29 leaves Thai words to a dictionary, so each letter is a segment; the space stays one too.
        assert_eq!(words("ไท\u{200B}ย"), ["ไ", "ท", "\u{200B}", "ย"]);
    }

    #[test]
    fn combining_mark_after_two_spaces_joins_both() {
        // Regression: chunks were cut between the spaces, which WB3d keeps together.
        let text = "  \u{301}";
        assert_eq!(tokenize(text), reference(text));
    }

    #[test]
    fn combining_mark_after_space_stays_with_the_space_segment() {
        // A lone combining mark after a space: UAX #29 joins it to the space, so the segment is a token.
        let text = "a \u{301}b";
        assert_eq!(tokenize(text), reference(text));
    }

    #[test]
    fn ascii_fast_path_agrees_with_unicode_segmentation_on_tricky_cases() {
        for text in
            ["a:b", "a::b", "1;2", "a;b", "1.a", "a.1", "a'b'c", "_a_", "__", "1_a", "a.b.", "3.14.15", "x'", ":a"]
        {
            assert_eq!(tokenize(text), reference(text), "{text:?}");
        }
    }
}
