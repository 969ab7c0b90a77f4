//! Scores copydesk on the PAN 2013 text-alignment corpus (its no-obfuscation part) with PAN's official
//! measures: precision, recall, granularity and plagdet (Potthast et al., COLING 2010), macro-averaged
//! over all cases and detections of the corpus, as `perfmeasures.py` computes them.
//!
//! ```text
//! cargo run --release --example pan_eval -- [CORPUS] [--verbose] [--options-json '{"min_words": 12}']
//! cargo test --example pan_eval
//! ```
//!
//! CORPUS defaults to `../shared/corpora/pan13-text-alignment-no-obfuscation` beside this repository;
//! its README.md describes the layout and the measures. The suspicious document is copydesk's `a`, the
//! source its `b`, and every one-to-one passage is one detection: PAN aligns each stretch of text with at
//! most one counterpart (see `Passage::one_to_one`).

use std::ffi::OsString;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use copydesk::decode::decode;
use copydesk::text::offsets::{OffsetIndex, Unit};
use copydesk::{compare, CompareOptions, Span};
use lexopt::prelude::*;
use measures::{Alignment, Scores, Tally};

const USAGE: &str = "\
Usage: cargo run --release --example pan_eval -- [CORPUS] [options]

Scores copydesk on a PAN text-alignment corpus (default: ../shared/corpora/pan13-text-alignment-no-obfuscation).

Options:
  --verbose              also list the 10 worst pairs by F1, with their cases and detections
  --options-json JSON    CompareOptions as JSON, e.g. '{\"min_words\": 12, \"max_edits\": 5}'
  -h, --help             this help
";

/// How many pairs `--verbose` lists.
const WORST_PAIRS: usize = 10;

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("pan_eval: {message} (see --help)");
            return ExitCode::from(2);
        }
    };
    match evaluate(&args.corpus, &args.options) {
        Ok(evaluation) => {
            print!("{}", summary(&args.corpus, &args.options, &evaluation));
            if args.verbose {
                print!("{}", worst_pairs(&evaluation.pairs));
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("pan_eval: {message}");
            ExitCode::from(1)
        }
    }
}

struct Args {
    corpus: PathBuf,
    verbose: bool,
    options: CompareOptions,
}

/// The command line, or `None` for `--help`.
fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Option<Args>, String> {
    let mut parser = lexopt::Parser::from_args(args);
    let mut corpus = None;
    let mut verbose = false;
    let mut options = CompareOptions::default();
    while let Some(arg) = parser.next().map_err(|error| error.to_string())? {
        match arg {
            Short('h') | Long("help") => return Ok(None),
            Long("verbose") => verbose = true,
            Long("options-json") => {
                let json = parser.value().and_then(|value| value.string()).map_err(|error| error.to_string())?;
                options = serde_json::from_str(&json).map_err(|error| format!("invalid --options-json: {error}"))?;
            }
            Value(path) if corpus.is_none() => corpus = Some(PathBuf::from(path)),
            _ => return Err(arg.unexpected().to_string()),
        }
    }
    let corpus = corpus.unwrap_or_else(|| {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/pan13-text-alignment-no-obfuscation")
    });
    Ok(Some(Args { corpus, verbose, options }))
}

/// The detections and scores of every pair, in the order of the `pairs` file.
struct Evaluation {
    pairs: Vec<PairResult>,
    /// Reading, comparing and scoring, all pairs.
    elapsed: Duration,
}

struct PairResult {
    /// `<suspicious stem>-<source stem>`, the name of its truth file.
    name: String,
    cases: Vec<Alignment>,
    detections: Vec<Alignment>,
    tally: Tally,
    /// Bytes of both texts.
    bytes: usize,
    /// Time spent in `compare` alone.
    comparing: Duration,
}

fn evaluate(corpus: &Path, options: &CompareOptions) -> Result<Evaluation, String> {
    let pairs_file = corpus.join("pairs");
    let pairs = std::fs::read_to_string(&pairs_file).map_err(|error| {
        format!(
            "no PAN corpus at {} (cannot read {}: {error}); give the corpus folder as the first argument",
            corpus.display(),
            pairs_file.display()
        )
    })?;
    let started = Instant::now();
    let mut results = Vec::new();
    for (number, line) in pairs.lines().enumerate().filter(|(_, line)| !line.trim().is_empty()) {
        let mut names = line.split_whitespace();
        let (Some(susp_name), Some(src_name), None) = (names.next(), names.next(), names.next()) else {
            return Err(format!("{}:{}: expected two file names, found {line:?}", pairs_file.display(), number + 1));
        };
        results.push(evaluate_pair(corpus, susp_name, src_name, options)?);
    }
    Ok(Evaluation { pairs: results, elapsed: started.elapsed() })
}

