//! Deterministic English-like text pairs with known overlap, for the benches.
//!
//! Words come from a Zipf-distributed vocabulary of pseudo-words built from syllables, so word
//! frequencies look like English without shipping a corpus. Sentences have 8-30 words, a capital
//! first letter, commas, a final period, now and then a number or quote marks; paragraphs have 2-6
//! sentences and are separated by blank lines. Words are drawn independently, so repeated phrases are
//! rarer than in real English: the real corpora under ../shared/corpora remain the realism check.
//!
//! Every generated word has an origin id that copies keep and edits replace, so the truth is exact: a
//! word of one text is shared when a word with its origin survives in the other. An edited word (substituted,
//! inserted) is not shared, even though a tool that bridges edits may count it inside a passage. The truth
//! is kept word by word for `b` too, so that a tool's marks can be scored as recall and precision, not
//! only as a count that an extra word here can make up for a missed one there.
//!
//! Include it with `#[path = "support/corpus.rs"] mod corpus;`. The parts below `pair` (the writer, its
//! words and sentences, the generator) are public for `sets.rs`, which writes sets of documents with them.
//! No `rand`: a seeded SplitMix64 keeps the
//! texts identical on every machine and every run, and the dependency list short.

use std::ops::Range;

/// How the second text of a pair relates to the first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// `b` is `a` with 2 % of its words substituted, inserted or deleted.
    NearDuplicate,
    /// `b` is `a` with its paragraphs shuffled and 5 % of its words edited.
    Reordered,
    /// 30 % of each text's words are paragraphs that the other text has too, in another order, among
    /// paragraphs of its own.
    PartlyShared,
    /// `b` is a text of its own with passages of 10-60 words of `a` (30 % of its words) between its
    /// sentences, each from a place of `a` drawn at random: some overlap in `a`, and every tenth repeats
    /// an earlier one, so that `b` holds some stretches of `a` twice.
    OverlappingCopies,
    /// `a` and `b` are written independently, from the same vocabulary.
    Unrelated,
}

impl Case {
    /// Every case, from most to least shared.
    pub const ALL: [Case; 5] =
        [Case::NearDuplicate, Case::Reordered, Case::PartlyShared, Case::OverlappingCopies, Case::Unrelated];

    /// A name fit for bench ids and tables.
    pub fn name(self) -> &'static str {
        match self {
            Case::NearDuplicate => "near_duplicate",
            Case::Reordered => "reordered",
            Case::PartlyShared => "partly_shared",
            Case::OverlappingCopies => "overlapping_copies",
            Case::Unrelated => "unrelated",
        }
    }
}

/// Two texts and the truth about what they share. Words are what copydesk counts as words: letter
/// runs and numbers, never punctuation.
#[derive(Clone, Debug)]
pub struct Pair {
    /// The first text.
    pub a: String,
    /// The second text.
    pub b: String,
    /// Words in `a`.
    pub words_a: usize,
    /// Words in `b`.
    pub words_b: usize,
    /// Words of `a` that `b` has too, unedited.
    pub shared_words_a: usize,
    /// Words of `b` that `a` has too, unedited.
    pub shared_words_b: usize,
    /// For each word of `b`, in order, whether `a` has it too, unedited: what recall and precision are
    /// scored against.
    pub shared_in_b: Vec<bool>,
}

