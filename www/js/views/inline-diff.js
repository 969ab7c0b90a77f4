// The inline word diff: A's text with what only A has struck through (<del>) and what only B has
// underlined (<ins>), in the order of the diff. Rendered only while its tab is open.

import { DiffCode, DiffField } from '../../pkg/copydesk.js';
import { writePieces } from '../render.js';
import { followResult } from './follow-result.js';

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

/** The engine's diff array, read by the names it exports for its layout (src/wasm/mod.rs). */
function* diffPieces(a, b, diff) {
  for (let op = 0; op < diff.length; op += DiffField.Stride) {
    const kind = diff[op + DiffField.Kind];
    if (kind === DiffCode.Insert)
      yield { text: b.slice(diff[op + DiffField.BStart], diff[op + DiffField.BEnd]), wraps: [INSERTED] };
    else
      yield {
        text: a.slice(diff[op + DiffField.AStart], diff[op + DiffField.AEnd]),
        wraps: kind === DiffCode.Delete ? [DELETED] : [],
      };
  }
}

/** How much of B equal operations cover: the inline diff shows all of A and only B's insertions. */
function sharedLength(diff) {
  let length = 0;
  for (let op = 0; op < diff.length; op += DiffField.Stride) {
    if (diff[op + DiffField.Kind] === DiffCode.Equal) length += diff[op + DiffField.BEnd] - diff[op + DiffField.BStart];
  }
  return length;
}
