//! Deterministic sets of news documents with known provenance: a day of coverage, for the collection
//! bench (`benches/many.rs`) and the accuracy figures of issue 12.
//!
//! A set is written story by story with `corpus.rs`'s writer. A story is a wire original and the
//! versions of a few outlets: wire copy with paragraphs cut, moved and added, sentences cut and added,
//! and words substituted, inserted or deleted; now and then an outlet rewrites another outlet's version
//! rather than the wire's, and now and then the wire itself is not in the set. Among the stories stand
//! unrelated articles, each a story alone. An outlet's pages carry its page chrome (a navigation line at
//! the top; a newsletter box, a "Read more" block and a copyright line at the bottom), each piece the same
//! words on every page that shows it, and each on most pages, not all; every sixth outlet's pages come
//! without chrome, as a reader view would give them. Every document has 300 to 900 words, chrome
//! included, and documents are in the order of their names: the wire first, then outlet by outlet.
//!
//! The truth is exact because every word keeps its origin (see `corpus.rs`): a word of one document is
//! carried by another when a word of the same origin stands there too. It is kept compactly, per
//! document as runs of words that the same other documents carry ([`Run`]), with the word ranges that
//! are chrome and the stories the documents belong to. Chrome links pages but not stories.
//!
//! Include it with `#[path = "support/sets.rs"] mod sets;`; it brings `corpus.rs` along as
//! `sets::corpus`, and the scorers as `sets::accuracy`.

use std::ops::Range;

#[path = "accuracy.rs"]
pub mod accuracy;
#[path = "corpus.rs"]
#[allow(dead_code)] // `pair` and its cases serve the pipeline bench
pub mod corpus;

use corpus::{words_of, Lexeme, Paragraph, Sentence, Word, Writer};

/// Documents of a day of coverage and the truth about what they share.
pub struct Set {
    /// In the order of their names.
    pub documents: Vec<Document>,
    /// The documents of each story (indices into `documents`, ascending); every document is in exactly
    /// one, an unrelated article in a story of its own.
    pub stories: Vec<Vec<usize>>,
}

/// One document and its truth.
pub struct Document {
    /// Where it came from and which story it tells: `wire/story-7.txt`, `outlet-3/story-12.txt`.
    pub name: String,
    pub text: String,
    /// Its words, as copydesk counts them: letter runs and numbers, never punctuation.
    pub words: usize,
    pub role: Role,
    /// Which other documents carry which of its words, as runs in word order; a word in no run is
    /// carried by no other document.
    pub carried: Vec<Run>,
    /// The ranges of its words that are page chrome (at most one at the top and one at the bottom).
    pub chrome: Vec<Range<usize>>,
}

/// Consecutive words of a document that the same other documents carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Word indices (the n-th word of the document, punctuation not counted).
    pub words: Range<usize>,
    /// The other documents, ascending; never empty.
    pub by: Vec<usize>,
}

/// How a document came to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A wire original.
    Wire,
    /// An outlet's version of the wire's text (the wire itself may be left out of the set).
    WireRewrite,
    /// An outlet's version of another outlet's version, the document `of`.
    OutletRewrite { of: usize },
    /// An outlet's article that shares nothing but its chrome.
    Unrelated,
}

/// The fewest and most words of a document, chrome included.
pub const WORDS: Range<usize> = 300..901;

/// The share of the documents that are unrelated articles: one is written whenever they are fewer, so
/// that even a small set has its share.
const UNRELATED: f64 = 0.1;
/// The most outlets that cover one story.
const MAX_VERSIONS: usize = 6;
/// How often a story's wire original is not in the set, so that only its versions link it.
const WIRE_LEFT_OUT: f64 = 0.15;
/// How often an outlet rewrites another outlet's version of the story rather than the wire's.
const FROM_OUTLET: f64 = 0.3;
/// A rewrite drops each paragraph of its source with this probability, and each sentence of the rest.
const CUT: f64 = 0.1;
/// A rewrite moves each paragraph with this probability to a place drawn at random.
const MOVE: f64 = 0.25;
/// A rewrite substitutes, inserts before or deletes each word with this probability, a third each.
const EDIT: f64 = 0.02;
/// A rewrite adds a sentence of its own to each paragraph with this probability, and a paragraph of its
/// own with the next.
const ADD_SENTENCE: f64 = 0.2;
const ADD_PARAGRAPH: f64 = 0.4;
/// Every this many outlets, one's pages come without chrome.
const CLEAN_OUTLETS: usize = 6;
/// How often a page shows each piece of its outlet's chrome: the navigation line, the newsletter box,
/// the "Read more" block, the copyright line.
const SHOWN: [f64; 4] = [0.9, 0.7, 0.6, 0.9];

