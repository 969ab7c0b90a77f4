// The page's wiring: one store, one worker client, the views, the options in the address, the work
// saved in this browser (or the built-in example on a first visit), a share link in the address's
// fragment, and the service worker that keeps the page working offline.

import { keepResultsCurrent } from './comparisons.js';
import { EXAMPLES, openExample } from './examples.js';
import { optionsFromQuery, optionsToQuery } from './options.js';
import { SavedWork } from './saved.js';
import { SessionKeeper, applySession } from './session.js';
import { keepSetCurrent } from './sets.js';
import { decodeLink } from './session-format.js';
import { Store } from './store.js';
import { mountDocumentView } from './views/document.js';
import { mountDocuments } from './views/documents.js';
import { mountExports } from './views/exports.js';
import { mountInlineDiff } from './views/inline-diff.js';
import { mountInput } from './views/input.js';
import { mountLimits } from './views/limits.js';
import { mountMatrix } from './views/matrix.js';
import { mountMessages } from './views/messages.js';
import { mountOptions } from './views/options.js';
import { mountPair } from './views/pair.js';
import { mountPanels } from './views/panels.js';
import { mountShare } from './views/share.js';
import { mountSideBySide } from './views/side-by-side.js';
import { mountStats } from './views/stats.js';
import { mountStatus } from './views/status.js';
import { mountStorage } from './views/storage.js';
import { mountStories } from './views/stories.js';
import { WorkerClient, requests } from './worker-client.js';

const $ = (selector) => document.querySelector(selector);

async function start() {
  const store = new Store();
  mountMessages(store, $('[data-messages]'));
  const client = new WorkerClient();
  let defaults;
  try {
    defaults = await client.defaultOptions();
  } catch (error) {
    store.say({
      tone: 'error',
      text: `The comparison engine could not start: ${error.message.replace(/\.$/, '')}. Reload the page to try again.`,
    });
    return;
  }
  const saved = await SavedWork.open();
  const keeper = new SessionKeeper(store, saved);
  const restored = await keeper.restore();
  const link = await takeLink(store, Boolean(restored));
  // Saved options, unless the address says otherwise (a bookmark with options); a link brings its own.
  const { options, problems } = optionsFromQuery(location.search, defaults, { ...defaults, ...restored?.options });
  store.start(defaults, options);
  for (const text of problems) store.say({ tone: 'error', text });
  keepOptionsInAddress(store, defaults);

  mountStatus(store, $('[data-status]'));
  mountPanels(store, $('[data-main]'));
  mountDocuments(store, $('[data-documents]'));
  mountStorage(store, saved, keeper, $('[data-sidebar]'), { restored: Boolean(restored) });
  mountOptions(store, $('[data-options-form]'), $('[data-action="reset-options"]'));
  mountMatrix(store, $('[data-matrix]'));
  mountStories(store, $('[data-panel="stories"]'));
  mountPair(store, $('[data-panel="pair"]'));
  mountDocumentView(store, $('[data-panel="document"]'));
  mountStats(store, $('[data-stats]'));
  mountLimits(store, $('[data-limits]'));
  mountSideBySide(store, $('[data-tabpanel="side"]'));
  mountInlineDiff(store, $('[data-tabpanel="inline"]'));
  mountInput(store, keeper);
  mountShare(store, $('[data-share-menu]'));
  mountExports(store, requests, $('[data-save-menu]'));
  closeMenusOnOutsideClick();
  keepResultsCurrent(store, client);
  // The whole set in a worker of its own: the matrix's pairs and the set never cancel each other.
  keepSetCurrent(store, new WorkerClient());

  if (link) await keeper.open(link, { what: 'the shared comparison', current: restored });
  else if (restored) applySession(store, { ...restored, options: store.options });
  // The example only for a truly empty store: it is not saved until the user changes something.
  else await openExample(store, EXAMPLES[0]);
  keeper.start();
  openLaterLinks(store, keeper);
  document.documentElement.dataset.ready = 'true';
  keepWorkingOffline(store);
}

/**
 * Reads a share link in the address's fragment, then takes the fragment out of the address (so that a
 * reload opens the saved work, which by then holds the link's comparison). A link that cannot be read
 * is said, and changes nothing.
 * @returns {Promise<{ session: object, problems: string[] } | null>}
 */
async function takeLink(store, hasSavedWork) {
  const fragment = location.hash;
  if (fragment.length <= 1) return null;
  history.replaceState(history.state, '', location.pathname + location.search);
  try {
    return await decodeLink(fragment);
  } catch (error) {
    // A SessionError says what is wrong with the link; anything else is this browser's failing.
    const why = error.name === 'SessionError' ? error.message : `This browser could not unpack it (${error.message}).`;
    const kept = hasSavedWork ? ' Your saved work is open as it was.' : ' Nothing was changed.';
    store.say({ tone: 'error', text: `Could not open the shared comparison. ${why}${kept}` });
    return null;
  }
}

/** A link pasted into the address bar of the open page changes only the fragment: open it the same way. */
function openLaterLinks(store, keeper) {
  addEventListener('hashchange', async () => {
    const link = await takeLink(store, false);
    if (link) await keeper.open(link, { what: 'the shared comparison' });
  });
}

/**
 * Registers the service worker (sw.js, next to index.html, so its scope is wherever the site lives).
 * When a new version takes over a page that an older one served, the page offers to reload.
 */
function keepWorkingOffline(store) {
  if (!('serviceWorker' in navigator)) return;
  const wasControlled = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!wasControlled) return;
    store.say({
      tone: 'info',
      text: 'A new version of copydesk is ready.',
      action: { label: 'Reload', run: () => location.reload() },
    });
  });
  // Without a service worker (a file:// page, a browser setting) the page works as before, online.
  navigator.serviceWorker.register(new URL('../sw.js', import.meta.url)).catch(() => {});
}

/** Options live in the query string (the fragment is kept for share links), rewritten in place. */
function keepOptionsInAddress(store, defaults) {
  const write = () => {
    const url = new URL(location.href);
    url.search = optionsToQuery(store.options, defaults, url.search);
    history.replaceState(history.state, '', url);
  };
  store.addEventListener('options', write);
  write(); // drops values that were invalid
}

/** The header's menus (<details>) close on a click elsewhere or on Escape, like any menu. */
function closeMenusOnOutsideClick() {
  const menus = [...document.querySelectorAll('details.menu')].map((menu) => /** @type {HTMLDetailsElement} */ (menu));
  document.addEventListener('click', (event) => {
    for (const menu of menus) if (!menu.contains(/** @type {Node} */ (event.target))) menu.open = false;
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    for (const menu of menus.filter((menu) => menu.open)) {
      menu.open = false;
      menu.querySelector('summary').focus();
    }
  });
}

start();
