// The "Save & export" menu: the whole session as a comparison file (.copydesk.json), and what is on show:
// the pair as an HTML report, or as JSON or PAN XML, which the engine writes (src/report/) exactly as
// the command line prints them; or the document view as an HTML report, or as JSON, the engine's entry
// for that document of `compare-many --format json`. Files are made in the page and saved through a
// Blob: nothing is sent anywhere.

import { download, h, onAction } from '../dom.js';
import { documentFileName, documentReportHtml, exportFileName, reportHtml } from '../export.js';
import { documentRuns } from '../provenance.js';
import { sessionOf } from '../session.js';
import { SESSION_FILE_SUFFIX, sessionFileText } from '../session-format.js';
import { isCancelled } from '../worker-client.js';
import { carriersOf, runsSummary, summaryOf } from './document.js';

/**
 * @typedef {import('../worker-client.js').WorkerClient} WorkerClient
 * @typedef {import('../store.js').Store} Store
 * @typedef {{ name: string, type: string, make: (client: WorkerClient) => Promise<string> | string }} Export
 */

/** What each view exports (by `data-export`), and how the menu says so. */
const OFFERS = {
  pair: {
    heading: 'The pair on show',
    waiting: 'Ready once the comparison is done.',
    details: {
      html: 'Both texts highlighted, the figures and the passages; opens in any browser, offline.',
      json: 'As the command line’s --format json: offsets in code points.',
      pan: 'Text-alignment format, A as the suspicious document.',
    },
  },
  document: {
    heading: 'This document’s view',
    waiting: 'Ready once the documents are indexed.',
    details: {
      html: 'This document with each passage that others carry marked, and its figures; opens in any browser, offline.',
      json: 'Its entry of the command line’s compare-many --format json: offsets in code points.',
    },
  },
};

const TYPES = { html: 'text/html;charset=utf-8', json: 'application/json', pan: 'application/xml' };
const EXTENSIONS = { html: 'html', json: 'json', pan: 'xml' };

/**
 * Which view the main panel shows (as views/panels.js decides), if it has exports.
 * @param {Store} store
 * @returns {'pair' | 'document' | null}
 */
function shownView(store) {
  if (store.pair) return 'pair';
  if (store.documentView) return 'document';
  return store.shownPair ? 'pair' : null;
}

/**
 * The exports of the pair on show, by format, or null until it is compared.
 * @param {Store} store
 * @returns {Record<string, Export> | null}
 */
function pairExports(store) {
  const pair = store.shownPair;
  const result = pair && store.resultFor(pair);
  if (!result) return null;
  const [a, b] = pair.map((id) => store.document(id));
  const request = { a, b, result, options: store.options };
  const name = (format) => exportFileName(a, b, EXTENSIONS[format]);
  return {
    html: { name: name('html'), type: TYPES.html, make: () => reportHtml({ ...request, made: new Date() }) },
    json: { name: name('json'), type: TYPES.json, make: (client) => client.report({ format: 'json', ...request }) },
    pan: { name: name('pan'), type: TYPES.pan, make: (client) => client.report({ format: 'pan', ...request }) },
  };
}

/**
 * The exports of the document view on show, by format, or null until the set is indexed.
 * @param {Store} store
 * @returns {Record<string, Export> | null}
 */
function documentExports(store) {
  const set = store.set && store.setIsCurrent(store.set) ? store.set : null;
  if (!set) return null;
  const doc = store.document(store.documentView);
  const index = set.ids.indexOf(doc.id);
  const name = (format) => documentFileName(doc, set.ids.length, EXTENSIONS[format]);
  const html = () => {
    const runs = documentRuns(set.result, index);
    const carriers = carriersOf(store, set);
    return documentReportHtml({
      name: doc.name,
      note: doc.note,
      text: doc.text,
      runs,
      // The report's marks call the documents by their numbers, which its figures list.
      carriers: { ...carriers, ids: carriers.numbers },
      summary: summaryOf(store, set, index, (other) => h('bdi', { class: 'share-name' }, other.name)),
      marked: runsSummary(runs),
      options: set.options,
      made: new Date(),
    });
  };
  const json = (client) =>
    client.documentReport({
      documents: set.ids.map((id) => store.document(id)),
      options: set.options,
      document: index,
    });
  return {
    html: { name: name('html'), type: TYPES.html, make: html },
    json: { name: name('json'), type: TYPES.json, make: json },
  };
}

/**
 * @param {Store} store
 * @param {WorkerClient} client
 * @param {HTMLDetailsElement} menu
 */
export function mountExports(store, client, menu) {
  const heading = /** @type {HTMLElement} */ (menu.querySelector('[data-export-heading]'));
  const note = /** @type {HTMLElement} */ (menu.querySelector('[data-export-note]'));
  const buttons = [...menu.querySelectorAll('button[data-export]')].map(
    (button) => /** @type {HTMLButtonElement} */ (button),
  );
  /** What is on show and its exports (null while not ready). */
  const current = () => {
    const view = shownView(store);
    const exports = view === 'pair' ? pairExports(store) : view === 'document' ? documentExports(store) : null;
    return { view, exports };
  };
  const update = () => {
    const { view, exports } = current();
    // With nothing on show, the pair's formats (disabled) say what opening one would give.
    const offer = OFFERS[view ?? 'pair'];
    heading.textContent = view ? offer.heading : 'The pair or document on show';
    note.hidden = Boolean(exports);
    note.textContent = view
      ? offer.waiting
      : store.documents.length >= 3
        ? 'Open a pair (a cell of the table) or a document’s view (its name) to export it.'
        : 'Open a pair of documents to export it.';
    for (const button of buttons) {
      const detail = offer.details[button.dataset.export];
      button.closest('li').hidden = !detail;
      button.disabled = !exports;
      if (detail) button.querySelector('[data-export-detail]').textContent = detail;
    }
  };
  for (const type of ['documents', 'pair', 'results', 'options', 'document', 'set'])
    store.addEventListener(type, update);
  update();

  menu.addEventListener('click', async (event) => {
    const button = /** @type {Element} */ (event.target).closest('[data-export]');
    const chosen = button && current().exports?.[/** @type {HTMLElement} */ (button).dataset.export];
    if (!chosen) return;
    menu.open = false;
    // The engine compares the pair (or the set) again to write JSON or PAN: a moment on long texts, so it shows.
    const format = /** @type {HTMLElement} */ (button).dataset.export;
    store.setProgress('export', { label: `Writing the ${EXTENSIONS[format].toUpperCase()} file`, done: 0, total: 1 });
    try {
      download(chosen.name, chosen.type, await chosen.make(client));
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