/// A pair of `case` with about `words` words in `a` (whole paragraphs, so a few more). The same
/// arguments always give the same pair.
pub fn pair(case: Case, words: usize, seed: u64) -> Pair {
    let mut writer = Writer::new(seed);
    let (a, b) = match case {
        Case::NearDuplicate => {
            let a = writer.paragraphs(words);
            let mut b = a.clone();
            writer.edit(&mut b, 0.02);
            (a, b)
        }
        Case::Reordered => {
            let a = writer.paragraphs(words);
            let mut b = a.clone();
            writer.rng.shuffle(&mut b);
            writer.edit(&mut b, 0.05);
            (a, b)
        }
        Case::PartlyShared => {
            let shared_words = words * 3 / 10;
            let shared = writer.paragraphs(shared_words);
            let mut a = writer.paragraphs(words - shared_words);
            let mut b = writer.paragraphs(words - shared_words);
            a.extend(shared.iter().cloned());
            b.extend(shared);
            // Independent shuffles: the shared paragraphs land in different orders and places.
            writer.rng.shuffle(&mut a);
            writer.rng.shuffle(&mut b);
            (a, b)
        }
        Case::OverlappingCopies => {
            let a = writer.paragraphs(words);
            // Own words and copies in the proportion 70 : 30, so that `b` is about as long as `a`.
            let own_words = words * 7 / 10;
            let mut b = writer.paragraphs(own_words);
            let copies = writer.copies(&a, own_words * 3 / 7);
            writer.insert(&mut b, copies);
            (a, b)
        }
        Case::Unrelated => (writer.paragraphs(words), writer.paragraphs(words)),
    };
    let (in_a, in_b) = (origins(&a, writer.next_origin), origins(&b, writer.next_origin));
    let shared_in_b: Vec<bool> = words_of(&b).map(|w| in_a[w.origin as usize]).collect();
    Pair {
        words_a: words_of(&a).count(),
        words_b: shared_in_b.len(),
        shared_words_a: words_of(&a).filter(|w| in_b[w.origin as usize]).count(),
        shared_words_b: shared_in_b.iter().filter(|&&shared| shared).count(),
        shared_in_b,
        a: writer.render(&a),
        b: writer.render(&b),
    }
}

/// Sentences, printed on one line; paragraphs are separated by blank lines.
pub type Paragraph = Vec<Sentence>;

#[derive(Clone)]
pub struct Sentence {
    pub words: Vec<Word>,
    /// Printed between quote marks.
    pub quoted: bool,
}

#[derive(Clone, Copy)]
pub struct Word {
    /// Which generated word this is; copies keep it, edits get a new one.
    pub origin: u32,
    pub lexeme: Lexeme,
    pub comma_after: bool,
}

#[derive(Clone, Copy)]
pub enum Lexeme {
    /// An index into the vocabulary.
    Vocab(u32),
    Number(u32),
    /// A word of real English, such as a page's "Read more": one letter run, printed as it is.
    #[allow(dead_code)] // only the set generator writes them; the pairs are all vocabulary and numbers
    Fixed(&'static str),
}

/// The words of `paragraphs`, in the order they are printed.
pub fn words_of(paragraphs: &[Paragraph]) -> impl Iterator<Item = &Word> {
    paragraphs.iter().flatten().flat_map(|s| &s.words)
}

/// Which origins occur in `paragraphs`, indexed by origin.
fn origins(paragraphs: &[Paragraph], count: u32) -> Vec<bool> {
    let mut seen = vec![false; count as usize];
    for word in words_of(paragraphs) {
        seen[word.origin as usize] = true;
    }
    seen
}

/// Writes text from one seeded generator, numbering every word it writes.
pub struct Writer {
    pub rng: SplitMix64,
    vocabulary: Vocabulary,
    /// The origin the next new word gets: also how many origins there are so far.
    pub next_origin: u32,
}

impl Writer {
    pub fn new(seed: u64) -> Writer {
        let mut rng = SplitMix64(seed);
        let vocabulary = Vocabulary::new(&mut rng);
        Writer { rng, vocabulary, next_origin: 0 }
    }

    /// Whole paragraphs until they hold at least `words` words.
    pub fn paragraphs(&mut self, words: usize) -> Vec<Paragraph> {
        let mut paragraphs = Vec::new();
        let mut written = 0;
        while written < words {
            let sentences = 2 + self.rng.below(5);
            let paragraph: Paragraph = (0..sentences).map(|_| self.sentence()).collect();
            written += paragraph.iter().map(|s| s.words.len()).sum::<usize>();
            paragraphs.push(paragraph);
        }
        paragraphs
    }

    pub fn sentence(&mut self) -> Sentence {
        let length = 8 + self.rng.below(23);
        let mut words: Vec<Word> = (0..length).map(|_| self.word()).collect();
        for word in &mut words[..length - 1] {
            word.comma_after = self.rng.chance(0.07);
        }
        Sentence { words, quoted: self.rng.chance(0.08) }
    }

    /// A word drawn from the vocabulary, or now and then a number.
    pub fn word(&mut self) -> Word {
        let lexeme = if self.rng.chance(0.015) {
            Lexeme::Number(self.number())
        } else {
            Lexeme::Vocab(self.vocabulary.sample(&mut self.rng))
        };
        self.fresh(lexeme)
    }

