// What the engine held back on the pair on show, said in words: on large or repetitive texts it bounds
// its work (see `Limits` in src/compare.rs), and a person reading the result should know where.

import { h } from '../dom.js';
import { count, number } from '../format.js';

/** @param {import('../store.js').Store} store */
export function mountLimits(store, root) {
  const render = () => {
    const pair = store.shownPair;
    const result = pair && store.resultFor(pair);
    const notes = result
      ? limitNotes(result.limits, store.document(pair[1]).name, { inline: store.tab === 'inline' })
      : [];
    root.replaceChildren(...notes.map((note) => h('p', {}, note)));
    root.hidden = notes.length === 0;
  };
  for (const type of ['documents', 'pair', 'results', 'tab']) store.addEventListener(type, render);
  render();
}

/**
 * The notes for a result's `limits`, `b` being document B's name; the inline diff's only with `inline`.
 * The HTML report shows the same. The frequent phrases' note is the command line's (src/bin/copydesk/report.rs).
 */
export function limitNotes(
  { frequent_phrases: phrases, unaligned_stretches: stretches, max_candidates: most },
  b,
  { inline },
) {
  const notes = [];
  if (phrases > 0) {
    notes.push(
      `“${b}” repeats ${count(phrases, 'phrase')} more than ${most} times; each repeat of ` +
        `${phrases === 1 ? 'it' : 'each'} was matched only with the ${most} nearest to it in the other ` +
        'text, to keep the comparison fast: a few shared words among the repeats may be unmarked.',
    );
  }
  if (stretches > 0 && inline) {
    const which =
      stretches === 1
        ? 'One long stretch with no passage in common is'
        : `${number(stretches)} long stretches with no passage in common are`;
    notes.push(`${which} shown whole, struck through and underlined, not aligned word by word.`);
  }
  return notes;
}
