// The page's state in one place. Views subscribe to its events and render; nothing else keeps state that
// another view needs.
//
//   'documents'  the list of documents changed (added, removed, renamed, replaced)
//   'options'    the comparison options changed (every result was dropped)
//   'pair'       the pair chosen for the side-by-side view changed
//   'tab'        side by side / inline diff
//   'results'    comparisons of pairs arrived (a frame's worth at a time, see comparisons.js)
//   'set'        the comparison of the whole set arrived or was dropped (see sets.js)
//   'document'   the document view opened, closed or changed document
//   'story'      the story whose matrix is open (stories view) changed
//   'reindex'    the user asked to index the set again (after stopping it)
//   'overview'   the overview of up to MATRIX_MAX_DOCUMENTS documents changed (matrix or stories)
//   'progress'   a long task (comparing, rendering) advanced, started or ended
//   'message'    something to tell the user: event.detail = {text, tone: 'info' | 'error', action?}

import { OPTION_FIELDS } from './options.js';

/**
 * A document. `revision` names its text: the store gives a document a new one whenever its text
 * changes, so a result computed for a revision is current while the revision is.
 * @typedef {{ id: string, revision: number, name: string, text: string, source: 'file' | 'paste' | 'example', note: string }} Doc
 * @typedef {{ text: string, tone: 'info' | 'error', action?: { label: string, run: () => void } }} Message
 * @typedef {{ ids: string[], revisions: Map<string, number>, options: object, result: any }} SetEntry
 */

/**
 * The most documents the page takes at once. Past MATRIX_MAX_DOCUMENTS no pair is compared unless it is
 * opened: the whole set is indexed at once (`compareMany`, near-linear in the words) and the stories view
 * is the overview. 1,000 documents of 400 words reach the stories view in about 2 s (benches/README.md).
 */
export const MAX_DOCUMENTS = 1000;

/**
 * The most documents the matrix of every pair is shown for (and every pair compared for it): its work
 * grows with the square of the count (50 documents took 1.1-1.3 s on a two-core machine, 100 took 5 s),
 * and past some 30 columns it is no way to read a set anyway. Past it, the stories view shows the set,
 * and a story's own matrix opens on demand when the story is no larger than this.
 */
export const MATRIX_MAX_DOCUMENTS = 30;

/** Whether the page shows the matrix of every pair for `count` documents (else the stories view). */
export function showsMatrix(count) {
  return count >= 3 && count <= MATRIX_MAX_DOCUMENTS;
}

/** Whether two options objects ask for the same comparison. */
function sameOptions(a, b) {
  return OPTION_FIELDS.every(({ name }) => a[name] === b[name]);
}

/** The key of an ordered pair of document ids in `results`: the first one is side A. */
export function pairKey([a, b]) {
  return `${a}|${b}`;
}

export class Store extends EventTarget {
  /** @type {Doc[]} */
  documents = [];
  /** @type {[string, string] | null} the pair the user opened; see `shownPair` */
  pair = null;
  /**
   * Where the pair was opened from a passage elsewhere: the range of A (UTF-16 offsets) that the
   * side-by-side view scrolls to once it has drawn the pair; it clears it then.
   * @type {{ pair: [string, string], a: [number, number] } | null}
   */
  pairTarget = null;
  /** @type {string | null} the document whose view is open (the pair, when one is open, shows over it) */
  documentView = null;
  /**
   * The documents of the story whose matrix the stories view shows (its pairs are compared for it), or
   * null. Only a story of at most MATRIX_MAX_DOCUMENTS documents has one.
   * @type {string[] | null}
   */
  storyMatrix = null;
  /**
   * How a set of 3 to MATRIX_MAX_DOCUMENTS documents is shown: the matrix of every pair, or its stories
   * (past that, always the stories).
   * @type {'matrix' | 'stories'}
   */
  overview = 'matrix';
  /**
   * The comparison of the whole set (three or more documents): `compareMany`'s result, whose indices
   * are those of `ids`, and the revisions and options it was made with (see `setIsCurrent`).
   * @type {SetEntry | null}
   */
  set = null;
  /** @type {'side' | 'inline'} */
  tab = 'side';
  /** Comparisons by `pairKey`, valid for the current options and texts. */
  results = new Map();
  /** The documents by id. */
  #byId = new Map();
  /** Each document's word count from its results, by id (see `wordCount`). */
  #words = new Map();
  /** @type {Map<string, { label: string, done: number, total: number, cancel?: () => void, indexed?: number }>} */
  progress = new Map();
  /**
   * The engine's options object, replaced (never changed in place) when they change, so that a request
   * made with it is current while it is; and its defaults (for "Reset"). See `start`.
   */
  options = null;
  defaults = null;
  #nextId = 1;
  #nextRevision = 1;