/// A set of `documents` documents. The same arguments always give the same set.
pub fn set(documents: usize, seed: u64) -> Set {
    let mut writer = Writer::new(seed);
    let outlets = (documents / 8).clamp(3, 200);
    let outlets = (0..outlets).map(|index| Outlet::new(&mut writer, index)).collect();
    let mut day = Day { writer, outlets, pages: Vec::new() };
    let (mut story, mut unrelated) = (1, 0);
    while day.pages.len() < documents {
        let room = documents - day.pages.len();
        if room == 1 || (unrelated as f64) < UNRELATED * day.pages.len() as f64 {
            day.unrelated(story);
            unrelated += 1;
        } else {
            day.story(story, room);
        }
        story += 1;
    }
    day.finish()
}

/// One outlet's page chrome: the same words, origins and all, on every page that shows it.
struct Outlet {
    /// Empty for an outlet whose pages come without chrome.
    navigation: Vec<Word>,
    /// The newsletter box, the "Read more" block, the copyright line: paragraphs at the bottom of a page.
    bottom: Vec<Paragraph>,
}

impl Outlet {
    fn new(writer: &mut Writer, index: usize) -> Outlet {
        if index % CLEAN_OUTLETS == CLEAN_OUTLETS - 1 {
            return Outlet { navigation: Vec::new(), bottom: Vec::new() };
        }
        // The masthead stands in several pieces, each time as words of its own: a page that shows only
        // the copyright line does not carry the navigation's copy of the name.
        let masthead = [writer.word().lexeme, writer.word().lexeme];
        let fixed = |writer: &mut Writer, words: &[&'static str]| -> Vec<Word> {
            words.iter().map(|&word| writer.fresh(Lexeme::Fixed(word))).collect()
        };
        let name = |writer: &mut Writer| masthead.map(|lexeme| writer.fresh(lexeme));
        let drawn = |writer: &mut Writer, words: Range<usize>| -> Vec<Word> {
            (0..words.start + writer.rng.below(words.len())).map(|_| writer.word()).collect()
        };
        let sentence = |words: Vec<Word>| Sentence { words, quoted: false };

        let mut navigation = name(writer).to_vec();
        navigation.extend(drawn(writer, 9..13));
        let mut signup = fixed(writer, &["sign", "up", "for", "the"]);
        signup.extend(name(writer));
        signup.extend(drawn(writer, 4..8));
        let newsletter = vec![sentence(signup), writer.sentence()];
        let mut read_more = vec![sentence(fixed(writer, &["read", "more"]))];
        read_more.extend((0..3).map(|_| sentence(drawn(writer, 6..11))));
        let mut owner = fixed(writer, &["copyright"]);
        owner.push(writer.fresh(Lexeme::Number(2025)));
        owner.extend(name(writer));
        owner.push(writer.word());
        let copyright =
            vec![sentence(owner), sentence(fixed(writer, &["all", "rights", "reserved"])), writer.sentence()];
        Outlet { navigation, bottom: vec![newsletter, read_more, copyright] }
    }
}

/// A document as it is written, before the set is put in order.
struct Page {
    /// `None` for the wire.
    outlet: Option<usize>,
    story: usize,
    role: Role,
    /// The navigation line, or nothing.
    top: Vec<Word>,
    body: Vec<Paragraph>,
    /// Chrome paragraphs.
    bottom: Vec<Paragraph>,
}

impl Page {
    fn words(&self) -> impl Iterator<Item = &Word> {
        self.top.iter().chain(words_of(&self.body)).chain(words_of(&self.bottom))
    }

    fn name(&self) -> String {
        match self.outlet {
            None => format!("wire/story-{}.txt", self.story),
            Some(outlet) => format!("outlet-{}/story-{}.txt", outlet + 1, self.story),
        }
    }

