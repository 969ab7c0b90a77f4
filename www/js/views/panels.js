// Which of the main panels shows: the empty page (fewer than two documents), the matrix (three to
// MATRIX_MAX_DOCUMENTS; their stories instead when asked), the stories view (more),
// a document's view (where its text also stands), or a pair side by side (over the document view it was
// opened from). Opening a panel or going back moves the keyboard focus to the new panel's heading, so
// that a screen reader follows. Any control with data-open-document="ID" opens that document's view.

import { onAction } from '../dom.js';
import { showsMatrix } from '../store.js';

/** @param {import('../store.js').Store} store */
export function mountPanels(store, main) {
  const panels = {
    empty: main.querySelector('[data-panel="empty"]'),
    matrix: main.querySelector('[data-panel="matrix"]'),
    stories: main.querySelector('[data-panel="stories"]'),
    document: main.querySelector('[data-panel="document"]'),
    pair: main.querySelector('[data-panel="pair"]'),
  };
  const detail = panels.empty.querySelector('[data-empty-detail]');
  const shownPanel = () => {
    if (store.pair) return 'pair';
    if (store.documentView) return 'document';
    if (store.shownPair) return 'pair';
    if (showsMatrix(store.documents.length)) return store.overview;
    return store.documents.length >= 3 ? 'stories' : 'empty';
  };
  const render = () => {
    const shown = shownPanel();
    for (const [name, panel] of Object.entries(panels)) panel.hidden = name !== shown;
    const [only] = store.documents;
    detail.textContent =
      store.documents.length === 1
        ? `“${only.name}” is loaded. Drop or add one more document to compare it with.`
        : 'Drop two or more articles anywhere on this page to see which passages they share.';
  };
  const renderAndFocus = () => {
    render();
    panels[shownPanel()].querySelector('h2[tabindex="-1"]')?.focus({ preventScroll: true });
  };
  store.addEventListener('documents', render);
  store.addEventListener('pair', renderAndFocus);
  store.addEventListener('overview', renderAndFocus);
  // Up to MATRIX_MAX_DOCUMENTS documents, the matrix and the stories are two ways to see the set.
  const toMatrix = main.querySelector('[data-action="show-matrix"]');
  const showToMatrix = () => (toMatrix.hidden = !showsMatrix(store.documents.length));
  store.addEventListener('documents', showToMatrix);
  showToMatrix();
  onAction(main, 'show-stories', () => store.showOverview('stories'));
  onAction(main, 'show-matrix', () => store.showOverview('matrix'));
  document.addEventListener('click', (event) => {
    const open = /** @type {Element} */ (event.target).closest?.('[data-open-document]');
    if (open instanceof HTMLElement && store.document(open.dataset.openDocument)) {
      store.openDocument(open.dataset.openDocument);
    }
  });
  render();
}
