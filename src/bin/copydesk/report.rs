//! The summary for people. JSON for programs and PAN XML for evaluation are the library's
//! ([`copydesk::report`]), which the page's exports call too.

use std::fmt::Write as _;

use std::collections::HashMap;
use std::path::PathBuf;

use copydesk::report::Named;
use copydesk::{Collection, Comparison, MAX_CANDIDATES, MAX_SEED_DOCUMENTS};

/// A compared file: the name it is shown by, and its decoded text.
pub struct Document {
    pub name: String,
    pub text: String,
}

impl Document {
    /// The document as the library's reports take it.
    pub fn named(&self) -> Named<'_> {
        Named { name: &self.name, text: &self.text }
    }
}

/// Readable summary and passages, for a terminal.
pub fn text(a: &Document, b: &Document, result: &Comparison) -> String {
    let mut out = String::new();
    let width = a.name.chars().count().max(b.name.chars().count());
    for (doc, stats) in [(a, &result.a), (b, &result.b)] {
        let _ = writeln!(
            out,
            "{:width$}  {:>3.0}% shared  ({} of {} words)",
            doc.name,
            stats.shared_ratio * 100.0,
            stats.shared_words,
            stats.words
        );
    }
    let count = result.passages.len();
    let _ = writeln!(
        out,
        "{count} shared passage{}, longest {} words",
        if count == 1 { "" } else { "s" },
        result.longest_passage_words
    );
    if result.limits.frequent_phrases > 0 {
        let _ = writeln!(out, "note: {}", frequent_phrases_note(&b.name, result.limits.frequent_phrases));
    }
    let (lines_a, lines_b) = (LineIndex::new(&a.text), LineIndex::new(&b.text));
    for (n, passage) in result.passages.iter().enumerate() {
        let kind = if passage.exact { "exact" } else { "with edits" };
        let _ = writeln!(
            out,
            "\n#{}  {} words, {kind}  {}:{}  {}:{}",
            n + 1,
            passage.words,
            a.name,
            lines_a.line(passage.a.start),
            b.name,
            lines_b.line(passage.b.start)
        );
        let _ = writeln!(out, "   \"{}\"", preview(&a.text[passage.a.range()]));
        for edit in &passage.edits {
            let _ = writeln!(
                out,
                "   edit: \"{}\" -> \"{}\"",
                preview(&a.text[edit.a.range()]),
                preview(&b.text[edit.b.range()])
            );
        }
    }
    out
}

/// Names the files of a set that share a file name (`2025/story.txt` and `2026/story.txt`) by the paths
/// they were given as, so that every document of the report has a name of its own.
pub fn tell_apart(documents: &mut [Document], paths: &[PathBuf]) {
    let mut uses: HashMap<String, usize> = HashMap::new();
    for document in documents.iter() {
        *uses.entry(document.name.clone()).or_default() += 1;
    }
    for (document, path) in documents.iter_mut().zip(paths) {
        if uses[&document.name] > 1 {
            document.name = path.display().to_string();
        }
    }
}

/// Most documents listed under "Most shared".
const MOST_SHARED: usize = 10;
/// Most other documents named for each of them.
const SHARED_WITH: usize = 3;

