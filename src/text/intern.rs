//! Comparison keys to dense `u32` ids, shared by both texts, so that later stages compare integers.
//!
//! Normalizing is the costly step, so each distinct raw token is normalized once: a text of a million
//! words has only tens of thousands of distinct tokens.

use rustc_hash::FxHashMap;

use super::normalize::{key, Folding};
use super::{tokenize, Token, TokenKind};

/// One text, ready to compare: its tokens, and the sequence of compared tokens as key ids.
#[derive(Debug)]
pub(crate) struct Prepared {
    /// Every token of the text.
    pub tokens: Vec<Token>,
    /// For each compared token, its index in `tokens` (ignored punctuation or numbers are left out).
    pub compared: Vec<u32>,
    /// For each compared token, the id of its comparison key.
    pub keys: Vec<u32>,
}

impl Prepared {
    /// Whether compared token `i` counts as a word (punctuation does not).
    pub fn is_word(&self, i: usize) -> bool {
        self.tokens[self.compared[i] as usize].kind != TokenKind::Punct
    }
}

/// Which token kinds take part in the comparison.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ignore {
    pub punctuation: bool,
    pub numbers: bool,
}

/// Hands out one id per distinct comparison key, across both texts of a comparison.
pub(crate) struct Interner<'t> {
    folding: Folding,
    ignore: Ignore,
    /// Raw tokens of up to [`SHORT`] bytes, packed into an integer ([`short_key`]): most words are this
    /// short, and an integer key hashes and compares in one step where a string key calls `memcmp`.
    by_short: FxHashMap<u64, u32>,
    by_raw: FxHashMap<&'t str, u32>,
    /// Keys by whether they are words and their text: punctuation whose key reads like a word (NFKC
    /// turns "™" into "TM") is still not that word, or a passage could match a word with a symbol.
    by_key: FxHashMap<(bool, String), u32>,
    keys: Vec<String>,
    /// Whether each key is a word's (or a number's), by id.
    words: Vec<bool>,
}

impl<'t> Interner<'t> {
    pub fn new(folding: Folding, ignore: Ignore) -> Self {
        Interner {
            folding,
            ignore,
            by_short: FxHashMap::default(),
            by_raw: FxHashMap::default(),
            by_key: FxHashMap::default(),
            keys: Vec::new(),
            words: Vec::new(),
        }
    }

    /// Tokenizes `text` and interns the keys of the tokens it compares.
    pub fn prepare(&mut self, text: &'t str) -> Prepared {
        let tokens = tokenize(text);
        let mut compared = Vec::with_capacity(tokens.len());
        let mut keys = Vec::with_capacity(tokens.len());
        for (index, token) in tokens.iter().enumerate() {
            let ignored = match token.kind {
                TokenKind::Word => false,
                TokenKind::Number => self.ignore.numbers,
                TokenKind::Punct => self.ignore.punctuation,
            };
            if !ignored {
                compared.push(index as u32);
                keys.push(self.id(&text[token.span.range()], token.kind != TokenKind::Punct));
            }
        }
        Prepared { tokens, compared, keys }
    }

    /// The id of raw token `raw`, a word (or number) if `word`. A raw token is always of one kind, so
    /// the caches by raw text need not know it.
    fn id(&mut self, raw: &'t str, word: bool) -> u32 {
        let short = short_key(raw);
        let known = match short {
            Some(packed) => self.by_short.get(&packed),
            None => self.by_raw.get(raw),
        };
        if let Some(&id) = known {
            return id;
        }
        let key = key(raw, self.folding);
        let next = self.keys.len() as u32;
        let id = *self.by_key.entry((word, key)).or_insert_with_key(|(word, key)| {
            self.keys.push(key.clone());
            self.words.push(*word);
            next
        });
        match short {
            Some(packed) => self.by_short.insert(packed, id),
            None => self.by_raw.insert(raw, id),
        };
        id
    }

