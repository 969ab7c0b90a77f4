//! The whole pipeline, `copydesk::compare` with default options, on generated pairs (see
//! `support/corpus.rs`) of five kinds and 1k to 1M words a side.
//!
//! ```text
//! cargo bench --bench pipeline                          # all sizes: about 3 minutes on 2 cores, plus the build
//! COPYDESK_BENCH_QUICK=1 cargo bench --bench pipeline   # 1k and 10k only: a smoke run
//! cargo bench --bench pipeline -- reordered/1M          # criterion's filter works as usual
//! ```
//!
//! After criterion's own report comes a markdown summary: median time, words a side per second, the
//! peak heap of one comparison, the shared ratios found against the true ones, the recall and precision
//! of the words of `b` marked as shared, and per case the log-log slope of time over size (1 is linear),
//! which criterion cannot give because it sees one bench at a time.

use std::hint::black_box;
use std::time::{Duration, Instant};

use copydesk::{compare, CompareOptions, Span};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput};

#[path = "support/corpus.rs"]
mod corpus;
#[path = "support/heap.rs"]
mod heap;
#[path = "support/marks.rs"]
mod marks;
#[path = "support/summary.rs"]
mod summary;

use corpus::{Case, Pair};
use marks::Marks;
use summary::{format_time, mebibytes, percent, slope, test_mode};

const SIZES: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];
/// The sizes of a quick run: `COPYDESK_BENCH_QUICK=1`, or criterion's test mode.
const QUICK_SIZES: usize = 2;
const SEED: u64 = 0x00C0_FFEE;

fn main() {
    let testing = test_mode();
    let quick = testing || std::env::var("COPYDESK_BENCH_QUICK").is_ok_and(|v| !v.is_empty() && v != "0");
    let sizes = if quick { &SIZES[..QUICK_SIZES] } else { &SIZES[..] };
    let mut criterion = Criterion::default().configure_from_args();
    let mut rows = Vec::new();
    for case in Case::ALL {
        let mut group = criterion.benchmark_group(case.name());
        for &words in sizes {
            let pair = corpus::pair(case, words, SEED);
            configure(&mut group, words);
            group.throughput(Throughput::Elements(pair.words_a as u64));
            rows.extend(bench(&mut group, case, words, &pair));
        }
        group.finish();
    }
    criterion.final_summary();
    if !testing {
        print_summary(&rows);
    }
}

fn configure(group: &mut BenchmarkGroup<WallTime>, words: usize) {
    group.warm_up_time(Duration::from_secs(1));
    if words <= 10_000 {
        group.sample_size(50).measurement_time(Duration::from_secs(3)).sampling_mode(SamplingMode::Auto);
    } else {
        // One comparison takes from tens of milliseconds to seconds here: ten samples of one call each
        // keep the full run to minutes, and the median of ten is steady enough to read a trend.
        group.sample_size(10).measurement_time(Duration::from_secs(4)).sampling_mode(SamplingMode::Flat);
    }
}

/// What one case at one size gave.
struct Row {
    case: Case,
    size: usize,
    words_a: usize,
    median: Duration,
    peak_heap: usize,
    found_a: f64,
    found_b: f64,
    true_a: f64,
    true_b: f64,
    marks_b: Marks,
}

/// Benches one pair; `None` when criterion's filter skipped it.
fn bench(group: &mut BenchmarkGroup<WallTime>, case: Case, size: usize, pair: &Pair) -> Option<Row> {
    let mut times = Vec::new();
    let mut probe = None;
    group.bench_with_input(BenchmarkId::from_parameter(label(size)), pair, |b, pair| {
        probe.get_or_insert_with(|| Probe::run(pair));
        b.iter_custom(|iters| time_calls(iters, pair, &mut times));
    });
    let probe = probe?;
    Some(Row {
        case,
        size,
        words_a: pair.words_a,
        // Criterion keeps its samples to itself, so the median is taken over every call it timed. The
        // warm-up calls are among them, which the median shrugs off: they are as fast, bar the first.
        median: median(&mut times),
        peak_heap: probe.peak_heap,
        found_a: probe.found_a,
        found_b: probe.found_b,
        true_a: pair.shared_words_a as f64 / pair.words_a as f64,
        true_b: pair.shared_words_b as f64 / pair.words_b as f64,
        marks_b: probe.marks_b,
    })
}

