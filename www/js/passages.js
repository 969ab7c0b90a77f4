// One side's text cut into pieces at the edges of shared passages and of the edits inside them, for
// marks.js, which draws the marks of the side-by-side view and of the HTML report. Each piece carries the
// wrappers it sits in (see render.js's Piece); the caller decides what a wrapper creates.
//
// Passages may share or overlap their range on one side: text that the other side holds twice is one
// range here with two passages (see "Two contracts" in ARCHITECTURE.md). So a side is cut into
// stretches, each covered by the same passages throughout, and each stretch is one mark that names all
// of them.

/**
 * @typedef {import('./render.js').Wrap} Wrap
 * @typedef {import('./render.js').Piece} Piece
 * @typedef {{
 *   start: number, end: number,
 *   passages: number[],
 *   starting: number[],
 *   primary: object,
 * }} Stretch one mark's worth of a side: `passages` covers it throughout (indices, ascending), `starting`
 *   are those of them that start here, `primary` the one whose edits it shows (the one-to-one passage
 *   where there is one, else the first).
 * @typedef {{ mark: (stretch: Stretch) => Wrap, edit: (isGap: boolean) => Wrap }} Wrappers
 */

/**
 * The pieces of one side's text: plain text between passages, each stretch in its mark, edits in theirs.
 * @param {string} text
 * @param {object[]} passages in A's order, as the engine returns them (UTF-16 offsets)
 * @param {'a' | 'b'} side
 * @param {Wrappers} wrappers
 * @returns {Generator<Piece>}
 */
export function* sidePieces(text, passages, side, wrappers) {
  let at = 0;
  for (const stretch of stretches(passages, side)) {
    if (stretch.start > at) yield { text: text.slice(at, stretch.start), wraps: [] };
    const mark = wrappers.mark(stretch);
    let cursor = stretch.start;
    for (const [editStart, editEnd] of editRanges(stretch, side)) {
      if (editStart > cursor) yield { text: text.slice(cursor, editStart), wraps: [mark] };
      yield { text: text.slice(editStart, editEnd), wraps: [mark, wrappers.edit(editStart === editEnd)] };
      cursor = editEnd;
    }
    if (stretch.end > cursor) yield { text: text.slice(cursor, stretch.end), wraps: [mark] };
    at = stretch.end;
  }
  if (at < text.length) yield { text: text.slice(at), wraps: [] };
}

/**
 * The stretches of one side covered by passages, in order: cut wherever a passage starts or ends.
 * @param {object[]} passages
 * @param {'a' | 'b'} side
 * @returns {Generator<Stretch>}
 */
function* stretches(passages, side) {
  /** For each offset where a passage starts or ends: which passages start and which end there. */
  const edges = new Map();
  const edgeAt = (offset) => {
    if (!edges.has(offset)) edges.set(offset, { starting: [], ending: [] });
    return edges.get(offset);
  };
  passages.forEach((passage, index) => {
    edgeAt(passage[side][0]).starting.push(index);
    edgeAt(passage[side][1]).ending.push(index);
  });
  const offsets = [...edges.keys()].sort((x, y) => x - y);
  const covering = new Set();
  for (const [i, start] of offsets.entries()) {
    const { starting, ending } = edges.get(start);
    for (const index of ending) covering.delete(index);
    for (const index of starting) covering.add(index);
    if (covering.size === 0) continue;
    const covered = [...covering].sort((x, y) => x - y);
    const primary = passages[covered.find((index) => passages[index].one_to_one) ?? covered[0]];
    yield { start, end: offsets[i + 1], passages: covered, starting: starting.sort((x, y) => x - y), primary };
  }
}

/** The edits of the stretch's primary passage that fall in it, cut to it; an empty one (a gap) at its end only if the passage ends there. */
function editRanges({ start, end, primary }, side) {
  const inside = ([from, to]) =>
    from === to ? from >= start && (from < end || end === primary[side][1]) : from < end && to > start;
  return primary.edits
    .map(([aStart, aEnd, bStart, bEnd]) => (side === 'a' ? [aStart, aEnd] : [bStart, bEnd]))
    .filter(inside)
    .map(([from, to]) => [Math.max(from, start), Math.min(to, end)])
    .sort((x, y) => x[0] - y[0]);
}
