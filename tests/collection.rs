//! Properties of `compare_many` on generated sets: a pair of the set is the pair compared alone; the
//! order of the documents changes nothing but their numbers; a document that shares nothing changes no
//! other document's provenance.

use copydesk::{compare, compare_many, CompareOptions, Stretch};
use proptest::collection::vec;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "the", "port", "of", "tartus", "was", "closed", "on", "monday", "after", "a", "storm", "aides", "said", "ships",
    "coast", "guard", "sea", "near", "two", "navy", "base", "city",
];

/// Words with spellings one letter apart, some of them several ways ("tartus", "tartous", "tartos"), so
/// that which spelling pairs with which is a choice.
const VARIANTS: &[&str] = &[
    "the", "port", "of", "tartus", "tartous", "tartos", "hmeimim", "khmeimim", "hmeimin", "harbour", "harbor",
    "closed", "after", "storms", "storm", "stormy", "said", "near",
];

/// Paragraphs of `words` shared among the documents, and for each document which of them it holds (in
/// its order) around a sentence of its own.
fn set_of(words: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
    let paragraph = || vec(0..words.len(), 8..30);
    (vec(paragraph(), 1..5), vec(vec(any::<prop::sample::Index>(), 0..4), 2..6)).prop_map(|(shared, picks)| {
        picks
            .iter()
            .enumerate()
            .map(|(d, picks)| {
                let mut text = format!("Document number {d} begins here with words of its own.\n\n");
                for pick in picks {
                    let paragraph: Vec<&str> = shared[pick.index(shared.len())].iter().map(|&w| words[w]).collect();
                    text.push_str(&paragraph.join(" "));
                    text.push_str(".\n\n");
                }
                text.push_str(&format!("Document {d} ends here in its own words too."));
                text
            })
            .collect()
    })
}

fn set() -> impl Strategy<Value = Vec<String>> {
    set_of(WORDS)
}

fn options() -> CompareOptions {
    CompareOptions { min_words: 6, ..CompareOptions::default() }
}

/// A document's provenance with the other documents renamed by `rename`.
fn renamed(stretches: &[Stretch], rename: impl Fn(usize) -> usize) -> Vec<(copydesk::Span, Vec<usize>, bool)> {
    stretches
        .iter()
        .map(|stretch| {
            let mut documents: Vec<usize> = stretch.documents.iter().map(|&d| rename(d)).collect();
            documents.sort_unstable();
            (stretch.span, documents, stretch.boilerplate)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn each_pair_is_the_pair_compared_alone(texts in set()) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let collection = compare_many(&refs, &options());
        for a in 0..texts.len() {
            for b in 0..texts.len() {
                if a != b {
                    prop_assert_eq!(collection.pair(a, b), compare(&texts[a], &texts[b], &options()));
                }
            }
        }
        // The pairs the set lists are the ones that share passages.
        for pair in &collection.pairs {
            prop_assert!(!compare(&texts[pair.a], &texts[pair.b], &options()).passages.is_empty());
        }
    }

    /// Which spelling stands for a word's class must not depend on which document was read first.
    #[test]
    fn each_pair_is_the_pair_compared_alone_with_spelling_variants(mut texts in set_of(VARIANTS), swap in any::<bool>()) {
        // Each document spells some words its own way, so that a pair holds spellings the other lacks.
        for (d, text) in texts.iter_mut().enumerate() {
            let (from, to) = [("tartus", "tartous"), ("harbour", "harbor"), ("hmeimim", "khmeimim")][d % 3];
            *text = if swap { text.replace(to, from) } else { text.replace(from, to) };
        }
        let options = CompareOptions { spelling_variants: true, ..options() };
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let collection = compare_many(&refs, &options);
        for a in 0..texts.len() {
            for b in 0..texts.len() {
                if a != b {
                    prop_assert_eq!(collection.pair(a, b), compare(&texts[a], &texts[b], &options));
                }
            }
        }
    }

    #[test]
    fn reversing_the_documents_reverses_the_result(texts in set()) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let reversed: Vec<&str> = refs.iter().rev().copied().collect();
        let n = refs.len();
        let (forward, backward) = (compare_many(&refs, &options()), compare_many(&reversed, &options()));
        for d in 0..n {
            prop_assert_eq!(renamed(&forward.provenance[d], |o| o), renamed(&backward.provenance[n - 1 - d], |o| n - 1 - o));
            prop_assert_eq!(forward.documents[d], backward.documents[n - 1 - d]);
        }
        let stories = |collection: &copydesk::Collection, rename: &dyn Fn(usize) -> usize| {
            let mut stories: Vec<Vec<usize>> = collection
                .stories
                .iter()
                .map(|story| { let mut s: Vec<usize> = story.iter().map(|&d| rename(d)).collect(); s.sort_unstable(); s })
                .collect();
            stories.sort();
            stories
        };
        prop_assert_eq!(stories(&forward, &|d| d), stories(&backward, &|d| n - 1 - d));
    }

    #[test]
    fn a_document_that_shares_nothing_changes_no_provenance(texts in set()) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut more = refs.clone();
        more.push("Zinc quartz oboe yak fjord gnu kiwi lynx jazz vex, and then zinc once more over the fjord.");
        let (before, after) = (compare_many(&refs, &options()), compare_many(&more, &options()));
        prop_assert_eq!(&before.provenance[..], &after.provenance[..refs.len()]);
        prop_assert!(after.provenance[refs.len()].is_empty());
    }
}
