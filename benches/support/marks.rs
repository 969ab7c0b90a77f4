//! Scores the words a tool marks as shared against the generator's truth, word by word (see
//! `corpus.rs`). A shared ratio alone can look right when missed words and wrongly marked ones cancel
//! out; and since copydesk's passages may overlap in one text, a word counts once however many
//! passages hold it.
//!
//! The pipeline bench and the peer benchmark's native timer include it with
//! `#[path = "…/support/marks.rs"] mod marks;`; the peer benchmark's JavaScript tools score the same way
//! (`scoreMarks` in `peers/tools.mjs`).

use copydesk::text::{tokenize, TokenKind};
use copydesk::Span;

/// How a text's marked words agree with the truth.
#[derive(Clone, Copy, Debug)]
pub struct Marks {
    /// Words marked.
    pub marked: usize,
    /// Words marked that are truly shared.
    pub right: usize,
    /// Words truly shared.
    pub truly: usize,
}

impl Marks {
    /// Scores the words of `text` (as copydesk counts them: no punctuation) against `truth`, one flag
    /// per word. A word is marked when one of `marked`, byte ranges of `text` in any order, holds it
    /// whole.
    pub fn score(text: &str, mut marked: Vec<Span>, truth: &[bool]) -> Marks {
        marked.sort_unstable_by_key(|span| span.start);
        let mut marked = marked.into_iter().peekable();
        let mut reach = 0; // the furthest end of the ranges that start before the word
        let mut marks = Marks { marked: 0, right: 0, truly: truth.iter().filter(|&&t| t).count() };
        let words = tokenize(text).into_iter().filter(|token| token.kind != TokenKind::Punct);
        for (word, &truly) in words.zip(truth) {
            while let Some(range) = marked.next_if(|range| range.start <= word.span.start) {
                reach = reach.max(range.end);
            }
            if word.span.end <= reach {
                marks.marked += 1;
                marks.right += usize::from(truly);
            }
        }
        marks
    }

    /// The share of the truly shared words that are marked; `None` when none is truly shared.
    pub fn recall(self) -> Option<f64> {
        (self.truly > 0).then(|| self.right as f64 / self.truly as f64)
    }

    /// The share of the marked words that are truly shared; `None` when none is marked.
    pub fn precision(self) -> Option<f64> {
        (self.marked > 0).then(|| self.right as f64 / self.marked as f64)
    }
}
