//! Scores what a tool says about a set (`sets.rs`) against the set's truth, as issue 12 asks:
//!
//! - provenance: over the (document, word, other document) triples, whether the other document carries
//!   the word; precision and recall, for story text and for chrome apart (an outlet's chrome stands on
//!   dozens of its pages, so its triples would drown the story text's);
//! - boilerplate: the share of the chrome words that another document carries which the tool flags, and
//!   the share of the story text that another document carries which it flags too (a false alarm);
//! - stories: precision, recall and F1 over the pairs of documents put in one story.
//!
//! Words are copydesk's (letter runs and numbers, never punctuation); a claim holds a word when its byte
//! span holds the word whole, and a word counts once however many claims hold it.

use std::ops::Range;

use copydesk::text::{tokenize, TokenKind};
use copydesk::Span;

use super::Set;

/// What a tool says about a set: the input of [`score`]. Document ids index the set's documents.
#[derive(Clone, Debug, Default)]
pub struct Claims {
    /// For each document, stretches of it and the other documents that the tool says carry them.
    pub carried: Vec<Vec<Carried>>,
    /// For each document, the stretches of it that the tool flags as boilerplate.
    pub boilerplate: Vec<Vec<Span>>,
    /// The tool's stories: each document at most once; a document left out is a story alone.
    pub stories: Vec<Vec<usize>>,
}

/// A stretch of one document and the other documents said to carry it.
#[derive(Clone, Debug)]
pub struct Carried {
    /// Byte range in the document's text.
    pub span: Span,
    /// Other documents; the document itself, if named, is passed over.
    pub by: Vec<usize>,
}

impl Claims {
    /// No claims yet about a set of `documents` documents.
    pub fn new(documents: usize) -> Claims {
        Claims { carried: vec![Vec::new(); documents], boilerplate: vec![Vec::new(); documents], stories: Vec::new() }
    }
}

/// How claims of one kind agree with the truth.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Claimed.
    pub claimed: u64,
    /// Claimed and true.
    pub right: u64,
    /// True.
    pub truly: u64,
}

impl Counts {
    /// The share of the claims that are true; `None` when nothing is claimed.
    pub fn precision(self) -> Option<f64> {
        (self.claimed > 0).then(|| self.right as f64 / self.claimed as f64)
    }

    /// The share of the truth that is claimed; `None` when nothing is true.
    pub fn recall(self) -> Option<f64> {
        (self.truly > 0).then(|| self.right as f64 / self.truly as f64)
    }

    /// The harmonic mean of precision and recall; 0 when either is 0 or undefined and the other is not.
    pub fn f1(self) -> Option<f64> {
        (self.claimed + self.truly > 0).then(|| 2.0 * self.right as f64 / (self.claimed + self.truly) as f64)
    }

    fn add(self, other: Counts) -> Counts {
        Counts {
            claimed: self.claimed + other.claimed,
            right: self.right + other.right,
            truly: self.truly + other.truly,
        }
    }
}

/// A part of a whole, in words.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub part: u64,
    pub of: u64,
}

impl Share {
    /// `part / of`; `None` when `of` is 0.
    pub fn ratio(self) -> Option<f64> {
        (self.of > 0).then(|| self.part as f64 / self.of as f64)
    }
}

/// A tool's accuracy on a set.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Accuracy {
    /// Provenance triples whose word is story text (not chrome).
    pub story_text: Counts,
    /// Provenance triples whose word is chrome.
    pub chrome: Counts,
    /// Of the chrome words that another document carries, those flagged as boilerplate.
    pub chrome_flagged: Share,
    /// Of the story text that another document carries, the words flagged as boilerplate.
    pub story_text_flagged: Share,
    /// Pairs of documents in one story.
    pub story_pairs: Counts,
}

impl Accuracy {
    /// Provenance triples of every word, chrome and story text.
    pub fn provenance(&self) -> Counts {
        self.story_text.add(self.chrome)
    }
}

