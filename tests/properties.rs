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
//! - The edges: offsets convert like counting does, decoding round-trips text with a byte order mark.
//!
//! Each property runs 256 cases (`PROPTEST_CASES` to change), about 2 s for the file in a debug build.
//! Failures are not persisted to a file: proptest prints the minimal input, which a regression test
//! named for the bug should then pin.

use std::ops::Range;

use copydesk::decode::decode;
use copydesk::text::offsets::{OffsetIndex, Unit};
use copydesk::text::{tokenize, Token, TokenKind, MIN_VARIANT_CHARS};
use copydesk::{compare, CompareOptions, Comparison, DiffKind, Passage, Span};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

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
/// Arabic, Hebrew letters (which join across `'` and `"`), non-ASCII digits and white space.
const UNICODE_TRICKY: &[char] = &[
    '“', '”', '‘', '’', '\u{301}', '\u{200D}', '\u{00AD}', '\u{2060}', '😀', '👍', '🏽', '\u{FE0F}', '🇫', '🇷', '東',
    '京', 'で', 'カ', 'ー', 'ب', 'ي', 'ת', 'א', 'ב', '٣', 'ｔ', 'é', '\u{A0}', '\u{2003}', '\u{85}', '\u{3000}',
];

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

// --- references ----------------------------------------------------------------------------------------

/// The tokens UAX #29 itself gives: every segment with a character that is not white space, classified
/// by its characters.
fn reference_tokens(text: &str) -> Vec<Token> {
    text.split_word_bound_indices()
        .filter(|(_, segment)| segment.chars().any(|c| !c.is_whitespace()))
        .map(|(start, segment)| {
            let kind = if segment.chars().any(char::is_alphabetic) {
                TokenKind::Word
            } else if segment.chars().any(char::is_numeric) {
                TokenKind::Number
            } else {
                TokenKind::Punct
            };
            Token { span: Span::new(start, start + segment.len()), kind }
        })
        .collect()
}

/// The comparison key of a token, from the rules `CompareOptions` documents: NFKC, quote marks and
/// dashes unified, then diacritics and case folded when the options say so.
fn reference_key(raw: &str, options: &CompareOptions) -> String {
    let unify = |c: char| match c {
        '‘' | '’' | '‚' | '‛' | '′' | '‹' | '›' | 'ʼ' => '\'',
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' | '〝' | '〞' | '〟' => '"',
        '\u{2010}'..='\u{2015}' | '⁃' | '−' | '﹘' | '﹣' | '⸺' | '⸻' => '-',
        c => c,
    };
    let mut key: String = raw.nfkc().map(unify).collect();
    if options.fold_diacritics {
        key = key.nfd().filter(|&c| !is_combining_mark(c)).nfc().collect();
    }
    if options.fold_case {
        key = key.to_lowercase();
    }
    key
}

/// Whether the spelling-variant option may treat two keys as one word: both long enough, and equal once
/// at most one character is deleted from each (an insertion, deletion, substitution or swap). This is
/// looser than the option (which also wants each spelling in one text only), so checks stay sound.
fn may_be_variants(x: &str, y: &str) -> bool {
    let long_enough = |k: &str| k.chars().filter(|c| c.is_alphabetic()).count() >= MIN_VARIANT_CHARS;
    let with_deletions = |k: &str| {
        let chars: Vec<char> = k.chars().collect();
        let mut all = vec![k.to_owned()];
        all.extend((0..chars.len()).map(|i| chars[..i].iter().chain(&chars[i + 1..]).collect::<String>()));
        all
    };
    long_enough(x) && long_enough(y) && {
        let ys = with_deletions(y);
        with_deletions(x).iter().any(|d| ys.contains(d))
    }
}

/// The tokens of one text that a comparison with `options` compares, with their keys.
struct Compared {
    spans: Vec<Span>,
    is_word: Vec<bool>,
    keys: Vec<String>,
}

impl Compared {
    fn new(text: &str, options: &CompareOptions) -> Self {
        let tokens: Vec<Token> = tokenize(text)
            .into_iter()
            .filter(|t| match t.kind {
                TokenKind::Word => true,
                TokenKind::Number => !options.ignore_numbers,
                TokenKind::Punct => !options.ignore_punctuation,
            })
            .collect();
        Compared {
            spans: tokens.iter().map(|t| t.span).collect(),
            is_word: tokens.iter().map(|t| t.kind != TokenKind::Punct).collect(),
            keys: tokens.iter().map(|t| reference_key(&text[t.span.range()], options)).collect(),
        }
    }

