//! End-to-end runs of `copydesk compare-many` on the fixture sets of `tests/fixtures/sets/`: the JSON's
//! documented shape, its offsets as code points, the expectations of each set's `expect.json` read
//! from that JSON, JSON Lines as the same report a line at a time, the list of files on stdin, and the
//! mistakes a person can make with a set.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use common::{copydesk, fixture, Run, TempDir};
use serde_json::{json, Value};

const SETS: [&str; 3] = ["wire", "press-release", "chrome"];

/// A fixture set's files in the order of its `expect.json`, and what that file expects.
fn set(name: &str) -> (Vec<PathBuf>, Value) {
    let expect: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture(&format!("sets/{name}/expect.json"))).unwrap())
            .expect("expect.json is JSON");
    let files = expect["documents"].as_array().unwrap().iter();
    (files.map(|file| fixture(&format!("sets/{name}/{}", file.as_str().unwrap()))).collect(), expect)
}

/// All three sets as one collection, in a fixed order.
fn all_files() -> Vec<PathBuf> {
    SETS.iter().flat_map(|name| set(name).0).collect()
}

fn compare_many(files: &[PathBuf], format: &str) -> Run {
    let args = [OsStr::new("compare-many"), OsStr::new("--format"), OsStr::new(format)];
    let run = copydesk(args.into_iter().chain(files.iter().map(|file| file.as_os_str())));
    assert!(run.success, "compare-many failed: {}", run.stderr);
    run
}

fn json_of(files: &[PathBuf]) -> Value {
    serde_json::from_str(&compare_many(files, "json").stdout).expect("--format json prints JSON")
}

fn keys(value: &Value) -> BTreeSet<&str> {
    value.as_object().expect("an object").keys().map(String::as_str).collect()
}

fn index(value: &Value) -> usize {
    value.as_u64().unwrap_or_else(|| panic!("{value} should be an index")) as usize
}