    /// `lexeme` as a new word: an origin of its own.
    pub fn fresh(&mut self, lexeme: Lexeme) -> Word {
        let origin = self.next_origin;
        self.next_origin += 1;
        Word { origin, lexeme, comma_after: false }
    }

    /// Counts, years and amounts, in the proportions of a news story.
    fn number(&mut self) -> u32 {
        match self.rng.below(10) {
            0..=3 => 2 + self.rng.below(98) as u32,
            4..=6 => 1950 + self.rng.below(76) as u32,
            _ => 100 * (10 + self.rng.below(20_000) as u32),
        }
    }

    /// Substitutes, inserts before or deletes each word with probability `rate`, a third each.
    pub fn edit(&mut self, paragraphs: &mut [Paragraph], rate: f64) {
        for sentence in paragraphs.iter_mut().flatten() {
            let mut edited = Vec::with_capacity(sentence.words.len() + 2);
            for &word in &sentence.words {
                if !self.rng.chance(rate) {
                    edited.push(word);
                    continue;
                }
                match self.rng.below(3) {
                    0 => edited.push(Word { comma_after: word.comma_after, ..self.word() }),
                    1 => edited.extend([self.word(), word]),
                    _ => {}
                }
            }
            sentence.words = edited;
        }
    }

    /// Passages of `a`, of 10 to 60 words each, until they hold at least `words` words. Each starts at a
    /// word of `a` drawn uniformly, whatever passages came before, so that about two in five overlap
    /// another; but a small text has few passages, and a fixed seed may give it no overlap, so every
    /// tenth copies an earlier one's stretch again, whole: every size has text that `b` holds twice. A passage is cut where `a`'s
    /// sentences end, and each piece keeps its words (origins, commas) and quote marks, so that its words
    /// and the punctuation between them stand in `b` as they stand in `a`.
    fn copies(&mut self, a: &[Paragraph], words: usize) -> Vec<Vec<Sentence>> {
        let total = words_of(a).count();
        let mut stretches: Vec<Range<usize>> = Vec::new();
        let mut copied = 0;
        while copied < words {
            let stretch = if stretches.len() % 10 == 9 {
                stretches[self.rng.below(stretches.len())].clone()
            } else {
                let length = (10 + self.rng.below(51)).min(total);
                let start = self.rng.below(total - length + 1);
                start..start + length
            };
            copied += stretch.len();
            stretches.push(stretch);
        }
        let sentences: Vec<&Sentence> = a.iter().flatten().collect();
        // The word of `a` each sentence starts at.
        let starts: Vec<usize> = sentences
            .iter()
            .scan(0, |next, s| {
                let start = *next;
                *next += s.words.len();
                Some(start)
            })
            .collect();
        let cut = |Range { start, end }: Range<usize>| -> Vec<Sentence> {
            let first = starts.partition_point(|&s| s <= start) - 1;
            (first..sentences.len())
                .take_while(|&s| starts[s] < end)
                .map(|s| {
                    let from = start.saturating_sub(starts[s]);
                    let to = (end - starts[s]).min(sentences[s].words.len());
                    Sentence { words: sentences[s].words[from..to].to_vec(), quoted: sentences[s].quoted }
                })
                .collect()
        };
        stretches.into_iter().map(cut).collect()
    }

    /// Puts each copy after a sentence of `paragraphs` drawn at random, a different one for each: every
    /// copy then has the text's own words on both sides (bar one at the very end), as a passage quoted in
    /// an article of its own does, and no two copies touch, where a tool could not tell where one ends.
    ///
    /// Nothing beyond a copy extends it by chance, so the truth is exact at its ends. A copy that starts
    /// or ends inside a sentence of `a` has a full stop of `b` on that side where `a` has a word or a
    /// comma; one that starts or ends with a sentence has a sentence of `b` beyond that end, which would
    /// have to agree with `a`'s next sentence for words on end to be taken for reuse.
    fn insert(&mut self, paragraphs: &mut [Paragraph], copies: Vec<Vec<Sentence>>) {
        let sentences = paragraphs.iter().map(Vec::len).sum();
        assert!(copies.len() <= sentences, "more copies than sentences to put them after");
        let mut places: Vec<usize> = (0..sentences).collect();
        self.rng.shuffle(&mut places);
        let mut after: Vec<Option<Vec<Sentence>>> = vec![None; sentences];
        for (copy, place) in copies.into_iter().zip(places) {
            after[place] = Some(copy);
        }
        let mut after = after.into_iter();
        for paragraph in paragraphs {
            let own = std::mem::take(paragraph);
            for sentence in own {
                paragraph.push(sentence);
                if let Some(copy) = after.next().flatten() {
                    paragraph.extend(copy);
                }
            }
        }
    }