    /// The compared tokens inside `span`, which must start at a token's start and end at one's end
    /// (or be empty, at a token's start or the last token's end).
    fn tokens_in(&self, span: Span) -> Result<Range<usize>, TestCaseError> {
        let lo = self.spans.partition_point(|t| t.start < span.start);
        let hi = self.spans.partition_point(|t| t.start < span.end);
        if span.is_empty() {
            let at_token = self.spans.get(lo).is_some_and(|t| t.start == span.start)
                || (lo == self.spans.len() && self.spans.last().is_some_and(|t| t.end == span.start));
            prop_assert!(at_token, "empty span {span:?} is not at a token boundary");
        } else {
            prop_assert!(lo < hi, "span {span:?} holds no compared token");
            prop_assert_eq!(self.spans[lo].start, span.start, "span {:?} does not start at a token", span);
            prop_assert_eq!(self.spans[hi - 1].end, span.end, "span {:?} does not end at a token", span);
        }
        Ok(lo..hi)
    }

    fn words(&self, range: Range<usize>) -> usize {
        self.is_word[range].iter().filter(|&&w| w).count()
    }
}

/// One side of a passage for [`runs_and_gaps`]: its tokens' keys, and which of them are words.
struct Tokens<'a> {
    keys: &'a [String],
    is_word: &'a [bool],
}

/// Whether `a` and `b` read as identical runs of at least `min_run` tokens joined by gaps whose words
/// (punctuation does not count) are at most `max_edits` insertions, deletions or substitutions apart:
/// what a passage with edits promises. A dynamic program over (position in `a`, position in `b`),
/// after a run or after a gap.
fn runs_and_gaps(a: Tokens, b: Tokens, same: impl Fn(&str, &str) -> bool, min_run: usize, max_edits: usize) -> bool {
    let (n, m) = (a.keys.len(), b.keys.len());
    let eq: Vec<Vec<bool>> = a.keys.iter().map(|x| b.keys.iter().map(|y| same(x, y)).collect()).collect();
    // The matcher bridges no gap of more words than this (edits, and identical stretches too short to
    // seed a run between them); the bound only keeps the program small.
    let longest_gap = max_edits + (max_edits + 1) * 4;
    // How many tokens from `from` on hold at most `longest_gap` words.
    let reach = |is_word: &[bool], from: usize| {
        let mut words = 0;
        is_word[from..]
            .iter()
            .take_while(|&&w| {
                words += usize::from(w);
                words <= longest_gap
            })
            .count()
    };
    let mut after_run = vec![vec![false; m + 1]; n + 1];
    let mut after_gap = vec![vec![false; m + 1]; n + 1];
    after_gap[0][0] = true;
    for i in 0..=n {
        for j in 0..=m {
            if after_run[i][j] {
                // Edit distances over words from (i, j) to every gap end within reach: punctuation
                // is skipped for free, and only a word replaces a word.
                let (w, h) = (reach(a.is_word, i), reach(b.is_word, j));
                let cost = |is_word: &[bool], k: usize| usize::from(is_word[k]);
                let mut row: Vec<usize> = vec![0; h + 1];
                for y in 1..=h {
                    row[y] = row[y - 1] + cost(b.is_word, j + y - 1);
                }
                for x in 0..=w {
                    if x > 0 {
                        let mut next = vec![row[0] + cost(a.is_word, i + x - 1); h + 1];
                        for y in 1..=h {
                            let (p, q) = (i + x - 1, j + y - 1);
                            let skip = (row[y] + cost(a.is_word, p)).min(next[y - 1] + cost(b.is_word, q));
                            let both_words = a.is_word[p] && b.is_word[q];
                            next[y] = if both_words { skip.min(row[y - 1] + usize::from(!eq[p][q])) } else { skip };
                        }
                        row = next;
                    }
                    for (y, &distance) in row.iter().enumerate() {
                        if distance <= max_edits {
                            after_gap[i + x][j + y] = true;
                        }
                    }
                }
            }
            if after_gap[i][j] {
                let mut len = 0;
                while i + len < n && j + len < m && eq[i + len][j + len] {
                    len += 1;
                    if len >= min_run {
                        after_run[i + len][j + len] = true;
                    }
                }
            }
        }
    }
    after_run[n][m]
}

