//! The word diff: `similar`'s Myers diff over id slices, anchored by the matcher's passages.
//!
//! A diff of two whole articles is slow (Myers is O(ND), and D grows with the text) and, once paragraphs
//! move, mostly noise. So the diff runs only where it means something: between the identical runs inside
//! each passage (a few words each), and in the gaps between anchor passages when they are small. Anchors
//! are the heaviest chain of passages that appear in the same order in both texts; passages off that
//! chain (moved text) show as deleted in one place and inserted in another.

use std::ops::Range;

use similar::{capture_diff_slices, Algorithm, DiffOp as SimilarOp};

use crate::matcher::{Passage, Run};
use crate::sorting::order_by_key;

/// The most cells (`a` tokens times `b` tokens) of a gap between anchors that the diff aligns word by
/// word. A larger gap has no shared passage in order, so aligning its few common words ("the", "said")
/// would only scatter noise; it shows as deleted and inserted.
pub const MAX_GAP_CELLS: usize = 128 * 128;

/// What an operation of the word diff does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffKind {
    /// The same in both texts (under the comparison's normalization).
    Equal,
    /// Only in `a`.
    Delete,
    /// Only in `b`.
    Insert,
}

/// One operation over compared-token indices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Op {
    pub kind: DiffKind,
    pub a: Range<usize>,
    pub b: Range<usize>,
}

/// The operations inside one passage, over the exact keys `a` and `b`. Its runs are identical under the
/// matcher's ids, and under the keys too except where a spelling variant stands; so only the gaps
/// between runs need a real diff, and a passage costs time linear in its length.
pub(crate) fn inside_passage(found: &Passage, a: &[u32], b: &[u32]) -> Vec<Op> {
    let mut result = Vec::new();
    let mut previous: Option<&Run> = None;
    for run in &found.runs {
        if let Some(p) = previous {
            result.extend(ops(&a[p.end_a()..run.a], &b[p.end_b()..run.b], p.end_a(), p.end_b()));
        }
        run_ops(run, a, b, &mut result);
        previous = Some(run);
    }
    merge(result)
}

/// A run's operations: equal, but for one-word replacements where the keys differ.
fn run_ops(run: &Run, a: &[u32], b: &[u32], result: &mut Vec<Op>) {
    let mut equal_from = 0;
    for t in (0..run.len).filter(|&t| a[run.a + t] != b[run.b + t]) {
        let (i, j) = (run.a + t, run.b + t);
        result.push(Op { kind: DiffKind::Equal, a: run.a + equal_from..i, b: run.b + equal_from..j });
        result.push(Op { kind: DiffKind::Delete, a: i..i + 1, b: j..j });
        result.push(Op { kind: DiffKind::Insert, a: i + 1..i + 1, b: j..j + 1 });
        equal_from = t + 1;
    }
    result.push(Op { kind: DiffKind::Equal, a: run.a + equal_from..run.end_a(), b: run.b + equal_from..run.end_b() });
}

/// The differing stretches among `ops`: pairs of ranges of which at least one is non-empty; a
/// deletion and an insertion at the same place are one edit.
pub(crate) fn edits(ops: &[Op]) -> Vec<(Range<usize>, Range<usize>)> {
    let mut edits: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    for op in ops.iter().filter(|op| op.kind != DiffKind::Equal) {
        match edits.last_mut() {
            Some(last) if last.0.end == op.a.start && last.1.end == op.b.start => {
                last.0.end = op.a.end;
                last.1.end = op.b.end;
            }
            _ => edits.push((op.a.clone(), op.b.clone())),
        }
    }
    edits
}

/// The inline diff of two whole texts.
pub(crate) struct Inline {
    /// Consecutive operations of one kind merged.
    pub ops: Vec<Op>,
    /// Gaps between anchors larger than [`MAX_GAP_CELLS`], shown whole as deleted and inserted.
    pub unaligned: usize,
}

