//! Times `copydesk::compare` alone (default options, texts already in memory) on one generated pair,
//! for the peer benchmark. It speaks the protocol of the benchmark's other workers (see
//! `../node-worker.mjs`): one JSON line on stdout per event.
//!
//! ```text
//! copydesk-peers-native PAIR_DIR WARM_DIR REPS BUDGET_SECONDS
//!   {"type":"ready"}                                     after untimed comparisons of WARM_DIR's pair
//!   {"type":"rep","wall_ms":..,"cpu_ms":..}              per timed comparison, until REPS or the budget
//!   {"type":"done","peak_rss_mb":..,"marked_a":..,"marked_b":..,"passages":..,"b_marked":..,"b_right":..}
//! ```
//!
//! `marked_a` / `marked_b` are the words inside passages, as copydesk counts them (`DocumentStats`);
//! `b_marked` / `b_right` the words of b inside a passage, and those of them that PAIR_DIR/b-shared.txt
//! says are truly shared (see `../../support/marks.rs`).

use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use copydesk::{compare, CompareOptions, Span};

// Only the score is needed here, not its ratios: run.mjs takes those.
#[allow(dead_code)]
#[path = "../../../support/marks.rs"]
mod marks;

/// Untimed runs on the warm-up pair, as every worker of the benchmark does (`WARM_RUNS`, `WARM_MS` in
/// ../tools.mjs): this many, or for this long if that comes first.
const WARM_RUNS: usize = 300;
const WARM_TIME: Duration = Duration::from_millis(1000);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [pair, warm, reps, budget] = args.as_slice() else {
        eprintln!("usage: copydesk-peers-native PAIR_DIR WARM_DIR REPS BUDGET_SECONDS");
        return ExitCode::from(2);
    };
    let (Ok(reps), Ok(budget)) = (reps.parse::<usize>(), budget.parse::<f64>()) else {
        eprintln!("copydesk-peers-native: REPS and BUDGET_SECONDS must be numbers");
        return ExitCode::from(2);
    };
    let (Some((a, b)), Some((warm_a, warm_b)), Some(truth)) = (read_pair(pair), read_pair(warm), read_truth(pair))
    else {
        return ExitCode::from(1);
    };
    let options = CompareOptions::default();
    let warm_start = Instant::now();
    for _ in 0..WARM_RUNS {
        black_box(compare(&warm_a, &warm_b, &options));
        if warm_start.elapsed() > WARM_TIME {
            break;
        }
    }
    emit("{\"type\":\"ready\"}");

    let budget = Duration::from_secs_f64(budget);
    let mut spent = Duration::ZERO;
    let mut last = None;
    for _ in 0..reps.max(1) {
        let (cpu_start, wall_start) = (cpu_time(), Instant::now());
        let result = black_box(compare(black_box(&a), black_box(&b), &options));
        let wall = wall_start.elapsed();
        let cpu = cpu_time() - cpu_start;
        emit(&format!("{{\"type\":\"rep\",\"wall_ms\":{},\"cpu_ms\":{}}}", millis(wall), millis(cpu)));
        // Only the counts and b's spans are kept: a live result would add to the next comparison's peak
        // memory.
        let passages_b: Vec<Span> = result.passages.iter().map(|passage| passage.b).collect();
        last = Some((result.a.shared_words, result.b.shared_words, passages_b));
        spent += wall;
        if spent + wall > budget {
            break;
        }
    }
    // Read before the scoring below, whose tokens would add to the peak.
    let peak_rss_mb = peak_rss_bytes() as f64 / (1 << 20) as f64;
    let (marked_a, marked_b, passages_b) = last.unwrap_or_default();
    let passages = passages_b.len();
    let marks = marks::Marks::score(&b, passages_b, &truth);
    emit(&format!(
        "{{\"type\":\"done\",\"peak_rss_mb\":{peak_rss_mb:.1},\"marked_a\":{marked_a},\"marked_b\":{marked_b},\
         \"passages\":{passages},\"b_marked\":{},\"b_right\":{}}}",
        marks.marked, marks.right
    ));
    ExitCode::SUCCESS
}

fn read_pair(dir: &str) -> Option<(String, String)> {
    let read = |name: &str| {
        let path = Path::new(dir).join(name);
        std::fs::read_to_string(&path).map_err(|error| eprintln!("copydesk-peers-native: {}: {error}", path.display()))
    };
    Some((read("a.txt").ok()?, read("b.txt").ok()?))
}

/// The truth word by word for b.txt, as examples/generate.rs writes it: `1` for a truly shared word.
fn read_truth(dir: &str) -> Option<Vec<bool>> {
    let path = Path::new(dir).join("b-shared.txt");
    let text = std::fs::read(&path).map_err(|error| eprintln!("copydesk-peers-native: {}: {error}", path.display()));
    Some(text.ok()?.iter().map(|&flag| flag == b'1').collect())
}

/// Writes one protocol line and flushes it at once: the parent's time cap restarts on every line.
fn emit(line: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe means the parent gave up on this run; there is no one left to tell.
    let _ = writeln!(out, "{line}").and_then(|()| out.flush());
}

fn millis(duration: Duration) -> String {
    format!("{:.4}", duration.as_secs_f64() * 1e3)
}

/// CPU time of the whole process (user + system), at the clock's full resolution.
fn cpu_time() -> Duration {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `now` is a valid timespec for the call to write; the clock id is a constant Linux knows.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut now) };
    if status != 0 {
        return Duration::ZERO;
    }
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// The process's peak resident set size, from VmHWM: unlike getrusage's `ru_maxrss` it starts afresh at
/// exec, so the figure is not the peak of the Node process that spawned this one.
fn peak_rss_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib =
        status.lines().find_map(|line| line.strip_prefix("VmHWM:")?.trim().strip_suffix("kB")?.trim().parse().ok());
    kib.unwrap_or(0u64) * 1024
}
