//! Where a run begins and ends. Identical runs stop where the ids stop matching, which is often a
//! little past where the reuse stops: the full stop before a reused sentence matches too, and so does
//! "The" at the start of the next, unrelated paragraph. Runs are trimmed before tiling claims their
//! words, so that what a trim gives up stays free for the passage it belongs to; passages are trimmed
//! once more at their outer ends, where it is clear which end is which.
//!
//! A stub that is a sentence of its own in either text ("Not June." before the copied sentence; the
//! tail of a sentence of `a` that `b` quotes as one) is kept: a chance match ends a longer sentence or
//! starts one, so the text that holds it goes on past it. Text starts and ends count as sentence edges,
//! so the rule does not depend on where a paragraph stands.

use super::{Passage, Run, Sequence};

/// Fewer words than this, cut off from the rest of a run by a sentence end or a paragraph break, are a
/// coincidence ("… evening. The"), not reuse, unless they are a whole sentence in one of the texts.
const STUB_WORDS: usize = 3;

/// `run` with its ends moved in where at least `keep` tokens stay: past a stub of fewer than
/// [`STUB_WORDS`] words before a boundary at the start, past punctuation that may not start a passage,
/// and likewise at the end. A flag on either text counts: the two sides of a run correspond token for
/// token.
///
/// Before tiling, `keep` is the seed length, so that a short run keeps both ends: in `Monday evening .
/// The`, only the passage it ends up in can tell whether `Monday evening` or `The` is the stub.
pub(super) fn trim_run(mut run: Run, a: &Sequence, b: &Sequence, keep: usize) -> Run {
    trim_start(&mut run, a, b, keep);
    trim_end(&mut run, a, b, keep);
    run
}

/// The passage's outer ends moved in: the start of its first run and the end of its last.
pub(super) fn trim_passage(found: &mut Passage, a: &Sequence, b: &Sequence) {
    trim_start(&mut found.runs[0], a, b, 1);
    let last = found.runs.len() - 1;
    trim_end(&mut found.runs[last], a, b, 1);
}

fn trim_start(run: &mut Run, a: &Sequence, b: &Sequence, keep: usize) {
    if let Some(cut) = stub_at_start(run, a, b).filter(|&cut| run.len - cut >= keep) {
        advance(run, cut);
    }
    while run.len > keep && (a.flags[run.a].no_start() || b.flags[run.b].no_start()) {
        advance(run, 1);
    }
}

fn trim_end(run: &mut Run, a: &Sequence, b: &Sequence, keep: usize) {
    if let Some(cut) = stub_at_end(run, a, b).filter(|&cut| run.len - cut >= keep) {
        run.len -= cut;
    }
    while run.len > keep && (a.flags[run.end_a() - 1].no_end() || b.flags[run.end_b() - 1].no_end()) {
        run.len -= 1;
    }
}

/// The tokens of a stub at the start of `run`: one or two words up to a boundary, that are not a whole
/// sentence in either text.
fn stub_at_start(run: &Run, a: &Sequence, b: &Sequence) -> Option<usize> {
    let mut words = 0;
    for offset in 0..(run.len - 1).min(2 * STUB_WORDS) {
        let (i, j) = (run.a + offset, run.b + offset);
        words += usize::from(a.flags[i].is_word());
        if words >= STUB_WORDS {
            return None;
        }
        if words > 0 && (a.flags[i].boundary_after() || b.flags[j].boundary_after()) {
            let whole = a.whole_sentence(run.a..i + 1) || b.whole_sentence(run.b..j + 1);
            return (!whole).then_some(offset + 1);
        }
    }
    None
}

/// The tokens of a stub at the end of `run`: one or two words after a boundary, that are not a whole
/// sentence in either text.
fn stub_at_end(run: &Run, a: &Sequence, b: &Sequence) -> Option<usize> {
    let mut words = 0;
    for offset in 1..run.len.min(2 * STUB_WORDS) {
        let (i, j) = (run.end_a() - offset, run.end_b() - offset);
        words += usize::from(a.flags[i].is_word());
        if words >= STUB_WORDS {
            return None;
        }
        if words > 0 && (a.flags[i - 1].boundary_after() || b.flags[j - 1].boundary_after()) {
            let whole = a.whole_sentence(i..run.end_a()) || b.whole_sentence(j..run.end_b());
            return (!whole).then_some(offset);
        }
    }
    None
}

