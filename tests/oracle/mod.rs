//! The reference the properties are checked against, shared by `tests/properties.rs` (on generated
//! texts) and the fuzz targets in `fuzz/` (on whatever libFuzzer makes up): UAX #29 tokens from
//! `unicode-segmentation` itself, comparison keys from the rules `CompareOptions` documents, and a
//! dynamic program for what a passage with edits promises. Nothing here asks the engine how it works.
//!
//! Checks return proptest's `TestCaseError`, so that proptest can shrink a failure; a fuzz target
//! panics with its message.

// Each crate that includes this module uses a part of it.
#![allow(dead_code)]

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use copydesk::text::{tokenize, Token, TokenKind, MIN_VARIANT_CHARS};
use copydesk::{compare, CompareOptions, Comparison, DiffKind, Passage, Span};
use proptest::prelude::*;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_segmentation::UnicodeSegmentation;

// --- references ----------------------------------------------------------------------------------------

/// The tokens UAX #29 itself gives: every segment with a character that is not white space, classified
/// by its characters; except that words or numbers with only zero-width spaces between them are one
/// token, unless a character beside the spaces is of a script written without spaces (Thai, Lao,
/// Myanmar, Khmer, the Tai scripts: line break class SA), where the spaces tell the words apart.
pub fn reference_tokens(text: &str) -> Vec<Token> {
    let kind_of = |segment: &str| {
        if segment.chars().any(char::is_alphabetic) {
            TokenKind::Word
        } else if segment.chars().any(char::is_numeric) {
            TokenKind::Number
        } else {
            TokenKind::Punct
        }
    };
    let segments: Vec<(usize, &str)> = text.split_word_bound_indices().collect();
    let is_word = |i: usize| segments.get(i).is_some_and(|(_, segment)| kind_of(segment) != TokenKind::Punct);
    const LINE_BREAK_SA: [(char, char); 7] = [
        ('\u{0E00}', '\u{0EFF}'),
        ('\u{1000}', '\u{109F}'),
        ('\u{1780}', '\u{17FF}'),
        ('\u{1950}', '\u{19FF}'),
        ('\u{1A20}', '\u{1AAF}'),
        ('\u{A9E0}', '\u{A9FF}'),
        ('\u{AA60}', '\u{AADF}'),
    ];
    let without_spaces = |c: char| LINE_BREAK_SA.iter().any(|&(first, last)| (first..=last).contains(&c));
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    while i < segments.len() {
        let (start, segment) = segments[i];
        let mut end = start + segment.len();
        i += 1;
        if segment.chars().all(char::is_whitespace) {
            continue;
        }
        while is_word(i - 1) {
            let spaces = segments[i..].iter().take_while(|(_, segment)| *segment == "\u{200B}").count();
            let (last, next) = (text[..end].chars().next_back().unwrap(), i + spaces);
            if spaces == 0
                || !is_word(next)
                || without_spaces(last)
                || without_spaces(segments[next].1.chars().next().unwrap())
            {
                break;
            }
            end = segments[next].0 + segments[next].1.len();
            i = next + 1;
        }
        tokens.push(Token { span: Span::new(start, end), kind: kind_of(&text[start..end]) });
    }
    tokens
}

/// The comparison key of a token, from the rules `CompareOptions` documents: NFKC, invisible format
/// characters (soft hyphen, zero-width space, ZWNJ, ZWJ, directional marks, word joiner, BOM) dropped, quote marks and
/// dashes unified, then diacritics and case folded when the options say so.
fn reference_key(raw: &str, options: &CompareOptions) -> String {
    let unify = |c: char| match c {
        '‘' | '’' | '‚' | '‛' | '′' | '‹' | '›' | 'ʼ' => '\'',
        '“' | '”' | '„' | '‟' | '″' | '«' | '»' | '〝' | '〞' | '〟' => '"',
        '\u{2010}'..='\u{2015}' | '⁃' | '−' | '﹘' | '﹣' | '⸺' | '⸻' => '-',
        c => c,
    };
    let invisible = |c: &char| matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}');
    let mut key: String = raw.nfkc().filter(|c| !invisible(c)).map(unify).collect();
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
pub struct Compared {
    pub spans: Vec<Span>,
    pub is_word: Vec<bool>,
    pub keys: Vec<String>,
}

