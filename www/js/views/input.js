// Every way a document comes in: files dropped anywhere on the page, the file picker, the "Paste text"
// dialog, a paste outside any text field, and the built-in examples. A comparison file (.copydesk.json)
// dropped or picked opens the comparison it holds.

import { h, isTyping, onAction } from '../dom.js';
import { EXAMPLES, openExample } from '../examples.js';
import { normalizeText, problemMessage, readInput } from '../files.js';

/**
 * @param {import('../store.js').Store} store
 * @param {import('../session.js').SessionKeeper} keeper
 */
export function mountInput(store, keeper) {
  const picker = document.querySelector('[data-file-input]');
  onAction(document.body, 'pick-files', () => picker.click());
  picker.addEventListener('change', () => {
    addFiles(store, keeper, [...picker.files]);
    picker.value = '';
  });
  watchDrops(document.querySelector('[data-drop-overlay]'), (files) => addFiles(store, keeper, files));
  mountPasteDialog(store, document.querySelector('[data-paste-dialog]'));
  document.addEventListener('paste', (event) => {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    // In a text field (or while the paste dialog is open) a paste is just a paste.
    if (isTyping(event) || document.querySelector('dialog[open]') || !text.trim()) return;
    const name = nextPasteName(store);
    store.addDocuments([{ name, text: normalizeText(text), source: 'paste', note: '' }]);
    store.say({ tone: 'info', text: `Added the pasted text as “${name}”; rename it in the document list.` });
  });
  mountExamples(store);
}

/**
 * Reads files into documents. A file that cannot be read gets a message and is left out; the others
 * are added, and nothing already loaded is touched. A comparison file opens its comparison in place of
 * the documents on the page (which stay as earlier work); documents dropped with it join it.
 */
async function addFiles(store, keeper, files) {
  const outcomes = await Promise.allSettled(files.map(readInput));
  const documents = [];
  const sessions = [];
  outcomes.forEach((outcome, index) => {
    if (outcome.status === 'rejected') store.say({ tone: 'error', text: problemMessage(files[index], outcome.reason) });
    else if (outcome.value.session) sessions.push({ file: files[index], read: outcome.value });
    else documents.push(outcome.value.document);
  });
  if (sessions.length > 0) {
    const [first, ...others] = sessions;
    await keeper.open(first.read, { what: `the comparison file “${first.file.name}”` });
    for (const { file } of others) store.say({ tone: 'info', text: `“${file.name}” was not opened: one comparison opens at a time.` });
  }
  if (documents.length > 0) store.addDocuments(documents);
  for (const { name, note } of documents) if (note) store.say({ tone: 'info', text: `“${name}”: ${note}.` });
}

/** Shows the overlay while files are dragged over the page and hands them to `onDrop` when dropped. */
function watchDrops(overlay, onDrop) {
  // dragenter and dragleave fire for every element crossed; the depth says whether we are still inside.
  let depth = 0;
  const carriesFiles = (event) => event.dataTransfer?.types.includes('Files');
  const hide = () => {
    depth = 0;
    overlay.hidden = true;
  };
  document.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth += 1;
    overlay.hidden = false;
  });
  document.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('dragleave', (event) => {
    if (!carriesFiles(event)) return;
    depth -= 1;
    if (depth <= 0) hide();
  });
  document.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    hide();
    onDrop([...event.dataTransfer.files]);
  });
}

function mountPasteDialog(store, dialog) {
  const form = dialog.querySelector('[data-paste-form]');
  const { name, text } = form.elements;
  onAction(document.body, 'paste-text', () => {
    form.reset();
    name.value = nextPasteName(store);
    dialog.returnValue = '';
    dialog.showModal();
    text.focus();
  });
  dialog.addEventListener('close', () => {
    if (dialog.returnValue !== 'add') return;
    const documentName = name.value.trim() || nextPasteName(store);
    store.addDocuments([{ name: documentName, text: normalizeText(text.value), source: 'paste', note: '' }]);
  });
}

function nextPasteName(store) {
  const pasted = store.documents.filter((doc) => doc.source === 'paste').length;
  return `Pasted text ${pasted + 1}`;
}

/** The example lists: in the header's "Try an example" menu and as cards on the empty page. */
function mountExamples(store) {
  const menu = document.querySelector('[data-examples-menu]');
  const buttons = (className) => EXAMPLES.map((example) => h('li', {},
    h('button', { type: 'button', class: className, 'data-example': example.id },
      h('strong', {}, example.title), h('span', {}, example.description))));
  document.querySelector('[data-example-list]').append(...buttons('menu-item'));
  document.querySelector('[data-example-cards]').append(...buttons('example-card'));
  document.addEventListener('click', (event) => {
    const button = event.target.closest('[data-example]');
    if (!button) return;
    menu.open = false;
    const example = EXAMPLES.find(({ id }) => id === button.dataset.example);
    openExample(store, example);
  });
}
