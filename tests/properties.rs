#![cfg(not(target_arch = "wasm32"))]
//! Properties of the public API, checked by proptest on generated texts.
//!
//! - Tokens: sorted, on char boundaries, only white space between them; the ASCII fast path gives the
//!   same tokens as `unicode-segmentation` (UAX #29) itself.
//! - Comparisons: spans valid and disjoint, stats consistent with the tokens, the diff tiles both texts,
//!   and every passage really is identical runs joined by gaps of at most `max_edits` word edits under
//!   the normalization (checked against a reference normalization and a dynamic program, not the engine).
//! - Order: the order of paragraphs that no passage can span does not change what is found; a verbatim
//!   copy is found whole wherever it stands.
//! - The edges: offsets convert like counting does, decoding round-trips text with a byte order mark, and
//!   a text has nothing to compare exactly when its tokens hold no word or number.
//!
//! Each property runs 256 cases (`PROPTEST_CASES` to change), about 2 s for the file in a debug build.
//! Failures are not persisted to a file: proptest prints the minimal input, which a regression test
//! named for the bug should then pin. The reference and the checks are in `oracle/`, which the fuzz
//! targets share.

mod oracle;

use copydesk::decode::{decode, nothing_to_compare, NothingToCompare};
use copydesk::text::offsets::{OffsetIndex, Unit};
use copydesk::text::{tokenize, Token, TokenKind};
use copydesk::{compare, CompareOptions, Passage, Span};
use oracle::{check_all, check_tokens, reference_tokens, Case, Compared};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};

/// 256 cases, or `PROPTEST_CASES`.
fn config() -> ProptestConfig {
    ProptestConfig { failure_persistence: None, ..ProptestConfig::default() }
}

// --- generated texts ---------------------------------------------------------------------------------

/// ASCII characters whose word-break classes differ: letters, digits, the middle characters that join
/// them (`.` `,` `;` `:` `'`), `_` that extends them, white space of every ASCII kind, and others.
const ASCII_TRICKY: &[char] = &[
    'a', 'b', 'x', 'Z', '0', '1', '9', '.', ',', ';', ':', '\'', '"', '_', '-', '$', ' ', ' ', '\t', '\r', '\n',
    '\u{0B}', '\u{0C}',
];

/// Characters that UAX #29 treats specially: curly quotes, a combining mark, ZWJ and other format
/// characters, emoji (with modifier, variation selector and regional indicators), ideographs, kana,
/// Arabic, Hebrew letters (which join across `'` and `"`), non-ASCII digits and white space, and the
/// zero-width space, which joins words but for Thai (ก, ๓) and its kin.
const UNICODE_TRICKY: &[char] = &[
    '“', '”', '‘', '’', '\u{301}', '\u{200D}', '\u{00AD}', '\u{2060}', '\u{200B}', '\u{200B}', 'ก', '๓', '😀', '👍',
    '🏽', '\u{FE0F}', '🇫', '🇷', '東', '京', 'で', 'カ', 'ー', 'ب', 'ي', 'ת', 'א', 'ב', '٣', 'ｔ', 'é', '\u{A0}',
    '\u{2003}', '\u{85}', '\u{3000}',
];

/// Characters on the edge of "white space" and "a word", where other definitions than Unicode's
/// White_Space, Alphabetic and Numeric (JavaScript's `\s`, `\p{L}` and `\p{N}`) disagree: a
/// zero-width no-break space, next line, a circled letter and a vowel sign (alphabetic, not letters),
/// a vulgar fraction, and around them plain space, punctuation, a letter and a digit.
const WORD_EDGES: &[char] = &['\u{FEFF}', '\u{85}', 'Ⓐ', '\u{93E}', '½', '\u{200B}', '_', ' ', '!', 'a', '1'];

fn tricky_string(max_chars: usize) -> impl Strategy<Value = String> {
    let c = prop_oneof![3 => select(ASCII_TRICKY), 1 => select(UNICODE_TRICKY)];
    vec(c, 0..max_chars).prop_map(|chars| chars.into_iter().collect())
}

