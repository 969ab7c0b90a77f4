// The document list: each document's name (editable), where it came from, what was done to read it,
// and buttons to replace or remove it. Items are kept by id and updated in place, so that typing a
// name or tabbing through the list is never interrupted by a re-render.

import { h, onAction } from '../dom.js';
import { problemMessage, readFile } from '../files.js';
import { count } from '../format.js';
import { inBatches } from '../render.js';

const SOURCE_LABELS = { file: 'File', paste: 'Pasted', example: 'Example' };
/**
 * Items made or updated per frame, at least (render.js's inBatches). A thousand documents fill the list in
 * a few frames; on a busy machine, in more.
 */
const ITEMS_PER_FRAME = 20;

/** @param {import('../store.js').Store} store */
export function mountDocuments(store, root) {
  const list = root.querySelector('[data-document-list]');
  const empty = root.querySelector('[data-documents-empty]');
  const removeAll = root.querySelector('[data-action="remove-all"]');
  const items = new Map();

  let stop = () => {};
  const render = () => {
    for (const [id, item] of items) {
      if (!store.document(id)) {
        item.remove();
        items.delete(id);
      }
    }
    empty.hidden = store.documents.length > 0;
    removeAll.hidden = store.documents.length === 0;
    stop();
    // A thousand items are made and placed a batch per frame, so that no task is long.
    const documents = store.documents;
    stop = inBatches(documents.length, ITEMS_PER_FRAME, (index) => {
      const doc = documents[index];
      if (!items.has(doc.id)) items.set(doc.id, documentItem(doc));
      const item = items.get(doc.id);
      updateItem(item, doc, index);
      updateOpen(item, doc, store);
      updateMeta(item, doc, store.wordCount(doc.id));
      const side = store.shownPair?.indexOf(doc.id) ?? -1;
      item.querySelector('.document-side').textContent = side === -1 ? '' : 'AB'[side];
      // Moved only when out of place: moving a field in the DOM takes the keyboard focus from it.
      if (list.children[index] !== item) list.insertBefore(item, list.children[index] ?? null);
    });
  };
  store.addEventListener('documents', render);
  store.addEventListener('results', () => {
    for (const doc of store.documents) {
      const item = items.get(doc.id);
      if (item) updateMeta(item, doc, store.wordCount(doc.id));
    }
  });
  store.addEventListener('pair', render);

  list.addEventListener('change', (event) => {
    const input = event.target.closest('[data-field="name"]');
    if (!input) return;
    const id = input.closest('[data-document-id]').dataset.documentId;
    const name = input.value.trim();
    if (name) store.updateDocument(id, { name });
    else input.value = store.document(id).name;
  });
  onAction(list, 'remove', (button) => store.removeDocument(button.closest('[data-document-id]').dataset.documentId));
  watchReplacements(store, list, document.querySelector('[data-replace-input]'));
  onAction(root, 'remove-all', () => store.replaceDocuments([], 'Removed all documents.'));
  render();
}

function documentItem(doc) {
  return h(
    'li',
    { class: 'document', 'data-document-id': doc.id },
    h('span', { class: 'document-number', 'aria-hidden': 'true' }),
    // Which side of the pair on show the document is; the pair's own headings say it to screen readers.
    h('span', { class: 'document-side side-letter', 'aria-hidden': 'true' }),
    h('input', {
      class: 'document-name',
      'data-field': 'name',
      type: 'text',
      dir: 'auto',
      autocomplete: 'off',
      spellcheck: 'false',
    }),
    h('p', { class: 'document-meta', 'data-document-meta': true }),
    h('p', { class: 'document-note', 'data-document-note': true }),
    h(
      'div',
      { class: 'document-actions' },
      // Where its text also stands: with three or more documents (the set's comparison needs them).
      h(
        'button',
        { type: 'button', class: 'link-button', 'data-open-document': doc.id, title: 'Where its text also stands' },
        'Read',
      ),
      h('button', { type: 'button', class: 'link-button', 'data-action': 'replace' }, 'Replace…'),
      h('button', { type: 'button', class: 'link-button', 'data-action': 'remove' }, 'Remove'),
    ),
  );
}

function updateItem(item, doc, index) {
  item.querySelector('.document-number').textContent = String(index + 1);
  const input = item.querySelector('[data-field="name"]');
  if (input !== document.activeElement) input.value = doc.name;
  input.setAttribute('aria-label', `Name of document ${index + 1}`);
  const note = item.querySelector('[data-document-note]');
  note.textContent = doc.note;
  note.hidden = !doc.note;
  for (const button of item.querySelectorAll('[data-action]')) {
    const verb = button.dataset.action === 'replace' ? 'Replace' : 'Remove';
    button.setAttribute('aria-label', `${verb} “${doc.name}”`);
  }
  item
    .querySelector('[data-open-document]')
    .setAttribute('aria-label', `Read “${doc.name}”: where its text also stands`);
}

/** Marks the item of the document whose view is open, and offers the view only where there is a set. */
function updateOpen(item, doc, store) {
  const open = item.querySelector('[data-open-document]');
  open.hidden = store.documents.length < 3;
  if (store.documentView === doc.id && !store.pair) open.setAttribute('aria-current', 'true');
  else open.removeAttribute('aria-current');
}

/** Where the document came from and, once a comparison counted them, its words. */
function updateMeta(item, doc, words) {
  const details = [SOURCE_LABELS[doc.source], words === undefined ? null : count(words, 'word')];
  item.querySelector('[data-document-meta]').textContent = details.filter(Boolean).join(' · ');
}

/** "Replace…" picks one file for that document; a file that cannot be read leaves it as it was. */
function watchReplacements(store, list, picker) {
  let target = null;
  onAction(list, 'replace', (button) => {
    target = button.closest('[data-document-id]').dataset.documentId;
    picker.click();
  });
  picker.addEventListener('change', async () => {
    const [file] = picker.files;
    picker.value = '';
    if (!file || !store.document(target)) return;
    try {
      const { name, text, note } = await readFile(file);
      store.updateDocument(target, { name, text, note, source: 'file' });
      store.say({ tone: 'info', text: `Replaced the text with “${name}”${note ? ` (${note})` : ''}.` });
    } catch (error) {
      store.say({ tone: 'error', text: problemMessage(file, error) });
    }
  });
}