/// Readable summary of a set: its stories with their documents, then the documents most of whose words
/// stand in others.
pub fn set_text(documents: &[Document], collection: &Collection) -> String {
    let mut out = String::new();
    let (stories, alone): (Vec<_>, Vec<_>) = collection.stories.iter().partition(|story| story.len() > 1);
    let chrome = collection.clusters.iter().filter(|cluster| cluster.boilerplate).count();
    let _ = writeln!(
        out,
        "{} files: {} {}, {} alone\n{} passages stand in two or more places ({chrome} of them page chrome)",
        documents.len(),
        stories.len(),
        if stories.len() == 1 { "story" } else { "stories" },
        alone.len(),
        collection.clusters.len(),
    );
    let width = documents.iter().map(|document| document.name.chars().count()).max().unwrap_or(0);
    let shared = |d: usize| {
        let stats = &collection.documents[d];
        format!(
            "{:width$}  {:>3.0}% shared  ({} of {} words)",
            documents[d].name,
            stats.shared_ratio * 100.0,
            stats.shared_words,
            stats.words
        )
    };
    for (n, story) in stories.iter().enumerate() {
        let _ = writeln!(out, "\nStory {}: {} files", n + 1, story.len());
        for &d in story.iter() {
            let _ = writeln!(out, "  {}", shared(d));
        }
    }
    if !alone.is_empty() {
        let names: Vec<&str> = alone.iter().map(|story| documents[story[0]].name.as_str()).collect();
        let _ = writeln!(out, "\nAlone (sharing no passage outside page chrome): {}", names.join(", "));
    }
    let mut most: Vec<usize> = (0..documents.len()).filter(|&d| collection.documents[d].shared_words > 0).collect();
    most.sort_by(|&x, &y| collection.documents[y].shared_ratio.total_cmp(&collection.documents[x].shared_ratio));
    if !most.is_empty() {
        let _ = writeln!(out, "\nMost shared, and with which files (words outside page chrome):");
    }
    for &d in most.iter().take(MOST_SHARED) {
        let mut with: Vec<(usize, usize)> = (collection.pairs.iter())
            .filter_map(|pair| match d {
                _ if d == pair.a => Some((pair.b, pair.a_shared_words)),
                _ if d == pair.b => Some((pair.a, pair.b_shared_words)),
                _ => None,
            })
            .collect();
        with.sort_by_key(|&(_, words)| std::cmp::Reverse(words));
        let named: Vec<String> =
            with.iter().take(SHARED_WITH).map(|&(other, words)| format!("{} {words}", documents[other].name)).collect();
        let with = if named.is_empty() { "page chrome only".to_owned() } else { named.join(", ") };
        let _ = writeln!(out, "  {}  {with}", shared(d));
    }
    if collection.limits.common_seeds > 0 {
        let _ = writeln!(
            out,
            "\nnote: {} phrases stand in more than {MAX_SEED_DOCUMENTS} files; they link files only where those \
             share other text too",
            collection.limits.common_seeds
        );
    }
    out
}

/// Says that phrases repeated too often in `b` were not matched with every repeat, in the words of the
/// page's note (`www/js/views/limits.js`; tests/browser/limits.spec.js holds the two together).
fn frequent_phrases_note(b: &str, phrases: usize) -> String {
    let (count, them) =
        if phrases == 1 { ("1 phrase".to_string(), "it") } else { (format!("{phrases} phrases"), "each") };
    format!(
        "{b} repeats {count} more than {MAX_CANDIDATES} times; each repeat of {them} was matched only with the \
         {MAX_CANDIDATES} nearest to it in the other text, to keep the comparison fast: a few shared words among the \
         repeats may be unmarked"
    )
}

/// The text on one line with white space collapsed, shortened in the middle past 160 characters.
fn preview(text: &str) -> String {
    const MAX: usize = 160;
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = flat.chars().collect();
    if chars.len() <= MAX {
        return flat;
    }
    let head: String = chars[..MAX / 2].iter().collect();
    let tail: String = chars[chars.len() - MAX / 2..].iter().collect();
    format!("{} … {}", head.trim_end(), tail.trim_start())
}

/// Line numbers (from 1) of byte offsets. A line ends at "\n", "\r\n" or a lone "\r" (old Mac files).
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let ends = bytes
            .iter()
            .enumerate()
            .filter(|&(at, &byte)| byte == b'\n' || (byte == b'\r' && bytes.get(at + 1) != Some(&b'\n')));
        LineIndex(ends.map(|(at, _)| at).collect())
    }

    fn line(&self, byte: usize) -> usize {
        self.0.partition_point(|&newline| newline < byte) + 1
    }
}
