// Messages for the user (a file that could not be read, an undo offer). They stay until dismissed, so
// nobody has to read fast; only the latest few are kept.

import { h } from '../dom.js';

const MAX_MESSAGES = 4;

/** @param {import('../store.js').Store} store */
export function mountMessages(store, root) {
  store.addEventListener('message', (event) => {
    root.append(messageElement(/** @type {CustomEvent} */ (event).detail));
    while (root.children.length > MAX_MESSAGES) root.firstElementChild.remove();
  });
}

function messageElement({ text, tone, action }) {
  const item = h('div', { class: 'message', 'data-message': tone }, h('p', {}, text));
  if (action) {
    const button = h('button', { type: 'button', class: 'link-button' }, action.label);
    button.addEventListener('click', () => {
      action.run();
      item.remove();
    });
    item.append(button);
  }
  const dismiss = h('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss message' }, '×');
  dismiss.addEventListener('click', () => item.remove());
  item.append(dismiss);
  return item;
}