/// Words of generated articles: plain news words, spellings that only the normalization makes equal
/// (case, diacritics, NFKC, quote marks and dashes) or the spelling-variant option, and runs of
/// punctuation (section breaks) long enough to be identical runs of their own.
const VOCAB: &[&str] = &[
    "the", "port", "of", "Tartus", "was", "closed", "on", "Monday", "after", "storm", "said", "ships", "coast",
    "guard", "sea", "near", "divers", "pulled", "from", "navy", "base", "aides", "crews", "THE", "Port", "Tartús",
    "Tartous", "tartous", "final", "don't", "1,200", "2024", "\"", ",", ".", "-", "x2", "TM", "* * * *", "ｏｆ",
    "ﬁnal", "don’t", "“", "”", "—", "東京", "Ρώμη", "ρωμη", "x²", "™", ". . .",
];

/// Words of the paragraphs in the order properties: few enough that coincidental matches happen.
const PLAIN: &[&str] = &[
    "the", "port", "of", "tartus", "was", "closed", "on", "monday", "after", "a", "storm", "aides", "said", "ships",
    "coast", "guard", "sea", "near", "two", "navy", "base", "city", ",", ".",
];

/// Words that never occur in [`PLAIN`]: text unrelated to `a`.
const UNRELATED: &[&str] = &["zinc", "quartz", "oboe", "yak", "fjord", "gnu", "kiwi", "lynx", "jazz", "vex"];

/// An edit a copy goes through: the word at an index deleted, replaced, or a word inserted before it.
#[derive(Clone, Debug)]
enum Change {
    Delete,
    Insert(usize),
    Replace(usize),
}

fn change(words: usize) -> impl Strategy<Value = Change> {
    prop_oneof![Just(Change::Delete), (0..words).prop_map(Change::Insert), (0..words).prop_map(Change::Replace)]
}

fn apply(words: &mut Vec<usize>, changes: &[(Index, Change)]) {
    for (at, change) in changes {
        match *change {
            Change::Insert(word) => {
                let at = at.index(words.len() + 1);
                words.insert(at, word);
            }
            _ if words.is_empty() => {}
            Change::Delete => {
                words.remove(at.index(words.len()));
            }
            Change::Replace(word) => {
                let at = at.index(words.len());
                words[at] = word;
            }
        }
    }
}

/// Words joined by spaces, with a line break now and then.
fn join(vocab: &[&str], words: &[usize]) -> String {
    let mut text = String::new();
    for (i, &word) in words.iter().enumerate() {
        if i > 0 {
            text.push_str(if i % 9 == 0 { "\n" } else { " " });
        }
        text.push_str(vocab[word]);
    }
    text
}

/// Paragraphs separated by a blank line.
fn join_paragraphs(vocab: &[&str], paragraphs: &[Vec<usize>]) -> String {
    paragraphs.iter().map(|p| join(vocab, p)).collect::<Vec<_>>().join("\n\n")
}

/// An article `a` in paragraphs; `b`, some of them copied with edits and unrelated ones among them;
/// and an order to put `b`'s paragraphs in.
#[derive(Clone, Debug)]
struct Reordering {
    a: Vec<Vec<usize>>,
    b: Vec<Vec<usize>>,
    order: Vec<usize>,
    options: CompareOptions,
}

fn reordering() -> impl Strategy<Value = Reordering> {
    let paragraph = || vec(0..PLAIN.len(), 6..25);
    (
        vec(paragraph(), 2..7),
        vec(any::<bool>(), 7),
        vec(vec((any::<Index>(), change(PLAIN.len())), 0..3), 7),
        vec((any::<Index>(), paragraph()), 0..3),
        vec(any::<u32>(), 10),
        (4..=10usize, 0..=3usize, any::<bool>()),
    )
        .prop_map(|(a, kept, changes, unrelated, keys, (min_words, max_edits, ignore_punctuation))| {
            let mut b: Vec<Vec<usize>> = Vec::new();
            for (i, paragraph) in a.iter().enumerate().filter(|&(i, _)| kept[i]) {
                let mut copy = paragraph.clone();
                apply(&mut copy, &changes[i]);
                b.push(copy);
            }
            for (at, paragraph) in unrelated {
                b.insert(at.index(b.len() + 1), paragraph);
            }
            // Shrinks towards all-equal keys: the order `b` already has.
            let mut order: Vec<usize> = (0..b.len()).collect();
            order.sort_by_key(|&i| keys[i]);
            let options = CompareOptions { min_words, max_edits, ignore_punctuation, ..CompareOptions::default() };
            Reordering { a, b, order, options }
        })
}

