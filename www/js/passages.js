// One side's text cut into pieces at the edges of shared passages and of the edits inside them, for the
// side-by-side view (render.js writes them a slice per frame) and the HTML report (export.js). Each piece
// carries the wrappers it sits in (see render.js's Piece); the caller decides what a wrapper creates.

/**
 * @typedef {import('./render.js').Wrap} Wrap
 * @typedef {import('./render.js').Piece} Piece
 * @typedef {{ mark: (passage: object, index: number) => Wrap, edit: (isGap: boolean) => Wrap }} Wrappers
 */

/**
 * The pieces of one side's text: plain text between passages, each passage in its mark, edits in theirs.
 * @param {string} text
 * @param {object[]} passages in A's order, as the engine returns them (UTF-16 offsets)
 * @param {'a' | 'b'} side
 * @param {Wrappers} wrappers
 * @returns {Generator<Piece>}
 */
export function* sidePieces(text, passages, side, wrappers) {
  const inOrder = passages.map((passage, index) => ({ passage, index })).sort((x, y) => x.passage[side][0] - y.passage[side][0]);
  let at = 0;
  for (const { passage, index } of inOrder) {
    const [start, end] = passage[side];
    if (start > at) yield { text: text.slice(at, start), wraps: [] };
    const mark = wrappers.mark(passage, index);
    let cursor = start;
    for (const [editStart, editEnd] of editRanges(passage, side)) {
      if (editStart > cursor) yield { text: text.slice(cursor, editStart), wraps: [mark] };
      yield { text: text.slice(editStart, editEnd), wraps: [mark, wrappers.edit(editStart === editEnd)] };
      cursor = editEnd;
    }
    if (end > cursor) yield { text: text.slice(cursor, end), wraps: [mark] };
    at = end;
  }
  if (at < text.length) yield { text: text.slice(at), wraps: [] };
}

function editRanges(passage, side) {
  const ranges = passage.edits.map(([aStart, aEnd, bStart, bEnd]) => (side === 'a' ? [aStart, aEnd] : [bStart, bEnd]));
  return ranges.sort((x, y) => x[0] - y[0]);
}
