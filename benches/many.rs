//! Whole sets of documents (`support/sets.rs`: a day of coverage, 10 to 5,000 documents of 300-900
//! words) through each route that compares a set, with its time, peak heap and accuracy against the
//! set's truth (`support/accuracy.rs`): `copydesk::compare_many` native (`support/collection.rs`) and
//! in the page's wasm module under Node (`support/wasm.rs`, the module `make wasm` built), and the
//! pairwise route, one `copydesk::compare` per pair as the page did before (`support/pairwise.rs`).
//!
//! ```text
//! make bench-many                                   # 10 to 5,000 documents
//! COPYDESK_MANY_SIZES=10,50,200 cargo bench --bench many
//! COPYDESK_MANY_CAP=30 cargo bench --bench many     # seconds a route may take before it is extrapolated
//! ```
//!
//! A route that would take longer than the cap is not run: it says "over" the cap and what a sample of
//! its work extrapolates to. The rows are printed as they come (a full run takes minutes), the sets and
//! the log-log slopes of time over words after them.

use std::time::{Duration, Instant};

#[path = "support/collection.rs"]
mod collection;
#[path = "support/heap.rs"]
mod heap;
#[path = "support/pairwise.rs"]
mod pairwise;
#[path = "support/sets.rs"]
#[allow(dead_code)] // tests/generated_sets.rs reads more of the truth than the bench (and runs the tests it holds)
mod sets;
#[path = "support/summary.rs"]
mod summary;
#[path = "support/wasm.rs"]
mod wasm;

use copydesk::{compare, CompareOptions};
use sets::accuracy::{score, Accuracy, Claims, Counts};
use sets::corpus::SplitMix64;
use sets::Set;
use summary::{format_time, mebibytes, percent, slope, test_mode};

const SIZES: [usize; 5] = [10, 50, 200, 1_000, 5_000];
const SEED: u64 = 0x00C0_FFEE;
/// Seconds a route may take on one set before it is extrapolated rather than run.
const CAP: u64 = 120;

/// A way to compare a whole set: its time, peak memory and what the scorers read, or why it could not
/// run.
struct Route {
    name: &'static str,
    measure: fn(&Set) -> Result<Measured, String>,
    /// What the route would take on a set, from a sample of its work; `None` for a route that is
    /// always run.
    estimate: Option<fn(&Set) -> Estimate>,
}

const ROUTES: &[Route] = &[
    Route { name: "collection", measure: |set| Ok(in_process(set, collection::claims)), estimate: None },
    Route { name: "wasm (Node)", measure: wasm::measure, estimate: None },
    Route { name: "pairwise", measure: |set| Ok(in_process(set, pairwise::claims)), estimate: Some(pairwise_estimate) },
];

/// What a route took on a set, and found.
pub struct Measured {
    time: Duration,
    /// Bytes: the heap's peak above what was live before, or for wasm how much the module's memory grew.
    peak: usize,
    claims: Claims,
}

/// A route's time on a set, extrapolated from a sample.
#[derive(Clone, Copy)]
struct Estimate {
    total: Duration,
    /// One unit of its work (a pair), for the table.
    each: Duration,
}

fn main() {
    let testing = test_mode();
    let sizes = if testing { vec![SIZES[0]] } else { env_sizes().unwrap_or_else(|| SIZES.to_vec()) };
    let cap = Duration::from_secs(std::env::var("COPYDESK_MANY_CAP").ok().and_then(|v| v.parse().ok()).unwrap_or(CAP));
    println!("\n## Sets of documents, default options (cap {} s a route)\n", cap.as_secs());
    println!(
        "| documents | words | route | time | per pair | peak heap | provenance P / R: story text | chrome \
         | chrome flagged | story text flagged | stories P / R / F1 |"
    );
    println!("|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|");
    let mut sets_seen = Vec::new();
    let mut times: Vec<(&str, usize, Duration)> = Vec::new();
    for &documents in &sizes {
        let start = Instant::now();
        let set = sets::set(documents, SEED);
        let generated = start.elapsed();
        let words: usize = set.documents.iter().map(|d| d.words).sum();
        for route in ROUTES {
            let estimate = route.estimate.map(|estimate| estimate(&set));
            match estimate {
                Some(estimate) if estimate.total > cap => println!(
                    "| {documents} | {words} | {} | over {} s (about {}) | {} | | | | | | |",
                    route.name,
                    cap.as_secs(),
                    format_time(estimate.total),
                    format_time(estimate.each),
                ),
                _ if testing && route.name.starts_with("wasm") => {
                    println!("| {documents} | {words} | {} | not run by `cargo test` | | | | | | | |", route.name)
                }
                _ => match (route.measure)(&set) {
                    Ok(measured) => {
                        let time = measured.time;
                        times.push((route.name, words, time));
                        let each = pairs(documents).map_or(String::new(), |pairs| format_time(time / pairs));
                        let accuracy = score(&set, &measured.claims);
                        print_row(documents, words, route.name, time, &each, measured.peak, &accuracy);
                    }
                    Err(why) => println!("| {documents} | {words} | {} | not run: {why} | | | | | | | |", route.name),
                },
            }
        }
        sets_seen.push(SetRow::new(&set, words, generated));
    }
    print_sets(&sets_seen);
    print_slopes(&times);
}

