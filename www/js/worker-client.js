// The owners of the engine's workers. A WorkerClient starts its worker on first use, numbers every
// request so that an answer to a request nobody waits for any more is dropped, and cancels a running
// comparison by terminating the worker (a wasm call cannot be interrupted); the next request starts a
// fresh one. The page runs three: main.js's for the pairs' comparisons and another for the whole set's
// (each cancels only its own), and `requests` for everything short.

/** The error a superseded or cancelled request rejects with; callers ignore it. */
export function isCancelled(error) {
  return error?.name === 'AbortError';
}

/**
 * The engine's worker starts from a blob: URL that imports worker.js. A worker started from its own file
 * runs under the Content-Security-Policy of that file's response, and a static host (GitHub Pages) sends
 * none; a worker from a blob: URL runs under the page's policy, meta tag included, so the engine too can
 * reach nothing but the site's own files. One URL for every worker the page starts.
 */
const WORKER_URL = URL.createObjectURL(
  new Blob([`import ${JSON.stringify(new URL('./worker.js', import.meta.url).href)};`], { type: 'text/javascript' }),
);

export class WorkerClient {
  /** @type {Worker | null} */
  #worker = null;
  #nextId = 1;
  /** Requests waiting for an answer, by id. */
  #pending = new Map();

  /** The engine's default options, so the page never repeats them. */
  async defaultOptions() {
    const answer = await this.#request({ type: 'defaults' });
    return answer.options;
  }

  /**
   * The engine's JSON or PAN report of a pair, the command line's bytes exactly.
   * @param {{ format: 'json' | 'pan', a: { name: string, text: string }, b: { name: string, text: string }, options: object }} request
   * @returns {Promise<string>}
   */
  async report({ format, a, b, options }) {
    const answer = await this.#request({
      type: 'report',
      format,
      a: { name: a.name, text: a.text },
      b: { name: b.name, text: b.text },
      options,
    });
    return answer.text;
  }

  /**
   * The engine's JSON of one document of a set (`document`, its index): its entry of the command line's
   * `compare-many --format json` for the same files, byte for byte.
   * @param {{ documents: { name: string, text: string }[], options: object, document: number }} request
   * @returns {Promise<string>}
   */
  async documentReport({ documents, options, document }) {
    const answer = await this.#request({
      type: 'documentReport',
      documents: documents.map(({ name, text }) => ({ name, text })),
      options,
      document,
    });
    return answer.text;
  }

  /**
   * Compares pairs of documents, calling `onPair({pair, result, done, total})` as each pair is done.
   * A new comparison cancels the one still running: only the latest options and documents matter.
   */
  compare({ documents, pairs, options }, onPair) {
    this.cancel();
    return this.#request({ type: 'compare', documents, pairs, options }, onPair);
  }

  /**
   * Compares a whole set at once (`compareMany`, src/wasm/set.rs): its result has the documents in the
   * order given. `onProgress({read, compared, pairs})` hears how far it got: documents read into the
   * index, then candidate pairs compared. A new set cancels the one still running.
   * @param {{ documents: { name: string, text: string }[], options: object }} request
   * @param {(progress: { read: number, compared: number, pairs: number }) => void} [onProgress]
   * @returns {Promise<any>}
   */
  async compareMany({ documents, options }, onProgress = () => {}) {
    this.cancel();
    const answer = await this.#request({ type: 'compareMany', documents, options }, onProgress);
    return answer.result;
  }

  /**
   * How the engine reads these bytes (src/decode.rs): `{encoding, bom, note}`, `{document}` (a PDF or a
   * Word document, for its reader) or `{refused}`. The buffer is handed to the worker and back rather
   * than copied: use the `bytes` returned, not the one passed.
   * @param {ArrayBuffer} bytes
   * @returns {Promise<{bytes: ArrayBuffer, reading: {encoding: string, bom: number, note: string | null} | {document: 'pdf' | 'docx'} | {refused: string}}>}
   */
  sniff(bytes) {
    return this.#request({ type: 'sniff', bytes }, undefined, [bytes]);
  }

  /**
   * Why a text has nothing to compare, to follow its name ("holds only white space: …"), or null.
   * @param {string} text
   */
  async nothingToCompare(text) {
    const answer = await this.#request({ type: 'nothingToCompare', text });
    return answer.why;
  }

  /** Stops a running comparison; its promise rejects with an AbortError. Does nothing when idle. */
  cancel() {
    if (!this.#worker || this.#pending.size === 0) return;
    this.#worker.terminate();
    this.#worker = null;
    this.#rejectAll(new DOMException('The comparison was cancelled.', 'AbortError'));
  }

  /**
   * `onPart` hears the messages on the way to the answer: each pair compared, or a set's progress.
   * @param {object} message
   * @param {(part: any) => void} [onPart]
   * @param {Transferable[]} [transfer]
   */
  #request(message, onPart = () => {}, transfer = []) {
    const id = this.#nextId++;
    const answer = new Promise((resolve, reject) => this.#pending.set(id, { resolve, reject, onPart }));
    this.#start().postMessage({ ...message, id }, { transfer });
    return answer;
  }

  #start() {
    if (this.#worker) return this.#worker;
    this.#worker = new Worker(WORKER_URL, { type: 'module' });
    this.#worker.addEventListener('message', (event) => this.#receive(event.data));
    // A worker that cannot even load (a missing or broken wasm file) fails every request.
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.#worker?.terminate();
      this.#worker = null;
      this.#rejectAll(new Error(`the comparison engine could not start (${event.message || 'load error'})`));
    });
    return this.#worker;
  }

  #receive(message) {
    const request = this.#pending.get(message.id);
    if (!request) return; // an answer to a request that was cancelled or superseded
    if (message.type === 'pair' || message.type === 'progress') {
      request.onPart(message);
      return;
    }
    this.#pending.delete(message.id);
    if (message.type === 'error') request.reject(new Error(message.message));
    else request.resolve(message);
  }

  #rejectAll(error) {
    for (const request of this.#pending.values()) request.reject(error);
    this.#pending.clear();
  }
}

/**
 * The engine for short requests (how to read a file, whether a text has words, a report), in a worker of
 * its own: none waits behind a long comparison or fails with one that is cancelled (cancelling ends the
 * comparison's worker). It starts on first use.
 */
export const requests = new WorkerClient();
