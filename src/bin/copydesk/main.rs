//! `copydesk compare A B`: the shared passages of two text files, for a terminal, a program, or PAN;
//! `copydesk compare-many FILE...`: what a whole set of files shares, and the stories it holds.

mod args;
mod docx;
mod report;

use std::io::{BufRead as _, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use args::{Command, Format, Request, SetFormat, SetRequest};
use copydesk::decode::{decode, nothing_to_compare, DocumentFormat};
use copydesk::DocumentStats;
use report::Document;

/// What the command line says of a PDF: no Rust crate read our PDF fixtures as well as the page's PDF.js
/// does (benches/README.md, "PDF on the command line"), so it names the ways that do.
const PDF_ON_THE_PAGE: &str = "is a PDF document, which the command line does not read: drop it on copydesk's page \
     (it reads PDF text layers), or convert it with `pdftotext` (poppler-utils) and compare the .txt";

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
        Command::Compare(request) => return finish(run(&request)),
        Command::CompareMany(request) => return finish(run_many(&request)),
    }
    ExitCode::SUCCESS
}

fn finish(outcome: Result<(), String>) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("copydesk: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(request: &Request) -> Result<(), String> {
    let a = read(&request.a)?;
    let b = read(&request.b)?;
    let result = copydesk::compare(&a.text, &b.text, &request.options);
    note_if_nothing_compared(&request.a, &a, &result.a);
    note_if_nothing_compared(&request.b, &b, &result.b);
    let out = match request.format {
        Format::Text => report::text(&a, &b, &result),
        Format::Json => copydesk::report::json(a.named(), b.named(), &result),
        Format::Pan => copydesk::report::pan(a.named(), b.named(), &result),
    };
    write_stdout(|stdout| stdout.write_all(out.as_bytes()))
}

fn run_many(request: &SetRequest) -> Result<(), String> {
    let paths = expand_stdin(&request.files)?;
    if paths.len() < 2 {
        return Err(format!("compare-many needs at least two files, and was given {}", paths.len()));
    }
    let mut documents = paths.iter().map(|path| read(path)).collect::<Result<Vec<_>, _>>()?;
    report::tell_apart(&mut documents, &paths);
    let texts: Vec<&str> = documents.iter().map(|document| document.text.as_str()).collect();
    let collection = copydesk::compare_many(&texts, &request.options);
    for ((path, document), stats) in paths.iter().zip(&documents).zip(&collection.documents) {
        note_if_nothing_compared(path, document, stats);
    }
    let named: Vec<_> = documents.iter().map(Document::named).collect();
    write_stdout(|stdout| match request.format {
        SetFormat::Jsonl => copydesk::report::set_jsonl(&named, &collection, stdout),
        SetFormat::Json => stdout.write_all(copydesk::report::set_json(&named, &collection).as_bytes()),
        SetFormat::Text => stdout.write_all(report::set_text(&documents, &collection).as_bytes()),
    })
}

/// The files of a set, with `-` replaced by the paths on stdin (one a line; blank lines skipped).
fn expand_stdin(files: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut paths = Vec::with_capacity(files.len());
    for file in files {
        if file.as_os_str() != "-" {
            paths.push(file.clone());
            continue;
        }
        for line in std::io::stdin().lock().lines() {
            let line = line.map_err(|error| format!("cannot read the list of files on stdin: {error}"))?;
            let line = line.trim_end_matches('\r');
            if !line.trim().is_empty() {
                paths.push(PathBuf::from(line));
            }
        }
    }
    Ok(paths)
}

/// 0 % alone would not say that a text had nothing to share.
fn note_if_nothing_compared(path: &Path, document: &Document, stats: &DocumentStats) {
    if stats.words == 0 {
        let why =
            nothing_to_compare(&document.text).map_or_else(|| ONLY_IGNORED_NUMBERS.to_owned(), |why| why.to_string());
        eprintln!("copydesk: note: {} {why}", path.display());
    }
}

/// Prints through `write`, buffered; a reader that went away (`copydesk … | head`) is no error.
fn write_stdout(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), String> {
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    match write(&mut stdout).and_then(|()| stdout.flush()) {
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
    let text = match DocumentFormat::of(&bytes) {
        Some(DocumentFormat::Docx) => docx::text(&bytes).map_err(|error| format!("{shown}: {error}"))?,
        Some(DocumentFormat::Pdf) => return Err(format!("{shown}: {PDF_ON_THE_PAGE}")),
        None => {
            let decoded = decode(&bytes).map_err(|error| format!("{shown}: {error}"))?;
            if let Some(note) = decoded.reading.note() {
                eprintln!("copydesk: note: {shown}: {note}");
            }
            decoded.text
        }
    };
    let name = path.file_name().map_or_else(|| shown.to_string(), |name| name.to_string_lossy().into_owned());
    Ok(Document { name, text })
}
