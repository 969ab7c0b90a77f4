//! `copydesk compare A B`: the shared passages of two text files, for a terminal, a program, or PAN.

mod args;
mod report;

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use args::{Command, Format, Request};
use copydesk::decode::{decode, nothing_to_compare};
use report::Document;

/// Why a text with words to compare counts none: only `--ignore-numbers` can leave them all out.
const ONLY_IGNORED_NUMBERS: &str =
    "has no words but numbers, which --ignore-numbers leaves out: there is nothing in it to compare";

fn main() -> ExitCode {
    let command = match args::parse(std::env::args_os().skip(1)) {
        Ok(command) => command,
        Err(error) => {
            eprintln!("copydesk: {error}");
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Help => print!("{}", args::usage()),
        Command::Version => println!("copydesk {}", env!("CARGO_PKG_VERSION")),
        Command::Compare(request) => {
            if let Err(message) = run(&request) {
                eprintln!("copydesk: {message}");
                return ExitCode::from(1);
            }
        }
    }
    ExitCode::SUCCESS
}

fn run(request: &Request) -> Result<(), String> {
    let a = read(&request.a)?;
    let b = read(&request.b)?;
    let result = copydesk::compare(&a.text, &b.text, &request.options);
    // 0 % alone would not say that a text had nothing to share.
    for (path, document, stats) in [(&request.a, &a, &result.a), (&request.b, &b, &result.b)] {
        if stats.words == 0 {
            let why = nothing_to_compare(&document.text)
                .map_or_else(|| ONLY_IGNORED_NUMBERS.to_owned(), |why| why.to_string());
            eprintln!("copydesk: note: {} {why}", path.display());
        }
    }
    let out = match request.format {
        Format::Text => report::text(&a, &b, &result),
        Format::Json => copydesk::report::json(a.named(), b.named(), &result),
        Format::Pan => copydesk::report::pan(a.named(), b.named(), &result),
    };
    write_stdout(&out)
}

/// Prints `out`; a reader that went away (`copydesk … | head`) is no error.
fn write_stdout(out: &str) -> Result<(), String> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(format!("cannot write the output: {error}"))
        }
        _ => Ok(()),
    }
}

/// Reads and decodes one file; the error names the file and says what is wrong in a line.
fn read(path: &Path) -> Result<Document, String> {
    let shown = path.display();
    if path.is_dir() {
        return Err(format!("{shown}: is a directory, not a text file"));
    }
    let bytes = std::fs::read(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => format!("{shown}: no such file"),
        std::io::ErrorKind::PermissionDenied => format!("{shown}: permission denied"),
        _ => format!("{shown}: cannot read: {error}"),
    })?;
    let decoded = decode(&bytes).map_err(|error| format!("{shown}: {error}"))?;
    if let Some(note) = decoded.reading.note() {
        eprintln!("copydesk: note: {shown}: {note}");
    }
    let name = path.file_name().map_or_else(|| shown.to_string(), |name| name.to_string_lossy().into_owned());
    Ok(Document { name, text: decoded.text })
}
