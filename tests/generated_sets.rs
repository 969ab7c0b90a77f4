//! The generated sets of the collection bench (`benches/support/sets.rs`), their scorers and the
//! pairwise route: a bench with `harness = false` runs no `#[test]`, so they are tested here.

#[path = "../benches/support/pairwise.rs"]
mod pairwise;
#[path = "../benches/support/sets.rs"]
mod sets;

use std::collections::HashSet;

use sets::accuracy::{score, word_spans};
use sets::{set, Role, Set, WORDS};

const SEED: u64 = 12;

/// The text of each word of `document`, lower-cased (a copy may start a sentence where its source
/// did not).
fn spellings(set: &Set, document: usize) -> Vec<String> {
    let text = &set.documents[document].text;
    word_spans(text).into_iter().map(|span| text[span.range()].to_lowercase()).collect()
}

#[test]
fn the_same_arguments_give_the_same_set() {
    let (a, b, other) = (set(40, SEED), set(40, SEED), set(40, SEED + 1));
    let texts = |set: &Set| set.documents.iter().map(|d| (d.name.clone(), d.text.clone())).collect::<Vec<_>>();
    let truth = |set: &Set| set.documents.iter().map(|d| (d.carried.clone(), d.chrome.clone())).collect::<Vec<_>>();
    assert_eq!(texts(&a), texts(&b));
    assert_eq!(truth(&a), truth(&b));
    assert_eq!(a.stories, b.stories);
    assert_ne!(texts(&a), texts(&other));
}

#[test]
fn a_set_has_the_documents_asked_for_each_of_300_to_900_words() {
    for documents in [1, 2, 3, 10, 57] {
        let set = set(documents, SEED);
        assert_eq!(set.documents.len(), documents);
        for document in &set.documents {
            assert!(WORDS.contains(&document.words), "{}: {} words", document.name, document.words);
            assert_eq!(word_spans(&document.text).len(), document.words, "{}", document.name);
        }
        let names: HashSet<&str> = set.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names.len(), documents, "names are unique");
    }
}

#[test]
fn stories_hold_every_document_once_and_truth_runs_are_well_formed() {
    let set = set(120, SEED);
    let mut seen: Vec<usize> = set.stories.iter().flatten().copied().collect();
    seen.sort_unstable();
    assert_eq!(seen, (0..set.documents.len()).collect::<Vec<_>>());
    for (d, document) in set.documents.iter().enumerate() {
        let mut end = 0;
        for run in &document.carried {
            assert!(end <= run.words.start && run.words.start < run.words.end && run.words.end <= document.words);
            assert!(!run.by.is_empty() && run.by.windows(2).all(|w| w[0] < w[1]), "{}: {:?}", document.name, run);
            assert!(!run.by.contains(&d) && run.by.iter().all(|&other| other < set.documents.len()));
            end = run.words.end;
        }
    }
}

#[test]
fn a_carried_word_stands_in_the_documents_that_carry_it_and_carrying_goes_both_ways() {
    let set = set(60, SEED);
    let spellings: Vec<Vec<String>> = (0..set.documents.len()).map(|d| spellings(&set, d)).collect();
    let vocabularies: Vec<HashSet<&str>> =
        spellings.iter().map(|words| words.iter().map(String::as_str).collect()).collect();
    let mut links = HashSet::new();
    for (d, document) in set.documents.iter().enumerate() {
        for run in &document.carried {
            for &other in &run.by {
                links.insert((d, other));
                for word in &spellings[d][run.words.clone()] {
                    assert!(vocabularies[other].contains(word.as_str()), "{word} of {} in {other}", document.name);
                }
            }
        }
    }
    assert!(!links.is_empty());
    for &(d, other) in &links {
        assert!(links.contains(&(other, d)), "{d} carried by {other} but not the other way");
    }
}

#[test]
fn story_text_links_a_story_and_chrome_links_an_outlet() {
    let set = set(200, SEED);
    let mut story_of = vec![0; set.documents.len()];
    for (story, members) in set.stories.iter().enumerate() {
        for &d in members {
            story_of[d] = story;
        }
    }
    let outlet = |d: usize| set.documents[d].name.split('/').next().unwrap_or_default().to_owned();
    for (d, document) in set.documents.iter().enumerate() {
        let chrome = |word: usize| document.chrome.iter().any(|range| range.contains(&word));
        for run in &document.carried {
            let in_chrome = chrome(run.words.start);
            assert!(run.words.clone().all(|word| chrome(word) == in_chrome), "{}: a run crosses chrome", document.name);
            for &other in &run.by {
                if in_chrome {
                    assert_eq!(outlet(other), outlet(d), "{}: chrome carried by {other}", document.name);
                } else {
                    assert_eq!(story_of[other], story_of[d], "{}: story text carried by {other}", document.name);
                }
            }
        }
        for range in &document.chrome {
            assert!(range.start == 0 || range.end == document.words, "{}: chrome in the middle", document.name);
        }
        let linked = document.carried.iter().any(|run| !chrome(run.words.start));
        let alone = set.stories[story_of[d]].len() == 1;
        assert!(linked != alone, "{}: a story is what story text links", document.name);
    }
}