  /** The engine's defaults and the options to start with (saved, or from the address). */
  start(defaults, options) {
    this.defaults = defaults;
    this.setOptions(options);
  }

  /**
   * Adds documents (without ids); your own documents replace a built-in example rather than mix with it.
   * A document with the name and the text of one already there is not added again, and one with only
   * its name is added as "name (2)"; past MAX_DOCUMENTS, the rest are left out.
   * @param {Omit<Doc, 'id' | 'revision'>[]} incoming
   * @returns {{ added: Doc[], repeated: Doc[], renamed: { from: string, to: string }[], leftOut: Doc[] }}
   */
  addDocuments(incoming) {
    const fromUser = incoming.some((doc) => doc.source !== 'example');
    const showingExample = this.documents.length > 0 && this.documents.every((doc) => doc.source === 'example');
    /** @type {(Doc | Omit<Doc, 'id' | 'revision'>)[]} */
    const documents = fromUser && showingExample ? [] : [...this.documents];
    // By name, so that a thousand files dropped at once cost a thousand look-ups, not a million.
    const byName = new Map(documents.map((doc) => [doc.name, doc]));
    const outcome = { added: [], repeated: [], renamed: [], leftOut: [] };
    for (const doc of incoming) {
      if (byName.get(doc.name)?.text === doc.text) {
        outcome.repeated.push(doc);
      } else if (documents.length >= MAX_DOCUMENTS) {
        outcome.leftOut.push(doc);
      } else {
        const name = unusedName(doc.name, byName);
        if (name !== doc.name) outcome.renamed.push({ from: doc.name, to: name });
        documents.push({ ...doc, name });
        byName.set(name, documents.at(-1));
        outcome.added.push(documents.at(-1));
      }
    }
    if (outcome.added.length > 0) this.setDocuments(documents);
    return outcome;
  }

