// The "Save & export" menu: the whole session as a comparison file (.copydesk.json), and the pair on
// show as an HTML report, or as JSON or PAN XML, which the engine writes (src/report/) exactly as the
// command line prints them. Files are made in the page and saved through a Blob: nothing is sent anywhere.

import { download, onAction } from '../dom.js';
import { exportFileName, reportHtml } from '../export.js';
import { sessionOf } from '../session.js';
import { SESSION_FILE_SUFFIX, sessionFileText } from '../session-format.js';
import { isCancelled } from '../worker-client.js';

/** @typedef {import('../worker-client.js').WorkerClient} WorkerClient */

/** @type {Record<string, { extension: string, type: string, make: (pair: object, client: WorkerClient) => Promise<string> | string }>} */
const EXPORTS = {
  html: {
    extension: 'html',
    type: 'text/html;charset=utf-8',
    make: (pair) => reportHtml({ ...pair, made: new Date() }),
  },
  json: {
    extension: 'json',
    type: 'application/json',
    make: (pair, client) => client.report({ format: 'json', ...pair }),
  },
  pan: { extension: 'xml', type: 'application/xml', make: (pair, client) => client.report({ format: 'pan', ...pair }) },
};

/**
 * @param {import('../store.js').Store} store
 * @param {WorkerClient} client
 * @param {HTMLDetailsElement} menu
 */
export function mountExports(store, client, menu) {
  const note = /** @type {HTMLElement} */ (menu.querySelector('[data-export-note]'));
  const buttons = [...menu.querySelectorAll('button[data-export]')].map(
    (button) => /** @type {HTMLButtonElement} */ (button),
  );
  const update = () => {
    const ready = Boolean(pairOnShow(store));
    for (const button of buttons) button.disabled = !ready;
    note.hidden = ready;
    note.textContent = store.shownPair
      ? 'Ready once the comparison is done.'
      : 'Open a pair of documents (a cell of the table) to export it.';
  };
  for (const type of ['documents', 'pair', 'results', 'options']) store.addEventListener(type, update);
  update();

  menu.addEventListener('click', async (event) => {
    const button = /** @type {Element} */ (event.target).closest('[data-export]');
    const pair = pairOnShow(store);
    if (!button || !pair) return;
    const { extension, type, make } = EXPORTS[/** @type {HTMLElement} */ (button).dataset.export];
    menu.open = false;
    // The engine compares the pair again to write JSON or PAN: a moment on long texts, so it shows.
    store.setProgress('export', { label: `Writing the ${extension.toUpperCase()} file`, done: 0, total: 1 });
    try {
      download(exportFileName(pair.a, pair.b, extension), type, await make(pair, client));
    } catch (error) {
      const text = isCancelled(error)
        ? 'The export stopped because the comparison started again; export once it is done.'
        : `The export failed: ${error.message.replace(/\.$/, '')}.`;
      store.say({ tone: 'error', text });
    } finally {
      store.setProgress('export', null);
    }
  });

  // The comparison file is offered here and, for a link too long to share, in the share menu.
  onAction(document.body, 'download-session', (button) => {
    const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ').replace(':', '-');
    download(`comparison ${stamp}${SESSION_FILE_SUFFIX}`, 'application/json', sessionFileText(sessionOf(store)));
    const container = button.closest('details');
    if (container) container.open = false;
  });
}

/** The pair on show with its comparison, or null while there is none. */
function pairOnShow(store) {
  const pair = store.shownPair;
  const result = pair && store.resultFor(pair);
  if (!result) return null;
  const [a, b] = pair.map((id) => store.document(id));
  return { a, b, result, options: store.options };
}