fn evaluate_pair(
    corpus: &Path,
    susp_name: &str,
    src_name: &str,
    options: &CompareOptions,
) -> Result<PairResult, String> {
    let susp = StoredText::read(&corpus.join("susp").join(susp_name))?;
    let src = StoredText::read(&corpus.join("src").join(src_name))?;
    let name = format!("{}-{}", stem(susp_name), stem(src_name));
    let truth_file = corpus.join("truth").join(format!("{name}.xml"));
    let truth = std::fs::read_to_string(&truth_file).map_err(|error| format!("{}: {error}", truth_file.display()))?;
    let cases = parse_truth(&truth, src_name).map_err(|message| format!("{}: {message}", truth_file.display()))?;

    let started = Instant::now();
    let comparison = compare(&susp.text, &src.text, options);
    let comparing = started.elapsed();

    let (susp_index, src_index) = (susp.index(), src.index());
    let detections: Vec<Alignment> = comparison
        .passages
        .iter()
        .filter(|p| p.one_to_one)
        .map(|p| Alignment { susp: susp.code_points(&susp_index, p.a), src: src.code_points(&src_index, p.b) })
        .collect();
    let tally = Tally::pair(&cases, &detections);
    Ok(PairResult { name, cases, detections, tally, bytes: susp.text.len() + src.text.len(), comparing })
}

fn stem(file_name: &str) -> &str {
    file_name.strip_suffix(".txt").unwrap_or(file_name)
}

/// A corpus file, decoded, and able to count in PAN's unit: code points of the file as stored.
struct StoredText {
    text: String,
    /// 1 when the file starts with a byte order mark: decoding drops it, but PAN counts it.
    bom: usize,
}

impl StoredText {
    fn read(path: &Path) -> Result<StoredText, String> {
        let bytes = std::fs::read(path).map_err(|error| format!("{}: {error}", path.display()))?;
        let bom = usize::from(encoding_rs::Encoding::for_bom(&bytes).is_some());
        let decoded = decode(&bytes).map_err(|error| format!("{}: {error}", path.display()))?;
        Ok(StoredText { text: decoded.text, bom })
    }

    fn index(&self) -> OffsetIndex<'_> {
        OffsetIndex::new(&self.text, Unit::CodePoint)
    }

    /// The code points of the stored file that a byte span of `text` covers; `index` is `self.index()`.
    fn code_points(&self, index: &OffsetIndex, span: Span) -> Range<usize> {
        index.convert(span.start) + self.bom..index.convert(span.end) + self.bom
    }
}

/// The plagiarism cases of a truth file: its `<feature name="plagiarism" .../>` elements, as
/// `perfmeasures.py` reads them (other features, such as detections, are not cases). Each must name
/// `source` (the pair's source file) and give both sides' offsets and lengths.
fn parse_truth(xml: &str, source: &str) -> Result<Vec<Alignment>, String> {
    let mut cases = Vec::new();
    for (number, element) in xml.split("<feature").skip(1).enumerate() {
        let tag = &element[..element.find('>').unwrap_or(element.len())];
        if !attribute(tag, "name").is_some_and(|name| name.ends_with("plagiarism")) {
            continue;
        }
        let number_attribute = |name: &str| -> Result<usize, String> {
            let value = attribute(tag, name).ok_or_else(|| format!("feature {} has no {name}", number + 1))?;
            value.parse().map_err(|_| format!("feature {}: {name}=\"{value}\" is not a whole number", number + 1))
        };
        match attribute(tag, "source_reference") {
            Some(reference) if reference == source => {}
            other => {
                return Err(format!("feature {} names source {other:?}, but the pair's source is {source}", number + 1))
            }
        }
        let (this_offset, source_offset) = (number_attribute("this_offset")?, number_attribute("source_offset")?);
        cases.push(Alignment {
            susp: this_offset..this_offset + number_attribute("this_length")?,
            src: source_offset..source_offset + number_attribute("source_length")?,
        });
    }
    Ok(cases)
}