// --- checks --------------------------------------------------------------------------------------------

fn check_tokens(text: &str) -> Result<(), TestCaseError> {
    let tokens = tokenize(text);
    let mut rebuilt = String::with_capacity(text.len());
    let mut at = 0;
    for token in &tokens {
        let Span { start, end } = token.span;
        prop_assert!(at <= start && start < end && end <= text.len(), "{:?} after {} in {:?}", token, at, text);
        prop_assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "{:?} in {:?}", token, text);
        let gap = &text[at..start];
        prop_assert!(gap.chars().all(char::is_whitespace), "gap {:?} before {:?} in {:?}", gap, token, text);
        prop_assert!(text[start..end].chars().any(|c| !c.is_whitespace()), "blank {:?} in {:?}", token, text);
        rebuilt.push_str(gap);
        rebuilt.push_str(&text[start..end]);
        at = end;
    }
    prop_assert!(text[at..].chars().all(char::is_whitespace), "trailing gap in {:?}", text);
    rebuilt.push_str(&text[at..]);
    prop_assert_eq!(rebuilt, text);
    Ok(())
}

fn check_span(span: Span, text: &str, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(span.start < span.end && span.end <= text.len(), "{} {:?} out of 0..{}", what, span, text.len());
    prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end), "{} {:?}", what, span);
    Ok(())
}

/// Everything a comparison promises about its spans, counts and diff.
fn check_comparison(a: &str, b: &str, options: &CompareOptions, result: &Comparison) -> Result<(), TestCaseError> {
    let clamped = options.clamped();
    let (ca, cb) = (Compared::new(a, options), Compared::new(b, options));

    let mut a_ranges = Vec::new();
    let mut b_ranges = Vec::new();
    for passage in &result.passages {
        check_span(passage.a, a, "passage a")?;
        check_span(passage.b, b, "passage b")?;
        let (ra, rb) = (ca.tokens_in(passage.a)?, cb.tokens_in(passage.b)?);
        prop_assert!(passage.words >= clamped.min_words, "{:?} has fewer than {} words", passage, clamped.min_words);
        a_ranges.push(ra);
        b_ranges.push(rb);
    }
    prop_assert!(result.passages.windows(2).all(|w| w[0].a.end <= w[1].a.start), "passages overlap or unsorted in a");
    let mut by_b: Vec<Span> = result.passages.iter().map(|p| p.b).collect();
    by_b.sort();
    prop_assert!(by_b.windows(2).all(|w| w[0].end <= w[1].start), "passages overlap in b");

    for (text, compared, stats, ranges) in [(a, &ca, &result.a, &a_ranges), (b, &cb, &result.b, &b_ranges)] {
        let words = compared.words(0..compared.keys.len());
        let shared: usize = ranges.iter().map(|r| compared.words(r.clone())).sum();
        prop_assert_eq!(stats.words, words, "words of {:?}", text);
        prop_assert_eq!(stats.shared_words, shared, "shared words of {:?}", text);
        prop_assert!(stats.shared_words <= stats.words);
        prop_assert!((0.0..=1.0).contains(&stats.shared_ratio));
        let ratio = if words == 0 { 0.0 } else { shared as f64 / words as f64 };
        prop_assert_eq!(stats.shared_ratio, ratio);
    }
    prop_assert_eq!(result.longest_passage_words, result.passages.iter().map(|p| p.words).max().unwrap_or(0));

    check_diff(a, b, &ca, &cb, result)
}

