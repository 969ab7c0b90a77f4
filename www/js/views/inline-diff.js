// The inline word diff: A's text with what only A has struck through (<del>) and what only B has
// underlined (<ins>), in the order of the diff. Rendered only while its tab is open.

import { writePieces } from '../render.js';
import { followResult } from './follow-result.js';

/** The diff array's layout: kind, a start, a end, b start, b end (see src/wasm/mod.rs). */
const STRIDE = 5;
const EQUAL = 0;
const DELETE = 1;
const INSERT = 2;
const DELETED = { create: () => document.createElement('del') };
const INSERTED = { create: () => document.createElement('ins') };

/** @param {import('../store.js').Store} store */
export function mountInlineDiff(store, root) {
  const output = root.querySelector('[data-inline]');
  followResult(store, {
    task: 'render-inline',
    label: 'Showing the inline diff',
    isVisible: () => store.tab === 'inline',
    clear: () => output.replaceChildren(),
    render: (result, [a, b], signal, onProgress) => {
      const total = a.text.length + b.text.length - sharedLength(result.diff);
      return writePieces(output, diffPieces(a.text, b.text, result.diff), { signal, total, onProgress });
    },
  });
}

function* diffPieces(a, b, diff) {
  for (let op = 0; op < diff.length; op += STRIDE) {
    const [kind, aStart, aEnd, bStart, bEnd] = diff.subarray(op, op + STRIDE);
    if (kind === INSERT) yield { text: b.slice(bStart, bEnd), wraps: [INSERTED] };
    else yield { text: a.slice(aStart, aEnd), wraps: kind === DELETE ? [DELETED] : [] };
  }
}

/** How much of B equal operations cover: the inline diff shows all of A and only B's insertions. */
function sharedLength(diff) {
  let length = 0;
  for (let op = 0; op < diff.length; op += STRIDE) if (diff[op] === EQUAL) length += diff[op + 4] - diff[op + 3];
  return length;
}