  /** Replaces the whole list (an example, "remove all", undo). Documents without an id get one. */
  setDocuments(documents) {
    this.documents = documents.map((doc) =>
      doc.id ? doc : { ...doc, id: `doc${this.#nextId++}`, revision: this.#nextRevision++ },
    );
    this.#byId = new Map(this.documents.map((doc) => [doc.id, doc]));
    const ids = this.#byId;
    this.#dropResults((pair) => !pair.every((id) => ids.has(id)));
    if (this.storyMatrix && !this.storyMatrix.every((id) => ids.has(id))) this.storyMatrix = null;
    if (this.pair && !this.pair.every((id) => ids.has(id))) this.pair = null;
    if (this.documentView && (!ids.has(this.documentView) || this.documents.length < 3)) this.documentView = null;
    this.#dropStaleSet();
    this.#emit('documents');
  }

  /**
   * Replaces the list (an example, a removal) and, when any of the user's own documents go, says `text`
   * with an Undo: an example can be opened again, a text of one's own perhaps not.
   */
  replaceDocuments(documents, text) {
    const previous = this.documents;
    this.setDocuments(documents);
    const kept = new Set(documents.map((doc) => doc.id));
    const lostOwn = previous.some((doc) => doc.source !== 'example' && !kept.has(doc.id));
    if (lostOwn) this.say({ tone: 'info', text, action: { label: 'Undo', run: () => this.setDocuments(previous) } });
  }

  /** Renames a document or replaces its text; a new text makes its comparisons stale. */
  updateDocument(id, changes) {
    const newText = 'text' in changes;
    const changed = (doc) => ({ ...doc, ...changes, ...(newText ? { revision: this.#nextRevision++ } : {}) });
    this.documents = this.documents.map((doc) => (doc.id === id ? changed(doc) : doc));
    this.#byId = new Map(this.documents.map((doc) => [doc.id, doc]));
    if (newText) this.#dropResults((pair) => pair.includes(id));
    this.#dropStaleSet();
    this.#emit('documents');
  }

  removeDocument(id) {
    const removed = this.document(id);
    this.replaceDocuments(
      this.documents.filter((doc) => doc.id !== id),
      `Removed “${removed.name}”.`,
    );
  }

  document(id) {
    return this.#byId.get(id);
  }

  /** The pair the side-by-side view shows: the one the user opened, or the only two documents there are. */
  get shownPair() {
    if (this.pair) return this.pair;
    if (this.documents.length === 2) return [this.documents[0].id, this.documents[1].id];
    return null;
  }

  /**
   * Opens a pair side by side (`null`: back to the document view or the matrix), with `at` the range of
   * A to show first (a passage chosen in the document view).
   * @param {[string, string] | null} pair
   * @param {{ at?: [number, number] }} [where]
   */
  selectPair(pair, { at } = {}) {
    this.pair = pair;
    this.pairTarget = pair && at ? { pair, a: at } : null;
    this.#emit('pair');
  }

  /** Opens the document view of document `id` (`null`: back to the matrix), closing any pair. */
  openDocument(id) {
    this.documentView = id;
    this.pair = null;
    this.pairTarget = null;
    this.#emit('document');
    this.#emit('pair');
  }

  /** Opens the matrix of one story in the stories view (`ids`, its documents), or closes it (`null`). */
  showStoryMatrix(ids) {
    this.storyMatrix = ids;
    this.#emit('story');
  }

  /** Shows a set of up to MATRIX_MAX_DOCUMENTS documents as the matrix or as its stories. */
  showOverview(overview) {
    this.overview = overview;
    this.#emit('overview');
  }

  /** Asks for the set to be indexed again, after the user stopped it (sets.js listens). */
  indexAgain() {
    this.#emit('reindex');
  }

  /** Keeps the comparison of the whole set, unless the documents or options changed while it ran. */
  setSet(entry) {
    if (entry && !this.setIsCurrent(entry)) return;
    this.set = entry;
    this.#emit('set');
  }

  /** Whether a set comparison stands for today's documents (each at its revision) and options. */
  setIsCurrent(entry) {
    return (
      entry.options === this.options &&
      entry.ids.length === this.documents.length &&
      this.documents.every((doc) => entry.revisions.get(doc.id) === doc.revision)
    );
  }

  setTab(tab) {
    this.tab = tab;
    this.#emit('tab');
  }

  setOptions(options) {
    if (this.options && sameOptions(options, this.options)) return;
    this.options = options;
    this.results.clear();
    this.#words.clear();
    this.set = null;
    this.#emit('options');
  }

  /** Keeps comparisons (`[pair, result]` entries), unless one of a pair's documents was removed while it ran. */
  setResults(entries) {
    const kept = entries.filter(([pair]) => pair.every((id) => this.document(id)));
    if (kept.length === 0) return;
    for (const [pair, result] of kept) {
      this.results.set(pairKey(pair), result);
      pair.forEach((id, side) => this.#words.set(id, result[side === 0 ? 'a' : 'b'].words));
    }
    this.#emit('results');
  }

  resultFor(pair) {
    return this.results.get(pairKey(pair));
  }

  /** A document's word count as the engine counts words, known once any comparison with it is done. */
  wordCount(id) {
    return this.#words.get(id);
  }

  /** Starts, advances (`value`) or ends (`null`) a long task shown in the status bar. */
  setProgress(task, value) {
    if (value) this.progress.set(task, value);
    else this.progress.delete(task);
    this.#emit('progress');
  }

  /**
   * Calls `run` now, and again after any of the events `types`, once however many of them one change
   * fires (an example replacing the documents and the pair makes one call).
   * @param {string[]} types
   * @param {() => void} run
   */
  follow(types, run) {
    let scheduled = false;
    const schedule = () => {
      if (scheduled) return;
      scheduled = true;
      queueMicrotask(() => {
        scheduled = false;
        run();
      });
    };
    for (const type of types) this.addEventListener(type, schedule);
    schedule();
  }

  /** @param {Message} message */
  say(message) {
    this.dispatchEvent(new CustomEvent('message', { detail: message }));
  }

  #dropResults(isStale) {
    for (const key of this.results.keys()) if (isStale(key.split('|'))) this.results.delete(key);
    const counted = new Set([...this.results.keys()].flatMap((key) => key.split('|')));
    for (const id of this.#words.keys()) if (!counted.has(id)) this.#words.delete(id);
  }

  /** Drops the set's comparison once the documents it was made of changed (views hear 'documents'). */
  #dropStaleSet() {
    if (this.set && !this.setIsCurrent(this.set)) this.set = null;
  }

  #emit(type) {
    this.dispatchEvent(new Event(type));
  }
}

/** `name`, or the first of "name (2)", "name (3)"… (before any extension) that no document has (`taken`: by name). */
function unusedName(name, taken) {
  const [, stem, extension = ''] = name.match(/^(.+?)(\.[^.\s]{1,10})?$/s);
  let candidate = name;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${stem} (${n})${extension}`;
  return candidate;
}
