//! Regression tests for "every copy counts": text that one side holds twice, or copies twice in
//! overlapping stretches, is shared every time. Greedy string tiling used to let each word of either
//! text stand in one passage, so the second copy was reported as the side's own text.

use copydesk::text::{tokenize, TokenKind};
use copydesk::{compare, CompareOptions, Comparison, Span};

const TERMINAL: &str =
    "The harbour authority said on Tuesday that the new container terminal would open to ships in the spring of next year.";
const TRADERS: &str = "Local traders welcomed the news at a meeting in the town hall on Wednesday evening.";

/// Five paragraphs of an article of our own, 12 to 20 words each.
const PARAGRAPHS: [&str; 5] = [
    "The ferry company cancelled its morning crossings after the wind rose overnight along the northern coast.",
    "Passengers waiting at the terminal were offered seats on the afternoon boats or a full refund of their fares.",
    "A spokeswoman said the crews had been told to stay in port until the forecasters lifted the gale warning.",
    "She added that the timetable would return to normal by Friday if the weather improved as expected.",
    "Fishermen in the bay tied their boats together and carried their nets up the slipway before dark.",
];

/// The words of `text` that stand in any of `spans`, in order, joined by spaces.
fn covered(text: &str, spans: impl Iterator<Item = Span> + Clone) -> String {
    let words = tokenize(text).into_iter().filter(|token| token.kind != TokenKind::Punct);
    let inside = words.filter(|word| spans.clone().any(|s| s.start <= word.span.start && word.span.end <= s.end));
    inside.map(|word| &text[word.span.range()]).collect::<Vec<_>>().join(" ")
}

/// The words of `texts`, joined as [`covered`] joins them.
fn words_of(texts: &[&str]) -> String {
    texts.iter().map(|text| covered(text, std::iter::once(Span::new(0, text.len())))).collect::<Vec<_>>().join(" ")
}

fn shared_in_a(text: &str, result: &Comparison) -> String {
    covered(text, result.passages.iter().map(|passage| passage.a))
}

fn shared_in_b(text: &str, result: &Comparison) -> String {
    covered(text, result.passages.iter().map(|passage| passage.b))
}

#[test]
fn a_sentence_b_repeats_is_shared_both_times() {
    let a = format!("{TERMINAL} Officials gave no other details.");
    let b = format!("{TERMINAL}\n\n{TRADERS}\n\n{TERMINAL}");
    let result = compare(&a, &b, &CompareOptions::default());

    assert_eq!(shared_in_b(&b, &result), words_of(&[TERMINAL, TERMINAL]));
    assert_eq!((result.b.shared_words, result.b.words), (42, 57));
    // Both copies link to the one sentence of `a`; one of them is its one-to-one counterpart.
    let sentence = Span::new(0, TERMINAL.len());
    let second = b.rfind(TERMINAL).unwrap();
    let links: Vec<(Span, Span)> = result.passages.iter().map(|p| (p.a, p.b)).collect();
    assert_eq!(links, [(sentence, sentence), (sentence, Span::new(second, second + TERMINAL.len()))]);
    assert_eq!(result.passages.iter().filter(|p| p.one_to_one).count(), 1);
    assert_eq!(result.a.shared_words, 21, "a's figure says how much of a stands in b");
}

#[test]
fn overlapping_copies_are_each_shared_whole() {
    let a = PARAGRAPHS.join("\n\n");
    let (third, third_and_fourth) = (PARAGRAPHS[2], format!("{} {}", PARAGRAPHS[2], PARAGRAPHS[3]));
    let b = format!(
        "Our reporter spoke to the harbour master.\n\n{third}\n\nMore on this story as it develops, \
         said the night editor.\n\n{third_and_fourth}\n\nWeather: showers, clearing later."
    );
    let result = compare(&a, &b, &CompareOptions::default());

    assert_eq!(shared_in_b(&b, &result), words_of(&[third, &third_and_fourth]));
    assert_eq!(shared_in_a(&a, &result), words_of(&[third, PARAGRAPHS[3]]));
}

#[test]
fn a_headline_printed_twice_is_shared_both_times() {
    let headline = "Storm closes northern ferry routes as gale warning stays in force for a second day";
    let body = PARAGRAPHS[..3].join("\n\n");
    let a = format!("{headline}\n\n{body}");
    let b = format!("{headline}\n\nSkip to main content\n\nNews | Weather | Sport\n\n{headline}\n\n{body}");
    let result = compare(&a, &b, &CompareOptions::default());

    assert_eq!(shared_in_b(&b, &result), words_of(&[headline, headline, &body]));
    assert_eq!(result.a.shared_words, result.a.words);
}

#[test]
fn a_paragraph_a_repeats_and_b_holds_once_is_shared_in_both_places_of_a() {
    let a = [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[0], PARAGRAPHS[4]].join("\n\n");
    let b = [TRADERS, PARAGRAPHS[0], TERMINAL].join("\n\n");
    let result = compare(&a, &b, &CompareOptions::default());

    assert_eq!(shared_in_a(&a, &result), words_of(&[PARAGRAPHS[0], PARAGRAPHS[0]]));
    assert_eq!(shared_in_b(&b, &result), words_of(&[PARAGRAPHS[0]]));
    assert_eq!(result.a.shared_words, 2 * result.b.shared_words);
}

/// Regression: a copy cut inside sentences of `a`, whose first or last word or two `b` prints as a
/// sentence of their own, lost those words as a stub ("… evening. The" matching by chance), and with them
/// the whole copy when that left it under `min_words`. A stub that is a whole sentence in either text is
/// no coincidence.
#[test]
fn a_copy_cut_inside_sentences_of_a_is_shared_whole() {
    let a = [PARAGRAPHS[2], PARAGRAPHS[3], PARAGRAPHS[4]].join("\n\n");
    // Starts with the last two words of the third paragraph, ends with the first two of the fifth.
    let (first, second) = (
        "Gale warning. She added that the timetable would return to normal.",
        "By Friday if the weather improved as expected. Fishermen in.",
    );
    let b = format!(
        "Our reporter spoke to the harbour master. {first} More on this story later. {second} Weather: showers."
    );
    let result = compare(&a, &b, &CompareOptions::default());

    assert_eq!(shared_in_b(&b, &result), words_of(&[first, second]));
}

/// Regression: a word inserted next to itself ("at the the terminal") was in the runs on both sides of
/// the insertion, for a word may be in several tiles; the second run did not start after the first ended,
/// so they were not joined, and the copy was cut in two overlapping passages, or lost its first four
/// words as a passage under `min_words`. The same for a doubled word deleted.
#[test]
fn a_word_doubled_or_undoubled_does_not_split_a_copy() {
    let (once, twice) = (PARAGRAPHS[1], PARAGRAPHS[1].replace("at the terminal", "at the the terminal"));
    for (a, b) in [(once, twice.as_str()), (twice.as_str(), once)] {
        let result = compare(a, b, &CompareOptions::default());
        let links: Vec<(Span, Span)> = result.passages.iter().map(|p| (p.a, p.b)).collect();
        assert_eq!(links, [(Span::new(0, a.len()), Span::new(0, b.len()))]);
    }
}