    fn render(&self, writer: &Writer) -> String {
        let mut parts = Vec::with_capacity(3);
        if !self.top.is_empty() {
            let mut line = String::new();
            for (i, word) in self.top.iter().enumerate() {
                if i > 0 {
                    line.push_str(" | ");
                }
                writer.push_word(word, true, &mut line);
            }
            parts.push(line);
        }
        parts.push(writer.render(&self.body));
        if !self.bottom.is_empty() {
            parts.push(writer.render(&self.bottom));
        }
        parts.join("\n\n")
    }
}

/// The set as it is being written.
struct Day {
    writer: Writer,
    outlets: Vec<Outlet>,
    pages: Vec<Page>,
}

impl Day {
    /// A story of at most `room` documents (at least 2): the wire and its versions.
    fn story(&mut self, story: usize, room: usize) {
        let rng = &mut self.writer.rng;
        let mut versions = (1 + rng.below(MAX_VERSIONS)).min(self.outlets.len());
        let with_wire = versions < 2 || !rng.chance(WIRE_LEFT_OUT);
        versions = versions.min(room - usize::from(with_wire));
        let mut outlets: Vec<usize> = (0..self.outlets.len()).collect();
        rng.shuffle(&mut outlets);

        let length = 350 + rng.below(301);
        let wire = self.writer.paragraphs(length);
        if with_wire {
            let page =
                Page { outlet: None, story, role: Role::Wire, top: Vec::new(), body: wire.clone(), bottom: Vec::new() };
            self.pages.push(page);
        }
        let first = self.pages.len();
        for &outlet in &outlets[..versions] {
            let rng = &mut self.writer.rng;
            let (source, role) = if self.pages.len() > first && rng.chance(FROM_OUTLET) {
                let of = first + rng.below(self.pages.len() - first);
                (&self.pages[of].body, Role::OutletRewrite { of })
            } else {
                (&wire, Role::WireRewrite)
            };
            let body = rewrite(&mut self.writer, source.clone());
            self.page(outlet, story, role, body);
        }
    }

    fn unrelated(&mut self, story: usize) {
        let outlet = self.writer.rng.below(self.outlets.len());
        let length = 300 + self.writer.rng.below(401);
        let body = self.writer.paragraphs(length);
        self.page(outlet, story, Role::Unrelated, body);
    }

    /// Puts `body` on a page of `outlet`, with the pieces of its chrome this page shows, and cuts or
    /// extends the body until the page has a number of words in [`WORDS`].
    fn page(&mut self, outlet: usize, story: usize, role: Role, mut body: Vec<Paragraph>) {
        let rng = &mut self.writer.rng;
        let chrome = &self.outlets[outlet];
        let top = if rng.chance(SHOWN[0]) { chrome.navigation.clone() } else { Vec::new() };
        let bottom: Vec<Paragraph> = chrome
            .bottom
            .iter()
            .zip(&SHOWN[1..])
            .filter(|(_, p)| rng.chance(**p))
            .map(|(piece, _)| piece.clone())
            .collect();
        let chrome_words = top.len() + words_of(&bottom).count();
        let words = |body: &[Paragraph]| chrome_words + words_of(body).count();
        // A paragraph has at most 180 words: one off a page over the limit leaves it over 720 words, and
        // one added to a page under 300 leaves it under 480.
        while words(&body) >= WORDS.end && body.len() > 1 {
            body.pop();
        }
        while words(&body) < WORDS.start {
            let more = self.writer.paragraphs(1);
            body.extend(more);
        }
        self.pages.push(Page { outlet: Some(outlet), story, role, top, body, bottom });
    }

