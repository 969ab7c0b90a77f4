// What the browser keeps, in the sidebar: whether the work on the page is saved, the earlier work that
// a share link or comparison file replaced (open it again, or delete it), and "Clear everything".

import { h, onAction } from '../dom.js';
import { count } from '../format.js';

const STATES = {
  saving: 'Saving…',
  saved: 'Saved in this browser.',
  failed: 'Could not save in this browser (is the disk full?). Download the comparison file to keep your work.',
  cleared: 'Nothing is kept in this browser now.',
};
const UNAVAILABLE =
  'This browser does not let the page keep anything (a private window, or a setting): your work is lost when the tab closes. Download the comparison file to keep it.';
const NAMES_SHOWN = 3;

/**
 * @param {import('../store.js').Store} store
 * @param {import('../saved.js').SavedWork} saved
 * @param {import('../session.js').SessionKeeper} keeper
 * @param {HTMLElement} root
 * @param {{ restored: boolean }} start whether the page opened with saved work
 */
export function mountStorage(store, saved, keeper, root, { restored }) {
  const state = root.querySelector('[data-save-state]');
  const earlierPanel = /** @type {HTMLElement} */ (root.querySelector('[data-earlier]'));
  const list = root.querySelector('[data-earlier-list]');
  /** @type {Map<string, import('../saved.js').EarlierWork>} */
  let entries = new Map();

  if (!saved.available) state.textContent = UNAVAILABLE;
  else state.textContent = restored ? STATES.saved : 'What you add is kept in this browser.';
  saved.addEventListener('state', (event) => {
    state.textContent = STATES[/** @type {CustomEvent} */ (event).detail];
  });

  let renders = 0;
  const renderEarlier = async () => {
    const mine = ++renders;
    const earlier = await saved.earlier().catch(() => []);
    if (mine !== renders) return; // a later change is being shown
    entries = new Map(
      earlier.map((entry) => /** @type {[string, import('../saved.js').EarlierWork]} */ ([String(entry.id), entry])),
    );
    list.replaceChildren(...earlier.map(earlierItem));
    earlierPanel.hidden = earlier.length === 0;
  };
  saved.addEventListener('earlier', renderEarlier);
  renderEarlier();

  const entryOf = (button) => entries.get(button.closest('[data-earlier-id]').dataset.earlierId);
  onAction(list, 'open-earlier', (button) => keeper.openEarlier(entryOf(button)));
  onAction(list, 'delete-earlier', async (button) => {
    const entry = entryOf(button);
    await saved.removeEarlier(entry.id);
    store.say({
      tone: 'info',
      text: `Deleted the earlier work “${namesOf(entry.session)}”.`,
      action: { label: 'Undo', run: () => saved.addEarlier(entry.session) },
    });
  });
  onAction(root, 'clear-everything', () => keeper.clearEverything());
}

/** @param {import('../saved.js').EarlierWork} entry */
function earlierItem({ id, savedAt, session }) {
  const names = namesOf(session);
  const when = new Date(savedAt).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
  return h(
    'li',
    { class: 'earlier-item', 'data-earlier-id': id },
    h('p', { class: 'earlier-names' }, names),
    h('p', { class: 'earlier-meta' }, `${count(session.documents.length, 'document')} · put aside ${when}`),
    h(
      'div',
      { class: 'document-actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          'data-action': 'open-earlier',
          'aria-label': `Open the earlier work “${names}”`,
        },
        'Open',
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'link-button',
          'data-action': 'delete-earlier',
          'aria-label': `Delete the earlier work “${names}”`,
        },
        'Delete',
      ),
    ),
  );
}

function namesOf(session) {
  const names = session.documents.map((doc) => doc.name);
  const more = names.length - NAMES_SHOWN;
  return names.slice(0, NAMES_SHOWN).join(', ') + (more > 0 ? ` and ${more} more` : '') || 'no documents';
}