/// The inline diff of the whole texts `a` and `b`, anchored by the one-to-one ones of `passages`
/// (ordered by their start in `a`), whose own operations are `inside` (from [`passage`]).
pub(crate) fn inline(a: &[u32], b: &[u32], passages: &[Passage], inside: &[Vec<Op>]) -> Inline {
    let mut result: Vec<Op> = Vec::new();
    let mut unaligned = 0;
    let (mut at_a, mut at_b) = (0, 0);
    let anchors = anchors(passages).into_iter().map(Some).chain([None]);
    for anchor in anchors {
        let (end_a, end_b) = anchor.map_or((a.len(), b.len()), |p| (passages[p].a().start, passages[p].b().start));
        let (gap_a, gap_b) = (&a[at_a..end_a], &b[at_b..end_b]);
        if gap_a.len().saturating_mul(gap_b.len()) <= MAX_GAP_CELLS {
            result.extend(ops(gap_a, gap_b, at_a, at_b));
        } else {
            unaligned += 1;
            result.push(Op { kind: DiffKind::Delete, a: at_a..end_a, b: at_b..at_b });
            result.push(Op { kind: DiffKind::Insert, a: end_a..end_a, b: at_b..end_b });
        }
        if let Some(p) = anchor {
            result.extend(inside[p].iter().cloned());
            (at_a, at_b) = (passages[p].a().end, passages[p].b().end);
        }
    }
    Inline { ops: merge(result), unaligned }
}

/// Myers diff of `a` and `b`, with ranges shifted by `at_a` and `at_b`.
///
/// The empty side of a deletion or insertion is placed from running cursors: `similar` 2.x reports
/// that index wrongly in some cases (mitsuhiko/similar#78).
fn ops(a: &[u32], b: &[u32], at_a: usize, at_b: usize) -> Vec<Op> {
    let mut result = Vec::new();
    let (mut i, mut j) = (at_a, at_b);
    for op in capture_diff_slices(Algorithm::Myers, a, b) {
        let (old, new) = (op.old_range(), op.new_range());
        let (old, new) = (old.start + at_a..old.end + at_a, new.start + at_b..new.end + at_b);
        match op {
            SimilarOp::Equal { .. } => result.push(Op { kind: DiffKind::Equal, a: old.clone(), b: new.clone() }),
            SimilarOp::Delete { .. } => result.push(Op { kind: DiffKind::Delete, a: old.clone(), b: j..j }),
            SimilarOp::Insert { .. } => result.push(Op { kind: DiffKind::Insert, a: i..i, b: new.clone() }),
            SimilarOp::Replace { .. } => {
                result.push(Op { kind: DiffKind::Delete, a: old.clone(), b: new.start..new.start });
                result.push(Op { kind: DiffKind::Insert, a: old.end..old.end, b: new.clone() });
            }
        }
        match op {
            SimilarOp::Delete { .. } => i = old.end,
            SimilarOp::Insert { .. } => j = new.end,
            _ => (i, j) = (old.end, new.end),
        }
    }
    result
}

fn merge(ops: Vec<Op>) -> Vec<Op> {
    let mut merged: Vec<Op> = Vec::with_capacity(ops.len());
    for op in ops.into_iter().filter(|op| !op.a.is_empty() || !op.b.is_empty()) {
        match merged.last_mut() {
            Some(last) if last.kind == op.kind => {
                last.a.end = op.a.end;
                last.b.end = op.b.end;
            }
            _ => merged.push(op),
        }
    }
    merged
}

/// The indices of the passages of the heaviest chain (by length in `a`) of one-to-one passages that is
/// ordered the same way in both texts: a weighted longest increasing subsequence, O(P log P) with a
/// Fenwick tree over `b` order. One-to-one passages never overlap, so a chain in order is an alignment.
fn anchors(passages: &[Passage]) -> Vec<usize> {
    let paired: Vec<usize> = (0..passages.len()).filter(|&p| passages[p].one_to_one).collect();
    let by_b = order_by_key(paired.len(), |i| (passages[paired[i]].b().start, 0));
    let mut rank = vec![0; paired.len()];
    for (r, &i) in by_b.iter().enumerate() {
        rank[i] = r;
    }
    let mut best = PrefixMax::new(paired.len());
    let mut previous = vec![None; paired.len()];
    for (i, &p) in paired.iter().enumerate() {
        let (score, before) = best.up_to(rank[i]);
        previous[i] = before;
        best.raise(rank[i], score + passages[p].a().len(), i);
    }
    let mut chain = Vec::new();
    let mut at = best.up_to(paired.len()).1;
    while let Some(i) = at {
        chain.push(paired[i]);
        at = previous[i];
    }
    chain.reverse();
    chain
}

/// A Fenwick tree of (best score, passage) over ranks, answering "best below rank r".
struct PrefixMax(Vec<(usize, Option<usize>)>);

impl PrefixMax {
    fn new(len: usize) -> Self {
        PrefixMax(vec![(0, None); len + 1])
    }

    /// The best entry at ranks below `rank`.
    fn up_to(&self, rank: usize) -> (usize, Option<usize>) {
        let (mut i, mut best) = (rank, (0, None));
        while i > 0 {
            best = best.max(self.0[i]);
            i &= i - 1;
        }
        best
    }

