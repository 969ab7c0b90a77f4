//! `copydesk compare A B`: the shared passages of two text files, for a terminal, a program, or PAN.

mod args;
mod report;

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use args::{Command, Format, Request};
use copydesk::decode::decode;
use copydesk::text::TokenKind;
use copydesk::CompareOptions;
use report::Document;

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
            eprintln!(
                "copydesk: note: {} {}: nothing in it to compare",
                path.display(),
                no_words(&document.text, &request.options)
            );
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

/// Why a text has no words to compare, as the end of "FILE …".
fn no_words(text: &str, options: &CompareOptions) -> &'static str {
    let numbers = || copydesk::text::tokenize(text).iter().any(|token| token.kind == TokenKind::Number);
    if text.is_empty() {
        "is empty"
    } else if text.trim().is_empty() {
        "holds only white space"
    } else if options.ignore_numbers && numbers() {
        "has no words but numbers, which --ignore-numbers leaves out"
    } else {
        "has no words, only punctuation and symbols"
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
    if decoded.guessed {
        eprintln!("copydesk: note: {shown} is not UTF-8; read it as {}", decoded.encoding);
    }
    let name = path.file_name().map_or_else(|| shown.to_string(), |name| name.to_string_lossy().into_owned());
    Ok(Document { name, text: decoded.text })
}
