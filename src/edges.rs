//! Where a passage begins and ends. Identical runs stop where the ids stop matching, which is often
//! a little past where the reuse stops: the full stop before a reused sentence matches too, and so
//! does "The" at the start of the next, unrelated paragraph. This stage moves both ends back to
//! where a reader would put them.

use crate::matcher::{Found, Run};
use crate::text::Prepared;

/// Fewer words than this, cut off from the rest of a passage by a sentence end or a paragraph break,
/// are a coincidence ("… evening. The"), not reuse.
const STUB_WORDS: usize = 3;

/// One text of the comparison as this stage reads it.
pub(crate) struct Side<'a> {
    pub prepared: &'a Prepared,
    pub text: &'a str,
}

/// `found` with its ends moved in: past leading sentence-final punctuation and punctuation detached
/// from the passage's first word (in `banks. “We lost`, it starts at `“`), past a stub of fewer than
/// [`STUB_WORDS`] words before a boundary at the start, and likewise at the end. The ends move only
/// within the first and last identical run, where the two texts' tokens correspond one to one, and
/// leave at least one token of each.
pub(crate) fn trim(mut found: Found, a: &Side, b: &Side) -> Found {
    let first = &mut found.runs[0];
    let mut cut = cut_stub_at_start(first, a, b);
    while first.len > 1 && (a.detached_at_start(first.a) || b.detached_at_start(first.b)) {
        advance(first, 1);
    }
    let last = found.runs.last_mut().expect("a passage has runs");
    cut += cut_stub_at_end(last, a, b);
    while last.len > 1 && (a.detached_at_end(last.end_a() - 1) || b.detached_at_end(last.end_b() - 1)) {
        last.len -= 1;
    }
    found.words -= cut;
    found
}

/// Drops one or two words before a boundary at the start of `run`; returns how many words.
fn cut_stub_at_start(run: &mut Run, a: &Side, b: &Side) -> usize {
    let mut words = 0;
    for offset in 0..(run.len - 1).min(2 * STUB_WORDS) {
        let (i, j) = (run.a + offset, run.b + offset);
        words += usize::from(a.prepared.is_word(i));
        if words >= STUB_WORDS {
            return 0;
        }
        if words > 0 && (a.boundary_after(i) || b.boundary_after(j)) {
            advance(run, offset + 1);
            return words;
        }
    }
    0
}

/// Drops one or two words after a boundary at the end of `run`; returns how many words.
fn cut_stub_at_end(run: &mut Run, a: &Side, b: &Side) -> usize {
    let mut words = 0;
    for offset in 1..run.len.min(2 * STUB_WORDS) {
        let (i, j) = (run.end_a() - offset, run.end_b() - offset);
        words += usize::from(a.prepared.is_word(i));
        if words >= STUB_WORDS {
            return 0;
        }
        if words > 0 && (a.boundary_after(i - 1) || b.boundary_after(j - 1)) {
            run.len -= offset;
            return words;
        }
    }
    0
}

fn advance(run: &mut Run, tokens: usize) {
    run.a += tokens;
    run.b += tokens;
    run.len -= tokens;
}

impl Side<'_> {
    fn token_text(&self, i: usize) -> &str {
        &self.text[self.prepared.tokens[self.prepared.compared[i] as usize].span.range()]
    }

    /// Whether compared token `i` is punctuation.
    fn is_punct(&self, i: usize) -> bool {
        !self.prepared.is_word(i)
    }

    fn ends_sentence(&self, i: usize) -> bool {
        matches!(self.token_text(i), "." | "!" | "?" | "…" | "。" | "！" | "？" | "؟" | "।")
    }

    /// The text between compared token `i` and the next one.
    fn gap_after(&self, i: usize) -> &str {
        let end = self.prepared.tokens[self.prepared.compared[i] as usize].span.end;
        let next = self.prepared.compared.get(i + 1).map_or(self.text.len(), |&t| self.prepared.tokens[t as usize].span.start);
        &self.text[end..next]
    }

    /// Whether a sentence or paragraph ends after compared token `i`: a full stop (or the like),
    /// possibly followed by a closing quote, or a blank line.
    fn boundary_after(&self, i: usize) -> bool {
        let sentence = self.ends_sentence(i) || (i > 0 && self.is_punct(i) && self.ends_sentence(i - 1));
        sentence || self.gap_after(i).matches('\n').count() >= 2
    }

    /// Whether a passage may not start at token `i`: sentence-final punctuation, or punctuation with
    /// white space after it (so it belongs to what comes before).
    fn detached_at_start(&self, i: usize) -> bool {
        self.is_punct(i) && (self.ends_sentence(i) || self.gap_after(i).starts_with(char::is_whitespace) || i + 1 == self.prepared.compared.len())
    }

    /// Whether a passage may not end at token `i`: punctuation with white space before it.
    fn detached_at_end(&self, i: usize) -> bool {
        self.is_punct(i) && (i == 0 || self.gap_after(i - 1).starts_with(char::is_whitespace))
    }
}

#[cfg(test)]
mod tests {
    use crate::{compare, CompareOptions};

    fn shared<'t>(a: &'t str, b: &str) -> Vec<&'t str> {
        let options = CompareOptions { min_words: 6, ..CompareOptions::default() };
        compare(a, b, &options).passages.iter().map(|p| &a[p.a.range()]).collect()
    }

    #[test]
    fn a_passage_starts_at_the_quote_not_at_the_full_stop_before_it() {
        let a = "The river burst its banks. “We lost everything in one night,” said Leila Haddad.";
        let b = "Officials counted the damage. \"We lost everything in one night,\" said Leila Haddad.";
        assert_eq!(shared(a, b), ["“We lost everything in one night,” said Leila Haddad."]);
    }

    #[test]
    fn a_stub_after_a_paragraph_break_is_not_reuse() {
        let a = "The port stayed shut until the winds eased on Monday evening.\n\nThe breakwater held.";
        let b = "The port stayed shut until the winds eased on Monday evening.\n\nThe mayor left.";
        assert_eq!(shared(a, b), ["The port stayed shut until the winds eased on Monday evening."]);
    }

    #[test]
    fn a_stub_before_a_sentence_end_is_not_reuse() {
        let a = "Nobody was hurt, he said. The port stayed shut until the winds eased on Monday.";
        let b = "Ships waited offshore, she said. The port stayed shut until the winds eased on Monday.";
        assert_eq!(shared(a, b), ["The port stayed shut until the winds eased on Monday."]);
    }

    #[test]
    fn cjk_full_stop_without_space_does_not_start_a_passage() {
        let a = "渔民连夜把船拖上岸。港务局在声明中说港口将关闭两天。";
        let b = "商店周一没有开门。港务局在声明中说港口将关闭两天。";
        assert_eq!(shared(a, b), ["港务局在声明中说港口将关闭两天。"]);
    }
}
