//! What the benches' printed summaries share: whether criterion's test mode runs them, and how times,
//! shares and slopes are written. Include it with `#[path = "support/summary.rs"] mod summary;`.

use std::time::Duration;

/// Whether the bench only checks that it runs, once and untimed: under `cargo test --benches` (no
/// `--bench` flag) or with `--test`, as `Criterion::configure_from_args` decides. Such a run is often a
/// debug build, so it keeps to the small sizes, and its times would mean nothing in a summary.
pub fn test_mode() -> bool {
    let flag = |name: &str| std::env::args().any(|arg| arg == name);
    !flag("--bench") || flag("--test")
}

/// The least-squares slope through `points`.
pub fn slope(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
    let covariance: f64 = points.iter().map(|(x, y)| (x - mean_x) * (y - mean_y)).sum();
    let variance: f64 = points.iter().map(|(x, _)| (x - mean_x).powi(2)).sum();
    covariance / variance
}

/// A share as a percentage with two decimals, which 99 % targets need; "—" for none.
pub fn percent(share: Option<f64>) -> String {
    share.map_or_else(|| "—".to_owned(), |share| format!("{:.2} %", 100.0 * share))
}

pub fn format_time(time: Duration) -> String {
    let seconds = time.as_secs_f64();
    match seconds {
        s if s < 1e-3 => format!("{:.1} µs", s * 1e6),
        s if s < 1.0 => format!("{:.1} ms", s * 1e3),
        s => format!("{s:.2} s"),
    }
}

/// Bytes as MiB with one decimal.
pub fn mebibytes(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1 << 20) as f64)
}