    /// Maps each key id to a class id in which near-identical spellings that the two texts do not share
    /// ("Tartus" only in `a`, "Tartous" only in `b`) become one: words of at least
    /// [`MIN_VARIANT_CHARS`] characters, one insertion, deletion, substitution or swap apart.
    ///
    /// Only keys found in one text are paired with keys found only in the other: where both spellings
    /// occur in both texts, they are probably different words ("states" and "stated").
    pub fn spelling_classes(&self, a: &Prepared, b: &Prepared) -> Vec<u32> {
        let mut classes: Vec<u32> = (0..self.keys.len() as u32).collect();
        let in_a = self.presence(&a.keys);
        let in_b = self.presence(&b.keys);
        let candidate = |id: usize, own: &[bool], other: &[bool]| {
            own[id]
                && !other[id]
                && self.words[id]
                && self.keys[id].chars().filter(|c| c.is_alphabetic()).count() >= MIN_VARIANT_CHARS
        };
        // Every single-character deletion of each `a`-only key, then look `b`-only keys up in it. Where two
        // `a` keys make one string, the first in alphabetical order keeps it, so that the classes depend on
        // the words alone, not on the order they were first read in (`compare_many` reads a whole set).
        let mut neighbours: FxHashMap<String, u32> = FxHashMap::default();
        for id in (0..self.keys.len()).filter(|&id| candidate(id, &in_a, &in_b)) {
            for made in std::iter::once(self.keys[id].clone()).chain(deletions(&self.keys[id])) {
                let held = neighbours.entry(made).or_insert(id as u32);
                if self.keys[id] < self.keys[*held as usize] {
                    *held = id as u32;
                }
            }
        }
        for id in (0..self.keys.len()).filter(|&id| candidate(id, &in_b, &in_a)) {
            let key = &self.keys[id];
            let found = std::iter::once(key.clone()).chain(deletions(key)).find_map(|k| neighbours.get(&k).copied());
            if let Some(class) = found {
                classes[id] = class;
            }
        }
        classes
    }

    fn presence(&self, keys: &[u32]) -> Vec<bool> {
        let mut present = vec![false; self.keys.len()];
        for &id in keys {
            present[id as usize] = true;
        }
        present
    }
}

/// The longest raw token, in bytes, that [`short_key`] packs.
const SHORT: usize = 7;

/// `raw`'s bytes and length in one integer, if it has at most [`SHORT`] bytes.
fn short_key(raw: &str) -> Option<u64> {
    let bytes = raw.as_bytes();
    (bytes.len() <= SHORT).then(|| {
        let mut packed = [0; 8];
        packed[..bytes.len()].copy_from_slice(bytes);
        packed[SHORT] = bytes.len() as u8;
        u64::from_le_bytes(packed)
    })
}

/// The shortest word, in letters, that the spelling-variant option may pair with another.
pub const MIN_VARIANT_CHARS: usize = 5;

/// The strings made by deleting one character of `word`.
fn deletions(word: &str) -> impl Iterator<Item = String> + '_ {
    word.char_indices().map(move |(at, c)| {
        let mut deleted = String::with_capacity(word.len());
        deleted.push_str(&word[..at]);
        deleted.push_str(&word[at + c.len_utf8()..]);
        deleted
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FOLD: Folding = Folding { case: true, diacritics: true };
    const KEEP_ALL: Ignore = Ignore { punctuation: false, numbers: false };

    /// Regression (a property test found it): NFKC reads "™" as "TM", so a passage "with no edits" ran
    /// from the word "TM" in one text to the symbol in the other, whose words then differed.
    #[test]
    fn a_symbol_that_folds_to_letters_is_not_that_word() {
        let mut interner = Interner::new(FOLD, KEEP_ALL);
        let a = interner.prepare("Port TM");
        let b = interner.prepare("port ™");
        assert_eq!(a.keys[0], b.keys[0]);
        assert_ne!(a.keys[1], b.keys[1]);
    }

    #[test]
    fn same_key_same_id_across_texts() {
        let mut interner = Interner::new(FOLD, KEEP_ALL);
        let a = interner.prepare("The “port” of Tartús");
        let b = interner.prepare("the \"PORT\" of tartus");
        assert_eq!(a.keys, b.keys);
    }

    #[test]
    fn ignored_kinds_are_left_out() {
        let mut interner = Interner::new(FOLD, Ignore { punctuation: true, numbers: true });
        let a = interner.prepare("In 2024, 12 ships docked.");
        let words: Vec<_> = a.compared.iter().map(|&i| a.tokens[i as usize].kind).collect();
        assert_eq!(words, [TokenKind::Word, TokenKind::Word, TokenKind::Word]);
    }

    fn classes_of(a: &str, b: &str) -> (Prepared, Prepared, Vec<u32>) {
        let mut interner = Interner::new(FOLD, KEEP_ALL);
        let (a, b) = (interner.prepare(a), interner.prepare(b));
        let classes = interner.spelling_classes(&a, &b);
        (a, b, classes)
    }

    #[test]
    fn spelling_variants_pair_transliterations() {
        let (a, b, classes) = classes_of("Tartus and Hmeimim and Gaddafi", "Tartous and Khmeimim and Qaddafi");
        for i in [0, 2, 4] {
            assert_eq!(classes[a.keys[i] as usize], classes[b.keys[i] as usize]);
        }
    }

    #[test]
    fn spelling_variants_leave_short_and_shared_words_alone() {
        let (a, b, classes) = classes_of("cat states stated", "cap states stated");
        assert_ne!(classes[a.keys[0] as usize], classes[b.keys[0] as usize], "too short to pair");
        assert_ne!(classes[a.keys[1] as usize], classes[a.keys[2] as usize], "both spellings in both texts");
    }
}
