// The similarity matrix for three or more documents: each cell is the share of the row document's words
// found in the column document, printed as a number and shaded (darker: more shared). Every cell is a
// button that opens the pair side by side, row document as A.

import { h } from '../dom.js';
import { count, percent } from '../format.js';

/** Shades of the heat map; `data-heat` 0 to HEAT_STEPS - 1 (see app.css). */
const HEAT_STEPS = 6;

/** @param {import('../store.js').Store} store */
export function mountMatrix(store, table) {
  const render = () => {
    if (store.documents.length < 3) return;
    // A rebuild must not take the keyboard focus away from the cell it was on.
    const focused = table.contains(document.activeElement) ? cellId(document.activeElement) : null;
    table.replaceChildren(caption(), header(store), body(store));
    if (focused) table.querySelector(`[data-row="${focused.row}"][data-column="${focused.column}"]`)?.focus();
  };
  for (const type of ['documents', 'results', 'options']) store.addEventListener(type, render);
  table.addEventListener('click', (event) => {
    const cell = event.target.closest('button[data-row]');
    if (cell) store.selectPair([cell.dataset.row, cell.dataset.column]);
  });
  render();
}

/** The share of `row`'s words found in `column`, from whichever order the pair was compared in. */
function shareOf(store, row, column) {
  const forward = store.resultFor([row, column]);
  if (forward) return forward.a.shared_ratio;
  return store.resultFor([column, row])?.b.shared_ratio;
}

function cellId(element) {
  const { row, column } = element.dataset;
  return row ? { row, column } : null;
}

function caption() {
  return h('caption', { class: 'visually-hidden' },
    'Share of each row document’s words that also appear in the column document');
}

function header(store) {
  return h('thead', {}, h('tr', {},
    h('td', { class: 'corner' }),
    ...store.documents.map((doc) => h('th', { scope: 'col' }, h('span', { class: 'column-name' }, doc.name)))));
}

function body(store) {
  return h('tbody', {}, ...store.documents.map((row) => {
    const words = store.wordCount(row.id);
    return h('tr', {},
      h('th', { scope: 'row' }, h('span', { class: 'row-name' }, row.name),
        words === undefined ? null : h('span', { class: 'row-words' }, count(words, 'word'))),
      ...store.documents.map((column) => h('td', {}, cell(store, row, column))));
  }));
}

function cell(store, row, column) {
  if (row.id === column.id) {
    return h('span', { class: 'self' }, h('span', { 'aria-hidden': 'true' }, '—'), h('span', { class: 'visually-hidden' }, 'same document'));
  }
  const share = shareOf(store, row.id, column.id);
  const ready = share !== undefined;
  const label = ready
    ? `${percent(share)} of “${row.name}” is shared with “${column.name}”: open side by side`
    : `“${row.name}” and “${column.name}”: still comparing`;
  return h('button', {
    type: 'button',
    class: 'cell',
    'data-row': row.id,
    'data-column': column.id,
    'data-heat': ready ? Math.min(HEAT_STEPS - 1, Math.floor(share * HEAT_STEPS)) : null,
    'aria-label': label,
  }, ready ? percent(share) : '…');
}
