//! Properties of `compare_many` on generated sets: a pair of the set is the pair compared alone; the
//! order of the documents changes nothing but their numbers; a document that shares nothing changes no
//! other document's provenance. Then small hand-written sets of one outlet's pages that pin how its
//! chrome is told from story text (the module `collection::boilerplate`).

use copydesk::{compare, compare_many, compare_many_reporting, CompareOptions, Progress, Stretch};
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

    /// The page's progress bar: reports only go forward, end with every document read and every
    /// candidate pair compared, and reporting changes nothing in the result.
    #[test]
    fn progress_goes_forward_to_the_end_and_changes_nothing(texts in set()) {
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut reports: Vec<Progress> = Vec::new();
        let reported = compare_many_reporting(&refs, &options(), &mut |progress| reports.push(progress));
        let plain = compare_many(&refs, &options());
        prop_assert_eq!(&reported.stories, &plain.stories);
        prop_assert_eq!(&reported.pairs, &plain.pairs);
        prop_assert_eq!(&reported.provenance, &plain.provenance);
        for step in reports.windows(2) {
            prop_assert!(step[0].documents_read <= step[1].documents_read && step[0].pairs_compared <= step[1].pairs_compared);
        }
        let last = reports.last().copied().unwrap_or_default();
        prop_assert_eq!(last.documents_read, texts.len());
        prop_assert_eq!(last.pairs_compared, last.pairs);
        prop_assert!(last.pairs >= plain.pairs.len());
    }

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
        // And no pair that shares a passage goes uncompared: the provenance names every one.
        for a in 0..texts.len() {
            for b in (0..texts.len()).filter(|&b| b != a) {
                let shares = !compare(&texts[a], &texts[b], &options()).passages.is_empty();
                let named = collection.provenance[a].iter().any(|stretch| stretch.documents.contains(&b));
                prop_assert_eq!(shares, named, "documents {} and {}", a, b);
            }
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

/// One outlet's page chrome, in pieces: the navigation line, the newsletter box, a "Read more" block
/// that only one page shows, the copyright line. The outlet, its town and its stories are invented.
const NAVIGATION: &str = "Fenwick Courier | Home | News | Sport | Business | Opinion | Weather | Obituaries | Contact";
const NEWSLETTER: &str = "Get the Courier Morning Briefing: the day's headlines from Fenwick and the valley, local \
    sport results and the weekend's events, delivered to your inbox before seven every weekday. Sign up free today.";
const READ_MORE: &str = "Read more: Fenwick market traders ask the council for a covered hall before the winter.";
const COPYRIGHT: &str =
    "Copyright 2025 The Fenwick Courier Ltd, Fenwick. All rights reserved. Reproduction without permission is prohibited.";

const FERRY: &str = "The chain ferry across the Alder at Holm Crossing will stop running for three weeks in \
    March while its cables are replaced, the county highways department said on Thursday.\n\nDrivers will face a \
    detour of eleven miles through Brackley, and the department has asked the bus company to add an early \
    service for pupils of the high school on the far bank. The ferry carries about four hundred vehicles a day \
    in winter and twice that in summer.\n\n\"We looked at doing the work at night, but the cables have to be \
    hauled out whole and that takes daylight,\" said Maureen Tolley, who manages the crossing.";
const SCHOOL: &str = "Classes at St Bride's primary school moved into the village hall on Monday after water \
    came through the roof of two classrooms during the weekend's storm.\n\nThe head teacher, Rhys Garland, said \
    a section of flat roof over the infants' wing had lifted in the wind and rain had soaked ceilings, carpets \
    and a shelf of reading books. A roofer is due on Wednesday, and the school hopes to be back in its own \
    building by the half-term break.\n\nParents have been asked to bring children to the hall on Mill Lane, \
    where a caretaker will be on the door from half past eight.";
const LIBRARY: &str = "Fenwick's mobile library will visit six more villages from April after the county agreed \
    to fund a second driver for the van.\n\nThe library stops for an hour at each village on a fortnightly round, \
    and lends large-print books, audiobooks and jigsaw puzzles as well as novels. Its busiest stop, outside the \
    post office at Cradley, sees forty borrowers on a good morning.\n\nThe new stops include Oxlow, Tenby Moor \
    and the caravan park at Sandle, where residents had collected more than three hundred names on a letter \
    asking for a visit.";

/// Pages of `parts`, a paragraph each.
fn page(parts: &[&str]) -> String {
    parts.join("\n\n")
}

/// Regression (10 documents of the collection bench, 2025): two unrelated pages of one outlet shared its
/// navigation line and its copyright line at their edges, and its newsletter box in between; one page put
/// a "Read more" block of its own between the box and the copyright line, so the box was at the edge of
/// one page only, and it linked the two stories. Text that only pages of one outlet share (pages that
/// share chrome at their edges) is that outlet's chrome.
#[test]
fn a_newsletter_box_between_chrome_and_a_block_of_one_page_links_no_stories() {
    let texts = [
        page(&[NAVIGATION, FERRY, NEWSLETTER, READ_MORE, COPYRIGHT]),
        page(&[NAVIGATION, SCHOOL, NEWSLETTER, COPYRIGHT]),
    ];
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let collection = compare_many(&refs, &CompareOptions::default());
    assert_eq!(collection.stories, vec![vec![0], vec![1]]);
    assert!(collection.pairs.is_empty(), "{:?}", collection.pairs);
    let newsletter = texts[0].find("Get the Courier").expect("the box");
    let over_box = collection.provenance[0].iter().find(|stretch| stretch.span.range().contains(&newsletter));
    assert!(over_box.is_some_and(|stretch| stretch.boilerplate), "{over_box:?}");
}

/// Regression (5,000 documents of the collection bench, 2025): a story that another outlet carries to
/// its end ran on into the copyright lines of both pages, which read alike but for the outlet's name, so
/// its last passage overlapped the outlet's copyright line and joined the cluster of that line, which the
/// outlet's other pages share at their edges. The cluster was mostly chrome, and was flagged whole: the
/// story lost its link. Here the two outlets' copyright lines are even alike enough to be a passage of
/// their own, at the edges of their pages; still, only passages between pages with chrome at their
/// edges are chrome for their cluster, and the story's pages have none.
#[test]
fn a_story_that_runs_on_into_a_copyright_line_keeps_its_link() {
    let star = "The Harbour Star | News | Coast | What's on";
    let star_copyright = "Copyright 2025 The Harbour Star Ltd, Kelso. All rights reserved. Reproduction without \
        permission is prohibited.";
    let texts = [
        page(&[NAVIGATION, FERRY, NEWSLETTER, READ_MORE, COPYRIGHT]),
        page(&[NAVIGATION, SCHOOL, NEWSLETTER, COPYRIGHT]),
        page(&[NAVIGATION, LIBRARY, COPYRIGHT]),
        page(&[star, "Good news for readers in the villages north of Kelso.", LIBRARY, star_copyright]),
    ];
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let collection = compare_many(&refs, &CompareOptions::default());
    let runs_on = collection.provenance[2]
        .iter()
        .any(|stretch| stretch.documents.contains(&3) && texts[2][stretch.span.range()].contains("Copyright 2025"));
    assert!(runs_on, "the case this test is about: the story's passage takes in the copyright line");
    assert_eq!(collection.stories, vec![vec![2, 3], vec![0], vec![1]]);
    let library = texts[2].find("six more villages").expect("the story");
    let over_story = collection.provenance[2].iter().find(|stretch| stretch.span.range().contains(&library));
    assert!(over_story.is_some_and(|stretch| stretch.documents == [3] && !stretch.boilerplate), "{over_story:?}");
}

/// What two pages of one outlet share is its chrome only when no page outside the outlet carries it: a
/// paragraph that both take from the wire is story text between them too.
#[test]
fn a_paragraph_two_pages_of_one_outlet_take_from_the_wire_links_them() {
    let budget = "The county's highways budget for the coming year is 14.2 million pounds, of which 3.1 million is \
        set aside for bridges and river crossings, according to figures the council published on Wednesday.";
    let wire = page(&[
        "Councils across the north will spend less on roads next year than they did five years ago, once \
         inflation is counted, a survey of their budgets by the Valley Press Agency found.",
        budget,
        "Only two of the twelve councils surveyed plan to spend more, and both are paying off repairs after \
         the floods of the winter before last.",
    ]);
    let with_budget = |story: &str| {
        let (lead, rest) = story.split_once("\n\n").expect("paragraphs");
        page(&[NAVIGATION, lead, budget, rest, COPYRIGHT])
    };
    let texts = [with_budget(FERRY), with_budget(SCHOOL), wire];
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let collection = compare_many(&refs, &CompareOptions::default());
    assert_eq!(collection.stories, vec![vec![0, 1, 2]]);
    let linked: Vec<(usize, usize)> = collection.pairs.iter().map(|pair| (pair.a, pair.b)).collect();
    assert_eq!(linked, [(0, 1), (0, 2), (1, 2)]);
    let at = texts[0].find("highways budget").expect("the paragraph");
    let over = collection.provenance[0].iter().find(|stretch| stretch.span.range().contains(&at));
    assert!(over.is_some_and(|stretch| stretch.documents == [1, 2] && !stretch.boilerplate), "{over:?}");
}

/// Regression (200 documents of the collection bench, 2025): a page without the navigation line shared
/// with another page of its outlet only the newsletter box, which the other page followed with a block
/// of its own; with no chrome at their edges, nothing said these two pages were of one outlet. But each
/// shares the box with a third page of the outlet as chrome, so it is chrome between them too.
#[test]
fn a_newsletter_box_that_is_chrome_with_a_third_page_links_no_stories() {
    let texts = [
        page(&[NAVIGATION, FERRY, NEWSLETTER, COPYRIGHT]),
        page(&[SCHOOL, NEWSLETTER, COPYRIGHT]),
        page(&[NAVIGATION, LIBRARY, NEWSLETTER, READ_MORE]),
    ];
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let collection = compare_many(&refs, &CompareOptions::default());
    assert_eq!(collection.stories, vec![vec![0], vec![1], vec![2]]);
    assert!(collection.pairs.is_empty(), "{:?}", collection.pairs);
    let newsletter = texts[1].find("Get the Courier").expect("the box");
    let over_box = collection.provenance[1].iter().find(|stretch| stretch.span.range().contains(&newsletter));
    assert!(over_box.is_some_and(|stretch| stretch.documents == [0, 2] && stretch.boilerplate), "{over_box:?}");
}