/// Times `iters` comparisons one by one, keeping each call's time for the summary.
fn time_calls(iters: u64, pair: &Pair, times: &mut Vec<Duration>) -> Duration {
    let options = CompareOptions::default();
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let start = Instant::now();
        black_box(compare(black_box(&pair.a), black_box(&pair.b), &options));
        let elapsed = start.elapsed();
        times.push(elapsed);
        total += elapsed;
    }
    total
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

/// One untimed comparison, for what the timing cannot tell: heap and results.
struct Probe {
    peak_heap: usize,
    found_a: f64,
    found_b: f64,
    marks_b: Marks,
}

impl Probe {
    fn run(pair: &Pair) -> Probe {
        let before = heap::reset_peak();
        let result = compare(&pair.a, &pair.b, &CompareOptions::default());
        let peak_heap = heap::peak() - before;
        assert_eq!(
            (result.a.words, result.b.words),
            (pair.words_a, pair.words_b),
            "copydesk counts the generated words differently from the generator, so the true ratios are off"
        );
        let passages_b: Vec<Span> = result.passages.iter().map(|passage| passage.b).collect();
        let marks_b = Marks::score(&pair.b, passages_b, &pair.shared_in_b);
        Probe { peak_heap, found_a: result.a.shared_ratio, found_b: result.b.shared_ratio, marks_b }
    }
}

fn print_summary(rows: &[Row]) {
    println!("\n## copydesk::compare, default options\n");
    println!(
        "| case | words a side | median time | words/s | peak heap | shared a: found / true | shared b: found / true \
         | b: recall | b: precision |"
    );
    println!("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
    for row in rows {
        println!(
            "| {} | {} | {} | {:.2} M | {} | {:.1} % / {:.1} % | {:.1} % / {:.1} % | {} | {} |",
            row.case.name(),
            row.words_a,
            format_time(row.median),
            row.words_a as f64 / row.median.as_secs_f64() / 1e6,
            mebibytes(row.peak_heap),
            100.0 * row.found_a,
            100.0 * row.true_a,
            100.0 * row.found_b,
            100.0 * row.true_b,
            percent(row.marks_b.recall()),
            percent(row.marks_b.precision()),
        );
    }
    println!("\nTime against size, as the slope of log time over log words (1 is linear, 2 quadratic):\n");
    println!("| case | all sizes, least squares | last step |");
    println!("|---|--:|--:|");
    for case in Case::ALL {
        let case_rows: Vec<&Row> = rows.iter().filter(|r| r.case == case).collect();
        let [.., before, last] = case_rows[..] else { continue };
        let points: Vec<(f64, f64)> = case_rows.iter().map(|r| log_point(r)).collect();
        let (x0, y0) = log_point(before);
        let (x1, y1) = log_point(last);
        println!(
            "| {} | {:.2} | {:.2} ({} → {}) |",
            case.name(),
            slope(&points),
            (y1 - y0) / (x1 - x0),
            label(before.size),
            label(last.size),
        );
    }
    println!(
        "\nA passage's edited words count as shared when copydesk finds it, but never in the truth. Recall: the \
         truly shared words of b inside a passage, over all truly shared words of b; precision: the same over \
         all words of b inside a passage (— where there are none)."
    );
}

fn log_point(row: &Row) -> (f64, f64) {
    ((row.words_a as f64).ln(), row.median.as_secs_f64().ln())
}

fn label(size: usize) -> String {
    match size {
        s if s >= 1_000_000 && s % 1_000_000 == 0 => format!("{}M", s / 1_000_000),
        s if s >= 1_000 && s % 1_000 == 0 => format!("{}k", s / 1_000),
        s => s.to_string(),
    }
}
