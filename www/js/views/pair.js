// The pair panel's frame: the way back (to the document view it was opened from, or the matrix), the two views (side by side, inline diff), swapping
// A and B, and the names of the two documents wherever they appear (headings, the inline diff's legend).

import { h, onAction } from '../dom.js';

/** @param {import('../store.js').Store} store */
export function mountPair(store, panel) {
  const back = panel.querySelector('[data-action="back-to-matrix"]');
  const title = panel.querySelector('[data-pair-title]');
  const render = () => {
    back.hidden = store.documents.length < 3;
    // Back to the document view the pair was opened from, or to the matrix.
    const from = store.documentView && store.document(store.documentView);
    back.textContent = from ? `← ${from.name}` : '← All documents';
    const pair = store.shownPair;
    if (!pair) return;
    const [a, b] = pair.map((id) => store.document(id));
    title.textContent = `A: ${a.name}, compared with B: ${b.name}`;
    panel.querySelector('[data-side="a"] [data-side-name]').textContent = a.name;
    panel.querySelector('[data-side="b"] [data-side-name]').textContent = b.name;
    panel
      .querySelector('[data-inline-legend]')
      .replaceChildren(
        h('del', {}, 'Struck through'),
        ` only in A, “${a.name}”; `,
        h('ins', {}, 'underlined'),
        ` only in B, “${b.name}”; the rest is in both.`,
      );
  };
  const showTab = () => {
    for (const button of panel.querySelectorAll('[data-tab]'))
      button.setAttribute('aria-pressed', String(button.dataset.tab === store.tab));
    for (const tabpanel of panel.querySelectorAll('[data-tabpanel]'))
      tabpanel.hidden = tabpanel.dataset.tabpanel !== store.tab;
  };
  store.addEventListener('documents', render);
  store.addEventListener('pair', render);
  store.addEventListener('tab', showTab);
  onAction(panel, 'back-to-matrix', () => store.selectPair(null));
  onAction(panel, 'swap-sides', () =>
    store.selectPair(/** @type {[string, string]} */ ([...store.shownPair].reverse())),
  );
  panel.addEventListener('click', (event) => {
    const tab = event.target.closest('[data-tab]');
    if (tab) store.setTab(tab.dataset.tab);
  });
  render();
  showTab();
}
