// The "Share link" menu: opening it makes a link that carries the whole session (session-format.js) in the
// address's fragment, copies it, and shows it with its length. A link past what browsers reliably open
// is not copied; the comparison file is offered instead.

import { number } from '../format.js';
import { sessionOf } from '../session.js';
import { encodeLink, LINK_LIMIT } from '../session-format.js';

/**
 * @param {import('../store.js').Store} store
 * @param {HTMLDetailsElement} menu
 */
export function mountShare(store, menu) {
  const status = /** @type {HTMLElement} */ (menu.querySelector('[data-share-status]'));
  const link = /** @type {HTMLElement} */ (menu.querySelector('[data-share-link]'));
  const field = /** @type {HTMLInputElement} */ (menu.querySelector('[data-share-url]'));
  const length = /** @type {HTMLElement} */ (menu.querySelector('[data-share-length]'));
  const tooLong = /** @type {HTMLElement} */ (menu.querySelector('[data-share-too-long]'));
  /** Counts the links made, so that a slow one finishing late does not overwrite a newer one. */
  let made = 0;

  const show = ({ text, url = null, over = false }) => {
    status.textContent = text;
    link.hidden = url === null || over;
    tooLong.hidden = !over;
    field.value = over ? '' : (url ?? '');
    length.textContent = url === null ? '' : `${number(url.length)} characters`;
  };

  menu.addEventListener('toggle', async () => {
    if (!menu.open) return;
    const mine = ++made;
    if (store.documents.length === 0) {
      show({ text: 'No documents yet: add some, and the link will carry them.' });
      return;
    }
    show({ text: 'Making the link…' });
    const url = shareAddress(await encodeLink(sessionOf(store)));
    if (mine !== made) return;
    if (url.length > LINK_LIMIT) {
      show({
        text: `Not copied: this link is ${number(url.length)} characters long, more than browsers reliably open (about 2 MB). Send the comparison file instead.`,
        url,
        over: true,
      });
      return;
    }
    const copied = await copy(url);
    if (mine !== made) return;
    show({
      text: copied
        ? 'Link copied to the clipboard.'
        : 'Copy the link below: this browser did not let the page copy it.',
      url,
    });
  });

  menu.querySelector('[data-action="copy-link"]').addEventListener('click', async () => {
    const copied = await copy(field.value);
    status.textContent = copied
      ? 'Link copied to the clipboard.'
      : 'Select the link and copy it: this browser did not let the page copy it.';
    if (!copied) field.select();
  });
  field.addEventListener('focus', () => field.select());
}

/** This page's address with the fragment, and without the query (the options travel in the link). */
function shareAddress(fragment) {
  const url = new URL(location.href);
  url.search = '';
  url.hash = fragment;
  return url.href;
}

async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
