//! The fixture sets of `tests/fixtures/sets/` held to today's pair engine. Each set's `expect.json` says,
//! as a careful reader would, which documents carry each shared passage, which text is a document's
//! own, which lines are page chrome and which documents tell one story (the README there gives the
//! shape). The collection engine must find the same; until it exists, `compare` on every pair of the
//! set is the judge, so the expectations are known to hold for the engine as it is.
//!
//! A quote stands for the words between its first and last letter or digit: the quote marks and full
//! stops around them belong to whichever passage takes them.

mod spans;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use copydesk::text::{tokenize, TokenKind};
use copydesk::{compare, CompareOptions, Comparison, Passage, Span};
use serde::Deserialize;
use spans::{contains, locate, overlaps, words_of};

#[test]
fn wire_story_and_four_outlets_one_copying_another() {
    Set::load("wire").check();
}

#[test]
fn press_release_and_three_articles_using_it() {
    Set::load("press-release").check();
}

#[test]
fn three_outlets_whose_chrome_repeats_across_unrelated_stories() {
    Set::load("chrome").check();
}

/// No text is shared across sets, so that they can also be compared as one collection whose stories are
/// theirs.
#[test]
fn the_sets_share_nothing_with_each_other() {
    let sets = SETS.map(Set::load);
    let options = CompareOptions::default();
    for (i, set) in sets.iter().enumerate() {
        for other in &sets[i + 1..] {
            for (a, text_a) in &set.texts {
                for (b, text_b) in &other.texts {
                    let shared = compare(text_a, text_b, &options).passages;
                    let first = shared.first().map(|p| &text_a[p.a.range()]);
                    assert!(first.is_none(), "{}/{a} and {}/{b} share {first:?}", set.name, other.name);
                }
            }
        }
    }
}

/// A set's `expect.json`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    documents: Vec<String>,
    passages: Vec<Carried>,
    own: Vec<Quote>,
    boilerplate: Vec<Quote>,
    stories: Vec<Vec<String>>,
}

/// Text of one document that every document of `carried_by`, and no other, also carries.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Carried {
    #[serde(rename = "in")]
    document: String,
    quote: String,
    carried_by: Vec<String>,
}

/// Text of one document: its own (`own`) or page chrome (`boilerplate`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Quote {
    #[serde(rename = "in")]
    document: String,
    quote: String,
}

/// The folders of `tests/fixtures/sets/`.
const SETS: [&str; 3] = ["wire", "press-release", "chrome"];

/// The fewest words a `passages` or `own` quote has, so that it says something about the text around it.
const MIN_QUOTE_WORDS: usize = 8;

/// One folder: its expectations, its texts, and `compare(a, b)` for every ordered pair of them.
struct Set {
    name: &'static str,
    expect: Expect,
    texts: BTreeMap<String, String>,
    pairs: BTreeMap<(String, String), Comparison>,
}

impl Set {
    fn load(name: &'static str) -> Set {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sets").join(name);
        let expect: Expect = serde_json::from_str(&read(&dir.join("expect.json"))).expect("expect.json parses");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .expect("the set's folder")
            .map(|entry| entry.expect("a folder entry").file_name().into_string().expect("a UTF-8 name"))
            .filter(|file| file.ends_with(".txt"))
            .collect();
        files.sort();
        let mut listed = expect.documents.clone();
        listed.sort();
        assert_eq!(listed, files, "{name}: `documents` lists the folder's .txt files");

        let texts: BTreeMap<String, String> = files.iter().map(|file| (file.clone(), read(&dir.join(file)))).collect();
        let options = CompareOptions::default();
        let mut pairs = BTreeMap::new();
        for (a, text_a) in &texts {
            for (b, text_b) in &texts {
                if a != b {
                    pairs.insert((a.clone(), b.clone()), compare(text_a, text_b, &options));
                }
            }
        }
        Set { name, expect, texts, pairs }
    }

    /// Checks every expectation, and lists all that the engine does not meet before failing.
    fn check(&self) {
        self.check_stories();
        let mut problems = self.check_passages();
        problems.extend(self.check_own());
        problems.extend(self.check_boilerplate());
        problems.extend(self.check_links_between_stories());
        assert!(problems.is_empty(), "{}:\n\n{}", self.name, problems.join("\n\n"));
    }

