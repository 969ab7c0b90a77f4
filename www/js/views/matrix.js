// The similarity matrix for three to MATRIX_MAX_DOCUMENTS documents (and for one story of a larger set,
// drawn by the stories view): each cell is the share of the row document's words
// found in the column document, printed as a number and shaded (darker: more shared). Every cell is a
// button that opens the pair side by side, row document as A, and each name a button that opens that
// document's view. The table is built when the documents or
// options change; arriving results fill in the cells still waiting, in place.

import { h } from '../dom.js';
import { count, percent } from '../format.js';
import { pairKey, showsMatrix } from '../store.js';

/** Shades of the heat map; `data-heat` 0 to HEAT_STEPS - 1 (see views.css). */
const HEAT_STEPS = 6;

/** @param {import('../store.js').Store} store */
export function mountMatrix(store, table) {
  let fillIn = () => {};
  const render = () => {
    if (!showsMatrix(store.documents.length)) {
      table.replaceChildren();
      fillIn = () => {};
      return;
    }
    fillIn = drawMatrix(store, table, store.documents);
  };
  for (const type of ['documents', 'options']) store.addEventListener(type, render);
  store.addEventListener('results', () => fillIn());
  render();
}

/**
 * Draws the matrix of `documents` (the whole set's, or one story's) into `table`, each cell "…" until
 * its pair is compared; returns the function that fills in the cells whose pairs have arrived since
 * (call it on the store's 'results'). A cell opens its pair side by side.
 * @param {import('../store.js').Store} store
 * @param {HTMLTableElement} table
 * @param {import('../store.js').Doc[]} documents
 */
export function drawMatrix(store, table, documents) {
  /** The cells still showing "…", by pair key, and the rows' word counts not known yet, by document id. */
  const waiting = { cells: new Map(), words: new Map() };
  // A rebuild must not take the keyboard focus away from the cell it was on.
  const focused = table.contains(document.activeElement) ? cellId(document.activeElement) : null;
  table.style.setProperty('--columns', String(documents.length));
  table.replaceChildren(caption(), header(documents), body(store, documents, waiting));
  if (!table.dataset.opensPairs) {
    table.dataset.opensPairs = 'true';
    table.addEventListener('click', (event) => {
      const cell = /** @type {Element} */ (event.target).closest('button[data-row]');
      if (cell instanceof HTMLElement) store.selectPair([cell.dataset.row, cell.dataset.column]);
    });
  }
  const fillIn = () => {
    for (const [key, { button, row, column }] of waiting.cells) {
      if (fillCell(button, store, row, column)) waiting.cells.delete(key);
    }
    for (const [id, element] of waiting.words) {
      const words = store.wordCount(id);
      if (words === undefined) continue;
      element.textContent = count(words, 'word');
      waiting.words.delete(id);
    }
  };
  fillIn();
  const cell = focused && table.querySelector(`[data-row="${focused.row}"][data-column="${focused.column}"]`);
  if (cell instanceof HTMLElement) cell.focus();
  return fillIn;
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
  return h(
    'caption',
    { class: 'visually-hidden' },
    'Share of each row document’s words that also appear in the column document',
  );
}

function header(documents) {
  return h(
    'thead',
    {},
    h(
      'tr',
      {},
      h('td', { class: 'corner' }),
      ...documents.map((doc) => h('th', { scope: 'col' }, openName(doc, 'column-name'))),
    ),
  );
}

/**
 * A header's document name, a button that opens the document's view. A long name wraps anywhere and is
 * cut after a few lines (views.css), so headers never run into each other; `title` shows it whole on
 * hover, and screen readers read the whole text, which is all there.
 */
function openName(doc, className) {
  return h(
    'button',
    { type: 'button', class: `${className} open-name`, 'data-open-document': doc.id, title: doc.name },
    doc.name,
  );
}

function body(store, documents, waiting) {
  return h(
    'tbody',
    {},
    ...documents.map((row) => {
      const words = h('span', { class: 'row-words' });
      waiting.words.set(row.id, words);
      return h(
        'tr',
        {},
        h('th', { scope: 'row' }, openName(row, 'row-name'), words),
        ...documents.map((column) => h('td', {}, cell(store, waiting, row, column))),
      );
    }),
  );
}

function cell(store, waiting, row, column) {
  if (row.id === column.id) {
    return h(
      'span',
      { class: 'self' },
      h('span', { 'aria-hidden': 'true' }, '—'),
      h('span', { class: 'visually-hidden' }, 'same document'),
    );
  }
  const button = h(
    'button',
    {
      type: 'button',
      class: 'cell',
      'data-row': row.id,
      'data-column': column.id,
      'aria-label': `“${row.name}” and “${column.name}”: still comparing`,
    },
    '…',
  );
  waiting.cells.set(pairKey([row.id, column.id]), { button, row, column });
  return button;
}

/** Writes a cell's share, shade and label once the pair is compared (until then it shows "…"); says whether it could. */
function fillCell(button, store, row, column) {
  const share = shareOf(store, row.id, column.id);
  if (share === undefined) return false;
  button.dataset.heat = String(Math.min(HEAT_STEPS - 1, Math.floor(share * HEAT_STEPS)));
  button.setAttribute(
    'aria-label',
    `${percent(share)} of “${row.name}” is shared with “${column.name}”: open side by side`,
  );
  button.textContent = percent(share);
  return true;
}
