//! The command line: `copydesk compare A B [options]`, parsed with lexopt into a typed request.

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

Finds the passages that text files A and B share, in any order and through small edits.

Options:
  --min-words N          fewest identical words in a passage (default {}, {})
  --max-edits N          most words changed between identical runs of a passage (default {}, {})
  --spelling-variants    one-letter spelling differences count as the same word (Tartus / Tartous)
  --keep-case            upper and lower case differ
  --keep-diacritics      accented letters differ from plain ones
  --ignore-punctuation   leave punctuation out of the comparison
  --ignore-numbers       leave numbers out of the comparison
  --format FORMAT        text (default), json, or pan (PAN text-alignment XML, A as suspicious)
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
    Help,
    Version,
}

/// A comparison to run and how to print it.
pub struct Request {
    pub a: PathBuf,
    pub b: PathBuf,
    pub options: CompareOptions,
    pub format: Format,
}

#[derive(Clone, Copy)]
pub enum Format {
    Text,
    Json,
    Pan,
}

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
    let mut format = Format::Text;
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
            Long("format") => {
                format = match parser.value()?.string()?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    "pan" => Format::Pan,
                    other => {
                        return Err(UsageError(format!("invalid value '{other}' for --format: use text, json or pan")))
                    }
                }
            }
            Value(value) => positional.push(value),
            _ => return Err(arg.unexpected().into()),
        }
    }
    let mut positional = positional.into_iter();
    match (positional.next(), positional.next(), positional.next(), positional.next()) {
        (None, ..) => Err(UsageError("missing command: use 'copydesk compare A B'".into())),
        (Some(command), ..) if command != "compare" => {
            Err(UsageError(format!("unknown command '{}': the command is 'compare'", command.to_string_lossy())))
        }
        // An empty argument is most often a shell variable that was never set.
        (Some(_), Some(a), Some(b), None) if a.is_empty() || b.is_empty() => {
            Err(UsageError("a file name is empty: copydesk compare A B".into()))
        }
        (Some(_), Some(a), Some(b), None) => {
            Ok(Command::Compare(Request { a: a.into(), b: b.into(), options, format }))
        }
        (Some(_), _, _, Some(extra)) => {
            Err(UsageError(format!("unexpected argument '{}': compare takes two files", extra.to_string_lossy())))
        }
        _ => Err(UsageError("compare needs two files: copydesk compare A B".into())),
    }
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
    }
}
