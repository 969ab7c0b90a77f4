// Keeps the comparison of the whole set current for the document view: with three or more documents,
// whenever the documents or the options change, the set goes to its own worker (`compareMany`), so that
// it neither waits behind the matrix's pairs nor cancels them. One request at a time: a new one replaces
// a running one, unless the running one was made of today's documents and options already. Its answer
// is kept only if it still stands for them (the store checks revisions and the options object).

import { count } from './format.js';
import { isCancelled } from './worker-client.js';

/** The fewest documents the set is compared for: two are a pair, which the side-by-side view shows. */
export const SET_MIN_DOCUMENTS = 3;

/**
 * @param {import('./store.js').Store} store
 * @param {import('./worker-client.js').WorkerClient} client
 */
export function keepSetCurrent(store, client) {
  /** @type {import('./store.js').SetEntry | null} the request under way, as the entry it would make */
  let running = null;

  const run = async () => {
    if (store.documents.length < SET_MIN_DOCUMENTS) {
      if (running) client.cancel();
      if (store.set) store.setSet(null);
      return;
    }
    if (store.set && store.setIsCurrent(store.set)) return;
    if (running && store.setIsCurrent(running)) return;
    const documents = store.documents;
    /** @type {import('./store.js').SetEntry} */
    const request = {
      ids: documents.map((doc) => doc.id),
      revisions: new Map(documents.map((doc) => [doc.id, doc.revision])),
      options: store.options,
      result: null,
    };
    running = request;
    const stop = () => {
      client.cancel();
      store.say({
        tone: 'info',
        text: `Indexing stopped; the ${count(documents.length, 'document')} are still open.`,
        action: { label: 'Index again', run },
      });
    };
    store.setProgress('set', {
      label: `Indexing ${count(documents.length, 'document')}`,
      done: 0,
      total: 1,
      cancel: stop,
    });
    try {
      const result = await client.compareMany({
        documents: documents.map(({ name, text }) => ({ name, text })),
        options: request.options,
      });
      store.setSet({ ...request, result });
    } catch (error) {
      if (!isCancelled(error)) store.say({ tone: 'error', text: `Indexing the documents failed: ${error.message}.` });
    } finally {
      if (running === request) {
        running = null;
        store.setProgress('set', null);
      }
    }
  };

  store.follow(['documents', 'options', 'reindex'], run);
}