impl Compared {
    pub fn new(text: &str, options: &CompareOptions) -> Self {
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
            // A punctuation token is never a word, whatever its key reads: NFKC turns "™" into "TM".
            keys: tokens
                .iter()
                .map(|t| match t.kind {
                    TokenKind::Punct => format!("\u{1}{}", reference_key(&text[t.span.range()], options)),
                    _ => reference_key(&text[t.span.range()], options),
                })
                .collect(),
        }
    }

    /// The compared tokens inside `span`, which must start at a token's start and end at one's end
    /// (or be empty, at a token's start or the last token's end).
    pub fn tokens_in(&self, span: Span) -> Result<Range<usize>, TestCaseError> {
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

    pub fn words(&self, range: Range<usize>) -> usize {
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
    // `same` once for each pair of distinct keys, which are far fewer than pairs of tokens.
    let (ids_a, keys_a) = distinct(a.keys);
    let (ids_b, keys_b) = distinct(b.keys);
    let same_keys: Vec<Vec<bool>> = keys_a.iter().map(|x| keys_b.iter().map(|y| same(x, y)).collect()).collect();
    let eq = |p: usize, q: usize| same_keys[ids_a[p]][ids_b[q]];
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
    // The places reached, visited in the order of (i, j): every step leads to a later place, or from
    // after a run to after a gap at the same place.
    let mut reached = BTreeSet::from([(0, 0)]);
    while let Some((i, j)) = reached.pop_first() {
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
                        next[y] = if both_words { skip.min(row[y - 1] + usize::from(!eq(p, q))) } else { skip };
                    }
                    row = next;
                }
                for (y, &distance) in row.iter().enumerate() {
                    if distance <= max_edits && !after_gap[i + x][j + y] {
                        after_gap[i + x][j + y] = true;
                        // After a gap at (i, j) itself is taken just below.
                        if x + y > 0 {
                            reached.insert((i + x, j + y));
                        }
                    }
                }
            }
        }
        if after_gap[i][j] {
            let mut len = 0;
            while i + len < n && j + len < m && eq(i + len, j + len) {
                len += 1;
                if len >= min_run && !after_run[i + len][j + len] {
                    after_run[i + len][j + len] = true;
                    reached.insert((i + len, j + len));
                }
            }
        }
    }
    after_run[n][m]
}

/// Each key's index among the distinct keys, and the distinct keys.
fn distinct(keys: &[String]) -> (Vec<usize>, Vec<&str>) {
    let mut index: HashMap<&str, usize> = HashMap::new();
    let ids = keys.iter().map(|key| {
        let next = index.len();
        *index.entry(key).or_insert(next)
    });
    let ids: Vec<usize> = ids.collect();
    let mut distinct = vec![""; index.len()];
    for (key, id) in index {
        distinct[id] = key;
    }
    (ids, distinct)
}

// --- checks --------------------------------------------------------------------------------------------

pub fn check_tokens(text: &str) -> Result<(), TestCaseError> {
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

/// Two texts and the options they are compared under, with the reference's tokens and keys of each,
/// made once for all the checks of their comparison.
pub struct Case<'t> {
    a: &'t str,
    b: &'t str,
    options: CompareOptions,
    ca: Compared,
    cb: Compared,
}

impl<'t> Case<'t> {
    pub fn new(a: &'t str, b: &'t str, options: &CompareOptions) -> Self {
        Case { a, b, options: *options, ca: Compared::new(a, options), cb: Compared::new(b, options) }
    }

    /// Everything a comparison promises about its spans, counts and diff.
    pub fn check_comparison(&self, result: &Comparison) -> Result<(), TestCaseError> {
        let Case { a, b, options, ca, cb } = self;
        let clamped = options.clamped();

        let mut a_ranges = Vec::new();
        let mut b_ranges = Vec::new();
        for passage in &result.passages {
            check_span(passage.a, a, "passage a")?;
            check_span(passage.b, b, "passage b")?;
            let (ra, rb) = (ca.tokens_in(passage.a)?, cb.tokens_in(passage.b)?);
            prop_assert!(
                passage.words >= clamped.min_words,
                "{:?} has fewer than {} words",
                passage,
                clamped.min_words
            );
            a_ranges.push(ra);
            b_ranges.push(rb);
        }
        // Many-to-many: passages may share a range in one text, never in both; in order of `a`, then `b`.
        let starts = |p: &Passage| (p.a.start, p.b.start, p.a.end, p.b.end);
        prop_assert!(
            result.passages.windows(2).all(|w| starts(&w[0]) < starts(&w[1])),
            "passages repeat or are out of order"
        );
        // One-to-one: the marked passages overlap nowhere.
        for side in [|p: &Passage| p.a, |p: &Passage| p.b] {
            let mut spans: Vec<Span> = result.passages.iter().filter(|p| p.one_to_one).map(side).collect();
            spans.sort();
            prop_assert!(spans.windows(2).all(|w| w[0].end <= w[1].start), "one-to-one passages overlap");
        }
        prop_assert_eq!(result.passages.is_empty(), !result.passages.iter().any(|p| p.one_to_one));

        for (text, compared, stats, ranges) in [(a, ca, &result.a, &a_ranges), (b, cb, &result.b, &b_ranges)] {
            let words = compared.words(0..compared.keys.len());
            let covered: BTreeSet<usize> = ranges.iter().flat_map(|r| r.clone()).collect();
            let shared = covered.into_iter().filter(|&i| compared.is_word[i]).count();
            prop_assert_eq!(stats.words, words, "words of {:?}", text);
            prop_assert_eq!(stats.shared_words, shared, "shared words of {:?}", text);
            prop_assert!(stats.shared_words <= stats.words);
            prop_assert!((0.0..=1.0).contains(&stats.shared_ratio));
            let ratio = if words == 0 { 0.0 } else { shared as f64 / words as f64 };
            prop_assert_eq!(stats.shared_ratio, ratio);
        }
        prop_assert_eq!(result.longest_passage_words, result.passages.iter().map(|p| p.words).max().unwrap_or(0));

        check_diff(a, b, ca, cb, result)
    }

