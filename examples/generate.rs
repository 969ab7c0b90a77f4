//! Writes one generated pair of the benches' corpus to files, so that tools outside Rust (the page in
//! Chromium, JavaScript diff libraries, the CLI under a profiler) compare exactly the texts the
//! criterion benches do.
//!
//! `cargo run --release --example generate -- CASE WORDS DIR` writes DIR/a.txt, DIR/b.txt,
//! DIR/truth.json (`{"case", "words_a", "words_b", "shared_words_a", "shared_words_b"}`) and
//! DIR/b-shared.txt, the truth word by word: one character per word of b.txt, `1` when it is truly
//! shared and `0` when not, so that a tool's marks can be scored as recall and precision. CASE is one of
//! the names of `corpus::Case::ALL`: near_duplicate, reordered, partly_shared, overlapping_copies,
//! unrelated.

#[path = "../benches/support/corpus.rs"]
#[allow(dead_code)]
mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

/// The seed the benches use, so the files equal the bench inputs.
const SEED: u64 = 0x00C0_FFEE;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [case, words, dir] = args.as_slice() else {
        let cases: Vec<&str> = corpus::Case::ALL.iter().map(|case| case.name()).collect();
        eprintln!("usage: generate CASE WORDS DIR (CASE: {})", cases.join(", "));
        return ExitCode::from(2);
    };
    let Some(case) = corpus::Case::ALL.into_iter().find(|c| c.name() == case) else {
        eprintln!("generate: unknown case '{case}'");
        return ExitCode::from(2);
    };
    let Ok(words) = words.parse::<usize>() else {
        eprintln!("generate: '{words}' is not a number of words");
        return ExitCode::from(2);
    };
    let dir = PathBuf::from(dir);
    let pair = corpus::pair(case, words, SEED);
    let truth = format!(
        "{{\"case\": \"{}\", \"words_a\": {}, \"words_b\": {}, \"shared_words_a\": {}, \"shared_words_b\": {}}}\n",
        case.name(),
        pair.words_a,
        pair.words_b,
        pair.shared_words_a,
        pair.shared_words_b
    );
    let shared_in_b: String = pair.shared_in_b.iter().map(|&shared| if shared { '1' } else { '0' }).collect();
    let written = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(dir.join("a.txt"), &pair.a))
        .and_then(|()| std::fs::write(dir.join("b.txt"), &pair.b))
        .and_then(|()| std::fs::write(dir.join("truth.json"), truth))
        .and_then(|()| std::fs::write(dir.join("b-shared.txt"), shared_in_b));
    if let Err(error) = written {
        eprintln!("generate: cannot write to {}: {error}", dir.display());
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