/// `COPYDESK_MANY_SIZES`, numbers separated by commas.
fn env_sizes() -> Option<Vec<usize>> {
    let sizes = std::env::var("COPYDESK_MANY_SIZES").ok().filter(|v| !v.trim().is_empty())?;
    Some(sizes.split(',').map(|size| size.trim().parse().expect("COPYDESK_MANY_SIZES: numbers and commas")).collect())
}

/// Runs `claims` on `set` once, in this process: its time, its peak heap above what was live before.
fn in_process(set: &Set, claims: fn(&Set) -> Claims) -> Measured {
    let before = heap::reset_peak();
    let start = Instant::now();
    let claims = claims(set);
    let time = start.elapsed();
    Measured { time, peak: heap::peak() - before, claims }
}

/// The pairs of `documents` documents, as a `u32` to divide a time by; `None` for none.
fn pairs(documents: usize) -> Option<u32> {
    u32::try_from(documents * documents.saturating_sub(1) / 2).ok().filter(|&pairs| pairs > 0)
}

/// Times `compare` on pairs drawn at random (at most 200 of them, or 2 s) and scales the mean to all
/// the pairs of the set.
fn pairwise_estimate(set: &Set) -> Estimate {
    let documents = set.documents.len();
    let all = documents * documents.saturating_sub(1) / 2;
    let options = CompareOptions::default();
    let mut rng = SplitMix64(SEED);
    let (mut sampled, mut spent) = (0u32, Duration::ZERO);
    while (sampled as usize) < all.min(200) && spent < Duration::from_secs(2) {
        let x = rng.below(documents);
        let y = (x + 1 + rng.below(documents - 1)) % documents;
        let start = Instant::now();
        std::hint::black_box(compare(&set.documents[x].text, &set.documents[y].text, &options));
        spent += start.elapsed();
        sampled += 1;
    }
    let each = spent / sampled.max(1);
    Estimate { total: each.mul_f64(all as f64), each }
}

fn print_row(documents: usize, words: usize, route: &str, time: Duration, each: &str, peak: usize, a: &Accuracy) {
    let precision_recall = |counts: Counts| format!("{} / {}", percent(counts.precision()), percent(counts.recall()));
    let stories = a.story_pairs;
    println!(
        "| {documents} | {words} | {route} | {} | {each} | {} | {} | {} | {} | {} | {} / {} / {} |",
        format_time(time),
        mebibytes(peak),
        precision_recall(a.story_text),
        precision_recall(a.chrome),
        percent(a.chrome_flagged.ratio()),
        percent(a.story_text_flagged.ratio()),
        percent(stories.precision()),
        percent(stories.recall()),
        percent(stories.f1()),
    );
}

/// What a set holds, for the table after the routes.
struct SetRow {
    documents: usize,
    words: usize,
    stories: usize,
    alone: usize,
    chrome_words: usize,
    story_triples: usize,
    chrome_triples: usize,
    runs: usize,
    generated: Duration,
}

impl SetRow {
    fn new(set: &Set, words: usize, generated: Duration) -> SetRow {
        let (mut story_triples, mut chrome_triples) = (0, 0);
        for document in &set.documents {
            for run in &document.carried {
                let chrome = document.chrome.iter().any(|range| range.contains(&run.words.start));
                let triples = if chrome { &mut chrome_triples } else { &mut story_triples };
                *triples += run.words.len() * run.by.len();
            }
        }
        SetRow {
            documents: set.documents.len(),
            words,
            stories: set.stories.iter().filter(|story| story.len() > 1).count(),
            alone: set.stories.iter().filter(|story| story.len() == 1).count(),
            chrome_words: set.documents.iter().flat_map(|d| &d.chrome).map(|range| range.len()).sum(),
            story_triples,
            chrome_triples,
            runs: set.documents.iter().map(|d| d.carried.len()).sum(),
            generated,
        }
    }
}

fn print_sets(rows: &[SetRow]) {
    println!("\nThe sets (`support/sets.rs`, seed {SEED:#x}):\n");
    println!(
        "| documents | words | stories of 2+ | documents alone | chrome words | carried triples: story text | chrome \
         | truth runs a document | generated in |"
    );
    println!("|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    for row in rows {
        println!(
            "| {} | {} | {} | {} | {:.1} % | {} | {} | {:.1} | {} |",
            row.documents,
            row.words,
            row.stories,
            row.alone,
            100.0 * row.chrome_words as f64 / row.words as f64,
            row.story_triples,
            row.chrome_triples,
            row.runs as f64 / row.documents as f64,
            format_time(row.generated),
        );
    }
}

/// Per route, the log-log slope of time over the words of the sets it ran on (1 is linear).
fn print_slopes(times: &[(&str, usize, Duration)]) {
    println!("\nTime against words, as the slope of log time over log words (1 is linear, 2 quadratic):\n");
    for route in ROUTES {
        let points: Vec<(f64, f64)> = times
            .iter()
            .filter(|(name, ..)| *name == route.name)
            .map(|&(_, words, time)| ((words as f64).ln(), time.as_secs_f64().ln()))
            .collect();
        if points.len() > 1 {
            println!("- {}: {:.2} over {} sizes", route.name, slope(&points), points.len());
        }
    }
    println!(
        "\nProvenance: over (document, word, other document) triples, whether the other document carries the \
         word; a passage's edited words count as carried when a route finds it, but never in the truth. Chrome \
         flagged: of the chrome words another document carries; story text flagged: of the other words another \
         document carries. Stories: over pairs of documents put in one story."
    );
}