    /// Records `score` for `passage` at `rank`.
    fn raise(&mut self, rank: usize, score: usize, passage: usize) {
        let mut i = rank + 1;
        while i < self.0.len() {
            self.0[i] = self.0[i].max((score, Some(passage)));
            i += i & i.wrapping_neg();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(runs: &[(usize, usize, usize)]) -> Passage {
        let runs: Vec<Run> = runs.iter().map(|&(a, b, len)| Run { a, b, len }).collect();
        Passage { words: runs.iter().map(|r| r.len).sum(), runs, one_to_one: true }
    }

    fn inline_with_passages(a: &[u32], b: &[u32], passages: &[Passage]) -> Inline {
        let inside: Vec<Vec<Op>> = passages.iter().map(|p| inside_passage(p, a, b)).collect();
        inline(a, b, passages, &inside)
    }

    #[test]
    fn anchors_are_the_heaviest_chain_in_order() {
        let passages = [found(&[(0, 50, 10)]), found(&[(10, 0, 5)]), found(&[(20, 10, 20)]), found(&[(40, 70, 5)])];
        let chain: Vec<_> = anchors(&passages).into_iter().map(|p| passages[p].a()).collect();
        assert_eq!(chain, [10..15, 20..40, 40..45]);
    }

    #[test]
    fn anchors_leave_out_passages_that_repeat_text() {
        // a's 0..10 stands twice in b; only its one-to-one pairing may anchor the diff.
        let repeat = Passage { one_to_one: false, ..found(&[(0, 20, 10)]) };
        let passages = [found(&[(0, 0, 10)]), repeat];
        assert_eq!(anchors(&passages), [0]);
    }

    #[test]
    fn passage_diffs_only_the_gaps_and_variant_words() {
        // Runs 0..2 and 3..8 with a changed word between; key 6 vs 60 is a spelling variant inside a run.
        let a = [1, 2, 3, 4, 5, 6, 7, 8];
        let b = [1, 2, 9, 4, 5, 60, 7, 8];
        let ops = inside_passage(&found(&[(0, 0, 2), (3, 3, 5)]), &a, &b);
        assert_eq!(edits(&ops), [(2..3, 2..3), (5..6, 5..6)]);
    }

    #[test]
    fn inline_diff_covers_both_texts_once() {
        let a = [1, 2, 3, 4, 5, 6, 7, 8];
        let b = [1, 2, 9, 4, 5, 6, 7, 8, 10];
        let ops = inline_with_passages(&a, &b, &[found(&[(0, 0, 2), (3, 3, 5)])]).ops;
        let kinds: Vec<_> = ops.iter().map(|op| op.kind).collect();
        use DiffKind::*;
        assert_eq!(kinds, [Equal, Delete, Insert, Equal, Insert]);
        assert_eq!(ops.iter().filter(|op| op.kind != Insert).map(|op| op.a.len()).sum::<usize>(), a.len());
        assert_eq!(ops.iter().filter(|op| op.kind != Delete).map(|op| op.b.len()).sum::<usize>(), b.len());
    }

    #[test]
    fn large_unrelated_gaps_are_replaced_whole_and_counted() {
        let a: Vec<u32> = (0..200).collect();
        let b: Vec<u32> = (0..200).rev().collect();
        let inline = inline_with_passages(&a, &b, &[]);
        let kinds: Vec<_> = inline.ops.iter().map(|op| op.kind).collect();
        assert_eq!(kinds, [DiffKind::Delete, DiffKind::Insert]);
        assert_eq!(inline.unaligned, 1);
        let fits = inline_with_passages(&a[..128], &b[..128], &[]);
        assert!(fits.ops.len() > 2, "a gap of 128 x 128 tokens is aligned word by word");
        assert_eq!(fits.unaligned, 0);
    }

    #[test]
    fn deletions_and_insertions_sit_where_the_other_text_is() {
        // Regression: similar 2.x put the deletion of "on" at the end of b ("on Sunday" / "Sunday Sunday").
        assert_eq!(
            ops(&[1, 2], &[2, 2], 0, 0),
            [
                Op { kind: DiffKind::Delete, a: 0..1, b: 0..0 },
                Op { kind: DiffKind::Equal, a: 1..2, b: 0..1 },
                Op { kind: DiffKind::Insert, a: 2..2, b: 1..2 },
            ]
        );
    }

    #[test]
    fn edits_pair_replacements() {
        assert_eq!(edits(&ops(&[1, 2, 3, 4], &[1, 9, 3, 4, 5], 0, 0)), [(1..2, 1..2), (4..4, 4..5)]);
    }
}