#[test]
fn json_has_the_documented_shape() {
    let files = all_files();
    let report = json_of(&files);
    assert_eq!(keys(&report), BTreeSet::from(["documents", "clusters", "stories", "pairs", "limits"]));
    let documents = report["documents"].as_array().unwrap();
    let names: Vec<&str> = documents.iter().map(|d| d["name"].as_str().unwrap()).collect();
    let given: Vec<String> = files.iter().map(|f| f.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert_eq!(names, given, "documents in command-line order, by file name");
    for document in documents {
        let figures = ["name", "chars", "words", "shared_words", "shared_ratio", "stretches"];
        assert_eq!(keys(document), BTreeSet::from(figures));
        for stretch in document["stretches"].as_array().unwrap() {
            assert_eq!(keys(stretch), BTreeSet::from(["start", "end", "documents", "boilerplate"]));
        }
    }
    for cluster in report["clusters"].as_array().unwrap() {
        assert_eq!(keys(cluster), BTreeSet::from(["words", "boilerplate", "occurrences"]));
        assert!(cluster["occurrences"].as_array().unwrap().len() >= 2, "a cluster stands in two places or more");
        for occurrence in cluster["occurrences"].as_array().unwrap() {
            assert_eq!(keys(occurrence), BTreeSet::from(["document", "start", "end"]));
        }
    }
    let mut storied: Vec<usize> =
        report["stories"].as_array().unwrap().iter().flat_map(|s| s.as_array().unwrap()).map(index).collect();
    storied.sort_unstable();
    assert_eq!(storied, (0..files.len()).collect::<Vec<_>>(), "every document in exactly one story");
    for pair in report["pairs"].as_array().unwrap() {
        assert_eq!(keys(pair), BTreeSet::from(["a", "b", "a_shared_words", "b_shared_words"]));
        assert!(index(&pair["a"]) < index(&pair["b"]));
    }
    assert!(keys(&report["limits"]).contains("common_seeds"));
}

/// The occurrences are the library's, with byte offsets turned into code points: the fixtures hold
/// “curly quotes”, £ and box-drawing characters, so bytes would not match.
#[test]
fn offsets_are_the_library_s_in_code_points() {
    let files = all_files();
    let texts: Vec<String> = files.iter().map(|file| std::fs::read_to_string(file).unwrap()).collect();
    let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
    let collection = copydesk::compare_many(&borrowed, &copydesk::CompareOptions::default());
    let chars = |d: usize, byte: usize| texts[d][..byte].chars().count();
    let expected: Vec<Value> = collection
        .clusters
        .iter()
        .map(|cluster| {
            let occurrences: Vec<Value> = (cluster.occurrences.iter())
                .map(|o| json!({"document": o.document, "start": chars(o.document, o.span.start), "end": chars(o.document, o.span.end)}))
                .collect();
            json!({"words": cluster.words, "boilerplate": cluster.boilerplate, "occurrences": occurrences})
        })
        .collect();
    let report = json_of(&files);
    assert!(texts.iter().any(|text| text.len() != text.chars().count()), "the sets hold non-ASCII text");
    assert_eq!(report["clusters"], Value::Array(expected));
}

/// Each set's `expect.json`, read from the CLI's JSON alone: which documents carry each passage (the
/// document's stretches over its middle letter), that chrome is flagged and own text in no stretch and
/// no cluster, and the stories.
#[test]
fn each_set_s_expectations_hold_in_the_json() {
    for name in SETS {
        let (files, expect) = set(name);
        let texts: Vec<Vec<char>> =
            files.iter().map(|file| std::fs::read_to_string(file).unwrap().chars().collect()).collect();
        let report = json_of(&files);
        let names: Vec<&str> = expect["documents"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
        let document = |quote: &Value| names.iter().position(|&n| n == quote["in"]).expect("a document of the set");
        // The clusters with an occurrence in `d` over the middle of `quote`'s text.
        // The document of `quote`, and the code point in the middle of its text there.
        let middle = |quote: &Value| -> (usize, usize) {
            let d = document(quote);
            let needle: Vec<char> = quote["quote"].as_str().unwrap().chars().collect();
            let at = texts[d].windows(needle.len()).position(|w| w == needle);
            (d, at.unwrap_or_else(|| panic!("{name}: {quote} not found")) + needle.len() / 2)
        };
        let holds = |range: &Value, at: usize| index(&range["start"]) <= at && at < index(&range["end"]);
        let stretches_over = |quote: &Value| -> Vec<&Value> {
            let (d, at) = middle(quote);
            report["documents"][d]["stretches"].as_array().unwrap().iter().filter(|s| holds(s, at)).collect()
        };
        let clusters_over = |quote: &Value| -> Vec<&Value> {
            let (d, at) = middle(quote);
            (report["clusters"].as_array().unwrap().iter())
                .filter(|cluster| {
                    let occurrences = cluster["occurrences"].as_array().unwrap();
                    occurrences.iter().any(|o| index(&o["document"]) == d && holds(o, at))
                })
                .collect()
        };
        for carried in expect["passages"].as_array().unwrap() {
            let found: BTreeSet<&str> = (stretches_over(carried).iter())
                .flat_map(|stretch| stretch["documents"].as_array().unwrap())
                .map(|other| names[index(other)])
                .collect();
            let expected: BTreeSet<&str> =
                carried["carried_by"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
            assert_eq!(found, expected, "{name}: who carries {}", carried["quote"]);
            assert!(!clusters_over(carried).is_empty(), "{name}: {} is in a cluster", carried["quote"]);
        }
        for chrome in expect["boilerplate"].as_array().unwrap() {
            let (stretches, clusters) = (stretches_over(chrome), clusters_over(chrome));
            let flagged = stretches.iter().chain(&clusters).all(|found| found["boilerplate"] == true);
            assert!(flagged, "{name}: {} is chrome", chrome["quote"]);
        }
        for own in expect["own"].as_array().unwrap() {
            let unshared = stretches_over(own).is_empty() && clusters_over(own).is_empty();
            assert!(unshared, "{name}: {} is its document's own", own["quote"]);
        }
        let stories = |stories: &Value| -> BTreeSet<BTreeSet<String>> {
            (stories.as_array().unwrap().iter())
                .map(|story| {
                    story
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|d| d.as_str().map_or_else(|| names[index(d)].to_owned(), str::to_owned))
                        .collect()
                })
                .collect()
        };
        let mut expected = stories(&expect["stories"]);
        // expect.json lists stories of two or more; a document alone is a story of its own in the report.
        for name in &names {
            if !expected.iter().any(|story| story.contains(*name)) {
                expected.insert(BTreeSet::from([name.to_string()]));
            }
        }
        assert_eq!(stories(&report["stories"]), expected, "{name}: the stories");
    }
}

/// Each line is one object with one key, whose value is an element of the JSON report's array of that
/// name in the plural (`limits` as it is), in the order documents, clusters, pairs, stories, limits.
#[test]
fn jsonl_is_the_json_report_a_line_at_a_time() {
    let files = all_files();
    let lines = compare_many(&files, "jsonl").stdout;
    let mut rebuilt: BTreeMap<String, Value> = BTreeMap::new();
    let mut order = Vec::new();
    for line in lines.lines() {
        let object: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        let object = object.as_object().expect("an object a line");
        assert_eq!(object.len(), 1, "one key a line: {line}");
        let (key, value) = object.iter().next().unwrap();
        if order.last() != Some(key) {
            order.push(key.clone());
        }
        let array = match key.as_str() {
            "limits" => {
                rebuilt.insert(key.clone(), value.clone());
                continue;
            }
            "story" => "stories".to_owned(),
            _ => format!("{key}s"),
        };
        rebuilt.entry(array).or_insert_with(|| json!([])).as_array_mut().unwrap().push(value.clone());
    }
    assert_eq!(order, ["document", "cluster", "pair", "story", "limits"]);
    assert_eq!(Value::Object(rebuilt.into_iter().collect()), json_of(&files));
}

#[test]
fn a_dash_reads_the_list_of_files_from_stdin() {
    let files = all_files();
    let (first, rest) = files.split_first().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args([
            OsStr::new("compare-many"),
            first.as_os_str(),
            OsStr::new("-"),
            OsStr::new("--format"),
            OsStr::new("json"),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("copydesk starts");
    let list: String = rest.iter().map(|file| format!("{}\r\n\n", file.display())).collect();
    child.stdin.take().unwrap().write_all(list.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report, json_of(&files), "the files of the list take the dash's place, in order");
}

#[test]
fn text_lists_the_stories_then_the_most_shared_files() {
    let (files, _) = set("wire");
    let out = compare_many(&files, "text").stdout;
    assert!(out.starts_with("5 files: 1 story, 0 alone\n"), "{out}");
    let story = out.find("Story 1: 5 files").expect("the story");
    let most = out.find("Most shared").expect("the most shared files");
    assert!(story < most);
    // The wire is the most shared: nearly all of it stands in the outlets.
    let first = out[most..].lines().nth(1).unwrap();
    assert!(first.trim_start().starts_with("wire.txt"), "{first}");
}

/// Two files of one name in two folders are told apart by the paths they were given as.
#[test]
fn files_of_the_same_name_are_named_by_their_paths() {
    let dir = TempDir::new("same-name");
    let (files, _) = set("wire");
    for folder in ["monday", "tuesday"] {
        std::fs::create_dir_all(dir.0.join(folder)).unwrap();
    }
    let monday = dir.write("monday/story.txt", &std::fs::read(&files[0]).unwrap());
    let tuesday = dir.write("tuesday/story.txt", &std::fs::read(&files[1]).unwrap());
    let report = json_of(&[monday.clone(), tuesday.clone(), files[2].clone()]);
    let names: Vec<&str> =
        report["documents"].as_array().unwrap().iter().map(|d| d["name"].as_str().unwrap()).collect();
    assert_eq!(names, [monday.display().to_string(), tuesday.display().to_string(), "post.txt".into()]);
}

#[test]
fn mistakes_get_one_line_naming_the_culprit() {
    let dir = TempDir::new("set-errors");
    let wire = fixture("sets/wire/wire.txt");
    let missing = dir.0.join("no-such-story.txt");
    let png = dir.write("picture.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0");
    let cases: [(Vec<&OsStr>, &str); 5] = [
        (vec![wire.as_os_str(), missing.as_os_str(), wire.as_os_str()], "no-such-story.txt"),
        (vec![wire.as_os_str(), png.as_os_str()], "picture.png"),
        (vec![wire.as_os_str()], "at least two files"),
        (vec![], "needs files"),
        (vec![wire.as_os_str(), wire.as_os_str(), OsStr::new("--format"), OsStr::new("pan")], "pan"),
    ];
    for (args, culprit) in cases {
        let run = copydesk([OsStr::new("compare-many")].into_iter().chain(args));
        let message = run.stderr.trim_end();
        assert!(!run.success, "{culprit}: should fail");
        assert!(!message.contains('\n') && message.contains(culprit), "{culprit}: {message:?}");
        assert!(run.stdout.is_empty(), "{culprit}: nothing on stdout");
    }
}