    /// Each `passages` quote is inside a passage with each document of `carried_by`, touches none with
    /// any other document.
    fn check_passages(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for carried in &self.expect.passages {
            let words = self.quote(&carried.document, &carried.quote, MIN_QUOTE_WORDS);
            for other in &carried.carried_by {
                assert!(self.texts.contains_key(other), "{}: carried_by names {other}", self.name);
                assert_ne!(other, &carried.document, "{}: a quote is carried by other documents", self.name);
            }
            let carriers: BTreeSet<&String> = carried.carried_by.iter().collect();
            let shared_with = |other: &String| carriers.contains(other);
            problems.extend(self.expect_shared(&carried.document, words, shared_with));
        }
        problems
    }

    /// Each `own` quote touches no passage of any pair.
    fn check_own(&self) -> Vec<String> {
        (self.expect.own.iter())
            .flat_map(|own| {
                let words = self.quote(&own.document, &own.quote, MIN_QUOTE_WORDS);
                self.expect_shared(&own.document, words, |_| false)
            })
            .collect()
    }

    /// Each `boilerplate` quote is inside a passage with every other page of its outlet, and touches none
    /// with any other document.
    fn check_boilerplate(&self) -> Vec<String> {
        (self.expect.boilerplate.iter())
            .flat_map(|chrome| {
                let words = self.quote(&chrome.document, &chrome.quote, 1);
                let outlet = outlet(&chrome.document);
                self.expect_shared(&chrome.document, words, |other| self::outlet(other) == outlet)
            })
            .collect()
    }

    /// `stories` holds every document once, and its groups are the documents that the `passages` quotes
    /// link, directly or through others.
    fn check_stories(&self) {
        let expected: BTreeSet<BTreeSet<&String>> =
            self.expect.stories.iter().map(|story| story.iter().collect()).collect();
        let mut story_of: BTreeMap<&String, usize> = self.texts.keys().enumerate().map(|(i, d)| (d, i)).collect();
        for carried in &self.expect.passages {
            for other in &carried.carried_by {
                let (from, to) = (story_of[other], story_of[&carried.document]);
                story_of.values_mut().filter(|story| **story == from).for_each(|story| *story = to);
            }
        }
        let mut linked: BTreeMap<usize, BTreeSet<&String>> = BTreeMap::new();
        for (document, story) in story_of {
            linked.entry(story).or_default().insert(document);
        }
        let linked: BTreeSet<BTreeSet<&String>> = linked.into_values().collect();
        let listed: usize = self.expect.stories.iter().map(Vec::len).sum();
        assert_eq!(listed, self.texts.len(), "{}: `stories` holds every document exactly once", self.name);
        assert_eq!(expected, linked, "{}: `stories` are the documents the `passages` quotes link", self.name);
    }

    /// Two documents of different stories share chrome at most: every word of their passages is on a
    /// line that holds a `boilerplate` quote.
    fn check_links_between_stories(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let story_of: BTreeMap<&String, usize> = (self.expect.stories.iter().enumerate())
            .flat_map(|(i, story)| story.iter().map(move |document| (document, i)))
            .collect();
        for ((a, b), result) in &self.pairs {
            if story_of[a] == story_of[b] {
                continue;
            }
            let chrome = self.chrome_lines(a);
            let text = &self.texts[a];
            for passage in &result.passages {
                let at = passage.a.start;
                let stray = (tokenize(&text[passage.a.range()]).into_iter())
                    .filter(|token| token.kind != TokenKind::Punct)
                    .map(|token| Span::new(at + token.span.start, at + token.span.end))
                    .find(|word| !chrome.iter().any(|line| contains(*line, *word)));
                if let Some(word) = stray {
                    problems.push(format!(
                        "{a} and {b} are different stories but share more than chrome ({:?} is on no chrome line):\n{}",
                        &text[word.range()],
                        describe(text, &self.texts[b], passage.a, passage.b)
                    ));
                }
            }
        }
        problems
    }

    /// The lines of `document` that hold a `boilerplate` quote, each with the lines its quote runs over.
    fn chrome_lines(&self, document: &str) -> Vec<Span> {
        let text = &self.texts[document];
        (self.expect.boilerplate.iter().filter(|chrome| chrome.document == document))
            .map(|chrome| {
                let quote = locate(text, &chrome.quote);
                let start = text[..quote.start].rfind('\n').map_or(0, |n| n + 1);
                let end = text[quote.end..].find('\n').map_or(text.len(), |n| quote.end + n);
                Span::new(start, end)
            })
            .collect()
    }

