// Keeps the comparison of the whole set current for the document view: with three or more documents,
// whenever the documents or the options change, the set goes to its own worker (`compareMany`), so that
// it neither waits behind the matrix's pairs nor cancels them. One request at a time: a new one replaces
// a running one, unless the running one was made of today's documents and options already. Its answer
// is kept only if it still stands for them (the store checks revisions and the options object). The
// engine says how far it got (documents read, then pairs compared), which the status bar shows.

import { count, number } from './format.js';
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
    const label = `Indexing ${count(documents.length, 'document')}`;
    store.setProgress('set', { label, done: 0, total: 1, cancel: stop, indexed: 0 });
    let heard = null;
    let frame = 0;
    const show = () => {
      frame = 0;
      if (running === request) store.setProgress('set', progressOf(label, documents.length, heard, stop));
    };
    try {
      const result = await client.compareMany(
        { documents: documents.map(({ name, text }) => ({ name, text })), options: request.options },
        (progress) => {
          heard = progress;
          frame ||= requestAnimationFrame(show);
        },
      );
      cancelAnimationFrame(frame);
      store.setSet({ ...request, result });
    } catch (error) {
      cancelAnimationFrame(frame);
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

/**
 * The status bar's entry for a set being indexed: the documents read into the index (the first half of
 * the bar), then the candidate pairs compared (the second). `indexed`: the documents read, which the
 * stories view shows as its data-indexed (all of them only once their stories are in).
 */
function progressOf(label, documents, { read, compared, pairs }, cancel) {
  const reading = read < documents || pairs === 0;
  const fraction = 0.5 * (read / documents) + (pairs > 0 ? 0.5 * (compared / pairs) : 0);
  const step = reading
    ? `${number(read)} of ${number(documents)} read`
    : `${number(compared)} of ${count(pairs, 'pair')} with shared words compared`;
  return { label: `${label}: ${step}`, done: Math.round(fraction * 1000), total: 1000, cancel, indexed: read };
}