    /// The pages in the order of their names, rendered, with their truth.
    fn finish(self) -> Set {
        let Day { writer, pages, .. } = self;
        let mut order: Vec<usize> = (0..pages.len()).collect();
        order.sort_by_key(|&page| (pages[page].outlet.map_or(0, |outlet| outlet + 1), pages[page].story));
        let mut place = vec![0; pages.len()];
        for (new, &old) in order.iter().enumerate() {
            place[old] = new;
        }
        let pages: Vec<Page> = {
            let mut slots: Vec<Option<Page>> = pages.into_iter().map(Some).collect();
            order.iter().map(|&old| slots[old].take().expect("each page once")).collect()
        };
        let carried = carried(&pages, writer.next_origin);
        let mut stories: Vec<Vec<usize>> = Vec::new();
        let mut story_of = std::collections::HashMap::new();
        for (document, page) in pages.iter().enumerate() {
            let story = *story_of.entry(page.story).or_insert_with(|| {
                stories.push(Vec::new());
                stories.len() - 1
            });
            stories[story].push(document);
        }
        let documents = pages
            .iter()
            .zip(carried)
            .map(|(page, carried)| {
                let words = page.words().count();
                let bottom = words_of(&page.bottom).count();
                let chrome = [0..page.top.len(), words - bottom..words].into_iter().filter(|r| !r.is_empty()).collect();
                let role = match page.role {
                    Role::OutletRewrite { of } => Role::OutletRewrite { of: place[of] },
                    role => role,
                };
                Document { name: page.name(), text: page.render(&writer), words, role, carried, chrome }
            })
            .collect();
        Set { documents, stories }
    }
}

/// An outlet's version of `body`: paragraphs and sentences cut, paragraphs moved, words edited,
/// sentences and a paragraph of its own added.
fn rewrite(writer: &mut Writer, mut body: Vec<Paragraph>) -> Vec<Paragraph> {
    let rng = &mut writer.rng;
    if body.len() > 2 {
        body.retain(|_| !rng.chance(CUT));
    }
    for paragraph in &mut body {
        if paragraph.len() > 1 {
            paragraph.retain(|_| !rng.chance(CUT));
        }
    }
    body.retain(|paragraph| !paragraph.is_empty());
    for from in 0..body.len() {
        if rng.chance(MOVE) {
            let paragraph = body.remove(from);
            let to = rng.below(body.len() + 1);
            body.insert(to, paragraph);
        }
    }
    writer.edit(&mut body, EDIT);
    for paragraph in &mut body {
        if writer.rng.chance(ADD_SENTENCE) {
            let at = writer.rng.below(paragraph.len() + 1);
            paragraph.insert(at, writer.sentence());
        }
    }
    if writer.rng.chance(ADD_PARAGRAPH) {
        let at = writer.rng.below(body.len() + 1);
        let paragraph = writer.paragraphs(1).remove(0);
        body.insert(at, paragraph);
    }
    body
}

/// For each page, which other pages carry which of its words, as runs.
fn carried(pages: &[Page], origins: u32) -> Vec<Vec<Run>> {
    // The pages of each origin, as one sorted list cut by `start` (origin o's pages are
    // holders[start[o]..start[o + 1]]).
    let mut pairs: Vec<(u32, u32)> =
        pages.iter().enumerate().flat_map(|(page, p)| p.words().map(move |word| (word.origin, page as u32))).collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut start = vec![0usize; origins as usize + 1];
    for &(origin, _) in &pairs {
        start[origin as usize + 1] += 1;
    }
    for o in 0..origins as usize {
        start[o + 1] += start[o];
    }
    let holders: Vec<u32> = pairs.into_iter().map(|(_, page)| page).collect();

    let mut runs_of_pages = Vec::with_capacity(pages.len());
    for (page, p) in pages.iter().enumerate() {
        let mut runs: Vec<Run> = Vec::new();
        // The holders of the previous word, this page among them, and where its run began.
        let mut previous: (&[u32], usize) = (&[], 0);
        let close = |runs: &mut Vec<Run>, (holders, from): (&[u32], usize), to: usize| {
            let by: Vec<usize> = holders.iter().map(|&h| h as usize).filter(|&h| h != page).collect();
            if !by.is_empty() {
                runs.push(Run { words: from..to, by });
            }
        };
        let mut words = 0;
        for (i, word) in p.words().enumerate() {
            let o = word.origin as usize;
            let here = &holders[start[o]..start[o + 1]];
            if here != previous.0 {
                close(&mut runs, previous, i);
                previous = (here, i);
            }
            words = i + 1;
        }
        close(&mut runs, previous, words);
        runs_of_pages.push(runs);
    }
    runs_of_pages
}
