// The engine's thread: initialises the wasm module once and answers {type} messages, so that a long
// comparison never blocks the page. Only worker-client.js talks to this file.
//
//   {type: 'defaults', id}                                  -> {type: 'defaults', id, options}
//   {type: 'report', id, format: 'json' | 'pan', a: {name, text}, b: {name, text}, options}
//                                                           -> {type: 'report', id, text}
//   {type: 'documentReport', id, documents: [{name, text}], options, document: index}
//                                                           -> {type: 'report', id, text} (one document's JSON)
//   {type: 'compare', id, documents: [{id, text}], pairs: [[idA, idB]], options}
//                                                           -> {type: 'pair', id, pair, result, done, total} per pair
//                                                           -> {type: 'done', id}
//   {type: 'compareMany', id, documents: [{name, text}], options}
//                                                           -> {type: 'progress', id, read, compared, pairs} now and then
//                                                           -> {type: 'set', id, result} (src/wasm/set.rs)
//   {type: 'sniff', id, bytes: ArrayBuffer}                 -> {type: 'sniff', id, bytes, reading} (bytes handed back)
//   {type: 'nothingToCompare', id, text}                    -> {type: 'nothingToCompare', id, why}
//   any failure                                             -> {type: 'error', id, message}

import init, {
  compare,
  compareMany,
  defaultOptions,
  nothingToCompare,
  report,
  setDocumentReport,
  sniff,
} from '../pkg/copydesk.js';

const ready = init();
/** Texts cross into the engine as UTF-8, which the browser's own encoder writes fastest. */
const encoder = new TextEncoder();

const handlers = {
  defaults(message) {
    postMessage({ type: 'defaults', id: message.id, options: defaultOptions() });
  },

  report({ id, format, a, b, options }) {
    postMessage({ type: 'report', id, text: report({ format, a, b, options }) });
  },

  // One document of a set, as the command line's compare-many JSON has it: the set is compared again.
  documentReport({ id, documents, options, document }) {
    postMessage({ type: 'report', id, text: setDocumentReport({ documents, options }, document) });
  },

  compare({ id, documents, pairs, options }) {
    // Each text is encoded once, however many pairs it is in.
    const texts = new Map(documents.map((doc) => [doc.id, encoder.encode(doc.text)]));
    pairs.forEach((pair, index) => {
      const result = compare(texts.get(pair[0]), texts.get(pair[1]), options);
      // The diff can hold millions of numbers: hand its buffer over instead of copying it.
      postMessage(
        { type: 'pair', id, pair, result, done: index + 1, total: pairs.length },
        { transfer: [result.diff.buffer] },
      );
    });
    postMessage({ type: 'done', id });
  },

  // The whole set at once: one index over every document rather than every pair (src/collection/).
  // Its progress reaches the page while the engine works: a worker's messages leave at once.
  compareMany({ id, documents, options }) {
    const result = compareMany(
      { documents: documents.map(({ name, text }) => ({ name, text })), options },
      (read, compared, pairs) => postMessage({ type: 'progress', id, read, compared, pairs }),
    );
    postMessage({ type: 'set', id, result });
  },

  // How to read a file (src/decode.rs); its bytes go back to the page, which decodes them.
  sniff({ id, bytes }) {
    postMessage({ type: 'sniff', id, bytes, reading: sniff(new Uint8Array(bytes)) }, { transfer: [bytes] });
  },

  nothingToCompare({ id, text }) {
    postMessage({ type: 'nothingToCompare', id, why: nothingToCompare(encoder.encode(text)) ?? null });
  },
};

addEventListener('message', async ({ data: message }) => {
  try {
    await ready;
    handlers[message.type](message);
  } catch (error) {
    postMessage({ type: 'error', id: message.id, message: String(error?.message ?? error) });
  }
});