/// Scores `claims` against the truth of `set`.
///
/// # Panics
///
/// When `claims` are not about a set of this many documents, name a document twice in its stories, or
/// when copydesk counts a document's words differently from the generator.
pub fn score(set: &Set, claims: &Claims) -> Accuracy {
    let documents = set.documents.len();
    assert_eq!(claims.carried.len(), documents, "claims of carried words for another number of documents");
    assert_eq!(claims.boilerplate.len(), documents, "boilerplate claims for another number of documents");
    let mut accuracy =
        Accuracy { story_pairs: story_pairs(&set.stories, &claims.stories, documents), ..Accuracy::default() };
    for (d, document) in set.documents.iter().enumerate() {
        let words = word_spans(&document.text);
        assert_eq!(words.len(), document.words, "{}: copydesk counts its words differently", document.name);
        let mut chrome = vec![false; words.len()];
        for range in &document.chrome {
            chrome[range.clone()].fill(true);
        }

        let mut claimed: Vec<(usize, usize)> = Vec::new();
        for carried in &claims.carried[d] {
            let others = carried.by.iter().filter(|&&other| other != d);
            for word in covered(&words, carried.span) {
                claimed.extend(others.clone().map(|&other| (word, other)));
            }
        }
        claimed.sort_unstable();
        claimed.dedup();
        for &(word, _) in &claimed {
            class(&mut accuracy, chrome[word]).claimed += 1;
        }
        // The true triples come in the same order, (word, other) ascending: merge the two.
        let mut next = 0;
        for run in &document.carried {
            for word in run.words.clone() {
                for &other in &run.by {
                    next += claimed[next..].partition_point(|&triple| triple < (word, other));
                    let right = claimed.get(next) == Some(&(word, other));
                    let counts = class(&mut accuracy, chrome[word]);
                    counts.truly += 1;
                    counts.right += u64::from(right);
                }
            }
        }

        let mut flagged = vec![false; words.len()];
        for &span in &claims.boilerplate[d] {
            flagged[covered(&words, span)].fill(true);
        }
        for run in &document.carried {
            for word in run.words.clone() {
                let share = if chrome[word] { &mut accuracy.chrome_flagged } else { &mut accuracy.story_text_flagged };
                share.of += 1;
                share.part += u64::from(flagged[word]);
            }
        }
    }
    accuracy
}

fn class(accuracy: &mut Accuracy, chrome: bool) -> &mut Counts {
    if chrome {
        &mut accuracy.chrome
    } else {
        &mut accuracy.story_text
    }
}

/// The byte spans of the words of `text`, as copydesk counts them.
pub fn word_spans(text: &str) -> Vec<Span> {
    tokenize(text).into_iter().filter(|token| token.kind != TokenKind::Punct).map(|token| token.span).collect()
}

/// The words (indices into `words`, which are in text order) that `span` holds whole.
fn covered(words: &[Span], span: Span) -> Range<usize> {
    let first = words.partition_point(|word| word.start < span.start);
    let end = words.partition_point(|word| word.end <= span.end);
    first..end.max(first)
}