#[test]
fn a_day_has_every_kind_of_document() {
    let set = set(200, SEED);
    let count = |kind: fn(&Role) -> bool| set.documents.iter().filter(|d| kind(&d.role)).count();
    assert!(count(|role| *role == Role::Wire) > 10);
    assert!(count(|role| *role == Role::WireRewrite) > 50);
    assert!(count(|role| matches!(role, Role::OutletRewrite { .. })) > 10);
    assert!(count(|role| *role == Role::Unrelated) > 10);
    let alone = set.stories.iter().filter(|story| story.len() == 1).count();
    assert_eq!(alone, count(|role| *role == Role::Unrelated), "only unrelated articles stand alone");
    let without_wire = set
        .stories
        .iter()
        .filter(|story| story.len() > 1 && story.iter().all(|&d| set.documents[d].role != Role::Wire));
    assert!(without_wire.count() > 0, "some stories' wire original is not in the set");
    // An outlet's rewrite of another outlet's version carries words of that version that the wire lacks.
    for (d, document) in set.documents.iter().enumerate() {
        if let Role::OutletRewrite { of } = document.role {
            assert_eq!(set.documents[of].name.split('/').nth(1), document.name.split('/').nth(1));
            assert!(document.carried.iter().any(|run| run.by.contains(&of)), "{d} shares nothing with {of}");
        }
    }
    let outlet_pages: Vec<_> = set.documents.iter().filter(|d| d.role != Role::Wire).collect();
    let with_chrome = outlet_pages.iter().filter(|d| !d.chrome.is_empty()).count();
    assert!(
        with_chrome * 4 > outlet_pages.len() * 3,
        "{with_chrome} of {} outlet pages have chrome",
        outlet_pages.len()
    );
    assert!(with_chrome < outlet_pages.len(), "some pages have none");
    assert!(set
        .documents
        .iter()
        .any(|d| d.text.starts_with(|c: char| c.is_ascii_uppercase()) && d.text.contains(" | ")));
    assert!(set.documents.iter().any(|d| d.text.contains("Read more.") && d.text.contains("All rights reserved.")));
}

/// The truth is what copydesk can find: compared pair by pair, a small set's provenance is found with
/// high recall, and the precision lost is the edited words inside passages that the truth does not
/// count as carried.
#[test]
fn compared_pair_by_pair_a_small_set_agrees_with_its_truth() {
    let set = set(12, SEED);
    let accuracy = score(&set, &pairwise::claims(&set));
    let provenance = accuracy.provenance();
    assert!(provenance.recall().unwrap() > 0.95, "{provenance:?}");
    assert!(provenance.precision().unwrap() > 0.95, "{provenance:?}");
    assert_eq!(accuracy.chrome_flagged.part, 0, "the pairwise route flags nothing");
}

/// Rewrites edit words and move paragraphs: between two stretches that the wire carries, a rewrite has
/// one or two words of its own; and the stretches it shares with the wire are not all in the wire's
/// order.
#[test]
fn rewrites_edit_words_and_move_paragraphs() {
    let set = set(200, SEED);
    let (mut edited, mut moved) = (0, 0);
    for (d, document) in set.documents.iter().enumerate() {
        let Some(wire) = set.stories.iter().find(|story| story.contains(&d)).and_then(|story| {
            story.iter().copied().find(|&w| set.documents[w].role == Role::Wire && document.role == Role::WireRewrite)
        }) else {
            continue;
        };
        let from_wire: Vec<_> = document.carried.iter().filter(|run| run.by.contains(&wire)).collect();
        edited +=
            from_wire.windows(2).filter(|pair| (1..=2).contains(&(pair[1].words.start - pair[0].words.end))).count();
        // Where each stretch of at least 8 words stands in the wire, found by its first 8 words.
        let (words, wire_words) = (spellings(&set, d), spellings(&set, wire));
        let places: Vec<usize> = from_wire
            .iter()
            .filter(|run| run.words.len() >= 8)
            .filter_map(|run| {
                let phrase = &words[run.words.start..run.words.start + 8];
                wire_words.windows(8).position(|window| window == phrase)
            })
            .collect();
        moved += places.windows(2).filter(|pair| pair[1] < pair[0]).count();
    }
    assert!(edited > 100, "{edited} edits");
    assert!(moved > 10, "{moved} stretches before the one they follow in the wire");
}
