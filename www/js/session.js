// The bridge between the store and sessions (session-format.js): the session the page holds, opening a session
// in the page, keeping the current one saved (saved.js) as it changes, and opening a session from
// elsewhere (a share link, a comparison file, earlier work) without losing what was there: the user's
// own documents go to "earlier work" first, from where one click brings them back.

import { count } from './format.js';
import { makeSession, readSession, sameContent } from './session-format.js';
import { SET_MIN_DOCUMENTS } from './sets.js';

/** Changes wait this long before they are written, so that typing a name writes once. */
const SAVE_DELAY_MS = 250;
const SAVED_EVENTS = ['documents', 'options', 'pair', 'document', 'tab'];

/**
 * The session on the page: documents, options, the pair the user opened and the document on show (as
 * indices) and the tab.
 * @param {import('./store.js').Store} store
 * @returns {import('./session-format.js').Session}
 */
export function sessionOf(store) {
  const ids = store.documents.map((doc) => doc.id);
  const pair = store.pair ? store.pair.map((id) => ids.indexOf(id)) : null;
  const document = store.documentView ? ids.indexOf(store.documentView) : null;
  return makeSession({ documents: store.documents, options: store.options, pair, document, tab: store.tab });
}

/**
 * Puts a session on the page in place of what is there (options missing from it take the defaults):
 * the document view first, then the pair over it, as the user opened them.
 */
export function applySession(store, session) {
  store.setDocuments(session.documents.map((doc) => ({ ...doc })));
  store.setOptions({ ...store.defaults, ...session.options });
  // Earlier work was kept as it was made: one from before the document view has no `document`.
  const shown = Number.isInteger(session.document) && store.documents.length >= SET_MIN_DOCUMENTS;
  store.openDocument(shown ? store.documents[session.document].id : null);
  store.selectPair(session.pair ? session.pair.map((index) => store.documents[index].id) : null);
  store.setTab(session.tab);
}

/** Whether a session holds something of the user's own (anything but the built-in examples). */
function hasOwnWork(session) {
  return session.documents.some((doc) => doc.source !== 'example');
}

export class SessionKeeper {
  #store;
  #saved;
  #timer = 0;
  /** The latest write. IndexedDB runs writes to one store in the order they were made, so the latest
   * state is always written last, and a write made as the page goes starts at once. */
  #writing = Promise.resolve();

  /**
   * @param {import('./store.js').Store} store
   * @param {import('./saved.js').SavedWork} saved
   */
  constructor(store, saved) {
    this.#store = store;
    this.#saved = saved;
  }

  /** The session saved last time, checked; null when there is none or it cannot be read (said). */
  async restore() {
    try {
      const value = await this.#saved.current();
      if (value === undefined) return null;
      const { session, problems } = readSession(value, 'saved work');
      for (const text of problems) this.#store.say({ tone: 'error', text });
      return session;
    } catch (error) {
      this.#store.say({ tone: 'error', text: `Could not read the work saved in this browser: ${error.message}` });
      return null;
    }
  }

  /** From now on, every change is saved (a moment later, and at once when the tab is hidden or closed). */
  start() {
    const changed = () => {
      this.#saved.willSave();
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.saveNow(), SAVE_DELAY_MS);
    };
    for (const type of SAVED_EVENTS) this.#store.addEventListener(type, changed);
    addEventListener('pagehide', () => this.#flush());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') this.#flush();
    });
  }

  /** Writes the session on the page now. */
  saveNow() {
    clearTimeout(this.#timer);
    this.#timer = 0;
    this.#writing = this.#saved.saveCurrent(sessionOf(this.#store));
    return this.#writing;
  }

  #flush() {
    if (this.#timer) this.saveNow();
  }

  /**
   * Opens a session from elsewhere in place of `current` (by default, the one on the page). If
   * `current` holds the user's own documents and differs, it is kept as earlier work first.
   * @param {{ session: import('./session-format.js').Session, problems: string[] }} incoming
   * @param {{ what: string, current?: import('./session-format.js').Session | null }} how
   */
  async open({ session, problems }, { what, current = sessionOf(this.#store) }) {
    const store = this.#store;
    const keep = current && hasOwnWork(current) && !sameContent(current, session);
    const kept = keep && (await this.#keepEarlier(current));
    applySession(store, session);
    await this.saveNow();
    const opened = `Opened ${what}: ${count(session.documents.length, 'document')}.`;
    if (kept) {
      store.say({ tone: 'info', text: `${opened} What you had before is kept under “Earlier work”.` });
    } else if (keep) {
      // Without storage there is no earlier work; what was there can still come back in this tab.
      store.say({
        tone: 'info',
        text: `${opened} This browser cannot keep what you had before, but you can go back to it now.`,
        action: {
          label: 'Go back',
          run: () => this.open({ session: current, problems: [] }, { what: 'your earlier documents' }),
        },
      });
    } else {
      store.say({ tone: 'info', text: opened });
    }
    for (const text of problems) store.say({ tone: 'error', text });
  }

  /** Opens earlier work (what is on the page becomes earlier work in turn) and removes it from the list. */
  async openEarlier(entry) {
    await this.open({ session: entry.session, problems: [] }, { what: 'earlier work' });
    await this.#saved.removeEarlier(entry.id);
  }

  /** Forgets everything kept in this browser and empties the page, with an Undo while the tab is open. */
  async clearEverything() {
    const store = this.#store;
    const before = { session: sessionOf(store), earlier: await this.#saved.earlier() };
    store.setDocuments([]);
    store.setOptions({ ...store.defaults });
    store.openDocument(null);
    store.setTab('side');
    // The changes above asked for a write; after clearing, nothing is written until the next change.
    clearTimeout(this.#timer);
    this.#timer = 0;
    await this.#writing;
    await this.#saved.clear();
    store.say({
      tone: 'info',
      text: 'Cleared everything: no document or option is kept in this browser any more.',
      action: {
        label: 'Undo',
        run: async () => {
          for (const { session } of before.earlier.reverse()) await this.#saved.addEarlier(session);
          applySession(store, before.session);
          await this.saveNow();
        },
      },
    });
  }

  /** Adds a session to earlier work unless the same is there already; resolves to whether it is kept. */
  async #keepEarlier(session) {
    try {
      const earlier = await this.#saved.earlier();
      if (earlier.some((entry) => sameContent(entry.session, session))) return true;
      return await this.#saved.addEarlier(session);
    } catch {
      return false;
    }
  }
}