/// Pairs of documents that `claimed` puts in one story, against those `truth` does.
fn story_pairs(truth: &[Vec<usize>], claimed: &[Vec<usize>], documents: usize) -> Counts {
    let pairs = |n: usize| (n * n.saturating_sub(1) / 2) as u64;
    let mut story_of = vec![usize::MAX; documents];
    for (story, members) in claimed.iter().enumerate() {
        for &document in members {
            assert!(document < documents, "story {story} names document {document} of {documents}");
            assert_eq!(story_of[document], usize::MAX, "document {document} is in two stories");
            story_of[document] = story;
        }
    }
    // The documents of a true story, by the claimed story they are in: pairs in both are the pairs
    // within each group. Documents left out are stories alone, in no pair.
    let mut together: Vec<(usize, usize)> = truth
        .iter()
        .enumerate()
        .flat_map(|(true_story, members)| members.iter().map(move |&d| (true_story, d)))
        .filter(|&(_, d)| story_of[d] != usize::MAX)
        .map(|(true_story, d)| (true_story, story_of[d]))
        .collect();
    together.sort_unstable();
    let right = together.chunk_by(|a, b| a == b).map(|group| pairs(group.len())).sum();
    Counts {
        claimed: claimed.iter().map(|story| pairs(story.len())).sum(),
        right,
        truly: truth.iter().map(|story| pairs(story.len())).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Document, Role, Run};
    use super::*;

    /// A document whose first `chrome` words are chrome.
    fn document(text: &str, carried: &[(Range<usize>, &[usize])], chrome: usize) -> Document {
        Document {
            name: text.to_owned(),
            text: text.to_owned(),
            words: word_spans(text).len(),
            role: Role::Unrelated,
            carried: carried.iter().map(|(words, by)| Run { words: words.clone(), by: by.to_vec() }).collect(),
            chrome: std::iter::once(0..chrome).filter(|range| !range.is_empty()).collect(),
        }
    }

    /// Three documents of one story: "three four" stands in all three, "one two" in the first two.
    fn three() -> Set {
        Set {
            documents: vec![
                document("one two three four", &[(0..2, &[1]), (2..4, &[1, 2])], 0),
                document("one two three four five", &[(0..2, &[0]), (2..4, &[0, 2])], 0),
                document("three four six", &[(0..2, &[0, 1])], 0),
            ],
            stories: vec![vec![0, 1, 2]],
        }
    }

    fn claim(text: &str, part: &str, by: &[usize]) -> Carried {
        let start = text.find(part).expect("the part is in the text");
        Carried { span: Span::new(start, start + part.len()), by: by.to_vec() }
    }

    #[test]
    fn the_truth_itself_scores_one() {
        let set = three();
        let mut claims = Claims::new(3);
        let texts: Vec<&str> = set.documents.iter().map(|d| d.text.as_str()).collect();
        claims.carried[0] = vec![claim(texts[0], "one two", &[1]), claim(texts[0], "three four", &[1, 2])];
        claims.carried[1] = vec![claim(texts[1], "one two", &[0]), claim(texts[1], "three four", &[0, 2])];
        claims.carried[2] = vec![claim(texts[2], "three four", &[0, 1])];
        claims.stories = vec![vec![0, 1, 2]];
        let accuracy = score(&set, &claims);
        assert_eq!(accuracy.story_text, Counts { claimed: 16, right: 16, truly: 16 });
        assert_eq!(accuracy.chrome, Counts::default());
        assert_eq!(accuracy.story_pairs, Counts { claimed: 3, right: 3, truly: 3 });
    }

    #[test]
    fn missed_and_wrong_triples_are_counted() {
        let set = three();
        let mut claims = Claims::new(3);
        // Right for "one two" and for "three four" by 1, silent about 2; in the third document, "six"
        // is wrong.
        claims.carried[0] = vec![claim("one two three four", "one two three four", &[1])];
        claims.carried[2] = vec![claim("three four six", "three four six", &[0])];
        let provenance = score(&set, &claims).provenance();
        assert_eq!(provenance, Counts { claimed: 7, right: 6, truly: 16 });
        assert_eq!(provenance.precision(), Some(6.0 / 7.0));
        assert_eq!(provenance.recall(), Some(6.0 / 16.0));
    }

    #[test]
    fn a_word_counts_once_whole_and_never_as_its_own_carrier() {
        let set = three();
        let mut claims = Claims::new(3);
        claims.carried[0] = vec![
            // "one" whole and "two" cut: only "one" is claimed.
            Carried { span: Span::new(0, 6), by: vec![1] },
            // The same word again, and the document itself, which is passed over.
            Carried { span: Span::new(0, 3), by: vec![0, 1] },
            // "two" cut and "three" whole: only "three" is claimed.
            Carried { span: Span::new(5, 13), by: vec![2] },
        ];
        assert_eq!(score(&set, &claims).provenance(), Counts { claimed: 2, right: 2, truly: 16 });
    }

    #[test]
    fn chrome_is_scored_apart_and_flagging_is_shared_by_what_is_carried() {
        // Two pages of one outlet with the same navigation ("home news"), another page whose "home" no
        // one carries, and story text shared by the first two.
        let set = Set {
            documents: vec![
                document("home news alpha beta gamma", &[(0..5, &[1])], 2),
                document("home news alpha beta gamma", &[(0..5, &[0])], 2),
                document("home delta", &[], 1),
            ],
            stories: vec![vec![0, 1], vec![2]],
        };
        let mut claims = Claims::new(3);
        claims.carried[0] = vec![Carried { span: Span::new(0, 9), by: vec![1] }]; // "home news"
        claims.boilerplate[0] = vec![Span::new(0, 15)]; // "home news alpha"
        claims.boilerplate[2] = vec![Span::new(0, 4)]; // "home", which no other page carries
        let accuracy = score(&set, &claims);
        assert_eq!(accuracy.chrome, Counts { claimed: 2, right: 2, truly: 4 });
        assert_eq!(accuracy.story_text, Counts { claimed: 0, right: 0, truly: 6 });
        assert_eq!(accuracy.chrome_flagged, Share { part: 2, of: 4 });
        assert_eq!(accuracy.story_text_flagged, Share { part: 1, of: 6 });
        assert_eq!(accuracy.story_text_flagged.ratio(), Some(1.0 / 6.0));
    }

    #[test]
    fn story_pairs_count_pairs_put_together() {
        // True: {0, 1, 2} and {3}; claimed: {0, 1} and {2, 3}. Of the claimed pairs 01 and 23 only 01 is
        // true; of the true pairs 01, 02, 12 only 01 is claimed.
        let counts = story_pairs(&[vec![0, 1, 2], vec![3]], &[vec![0, 1], vec![2, 3]], 4);
        assert_eq!(counts, Counts { claimed: 2, right: 1, truly: 3 });
        assert_eq!(counts.f1(), Some(0.4));
    }

    #[test]
    fn a_document_left_out_of_the_stories_is_a_story_alone() {
        let counts = story_pairs(&[vec![0, 1], vec![2]], &[vec![1, 0]], 3);
        assert_eq!(counts, Counts { claimed: 1, right: 1, truly: 1 });
        let none = story_pairs(&[vec![0, 1], vec![2]], &[], 3);
        assert_eq!(none, Counts { claimed: 0, right: 0, truly: 1 });
        assert_eq!(none.f1(), Some(0.0));
    }

    #[test]
    #[should_panic(expected = "document 1 is in two stories")]
    fn a_document_in_two_stories_is_refused() {
        story_pairs(&[vec![0, 1, 2]], &[vec![0, 1], vec![1, 2]], 3);
    }
}