fn check_diff(a: &str, b: &str, ca: &Compared, cb: &Compared, result: &Comparison) -> Result<(), TestCaseError> {
    let (mut at_a, mut at_b) = (0, 0);
    for op in &result.diff {
        let (covers_a, covers_b) = (op.kind != DiffKind::Insert, op.kind != DiffKind::Delete);
        prop_assert_eq!(op.a.is_empty(), !covers_a, "{:?}", op);
        prop_assert_eq!(op.b.is_empty(), !covers_b, "{:?}", op);
        if covers_a {
            prop_assert_eq!(op.a.start, at_a, "{:?} does not continue a's tiling", op);
            check_span(op.a, a, "diff a")?;
            at_a = op.a.end;
        }
        if covers_b {
            prop_assert_eq!(op.b.start, at_b, "{:?} does not continue b's tiling", op);
            check_span(op.b, b, "diff b")?;
            at_b = op.b.end;
        }
        if op.kind == DiffKind::Equal {
            // From the first token of the operation to the next operation's: the tokens it covers.
            let keys = |c: &Compared, span: Span| {
                let tokens = c.spans.iter().zip(&c.keys);
                tokens.filter(|(t, _)| t.start >= span.start && t.end <= span.end).map(|(_, k)| k.clone()).collect()
            };
            let (ka, kb): (Vec<String>, Vec<String>) = (keys(ca, op.a), keys(cb, op.b));
            prop_assert!(!ka.is_empty(), "{:?} covers no token", op);
            prop_assert_eq!(ka, kb, "{:?} is not equal", op);
        }
    }
    prop_assert_eq!(at_a, if ca.keys.is_empty() { 0 } else { a.len() }, "the diff does not tile a");
    prop_assert_eq!(at_b, if cb.keys.is_empty() { 0 } else { b.len() }, "the diff does not tile b");
    Ok(())
}

/// A passage is `exact` exactly when both sides are the same key for key, with no edits then; with
/// `max_edits = 0`, its words are the same word for word.
fn check_passage(a: &str, b: &str, options: &CompareOptions, passage: &Passage) -> Result<(), TestCaseError> {
    let (ca, cb) = (Compared::new(a, options), Compared::new(b, options));
    let (ra, rb) = (ca.tokens_in(passage.a)?, cb.tokens_in(passage.b)?);
    let shown = || format!("{:?} / {:?} in {passage:?}", &a[passage.a.range()], &b[passage.b.range()]);

    prop_assert_eq!(passage.exact, passage.edits.is_empty());
    prop_assert_eq!(passage.exact, ca.keys[ra.clone()] == cb.keys[rb.clone()], "exact is wrong: {}", shown());
    if options.clamped().max_edits == 0 && !options.spelling_variants {
        // Edits count words: punctuation may still differ.
        let words = |c: &Compared, r: Range<usize>| r.filter(|&i| c.is_word[i]).map(|i| c.keys[i].clone()).collect();
        let (wa, wb): (Vec<String>, Vec<String>) = (words(&ca, ra.clone()), words(&cb, rb.clone()));
        prop_assert_eq!(wa, wb, "max_edits = 0 gave a passage with edited words: {}", shown());
    }
    for edit in &passage.edits {
        prop_assert!(!(edit.a.is_empty() && edit.b.is_empty()), "empty edit in {}", shown());
    }
    Ok(())
}

/// A passage reads as identical runs of at least a seed's length joined by gaps of at most `max_edits`
/// insertions, deletions or substitutions of words.
fn check_tolerance(a: &str, b: &str, options: &CompareOptions, passage: &Passage) -> Result<(), TestCaseError> {
    let clamped = options.clamped();
    let (ca, cb) = (Compared::new(a, options), Compared::new(b, options));
    let (ra, rb) = (ca.tokens_in(passage.a)?, cb.tokens_in(passage.b)?);
    let shown = || format!("{:?} / {:?} in {passage:?}", &a[passage.a.range()], &b[passage.b.range()]);

    // Passage ends are moved in from the runs' ends (past punctuation standing apart, or a stub of a
    // sentence), so the first and last runs count again the tokens both texts have next to them.
    let same = |x: &str, y: &str| x == y || (options.spelling_variants && may_be_variants(x, y));
    let pair = |i: usize, j: usize| same(&ca.keys[i], &cb.keys[j]);
    let before = (1..=ra.start.min(rb.start)).take_while(|&k| pair(ra.start - k, rb.start - k)).count();
    let after =
        (0..(ca.keys.len() - ra.end).min(cb.keys.len() - rb.end)).take_while(|&k| pair(ra.end + k, rb.end + k)).count();
    let (ra, rb) = (ra.start - before..ra.end + after, rb.start - before..rb.end + after);
    let a = Tokens { keys: &ca.keys[ra.clone()], is_word: &ca.is_word[ra] };
    let b = Tokens { keys: &cb.keys[rb.clone()], is_word: &cb.is_word[rb] };
    let min_run = clamped.min_words.min(4);
    prop_assert!(runs_and_gaps(a, b, same, min_run, clamped.max_edits), "not within tolerance: {}", shown());
    Ok(())
}