    /// The words of `quote` in `document`, which must hold it exactly once and have `min_words` words.
    fn quote(&self, document: &str, quote: &str, min_words: usize) -> Span {
        let text = self.texts.get(document).unwrap_or_else(|| panic!("{}: no document {document}", self.name));
        let words = words_of(text, locate(text, quote));
        let count = tokenize(quote).iter().filter(|token| token.kind != TokenKind::Punct).count();
        assert!(count >= min_words, "{}: {quote:?} has {count} words, fewer than {min_words}", self.name);
        words
    }

    /// A problem for each other document with which `words` of `document` are not as `shared_with` says:
    /// inside one of the pair's passages where it says true, touching none where it says false.
    fn expect_shared(&self, document: &str, words: Span, shared_with: impl Fn(&String) -> bool) -> Vec<String> {
        let text = &self.texts[document];
        let mut problems = Vec::new();
        for other in self.texts.keys().filter(|other| *other != document) {
            let pair = &self.pairs[&(document.to_string(), other.clone())];
            let touching: Vec<&Passage> = pair.passages.iter().filter(|p| overlaps(p.a, words)).collect();
            let (met, expected) = if shared_with(other) {
                (touching.iter().any(|p| contains(p.a, words)), "inside a passage")
            } else {
                (touching.is_empty(), "in no passage")
            };
            if !met {
                let touching: Vec<String> =
                    touching.iter().map(|p| describe(text, &self.texts[other], p.a, p.b)).collect();
                problems.push(format!(
                    "{document}: {:?} should be {expected} with {other}; the passages touching it:\n{}",
                    &text[words.range()],
                    if touching.is_empty() { "  none".to_string() } else { touching.join("\n") }
                ));
            }
        }
        problems
    }
}

fn read(path: &PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The outlet a file belongs to: the part of its name before the first `-` or `.` (`clarion-rail.txt`
/// and `clarion-library.txt` are two pages of one outlet; `wire.txt` is an outlet of one page).
fn outlet(file: &str) -> &str {
    file.split(['-', '.']).next().unwrap_or(file)
}

fn describe(a: &str, b: &str, in_a: Span, in_b: Span) -> String {
    format!("  here:  {:?}\n  there: {:?}", &a[in_a.range()], &b[in_b.range()])
}

/// The three sets as one collection: `compare_many` finds each set's stories, flags its chrome as
/// boilerplate, and says of each `passages` quote which documents carry it.
#[test]
fn the_collection_engine_finds_the_stories_chrome_and_carriers() {
    let sets = SETS.map(Set::load);
    let names: Vec<(usize, &String)> =
        sets.iter().enumerate().flat_map(|(s, set)| set.texts.keys().map(move |name| (s, name))).collect();
    let texts: Vec<&str> = names.iter().map(|&(s, name)| sets[s].texts[name].as_str()).collect();
    let collection = copydesk::compare_many(&texts, &CompareOptions::default());
    let index = |s: usize, name: &str| names.iter().position(|&(t, n)| t == s && n == name).expect("a document");

    let expected: BTreeSet<BTreeSet<usize>> = (sets.iter().enumerate())
        .flat_map(|(s, set)| set.expect.stories.iter().map(move |story| story.iter().map(|n| index(s, n)).collect()))
        .collect();
    let found: BTreeSet<BTreeSet<usize>> =
        collection.stories.iter().map(|story| story.iter().copied().collect()).collect();
    assert_eq!(found, expected, "stories");

    let stretch_over = |document: usize, words: Span| {
        collection.provenance[document].iter().find(|stretch| contains(stretch.span, words)).cloned()
    };
    let mut problems = Vec::new();
    for (s, set) in sets.iter().enumerate() {
        for chrome in &set.expect.boilerplate {
            let document = index(s, &chrome.document);
            let words = words_of(texts[document], locate(texts[document], &chrome.quote));
            let flagged = collection.provenance[document]
                .iter()
                .filter(|stretch| overlaps(stretch.span, words))
                .all(|stretch| stretch.boilerplate);
            if !flagged {
                problems.push(format!(
                    "{}/{}: chrome {:?} is not all boilerplate",
                    set.name, chrome.document, chrome.quote
                ));
            }
        }
        for carried in &set.expect.passages {
            let document = index(s, &carried.document);
            let words = words_of(texts[document], locate(texts[document], &carried.quote));
            let expected: Vec<usize> =
                carried.carried_by.iter().map(|n| index(s, n)).collect::<BTreeSet<_>>().into_iter().collect();
            match stretch_over(document, words) {
                Some(stretch) if stretch.documents == expected && !stretch.boilerplate => {}
                other => problems.push(format!(
                    "{}/{}: {:?} should be carried by {:?}, found {:?}",
                    set.name, carried.document, carried.quote, carried.carried_by, other
                )),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
