// Keeps the store's results current: whenever documents, options, the chosen pair or the story whose
// matrix is open change, the pairs that some view needs and that have no result yet go to the worker,
// the pair on show first (past MATRIX_MAX_DOCUMENTS documents, only the pairs opened). One
// request at a time: a new one replaces a running one, unless the running one already covers it.
// A matrix's pairs come back by the thousand a second; the store takes them a frame's worth at once,
// so that the views render once a frame rather than once a pair.

import { pairKey, showsMatrix } from './store.js';
import { isCancelled } from './worker-client.js';

/**
 * @param {import('./store.js').Store} store
 * @param {import('./worker-client.js').WorkerClient} client
 */
export function keepResultsCurrent(store, client) {
  /** @type {Request | null} */
  let running = null;

  const run = async () => {
    const missing = neededPairs(store).filter((pair) => !store.resultFor(pair));
    if (missing.length === 0) {
      client.cancel();
      return;
    }
    if (running && covers(running, missing, store)) return;
    const ids = [...new Set(missing.flat())];
    /** @type {Request} */
    const request = {
      options: store.options,
      pairs: missing,
      revisions: new Map(ids.map((id) => [id, store.document(id).revision])),
    };
    running = request;
    const stop = () => {
      client.cancel();
      store.say({ tone: 'info', text: 'Comparison stopped.', action: { label: 'Compare again', run } });
    };
    store.setProgress('compare', { label: 'Comparing', done: 0, total: missing.length, cancel: stop });
    const arrived = new Arrivals(store, request, stop);
    try {
      const documents = ids.map((id) => ({ id, text: store.document(id).text }));
      await client.compare({ documents, pairs: missing, options: request.options }, (answer) => arrived.add(answer));
    } catch (error) {
      if (!isCancelled(error)) store.say({ tone: 'error', text: `The comparison failed: ${error.message}.` });
    } finally {
      arrived.flush();
      if (running === request) {
        running = null;
        store.setProgress('compare', null);
      }
    }
  };

  store.follow(['documents', 'options', 'pair', 'story'], run);
}

/**
 * A comparison sent to the worker: the options and each document's revision it was made with.
 * @typedef {{ options: object, pairs: string[][], revisions: Map<string, number> }} Request
 */

/** Results of one request on their way to the store, handed over once a frame. */
class Arrivals {
  #store;
  #request;
  #stop;
  #entries = [];
  #progress = null;
  #frame = 0;

  constructor(store, request, stop) {
    this.#store = store;
    this.#request = request;
    this.#stop = stop;
  }

  add({ pair, result, done, total }) {
    this.#entries.push([pair, result]);
    this.#progress = { label: `Comparing: ${done} of ${total} pairs done`, done, total, cancel: this.#stop };
    this.#frame ||= requestAnimationFrame(() => {
      this.flush();
      this.#store.setProgress('compare', this.#progress);
    });
  }

  /** Hands over what arrived, unless the options or a text changed meanwhile (the results are stale). */
  flush() {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    const [store, request] = [this.#store, this.#request];
    const current = isCurrent(
      request,
      store,
      [...request.revisions.keys()].filter((id) => store.document(id)),
    );
    if (current && this.#entries.length > 0) store.setResults(this.#entries);
    this.#entries = [];
  }
}

/**
 * The pair on show, then every pair of the matrix on show: the whole set's up to MATRIX_MAX_DOCUMENTS
 * documents, or one story's. Past that no other pair is compared: the stories view needs none.
 */
function neededPairs(store) {
  const pairs = new Map();
  const add = (pair) => pairs.set(pairKey(pair), pair);
  if (store.shownPair) add(store.shownPair);
  const ids = showsMatrix(store.documents.length) ? store.documents.map((doc) => doc.id) : (store.storyMatrix ?? []);
  ids.forEach((a, i) => ids.slice(i + 1).forEach((b) => add([a, b])));
  return [...pairs.values()];
}

/**
 * Whether a request still stands for the store's options and for the texts of documents `ids`: the
 * store replaces its options object and a document's revision whenever they change.
 */
function isCurrent(request, store, ids) {
  return (
    request.options === store.options && ids.every((id) => request.revisions.get(id) === store.document(id).revision)
  );
}

/** Whether the running request will answer every missing pair with today's options and texts. */
function covers(request, missing, store) {
  const requested = new Set(request.pairs.map(pairKey));
  return missing.every((pair) => requested.has(pairKey(pair))) && isCurrent(request, store, missing.flat());
}
