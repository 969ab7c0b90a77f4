// The page's wiring: one store, one worker client, the views, the options in the address, and the
// built-in example on a first visit.

import { keepResultsCurrent } from './comparisons.js';
import { EXAMPLES, openExample } from './examples.js';
import { optionsFromQuery, optionsToQuery } from './options.js';
import { Store } from './store.js';
import { mountDocuments } from './views/documents.js';
import { mountInlineDiff } from './views/inline-diff.js';
import { mountInput } from './views/input.js';
import { mountMatrix } from './views/matrix.js';
import { mountMessages } from './views/messages.js';
import { mountOptions } from './views/options.js';
import { mountPair } from './views/pair.js';
import { mountPanels } from './views/panels.js';
import { mountSideBySide } from './views/side-by-side.js';
import { mountStats } from './views/stats.js';
import { mountStatus } from './views/status.js';
import { WorkerClient } from './worker-client.js';

const $ = (selector) => document.querySelector(selector);

async function start() {
  const store = new Store();
  mountMessages(store, $('[data-messages]'));
  const client = new WorkerClient();
  let defaults;
  try {
    defaults = await client.defaultOptions();
  } catch (error) {
    store.say({ tone: 'error', text: `The comparison engine could not start: ${error.message}. Reload the page to try again.` });
    return;
  }
  const { options, problems } = optionsFromQuery(location.search, defaults);
  store.defaults = defaults;
  store.options = options;
  for (const text of problems) store.say({ tone: 'error', text });
  keepOptionsInAddress(store, defaults);

  mountStatus(store, $('[data-status]'));
  mountPanels(store, $('[data-main]'));
  mountDocuments(store, $('[data-documents]'));
  mountOptions(store, $('[data-options-form]'), $('[data-action="reset-options"]'));
  mountMatrix(store, $('[data-matrix]'));
  mountPair(store, $('[data-panel="pair"]'));
  mountStats(store, $('[data-stats]'));
  mountSideBySide(store, $('[data-tabpanel="side"]'));
  mountInlineDiff(store, $('[data-tabpanel="inline"]'));
  mountInput(store);
  closeMenusOnOutsideClick();
  keepResultsCurrent(store, client);

  if (store.documents.length === 0) await openExample(store, EXAMPLES[0]);
  document.documentElement.dataset.ready = 'true';
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
  const menus = [...document.querySelectorAll('details.menu')];
  document.addEventListener('click', (event) => {
    for (const menu of menus) if (!menu.contains(event.target)) menu.open = false;
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
