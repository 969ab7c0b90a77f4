// The browser's own storage for the page's sessions (session-format.js), in IndexedDB, which takes texts of many
// megabytes: `current` is the session on the page, saved as it changes, so that it survives a reload
// and a closed tab; "earlier work" keeps each session that a share link or a comparison file replaced,
// until the user opens or deletes it. Nothing here leaves the browser.
//
// Storage can be missing (a private window, a browser setting, a full disk). Every method still
// resolves; `available` says whether anything is kept, and the page says so.
//
// Events: 'earlier' when the list of earlier work changed; 'state' with detail
// 'saving' | 'saved' | 'failed' | 'cleared' as the current session is written.

const DB_NAME = 'copydesk';
const DB_VERSION = 1;
const CURRENT = 'current';
const CURRENT_KEY = 'session';
const EARLIER = 'earlier';

/**
 * @typedef {import('./session-format.js').Session} Session
 * @typedef {{ id: number, savedAt: number, session: Session }} EarlierWork
 */

export class SavedWork extends EventTarget {
  /** @type {IDBDatabase | null} */
  #db;

  /** Opens the page's database; never rejects (without storage, nothing is kept). */
  static async open() {
    try {
      return new SavedWork(await openDatabase());
    } catch {
      return new SavedWork(null);
    }
  }

  constructor(db) {
    super();
    this.#db = db;
  }

  get available() {
    return this.#db !== null;
  }

  /** The saved session as it was stored (unchecked: see session-format.js readSession), or undefined. */
  async current() {
    return this.#run(CURRENT, 'readonly', (store) => store.get(CURRENT_KEY));
  }

  /** Says that a change is on its way (written a moment later by saveCurrent). */
  willSave() {
    this.#state('saving');
  }

  /** Keeps `session` as the current one. */
  async saveCurrent(session) {
    this.#state('saving');
    try {
      await this.#run(CURRENT, 'readwrite', (store) => store.put(session, CURRENT_KEY));
      this.#state(this.available ? 'saved' : 'failed');
    } catch {
      this.#state('failed');
    }
  }

  /** @returns {Promise<EarlierWork[]>} newest first */
  async earlier() {
    const entries = (await this.#run(EARLIER, 'readonly', (store) => store.getAll())) ?? [];
    return entries.reverse();
  }

  /** Keeps a session as earlier work. Resolves to whether it is kept (false without storage). */
  async addEarlier(session) {
    if (!this.available) return false;
    await this.#run(EARLIER, 'readwrite', (store) => store.add({ savedAt: Date.now(), session }));
    this.dispatchEvent(new Event('earlier'));
    return true;
  }

  async removeEarlier(id) {
    await this.#run(EARLIER, 'readwrite', (store) => store.delete(id));
    this.dispatchEvent(new Event('earlier'));
  }

  /** Forgets everything: the current session and all earlier work. */
  async clear() {
    await this.#run(CURRENT, 'readwrite', (store) => store.clear());
    await this.#run(EARLIER, 'readwrite', (store) => store.clear());
    this.dispatchEvent(new Event('earlier'));
    this.#state('cleared');
  }

  /** Runs one request in its own transaction; resolves once the transaction has committed. */
  #run(storeName, mode, makeRequest) {
    if (!this.#db) return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const transaction = this.#db.transaction(storeName, mode);
      const request = makeRequest(transaction.objectStore(storeName));
      // Commit now rather than when the event loop comes back: a write made as the tab closes or
      // reloads (pagehide) then still reaches the disk.
      transaction.commit?.();
      transaction.addEventListener('complete', () => resolve(request.result));
      transaction.addEventListener('error', () => reject(transaction.error ?? request.error));
      transaction.addEventListener('abort', () =>
        reject(transaction.error ?? new Error('storage transaction aborted')),
      );
    });
  }

  #state(state) {
    this.dispatchEvent(new CustomEvent('state', { detail: state }));
  }
}

function openDatabase() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.addEventListener('upgradeneeded', () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(CURRENT)) db.createObjectStore(CURRENT);
      if (!db.objectStoreNames.contains(EARLIER)) db.createObjectStore(EARLIER, { keyPath: 'id', autoIncrement: true });
    });
    request.addEventListener('success', () => {
      // A later version of the page opened in another tab needs the database to itself to upgrade it.
      request.result.addEventListener('versionchange', () => request.result.close());
      resolve(request.result);
    });
    request.addEventListener('error', () => reject(request.error));
    request.addEventListener('blocked', () => reject(new Error('storage blocked by another tab')));
  });
}