/// The value of attribute `name` in the inside of a tag, double-quoted as PAN writes it.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let key = format!("{name}=\"");
    let (at, _) = tag.match_indices(&key).find(|&(at, _)| tag[..at].ends_with(char::is_whitespace))?;
    let value = &tag[at + key.len()..];
    value.find('"').map(|end| &value[..end])
}

fn summary(corpus: &Path, options: &CompareOptions, evaluation: &Evaluation) -> String {
    let pairs = &evaluation.pairs;
    let mut total = Tally::default();
    for pair in pairs {
        total += pair.tally;
    }
    let Scores { precision, recall, granularity, plagdet, .. } = total.scores();
    let seconds = evaluation.elapsed.as_secs_f64();
    let comparing: Duration = pairs.iter().map(|pair| pair.comparing).sum();
    let bytes: usize = pairs.iter().map(|pair| pair.bytes).sum();

    let mut out = format!("corpus       {}\n", corpus.display());
    let _ = writeln!(out, "options      {}", serde_json::to_string(options).expect("options are plain fields"));
    let _ = writeln!(out, "pairs        {}", pairs.len());
    let _ = writeln!(out, "cases        {}", total.cases);
    let _ = writeln!(out, "detections   {}", total.detections);
    let _ = writeln!(out, "precision    {precision:.4}");
    let _ = writeln!(out, "recall       {recall:.4}");
    let _ = writeln!(out, "granularity  {granularity:.4}");
    let _ = writeln!(out, "plagdet      {plagdet:.4}");
    let _ = writeln!(
        out,
        "time         {seconds:.2} s ({:.2} s comparing), {:.1} MB/s, {:.0} pairs/s",
        comparing.as_secs_f64(),
        bytes as f64 / 1e6 / seconds,
        pairs.len() as f64 / seconds,
    );
    out
}

/// The pairs with the lowest F1, worst first, each with its cases and detections in code points.
fn worst_pairs(pairs: &[PairResult]) -> String {
    let mut ranked: Vec<(&PairResult, Scores)> = pairs.iter().map(|pair| (pair, pair.tally.scores())).collect();
    ranked
        .sort_by(|(a, a_scores), (b, b_scores)| a_scores.f1.total_cmp(&b_scores.f1).then_with(|| a.name.cmp(&b.name)));
    let mut out = format!(
        "\nthe {} worst pairs by F1 (each scored on its own cases and detections):\n",
        WORST_PAIRS.min(pairs.len())
    );
    for (pair, scores) in ranked.into_iter().take(WORST_PAIRS) {
        let _ = writeln!(
            out,
            "F1 {:.4}  precision {:.4}  recall {:.4}  granularity {:.2}  {}",
            scores.f1, scores.precision, scores.recall, scores.granularity, pair.name
        );
        for (label, alignments) in [("case     ", &pair.cases), ("detection", &pair.detections)] {
            for alignment in alignments {
                let _ = writeln!(out, "  {label}  susp {:?}  src {:?}", alignment.susp, alignment.src);
            }
        }
    }
    out
}

/// PAN's measures over alignments of character ranges, as `perfmeasures.py` defines them.
mod measures {
    use std::ops::{AddAssign, Range};