    pub fn render(&self, paragraphs: &[Paragraph]) -> String {
        let mut text = String::new();
        for (p, paragraph) in paragraphs.iter().enumerate() {
            if p > 0 {
                text.push_str("\n\n");
            }
            // Deletions could in theory empty a sentence; an empty one is left out, not printed as ".".
            for (s, sentence) in paragraph.iter().filter(|s| !s.words.is_empty()).enumerate() {
                if s > 0 {
                    text.push(' ');
                }
                self.render_sentence(sentence, &mut text);
            }
        }
        text
    }

    fn render_sentence(&self, sentence: &Sentence, text: &mut String) {
        if sentence.quoted {
            text.push('"');
        }
        let last = sentence.words.len() - 1;
        for (i, word) in sentence.words.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            self.push_word(word, i == 0, text);
            if word.comma_after && i < last {
                text.push(',');
            }
        }
        text.push('.');
        if sentence.quoted {
            text.push('"');
        }
    }

    /// Writes `word` alone, its first letter a capital when `capital`.
    pub fn push_word(&self, word: &Word, capital: bool, text: &mut String) {
        let spelling = match word.lexeme {
            Lexeme::Vocab(index) => self.vocabulary.words[index as usize].as_str(),
            Lexeme::Fixed(spelling) => spelling,
            Lexeme::Number(n) => return push_number(n, text),
        };
        if capital {
            text.push(spelling.as_bytes()[0].to_ascii_uppercase() as char);
            text.push_str(&spelling[1..]);
        } else {
            text.push_str(spelling);
        }
    }
}

/// Writes `n` as a news story would: amounts of five digits and more with thousands separators
/// ("12,500"), which UAX #29 keeps in one number token.
fn push_number(n: u32, text: &mut String) {
    if n < 10_000 {
        text.push_str(&n.to_string());
        return;
    }
    let digits = n.to_string();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            text.push(',');
        }
        text.push(digit);
    }
}

/// Pseudo-words ranked by frequency, with the cumulative Zipf weights to draw them.
struct Vocabulary {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Vocabulary {
    const SIZE: usize = 30_000;
    /// Zipf's law for English word frequencies: the word of rank r is drawn with weight 1 / r^1.0.
    const EXPONENT: f64 = 1.0;

    fn new(rng: &mut SplitMix64) -> Vocabulary {
        const ONSETS: [&str; 30] = [
            "", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "y", "z", "br",
            "cr", "dr", "st", "tr", "ch", "sh", "th", "pl", "gr",
        ];
        const VOWELS: [&str; 9] = ["a", "e", "i", "o", "u", "ea", "ou", "ai", "io"];
        const CODAS: [&str; 12] = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ng"];
        let mut seen = std::collections::HashSet::with_capacity(Self::SIZE);
        let mut words = Vec::with_capacity(Self::SIZE);
        while words.len() < Self::SIZE {
            // Frequent words are short, as in English.
            let syllables = match words.len() {
                0..=99 => 1,
                100..=1999 => 1 + rng.below(2),
                _ => 2 + rng.below(2),
            };
            let mut word = String::new();
            for _ in 0..syllables {
                for part in [&ONSETS[..], &VOWELS[..], &CODAS[..]] {
                    word.push_str(part[rng.below(part.len())]);
                }
            }
            if seen.insert(word.clone()) {
                words.push(word);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=Self::SIZE)
            .map(|rank| {
                total += (rank as f64).powf(-Self::EXPONENT);
                total
            })
            .collect();
        Vocabulary { words, cumulative }
    }

    fn sample(&self, rng: &mut SplitMix64) -> u32 {
        let x = rng.unit() * self.cumulative[Self::SIZE - 1];
        self.cumulative.partition_point(|&c| c <= x).min(Self::SIZE - 1) as u32
    }
}

/// SplitMix64 (Steele, Lea and Flood, 2014): tiny, fast, and good enough for test data.
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (Lemire's multiply-shift, without its rejection step: the bias, about
    /// n / 2^64, does not matter for test data).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next()) * n as u128) >> 64) as usize
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Fisher-Yates.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}