    /// A passage is `exact` exactly when both sides are the same key for key, with no edits then; with
    /// `max_edits = 0`, its words are the same word for word.
    pub fn check_passage(&self, passage: &Passage) -> Result<(), TestCaseError> {
        let Case { a, b, options, ca, cb } = self;
        let (ra, rb) = (ca.tokens_in(passage.a)?, cb.tokens_in(passage.b)?);
        let shown = || format!("{:?} / {:?} in {passage:?}", &a[passage.a.range()], &b[passage.b.range()]);

        prop_assert_eq!(passage.exact, passage.edits.is_empty());
        prop_assert_eq!(passage.exact, ca.keys[ra.clone()] == cb.keys[rb.clone()], "exact is wrong: {}", shown());
        if options.clamped().max_edits == 0 && !options.spelling_variants {
            // Edits count words: punctuation may still differ.
            let words =
                |c: &Compared, r: Range<usize>| r.filter(|&i| c.is_word[i]).map(|i| c.keys[i].clone()).collect();
            let (wa, wb): (Vec<String>, Vec<String>) = (words(ca, ra.clone()), words(cb, rb.clone()));
            prop_assert_eq!(wa, wb, "max_edits = 0 gave a passage with edited words: {}", shown());
        }
        for edit in &passage.edits {
            prop_assert!(!(edit.a.is_empty() && edit.b.is_empty()), "empty edit in {}", shown());
        }
        Ok(())
    }

    /// A passage reads as identical runs of at least a seed's length joined by gaps of at most `max_edits`
    /// insertions, deletions or substitutions of words.
    pub fn check_tolerance(&self, passage: &Passage) -> Result<(), TestCaseError> {
        let Case { a, b, options, ca, cb } = self;
        let clamped = options.clamped();
        let (ra, rb) = (ca.tokens_in(passage.a)?, cb.tokens_in(passage.b)?);
        let shown = || format!("{:?} / {:?} in {passage:?}", &a[passage.a.range()], &b[passage.b.range()]);

        // Passage ends are moved in from the runs' ends (past punctuation standing apart, or a stub of a
        // sentence), so the first and last runs count again the tokens both texts have next to them.
        let same = |x: &str, y: &str| x == y || (options.spelling_variants && may_be_variants(x, y));
        let pair = |i: usize, j: usize| same(&ca.keys[i], &cb.keys[j]);
        let before = (1..=ra.start.min(rb.start)).take_while(|&k| pair(ra.start - k, rb.start - k)).count();
        let after = (0..(ca.keys.len() - ra.end).min(cb.keys.len() - rb.end))
            .take_while(|&k| pair(ra.end + k, rb.end + k))
            .count();
        let (ra, rb) = (ra.start - before..ra.end + after, rb.start - before..rb.end + after);
        let a = Tokens { keys: &ca.keys[ra.clone()], is_word: &ca.is_word[ra] };
        let b = Tokens { keys: &cb.keys[rb.clone()], is_word: &cb.is_word[rb] };
        let min_run = clamped.min_words.min(4);
        prop_assert!(runs_and_gaps(a, b, same, min_run, clamped.max_edits), "not within tolerance: {}", shown());
        Ok(())
    }

    /// Outside its edits, a passage's sides are the same key for key; and in the inline diff, the empty side
    /// of an insertion or a deletion sits where the other text is at that point.
    pub fn check_edits(&self, result: &Comparison) -> Result<(), TestCaseError> {
        let Case { a, b, ca, cb, .. } = self;
        for passage in &result.passages {
            let shown = || format!("{:?} / {:?} in {passage:?}", &a[passage.a.range()], &b[passage.b.range()]);
            let (ra, rb) = (ca.tokens_in(passage.a)?, cb.tokens_in(passage.b)?);
            let (mut from_a, mut from_b) = (ra.start, rb.start);
            for edit in &passage.edits {
                for (side, span) in [(passage.a, edit.a), (passage.b, edit.b)] {
                    prop_assert!(
                        side.start <= span.start && span.end <= side.end,
                        "edit {:?} outside {}",
                        span,
                        shown()
                    );
                }
                let (ea, eb) = (ca.tokens_in(edit.a)?, cb.tokens_in(edit.b)?);
                prop_assert!(from_a <= ea.start && from_b <= eb.start, "edits out of order: {}", shown());
                prop_assert_eq!(
                    &ca.keys[from_a..ea.start],
                    &cb.keys[from_b..eb.start],
                    "before {:?}: {}",
                    edit,
                    shown()
                );
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

/// The promises of a comparison and of each of its passages.
pub fn check_all(a: &str, b: &str, options: &CompareOptions) -> Result<(), TestCaseError> {
    let (case, result) = (Case::new(a, b, options), compare(a, b, options));
    case.check_comparison(&result)?;
    for passage in &result.passages {
        case.check_passage(passage)?;
    }
    Ok(())
}