fn advance(run: &mut Run, tokens: usize) {
    run.a += tokens;
    run.b += tokens;
    run.len -= tokens;
}

#[cfg(test)]
mod tests {
    use crate::{compare, CompareOptions};

    fn shared<'t>(a: &'t str, b: &str, min_words: usize) -> Vec<&'t str> {
        let options = CompareOptions { min_words, ..CompareOptions::default() };
        compare(a, b, &options).passages.iter().map(|p| &a[p.a.range()]).collect()
    }

    #[test]
    fn a_passage_starts_at_the_quote_not_at_the_full_stop_before_it() {
        let a = "The river burst its banks. “We lost everything in one night,” said Leila Haddad.";
        let b = "Officials counted the damage. \"We lost everything in one night,\" said Leila Haddad.";
        assert_eq!(shared(a, b, 6), ["“We lost everything in one night,” said Leila Haddad."]);
    }

    #[test]
    fn a_stub_after_a_paragraph_break_is_not_reuse() {
        let a = "The port stayed shut until the winds eased on Monday evening.\n\nThe breakwater held.";
        let b = "The port stayed shut until the winds eased on Monday evening.\n\nThe mayor left.";
        assert_eq!(shared(a, b, 6), ["The port stayed shut until the winds eased on Monday evening."]);
    }

    #[test]
    fn a_stub_before_a_sentence_end_is_not_reuse() {
        let a = "Nobody was hurt, he said. The port stayed shut until the winds eased on Monday.";
        let b = "Ships waited offshore, she said. The port stayed shut until the winds eased on Monday.";
        assert_eq!(shared(a, b, 6), ["The port stayed shut until the winds eased on Monday."]);
    }

    #[test]
    fn a_stub_that_is_a_sentence_of_its_own_is_reuse() {
        let a = "The minister said the bridge would reopen in May, not June. Engineers found the cracks were shallow.";
        let b = "Work goes on. Not June. Engineers found the cracks were shallow, she said.";
        assert_eq!(shared(a, b, 6), ["not June. Engineers found the cracks were shallow"]);
        // Behind a closing and an opening quote, and at the end of the text.
        let a = "\"It opens in May, not June.\" Engineers found the cracks were shallow. The work takes a week.";
        let b = "\"Work goes on.\" \"Not June.\" Engineers found the cracks were shallow. The";
        assert_eq!(shared(a, b, 6), ["not June.\" Engineers found the cracks were shallow. The"]);
    }

    #[test]
    fn cjk_full_stop_without_space_does_not_start_a_passage() {
        let a = "渔民连夜把船拖上岸。港务局在声明中说港口将关闭两天。";
        let b = "商店周一没有开门。港务局在声明中说港口将关闭两天。";
        assert_eq!(shared(a, b, 6), ["港务局在声明中说港口将关闭两天。"]);
    }

    #[test]
    fn words_a_trim_gives_up_stay_free_for_their_own_passage() {
        // Regression: ", officials said." of the first paragraph was claimed by a run through the
        // inserted sentence's ", officials said. The navy …", then trimmed away from it, and lost.
        let a = "The port of Tartus was closed on Monday after the storm, officials said.\n\n\
                 The navy moved its ships out to sea before the winds arrived.";
        let b = "The port of Tartus was closed on Monday after the storm, officials said.\n\n\
                 No ships were damaged, officials said.\n\nThe navy moved its ships out to sea before the winds arrived.";
        assert_eq!(
            shared(a, b, 10),
            [
                "The port of Tartus was closed on Monday after the storm, officials said.",
                "The navy moved its ships out to sea before the winds arrived."
            ]
        );
    }
}
