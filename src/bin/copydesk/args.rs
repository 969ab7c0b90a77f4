//! The command line, `copydesk compare A B [options]` or `copydesk compare-many FILE... [options]`,
//! parsed with lexopt into a typed request.

use std::ffi::OsString;
use std::fmt;
use std::ops::RangeInclusive;
use std::path::PathBuf;

use copydesk::CompareOptions;
use lexopt::prelude::*;

/// The help text. The numbers' defaults and ranges are the library's, so they cannot drift from it.
pub fn usage() -> String {
    let defaults = CompareOptions::default();
    let range = |range: RangeInclusive<usize>| format!("{} to {}", range.start(), range.end());
    format!(
        "\
Usage: copydesk compare A B [options]
       copydesk compare-many FILE... [options]

compare: finds the passages that text files A and B share, in any order and through small edits.
compare-many: compares a whole set of files at once and groups them into stories; what each file shares
with which others, passage by passage. FILE '-' reads the files' paths from stdin, one a line.

Options:
  --min-words N          fewest identical words in a passage (default {}, {})
  --max-edits N          most words changed between identical runs of a passage (default {}, {})
  --spelling-variants    one-letter spelling differences count as the same word (Tartus / Tartous)
  --keep-case            upper and lower case differ
  --keep-diacritics      accented letters differ from plain ones
  --ignore-punctuation   leave punctuation out of the comparison
  --ignore-numbers       leave numbers out of the comparison
  --format FORMAT        text (default), json, or pan (PAN text-alignment XML, A as suspicious);
                         compare-many: text (default), json, or jsonl (JSON Lines, one object a line)
  -h, --help             this help
  -V, --version          the version
",
        defaults.min_words,
        range(CompareOptions::MIN_WORDS),
        defaults.max_edits,
        range(CompareOptions::MAX_EDITS),
    )
}

/// What the user asked for.
pub enum Command {
    Compare(Request),
    CompareMany(SetRequest),
    Help,
    Version,
}

/// A comparison of two files to run and how to print it.
pub struct Request {
    pub a: PathBuf,
    pub b: PathBuf,
    pub options: CompareOptions,
    pub format: Format,
}

/// A comparison of a set of files to run and how to print it.
pub struct SetRequest {
    /// The files in the order given; `-` stands for the paths read from stdin.
    pub files: Vec<PathBuf>,
    pub options: CompareOptions,
    pub format: SetFormat,
}

/// How `compare` prints a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Pan,
}

/// How `compare-many` prints a set.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetFormat {
    Text,
    Json,
    Jsonl,
}

/// Each command's formats by name, the default first.
const FORMATS: [(&str, Format); 3] = [("text", Format::Text), ("json", Format::Json), ("pan", Format::Pan)];
const SET_FORMATS: [(&str, SetFormat); 3] =
    [("text", SetFormat::Text), ("json", SetFormat::Json), ("jsonl", SetFormat::Jsonl)];

/// A command line that cannot be run, with the option or value at fault.
#[derive(Debug)]
pub struct UsageError(String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (see copydesk --help)", self.0)
    }
}

impl From<lexopt::Error> for UsageError {
    fn from(error: lexopt::Error) -> Self {
        UsageError(error.to_string())
    }
}

pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, UsageError> {
    let mut parser = lexopt::Parser::from_args(args);
    let mut positional: Vec<OsString> = Vec::new();
    let mut options = CompareOptions::default();
    let mut format: Option<String> = None;
    while let Some(arg) = parser.next()? {
        match arg {
            Short('h') | Long("help") => return Ok(Command::Help),
            Short('V') | Long("version") => return Ok(Command::Version),
            Long("min-words") => options.min_words = number(&mut parser, "--min-words", CompareOptions::MIN_WORDS)?,
            Long("max-edits") => options.max_edits = number(&mut parser, "--max-edits", CompareOptions::MAX_EDITS)?,
            Long("spelling-variants") => options.spelling_variants = true,
            Long("keep-case") => options.fold_case = false,
            Long("keep-diacritics") => options.fold_diacritics = false,
            Long("ignore-punctuation") => options.ignore_punctuation = true,
            Long("ignore-numbers") => options.ignore_numbers = true,
            Long("format") => format = Some(parser.value()?.string()?),
            Value(value) => positional.push(value),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let mut positional = positional.into_iter();
    let command = positional.next().ok_or_else(|| UsageError("missing command: use 'copydesk compare A B'".into()))?;
    let files: Vec<OsString> = positional.collect();
    // An empty argument is most often a shell variable that was never set.
    if files.iter().any(|file| file.is_empty()) {
        let usage = if command == "compare" { "compare A B" } else { "compare-many FILE..." };
        return Err(UsageError(format!("a file name is empty: copydesk {usage}")));
    }
    match command.to_str() {
        Some("compare") => {
            let format = format_for(format, &FORMATS)?;
            let mut files = files.into_iter();
            match (files.next(), files.next(), files.next()) {
                (Some(a), Some(b), None) => Ok(Command::Compare(Request { a: a.into(), b: b.into(), options, format })),
                (_, _, Some(extra)) => Err(UsageError(format!(
                    "unexpected argument '{}': compare takes two files (compare-many takes more)",
                    extra.to_string_lossy()
                ))),
                _ => Err(UsageError("compare needs two files: copydesk compare A B".into())),
            }
        }
        Some("compare-many") => {
            let format = format_for(format, &SET_FORMATS)?;
            if files.is_empty() {
                return Err(UsageError(
                    "compare-many needs files: copydesk compare-many FILE... (or - for a list on stdin)".into(),
                ));
            }
            if files.iter().filter(|file| *file == "-").count() > 1 {
                return Err(UsageError("'-' is given twice: stdin holds one list of files".into()));
            }
            Ok(Command::CompareMany(SetRequest {
                files: files.into_iter().map(PathBuf::from).collect(),
                options,
                format,
            }))
        }
        _ => Err(UsageError(format!(
            "unknown command '{}': the commands are 'compare' and 'compare-many'",
            command.to_string_lossy()
        ))),
    }
}

/// The `--format` asked for (the first of `formats` if none), if it is one of `formats`.
fn format_for<F: Copy>(asked: Option<String>, formats: &[(&str, F)]) -> Result<F, UsageError> {
    let Some(asked) = asked else { return Ok(formats[0].1) };
    formats.iter().find(|(name, _)| *name == asked).map(|&(_, format)| format).ok_or_else(|| {
        let names: Vec<&str> = formats.iter().map(|&(name, _)| name).collect();
        let (last, others) = names.split_last().expect("a command prints a format");
        UsageError(format!("invalid value '{asked}' for --format: use {} or {last}", others.join(", ")))
    })
}

fn number(parser: &mut lexopt::Parser, name: &str, range: RangeInclusive<usize>) -> Result<usize, UsageError> {
    let value = parser.value()?.string()?;
    match value.parse::<usize>() {
        Ok(n) if range.contains(&n) => Ok(n),
        _ => Err(UsageError(format!(
            "invalid value '{value}' for {name}: expected a whole number from {} to {}",
            range.start(),
            range.end()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_line(line: &str) -> Result<Command, UsageError> {
        parse(line.split_whitespace().map(OsString::from))
    }

    fn error(line: &str) -> String {
        match parse_line(line) {
            Err(error) => error.to_string(),
            Ok(_) => panic!("{line:?} should not parse"),
        }
    }

    #[test]
    fn parses_a_full_request() {
        let Ok(Command::Compare(request)) =
            parse_line("compare a.txt b.txt --min-words 12 --max-edits 0 --spelling-variants --format json")
        else {
            panic!("should parse");
        };
        assert_eq!((request.options.min_words, request.options.max_edits), (12, 0));
        assert!(request.options.spelling_variants);
        assert!(matches!(request.format, Format::Json));
        assert_eq!(request.a, PathBuf::from("a.txt"));
    }

    #[test]
    fn errors_name_the_option_or_argument() {
        assert!(error("compare a b --min-words 1").contains("--min-words"));
        assert!(error("compare a b --min-words lots").contains("'lots'"));
        assert!(error("compare a b --format xml").contains("--format"));
        assert!(error("compare a b --frobnicate").contains("--frobnicate"));
        assert!(error("compare a").contains("two files"));
        assert!(error("compare a b c").contains("'c'"));
        assert!(error("diff a b").contains("'diff'"));
        assert!(error("compare a b --format jsonl").contains("jsonl"));
        assert!(error("compare-many a b --format pan").contains("pan"));
        assert!(error("compare-many --format json").contains("needs files"));
        assert!(error("compare-many - a -").contains("'-'"));
    }

    #[test]
    fn compare_many_takes_files_in_order_and_a_dash() {
        let Ok(Command::CompareMany(request)) = parse_line("compare-many c.txt - a.txt --format jsonl --min-words 8")
        else {
            panic!("should parse");
        };
        assert_eq!(request.files, ["c.txt", "-", "a.txt"].map(PathBuf::from));
        assert_eq!((request.format, request.options.min_words), (SetFormat::Jsonl, 8));
    }
}