    /// A plagiarism case or a detection: code points of the suspicious text and of the source.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct Alignment {
        pub susp: Range<usize>,
        pub src: Range<usize>,
    }

    impl Alignment {
        /// Its characters: both sides', which are different characters even at equal offsets.
        fn chars(&self) -> usize {
            self.susp.len() + self.src.len()
        }

        /// PAN's "detects", which is symmetric: the two share characters on both sides.
        fn detects(&self, other: &Alignment) -> bool {
            shared(&self.susp, &other.susp) > 0 && shared(&self.src, &other.src) > 0
        }

        /// The share of its characters that the `others` it detects cover, each character once.
        fn coverage<'a>(&self, others: impl Iterator<Item = &'a Alignment>) -> f64 {
            let detecting: Vec<&Alignment> = others.filter(|other| self.detects(other)).collect();
            let covered = covered(&self.susp, detecting.iter().map(|other| &other.susp))
                + covered(&self.src, detecting.iter().map(|other| &other.src));
            covered as f64 / self.chars() as f64
        }
    }

    fn shared(a: &Range<usize>, b: &Range<usize>) -> usize {
        a.end.min(b.end).saturating_sub(a.start.max(b.start))
    }

    /// How many characters of `range` at least one of `others` covers.
    fn covered<'a>(range: &Range<usize>, others: impl Iterator<Item = &'a Range<usize>>) -> usize {
        let mut clipped: Vec<Range<usize>> = others
            .map(|other| other.start.max(range.start)..other.end.min(range.end))
            .filter(|clipped| !clipped.is_empty())
            .collect();
        clipped.sort_by_key(|clipped| clipped.start);
        let (mut total, mut reached) = (0, range.start);
        for clipped in clipped {
            total += clipped.end.saturating_sub(clipped.start.max(reached));
            reached = reached.max(clipped.end);
        }
        total
    }

    /// Sums over some document pairs. The corpus scores are averages over all its cases and all its
    /// detections, not over pairs, so pairs add up their sums and the corpus divides once.
    #[derive(Clone, Copy, Debug, Default, PartialEq)]
    pub struct Tally {
        pub cases: usize,
        pub detections: usize,
        /// Over cases: the share of the case's characters that detections detecting it cover.
        recall_sum: f64,
        /// Over detections: the share of the detection's characters that cases it detects cover.
        precision_sum: f64,
        /// Cases that at least one detection detects.
        detected_cases: usize,
        /// Over detected cases: how many detections detect it.
        detecting: usize,
    }

    impl Tally {
        /// The sums of one document pair. Cases and detections without any character are left out:
        /// they have nothing to find or to be right about (`perfmeasures.py` divides by zero on them).
        pub fn pair(cases: &[Alignment], detections: &[Alignment]) -> Tally {
            let cases: Vec<&Alignment> = cases.iter().filter(|case| case.chars() > 0).collect();
            let detections: Vec<&Alignment> = detections.iter().filter(|detection| detection.chars() > 0).collect();
            let mut tally = Tally { cases: cases.len(), detections: detections.len(), ..Tally::default() };
            for case in &cases {
                tally.recall_sum += case.coverage(detections.iter().copied());
                let detecting = detections.iter().filter(|detection| case.detects(detection)).count();
                tally.detected_cases += usize::from(detecting > 0);
                tally.detecting += detecting;
            }
            for detection in &detections {
                tally.precision_sum += detection.coverage(cases.iter().copied());
            }
            tally
        }

        /// The scores, with `perfmeasures.py`'s conventions where an average has nothing to average:
        /// with neither cases nor detections, precision and recall are 1; with only one of them, both
        /// are 0 (so no detections means precision 0, and detections where there is no case mean
        /// recall 0); with no detected case, granularity is 1.
        pub fn scores(&self) -> Scores {
            let (precision, recall) = match (self.detections, self.cases) {
                (0, 0) => (1.0, 1.0),
                (0, _) | (_, 0) => (0.0, 0.0),
                (detections, cases) => (self.precision_sum / detections as f64, self.recall_sum / cases as f64),
            };
            let granularity =
                if self.detected_cases == 0 { 1.0 } else { self.detecting as f64 / self.detected_cases as f64 };
            let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
            Scores { precision, recall, granularity, f1, plagdet: f1 / (1.0 + granularity).log2() }
        }
    }

    impl AddAssign for Tally {
        fn add_assign(&mut self, other: Tally) {
            self.cases += other.cases;
            self.detections += other.detections;
            self.recall_sum += other.recall_sum;
            self.precision_sum += other.precision_sum;
            self.detected_cases += other.detected_cases;
            self.detecting += other.detecting;
        }
    }

    /// PAN's measures; `f1` is plagdet before the granularity penalty.
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct Scores {
        pub precision: f64,
        pub recall: f64,
        pub granularity: f64,
        pub f1: f64,
        pub plagdet: f64,
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn alignment(susp: Range<usize>, src: Range<usize>) -> Alignment {
            Alignment { susp, src }
        }

        fn scores(cases: &[Alignment], detections: &[Alignment]) -> Scores {
            Tally::pair(cases, detections).scores()
        }

        fn assert_close(actual: f64, expected: f64) {
            assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
        }

        #[test]
        fn a_perfect_detection_scores_one_everywhere() {
            let case = alignment(100..200, 0..100);
            assert_eq!(
                scores(&[case.clone()], &[case]),
                Scores { precision: 1.0, recall: 1.0, granularity: 1.0, f1: 1.0, plagdet: 1.0 }
            );
        }

        #[test]
        fn a_half_covered_case_has_half_recall() {
            let found = scores(&[alignment(0..100, 0..100)], &[alignment(0..50, 0..50)]);
            assert_eq!((found.precision, found.recall, found.granularity), (1.0, 0.5, 1.0));
            assert_close(found.plagdet, 2.0 / 3.0);
        }

        #[test]
        fn a_split_case_has_granularity_two() {
            let found = scores(&[alignment(0..100, 0..100)], &[alignment(0..50, 0..50), alignment(50..100, 50..100)]);
            assert_eq!((found.precision, found.recall, found.granularity), (1.0, 1.0, 2.0));
            assert_close(found.plagdet, 1.0 / 3f64.log2());
        }

        #[test]
        fn detecting_takes_overlap_on_both_sides() {
            let found = scores(&[alignment(0..100, 0..100)], &[alignment(0..100, 100..200)]);
            assert_eq!((found.precision, found.recall, found.plagdet), (0.0, 0.0, 0.0));
        }

        #[test]
        fn precision_counts_both_sides_and_only_detected_cases() {
            // perfmeasures.py's own checks: ann4 covers ann1 twice over; ann3 only touches it.
            let (ann1, ann3, ann4) =
                (alignment(0..100, 0..100), alignment(100..200, 100..200), alignment(0..200, 0..200));
            assert_close(scores(&[ann1.clone()], &[ann4.clone()]).precision, 0.5);
            assert_close(scores(&[ann1], &[ann3, ann4]).precision, 0.25);
        }

        #[test]
        fn overlapping_detections_count_each_character_once() {
            // perfmeasures.py: ann7 is recalled 0.75 by ann9 and ann10 together.
            let found =
                scores(&[alignment(0..100, 0..100)], &[alignment(50..150, 50..150), alignment(25..100, 25..100)]);
            assert_close(found.recall, 0.75);
            assert_close(found.granularity, 2.0);
        }

        #[test]
        fn empty_sides_follow_perfmeasures() {
            let case = alignment(0..100, 0..100);
            let none = scores(&[case.clone()], &[]);
            assert_eq!((none.precision, none.recall, none.granularity, none.plagdet), (0.0, 0.0, 1.0, 0.0));
            let uncalled = scores(&[], &[case]);
            assert_eq!((uncalled.precision, uncalled.recall), (0.0, 0.0));
            assert_eq!(scores(&[], &[]).plagdet, 1.0);
        }

        #[test]
        fn cases_without_characters_are_left_out() {
            let tally =
                Tally::pair(&[alignment(10..10, 5..5), alignment(0..100, 0..100)], &[alignment(0..100, 0..100)]);
            assert_eq!(tally.cases, 1);
            assert_eq!(tally.scores().plagdet, 1.0);
        }

        #[test]
        fn pairs_add_up_to_an_average_over_cases() {
            let mut total = Tally::pair(&[alignment(0..100, 0..100)], &[alignment(0..100, 0..100)]);
            total += Tally::pair(&[alignment(0..100, 0..100), alignment(200..300, 200..300)], &[]);
            let found = total.scores();
            assert_eq!((total.cases, total.detections), (3, 1));
            assert_close(found.recall, 1.0 / 3.0);
            assert_eq!(found.precision, 1.0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plagiarism_features_in_code_points() {
        let xml = r#"<document reference="suspicious-document00005.txt">
<feature name="plagiarism" obfuscation="none" source_length="698" source_offset="1300"
         source_reference="source-document01090.txt" this_length="690" this_offset="3593" type="artificial" />
<feature name="about" language="en" />
</document>"#;
        assert_eq!(
            parse_truth(xml, "source-document01090.txt"),
            Ok(vec![Alignment { susp: 3593..4283, src: 1300..1998 }])
        );
        assert!(parse_truth(xml, "source-document00001.txt").unwrap_err().contains("source-document00001.txt"));
    }

    #[test]
    fn truth_errors_name_the_feature_and_attribute() {
        let xml = r#"<feature name="plagiarism" source_reference="s.txt" this_offset="12" source_offset="x" />"#;
        let error = parse_truth(xml, "s.txt").unwrap_err();
        assert!(error.contains("feature 1") && error.contains("source_offset"), "{error}");
    }

    #[test]
    fn stored_offsets_count_a_byte_order_mark() {
        let text = StoredText { text: "Äb port".to_owned(), bom: 1 };
        let index = text.index();
        assert_eq!(text.code_points(&index, Span::new(4, 8)), 4..8);
    }
}