/// Outside its edits, a passage's sides are the same key for key; and in the inline diff, the empty side
/// of an insertion or a deletion sits where the other text is at that point.
fn check_edits_say_where_texts_differ(a: &str, b: &str, options: &CompareOptions) -> Result<(), TestCaseError> {
    let result = compare(a, b, options);
    let (ca, cb) = (Compared::new(a, options), Compared::new(b, options));
    for passage in &result.passages {
        let shown = || format!("{:?} / {:?} in {passage:?}", &a[passage.a.range()], &b[passage.b.range()]);
        let (ra, rb) = (ca.tokens_in(passage.a)?, cb.tokens_in(passage.b)?);
        let (mut from_a, mut from_b) = (ra.start, rb.start);
        for edit in &passage.edits {
            for (side, span) in [(passage.a, edit.a), (passage.b, edit.b)] {
                prop_assert!(side.start <= span.start && span.end <= side.end, "edit {:?} outside {}", span, shown());
            }
            let (ea, eb) = (ca.tokens_in(edit.a)?, cb.tokens_in(edit.b)?);
            prop_assert!(from_a <= ea.start && from_b <= eb.start, "edits out of order: {}", shown());
            prop_assert_eq!(&ca.keys[from_a..ea.start], &cb.keys[from_b..eb.start], "before {:?}: {}", edit, shown());
            (from_a, from_b) = (ea.end, eb.end);
        }
        prop_assert_eq!(&ca.keys[from_a..ra.end], &cb.keys[from_b..rb.end], "after the edits: {}", shown());
    }
    let (mut at_a, mut at_b) = (0, 0);
    for op in &result.diff {
        prop_assert_eq!((op.a.start, op.b.start), (at_a, at_b), "{:?} is out of place", op);
        (at_a, at_b) = (op.a.end, op.b.end);
    }
    Ok(())
}

fn check_all(a: &str, b: &str, options: &CompareOptions) -> Result<(), TestCaseError> {
    let result = compare(a, b, options);
    check_comparison(a, b, options, &result)?;
    for passage in &result.passages {
        check_passage(a, b, options, passage)?;
    }
    Ok(())
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
        for passage in &compare(&a, &b, &options).passages {
            check_tolerance(&a, &b, &options, passage)?;
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
        prop_assert_eq!(result.passages.len(), 1, "{:?}", result.passages);
        let passage = &result.passages[0];
        prop_assert_eq!((passage.b, passage.words, passage.exact), (copy_b, copy_words, true));
        // The copy pairs with its own paragraph, unless `a` holds the same words elsewhere too.
        let (keys_a, keys_copy) = (Compared::new(&text_a, &options).keys, Compared::new(copy, &options).keys);
        if keys_a.windows(keys_copy.len()).filter(|w| *w == keys_copy.as_slice()).count() == 1 {
            prop_assert_eq!(passage.a, copy_a);
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
            prop_assert_eq!((decoded.text.as_str(), decoded.encoding, decoded.guessed), (text.as_str(), encoding, false));
        }
    }

    #[test]
    fn decoding_reads_valid_utf8_as_is(text in any::<String>()) {
        // A leading letter keeps the bytes from looking like a byte order mark or a binary signature.
        let text: String = format!("x{}", text.replace('\0', ""));
        let decoded = decode(text.as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!((decoded.text.as_str(), decoded.encoding, decoded.guessed), (text.as_str(), "UTF-8", false));
    }

    #[test]
    fn decoding_any_bytes_never_panics(bytes in vec(any::<u8>(), 0..200)) {
        if let Ok(decoded) = decode(&bytes) {
            if !decoded.guessed && decoded.encoding == "UTF-8" {
                prop_assert!(bytes.ends_with(decoded.text.as_bytes()));
            }
        }
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
        check_edits_say_where_texts_differ(&a, &b, &options)?;
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