impl Reordering {
    /// The shared words of `a` against `b` with its paragraphs in `order`, between hard breaks: lines
    /// of words found nowhere else, more than a passage can bridge.
    fn shared_words(&self, order: &[usize]) -> usize {
        let mut b = String::new();
        for (k, &paragraph) in order.iter().enumerate() {
            if k > 0 {
                let marks: Vec<String> = (0..=self.options.max_edits).map(|i| format!("brk{k}x{i}")).collect();
                b.push_str(&format!("\n\n{}\n\n", marks.join(" ")));
            }
            b.push_str(&join(PLAIN, &self.b[paragraph]));
        }
        compare(&join_paragraphs(PLAIN, &self.a), &b, &self.options).a.shared_words
    }
}

/// Paragraphs of sentences, each of three words or more (shorter ones at a passage's edge are left out
/// by design, as coincidences) and ending in a full stop attached to its last word.
fn sentences() -> impl Strategy<Value = Vec<Vec<Vec<usize>>>> {
    let words = PLAIN.len() - 2; // The last two are punctuation.
    vec(vec(vec(0..words, 3..10), 1..4), 1..6)
}

fn write_sentences(paragraph: &[Vec<usize>]) -> String {
    paragraph.iter().map(|sentence| join(PLAIN, sentence) + ".").collect::<Vec<_>>().join(" ")
}

/// Two articles over [`VOCAB`]: `b` is pieces of `a`, edited, between words of its own.
fn article_pair() -> impl Strategy<Value = (String, String)> {
    let word = || 0..VOCAB.len();
    let piece = (any::<Index>(), 0..60usize, vec((any::<Index>(), change(VOCAB.len())), 0..4), vec(word(), 0..8));
    (vec(word(), 0..100), vec(piece, 0..5)).prop_map(|(a, pieces)| {
        let mut b = Vec::new();
        for (start, len, changes, filler) in pieces {
            b.extend(filler);
            if !a.is_empty() {
                let start = start.index(a.len());
                let mut copy = a[start..(start + len).min(a.len())].to_vec();
                apply(&mut copy, &changes);
                b.extend(copy);
            }
        }
        (join(VOCAB, &a), join(VOCAB, &b))
    })
}

/// Two strings over the tricky alphabet that share a middle part, so that some passages are found.
fn tricky_pair() -> impl Strategy<Value = (String, String)> {
    (tricky_string(30), tricky_string(120), tricky_string(30), tricky_string(30))
        .prop_map(|(x, shared, y, z)| (format!("{x}{shared}{y}"), format!("{z}{shared}{x}")))
}

/// Options over their whole range, out-of-range values included (the comparison clamps them).
fn any_options() -> impl Strategy<Value = CompareOptions> {
    let min_words = prop_oneof![8 => 2..=12usize, 1 => 0..2usize, 1 => 1000..3000usize];
    let max_edits = prop_oneof![9 => 0..=5usize, 1 => 18..40usize];
    (min_words, max_edits, any::<[bool; 5]>()).prop_map(|(min_words, max_edits, flags)| {
        let [spelling_variants, fold_case, fold_diacritics, ignore_punctuation, ignore_numbers] = flags;
        CompareOptions {
            min_words,
            max_edits,
            spelling_variants,
            fold_case,
            fold_diacritics,
            ignore_punctuation,
            ignore_numbers,
        }
    })
}

/// The words of `text` inside `spans`.
fn covered_words(text: &str, spans: impl Iterator<Item = Span> + Clone) -> usize {
    let words = tokenize(text).into_iter().filter(|t| t.kind != TokenKind::Punct);
    words.filter(|t| spans.clone().any(|s| s.start <= t.span.start && t.span.end <= s.end)).count()
}

// --- properties ----------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config())]

    #[test]
    fn tokens_and_gaps_rebuild_any_text(text in any::<String>()) {
        check_tokens(&text)?;
    }

    #[test]
    fn tokens_and_gaps_rebuild_tricky_text(text in tricky_string(60)) {
        check_tokens(&text)?;
    }

    /// Pure ASCII text takes the fast path, which must give the tokens UAX #29 gives.
    #[test]
    fn ascii_fast_path_agrees_with_uax29(text in vec(select(ASCII_TRICKY), 0..60).prop_map(String::from_iter)) {
        prop_assert_eq!(tokenize(&text), reference_tokens(&text), "{:?}", text);
    }

    #[test]
    fn comparisons_of_edited_articles_keep_their_promises((a, b) in article_pair(), options in any_options()) {
        check_all(&a, &b, &options)?;
    }

    #[test]
    fn comparisons_of_tricky_text_keep_their_promises((a, b) in tricky_pair(), options in any_options()) {
        check_all(&a, &b, &options)?;
    }

    #[test]
    fn comparisons_of_any_text_keep_their_promises(a in any::<String>(), b in any::<String>()) {
        check_all(&a, &b, &CompareOptions { min_words: 2, ..CompareOptions::default() })?;
    }

    #[test]
    fn passages_are_identical_runs_joined_by_small_gaps((a, b) in article_pair(), options in any_options()) {
        let case = Case::new(&a, &b, &options);
        for passage in &compare(&a, &b, &options).passages {
            case.check_tolerance(passage)?;
        }
    }

    /// Between hard breaks no passage spans two of `b`'s paragraphs, so the order they come in must
    /// not matter at all. Between blank lines it does, by design: in `b`'s own order a passage may run
    /// on across a break (into the next paragraph copied from `a`, or into words that match by chance),
    /// and after a shuffle each piece must reach `min_words` on its own.
    #[test]
    fn shuffling_paragraphs_between_hard_breaks_keeps_shared_words(case in reordering()) {
        let in_order: Vec<usize> = (0..case.b.len()).collect();
        prop_assert_eq!(case.shared_words(&in_order), case.shared_words(&case.order), "{:#?}", case);
    }

    #[test]
    fn a_verbatim_copy_is_found_whole_wherever_it_stands(
        a in sentences(),
        copied in any::<Index>(),
        around in vec(0..UNRELATED.len(), 0..40),
        at in any::<Index>(),
        min_words in 2..=12usize,
        max_edits in 0..=3usize,
    ) {
        let paragraphs: Vec<String> = a.iter().map(|p| write_sentences(p)).collect();
        let text_a = paragraphs.join("\n\n");
        let p = copied.index(a.len());
        let copy = &paragraphs[p];
        let copy_a = Span::new(paragraphs[..p].iter().map(|q| q.len() + 2).sum(), 0);
        let copy_a = Span::new(copy_a.start, copy_a.start + copy.len());
        let (before, after) = around.split_at(at.index(around.len() + 1));
        let prefix = join(UNRELATED, before);
        let text_b = format!("{prefix} {copy} {}", join(UNRELATED, after));
        let copy_b = Span::new(prefix.len() + 1, prefix.len() + 1 + copy.len());
        let copy_words = covered_words(&text_b, std::iter::once(copy_b));
        let options = CompareOptions { min_words: min_words.min(copy_words), max_edits, ..CompareOptions::default() };

        let result = compare(&text_a, &text_b, &options);
        prop_assert!(result.a.shared_words >= copy_words);
        // Parts of the copy may stand elsewhere in `a` too; each is a passage of its own.
        prop_assert!(result.passages.iter().all(|p| copy_b.start <= p.b.start && p.b.end <= copy_b.end));
        // Every copy counts: the copy may also stand elsewhere in `a` within the edit tolerance (a
        // paragraph with one more word), and then it is a passage with edits there too.
        let exact: Vec<&Passage> = result.passages.iter().filter(|p| p.b == copy_b && p.exact).collect();
        prop_assert!(!exact.is_empty(), "{:?}", result.passages);
        for passage in &exact {
            prop_assert_eq!(passage.words, copy_words, "{:?}", result.passages);
        }
        // The copy pairs exactly with its own paragraph, and only with it, unless `a` holds the same words
        // elsewhere too.
        let (keys_a, keys_copy) = (Compared::new(&text_a, &options).keys, Compared::new(copy, &options).keys);
        if keys_a.windows(keys_copy.len()).filter(|w| *w == keys_copy.as_slice()).count() == 1 {
            prop_assert_eq!(exact.iter().map(|p| p.a).collect::<Vec<_>>(), [copy_a]);
        }
    }

    /// Every copy counts: a paragraph of `b` printed twice is shared as often as it is printed, and takes
    /// nothing from the rest of `b`. `b` is paragraphs of `a` and paragraphs of words `a` never has, each
    /// longer than `max_edits`, so no passage bridges one.
    #[test]
    fn duplicating_a_paragraph_of_b_never_lowers_its_shared_words(
        a in sentences(),
        copied in vec(any::<bool>(), 6),
        own in vec(vec(0..UNRELATED.len(), 4..12), 0..4),
        keys in vec(any::<u32>(), 12),
        duplicated in any::<Index>(),
        at in any::<Index>(),
        min_words in 2..=12usize,
        max_edits in 0..=3usize,
    ) {
        let text_a = a.iter().map(|p| write_sentences(p)).collect::<Vec<_>>().join("\n\n");
        let mut paragraphs: Vec<(bool, String)> =
            a.iter().zip(&copied).filter(|(_, &c)| c).map(|(p, _)| (true, write_sentences(p))).collect();
        paragraphs.extend(own.iter().map(|words| (false, join(UNRELATED, words) + ".")));
        let mut order: Vec<usize> = (0..paragraphs.len()).collect();
        order.sort_by_key(|&i| keys[i]);
        let mut paragraphs: Vec<(bool, String)> = order.into_iter().map(|i| paragraphs[i].clone()).collect();
        prop_assume!(!paragraphs.is_empty());
        let words = |text: &str| covered_words(text, std::iter::once(Span::new(0, text.len())));
        // No passage may fall under `min_words` for being cut at a paragraph break.
        let fewest = paragraphs.iter().map(|(_, p)| words(p)).min().unwrap_or(min_words);
        let options = CompareOptions { min_words: min_words.min(fewest), max_edits, ..CompareOptions::default() };
        let text_b = paragraphs.iter().map(|(_, p)| p.clone()).collect::<Vec<_>>().join("\n\n");
        let (copy, paragraph) = paragraphs[duplicated.index(paragraphs.len())].clone();
        let at = at.index(paragraphs.len() + 1);
        let start: usize = paragraphs[..at].iter().map(|(_, p)| p.len() + 2).sum();
        paragraphs.insert(at, (copy, paragraph.clone()));
        let twice = paragraphs.iter().map(|(_, p)| p.clone()).collect::<Vec<_>>().join("\n\n");

        let (once, both) = (compare(&text_a, &text_b, &options), compare(&text_a, &twice, &options));
        prop_assert!(both.b.shared_words >= once.b.shared_words, "{:#?}", [&text_a, &text_b, &twice]);
        if copy {
            let duplicate = Span::new(start, start + paragraph.len());
            let inside = both.passages.iter().filter_map(|p| {
                let clipped = Span::new(p.b.start.max(duplicate.start), p.b.end.min(duplicate.end));
                (clipped.start < clipped.end).then_some(clipped)
            });
            prop_assert_eq!(covered_words(&twice, inside), words(&paragraph), "the duplicate is not wholly shared: {:#?}", [&text_a, &twice]);
            prop_assert_eq!(both.b.shared_words, once.b.shared_words + words(&paragraph));
        }
    }

    #[test]
    fn a_verbatim_copy_among_related_paragraphs_is_found_whole(
        a in sentences(),
        b in sentences(),
        copied in any::<Index>(),
        at in any::<Index>(),
        min_words in 2..=12usize,
        max_edits in 0..=3usize,
    ) {
        let text_a = a.iter().map(|p| write_sentences(p)).collect::<Vec<_>>().join("\n\n");
        let copy = write_sentences(&a[copied.index(a.len())]);
        let mut paragraphs: Vec<String> = b.iter().map(|p| write_sentences(p)).collect();
        let at = at.index(paragraphs.len() + 1);
        let start = paragraphs[..at].iter().map(|q| q.len() + 2).sum::<usize>();
        paragraphs.insert(at, copy.clone());
        let text_b = paragraphs.join("\n\n");
        let copy_b = Span::new(start, start + copy.len());
        let copy_words = covered_words(&text_b, std::iter::once(copy_b));
        let options = CompareOptions { min_words: min_words.min(copy_words), max_edits, ..CompareOptions::default() };

        let result = compare(&text_a, &text_b, &options);
        let covered = |t: &Token| result.passages.iter().any(|p| p.b.start <= t.span.start && t.span.end <= p.b.end);
        let words = tokenize(&text_b).into_iter().filter(|t| t.kind == TokenKind::Word);
        let missed: Vec<&str> = words
            .filter(|t| copy_b.start <= t.span.start && t.span.end <= copy_b.end && !covered(t))
            .map(|t| &text_b[t.span.range()])
            .collect();
        prop_assert!(missed.is_empty(), "{:?} of the copy missed: {:#?}", missed, [&text_a, &text_b]);
    }

    #[test]
    fn offsets_count_like_chars_and_utf16(text in any::<String>()) {
        let (chars, units) = (OffsetIndex::new(&text, Unit::CodePoint), OffsetIndex::new(&text, Unit::Utf16));
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            prop_assert_eq!(chars.convert(byte), text[..byte].chars().count());
            prop_assert_eq!(units.convert(byte), text[..byte].encode_utf16().count());
        }
        prop_assert_eq!(chars.total(), text.chars().count());
        prop_assert_eq!(units.total(), text.encode_utf16().count());
    }

    #[test]
    fn decoding_round_trips_text_behind_a_byte_order_mark(text in any::<String>()) {
        let utf16 = |le: bool| text.encode_utf16().flat_map(move |u| if le { u.to_le_bytes() } else { u.to_be_bytes() });
        let encoded: [(Vec<u8>, &str); 3] = [
            ([0xEF, 0xBB, 0xBF].into_iter().chain(text.bytes()).collect(), "UTF-8"),
            ([0xFF, 0xFE].into_iter().chain(utf16(true)).collect(), "UTF-16LE"),
            ([0xFE, 0xFF].into_iter().chain(utf16(false)).collect(), "UTF-16BE"),
        ];
        for (bytes, encoding) in encoded {
            let decoded = decode(&bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let reading = decoded.reading;
            prop_assert_eq!((decoded.text.as_str(), reading.encoding.name(), reading.guessed), (text.as_str(), encoding, false));
        }
    }

    #[test]
    fn decoding_reads_valid_utf8_as_is(text in any::<String>()) {
        // A leading letter keeps the bytes from looking like a byte order mark or a binary signature.
        let text: String = format!("x{}", text.replace('\0', ""));
        let decoded = decode(text.as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let reading = decoded.reading;
        prop_assert_eq!((decoded.text.as_str(), reading.encoding.name(), reading.guessed), (text.as_str(), "UTF-8", false));
    }

    #[test]
    fn decoding_any_bytes_never_panics(bytes in vec(any::<u8>(), 0..200)) {
        if let Ok(decoded) = decode(&bytes) {
            if !decoded.reading.guessed && decoded.reading.encoding.name() == "UTF-8" {
                prop_assert!(bytes.ends_with(decoded.text.as_bytes()));
            }
        }
    }

    /// The page refuses and the command line notes a text by `nothing_to_compare`, which must say so
    /// exactly when the tokenizer finds no word or number in it.
    #[test]
    fn nothing_to_compare_agrees_with_the_tokens(
        text in prop_oneof![vec(select(WORD_EDGES), 0..4).prop_map(String::from_iter), tricky_string(12), any::<String>()]
    ) {
        let tokens = tokenize(&text);
        let expected = match () {
            _ if text.is_empty() => Some(NothingToCompare::Empty),
            _ if tokens.is_empty() => Some(NothingToCompare::WhiteSpace),
            _ if tokens.iter().all(|token| token.kind == TokenKind::Punct) => Some(NothingToCompare::NoWords),
            _ => None,
        };
        prop_assert_eq!(nothing_to_compare(&text), expected, "{:?}", text);
    }

    #[test]
    fn tokenize_agrees_with_uax29_on_tricky_text(text in tricky_string(60)) {
        prop_assert_eq!(tokenize(&text), reference_tokens(&text), "{:?}", text);
    }

    #[test]
    fn passage_words_are_words_it_holds((a, b) in article_pair(), options in any_options()) {
        let ca = Compared::new(&a, &options);
        for passage in &compare(&a, &b, &options).passages {
            let ra = ca.tokens_in(passage.a)?;
            prop_assert!(passage.words <= ca.words(ra), "{:?} / {:?}: {:?}", &a[passage.a.range()], &b[passage.b.range()], passage);
        }
    }

    #[test]
    fn passage_edits_and_the_diff_say_where_the_texts_differ((a, b) in article_pair(), options in any_options()) {
        Case::new(&a, &b, &options).check_edits(&compare(&a, &b, &options))?;
    }

    #[test]
    fn verbatim_copies_in_any_order_are_found_whole(
        a in sentences(),
        copied in vec(any::<bool>(), 6),
        others in sentences(),
        keys in vec(any::<u32>(), 12),
    ) {
        let options = CompareOptions { min_words: 3, max_edits: 0, ..CompareOptions::default() };
        let text_a = a.iter().map(|p| write_sentences(p)).collect::<Vec<_>>().join("\n\n");
        let mut paragraphs: Vec<(bool, String)> = a.iter().zip(&copied).filter(|(_, &c)| c).map(|(p, _)| (true, write_sentences(p))).collect();
        paragraphs.extend(others.iter().map(|p| (false, write_sentences(p))));
        let mut order: Vec<usize> = (0..paragraphs.len()).collect();
        order.sort_by_key(|&i| keys[i]);
        let text_b = order.iter().map(|&i| paragraphs[i].1.clone()).collect::<Vec<_>>().join("\n\n");
        let result = compare(&text_a, &text_b, &options);
        let mut at = 0;
        for &i in &order {
            let (copy, paragraph) = &paragraphs[i];
            let span = Span::new(at, at + paragraph.len());
            at += paragraph.len() + 2;
            let keys = |text: &str| Compared::new(text, &options).keys;
            let once = |text: &str| keys(text).windows(keys(paragraph).len()).filter(|w| *w == keys(paragraph).as_slice()).count() == 1;
            if !copy || !once(&text_a) || !once(&text_b) { continue; }
            let covered = |t: &Token| result.passages.iter().any(|p| p.b.start <= t.span.start && t.span.end <= p.b.end);
            let missed: Vec<&str> = tokenize(&text_b).into_iter()
                .filter(|t| t.kind == TokenKind::Word && span.start <= t.span.start && t.span.end <= span.end && !covered(t))
                .map(|t| &text_b[t.span.range()]).collect();
            prop_assert!(missed.is_empty(), "{:?} of a copied paragraph missed: {:#?}", missed, [&text_a, &text_b]);
        }
    }
}
