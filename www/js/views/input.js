// Every way a document comes in: files dropped anywhere on the page, the file picker, the "Paste text"
// dialog, a paste outside any text field, and the built-in examples. A comparison file (.copydesk.json)
// dropped or picked opens the comparison it holds. Whatever cannot come in is said, by name, and
// leaves the documents already there as they were.

import { h, isTyping, onAction } from '../dom.js';
import { EXAMPLES, openExample } from '../examples.js';
import { folderProblem, normalizeText, problemMessage, readInput, textProblem } from '../files.js';
import { number } from '../format.js';
import { MAX_DOCUMENTS } from '../store.js';

/** Past this many files refused at once, the first few get a message each and the rest one together. */
const PROBLEMS_SHOWN = 3;
/** How many names a message lists before "and N more". */
const NAMES_SHOWN = 3;

/**
 * @param {import('../store.js').Store} store
 * @param {import('../session.js').SessionKeeper} keeper
 */
export function mountInput(store, keeper) {
  const picker = /** @type {HTMLInputElement} */ (document.querySelector('[data-file-input]'));
  onAction(document.body, 'pick-files', () => picker.click());
  picker.addEventListener('change', () => {
    addFiles(store, keeper, [...picker.files]);
    picker.value = '';
  });
  watchDrops(document.querySelector('[data-drop-overlay]'), ({ files, folders }) =>
    addFiles(store, keeper, files, folders),
  );
  mountPasteDialog(store, document.querySelector('[data-paste-dialog]'));
  document.addEventListener('paste', async (event) => {
    // In a text field (or while the paste dialog is open) a paste is just a paste.
    if (isTyping(event) || document.querySelector('dialog[open]')) return;
    const text = normalizeText(event.clipboardData?.getData('text/plain') ?? '');
    if (!text) {
      store.say({
        tone: 'error',
        text: 'Nothing was added: the clipboard holds no text. To add files, drop them on the page or use “Add files…”.',
      });
      return;
    }
    const problem = await textProblem(text);
    if (problem) {
      store.say({ tone: 'error', text: `The pasted text ${problem}.` });
      return;
    }
    const outcome = store.addDocuments([{ name: nextPasteName(store), text, source: 'paste', note: '' }]);
    for (const { name } of outcome.added)
      store.say({ tone: 'info', text: `Added the pasted text as “${name}”; rename it in the document list.` });
    sayOutcome(store, outcome);
  });
  mountExamples(store);
}

/**
 * Reads files into documents. A file that cannot be read (or a folder) gets a message and is left out;
 * the others are added, and nothing already loaded is touched. A comparison file opens its comparison
 * in place of the documents on the page (which stay as earlier work); documents dropped with it join it.
 */
async function addFiles(store, keeper, files, folders = []) {
  const outcomes = await readAll(store, files);
  const problems = folders.map((name) => ({ name, text: folderProblem(name) }));
  const documents = [];
  const sessions = [];
  outcomes.forEach((outcome, index) => {
    const file = files[index];
    if (outcome.status === 'rejected') problems.push({ name: file.name, text: problemMessage(file, outcome.reason) });
    else if (outcome.value.session) sessions.push({ file, read: outcome.value });
    else documents.push(outcome.value.document);
  });
  sayProblems(store, problems);
  if (sessions.length > 0) {
    const [first, ...others] = sessions;
    await keeper.open(first.read, { what: `the comparison file “${first.file.name}”` });
    for (const { file } of others)
      store.say({ tone: 'info', text: `“${file.name}” was not opened: one comparison opens at a time.` });
  }
  if (documents.length === 0) return;
  const outcome = store.addDocuments(documents);
  sayOutcome(store, outcome);
  const noted = outcome.added.filter((doc) => doc.note);
  if (noted.length > PROBLEMS_SHOWN) {
    store.say({
      tone: 'info',
      text: `${noted.length} files were read with a note (an encoding guessed, an article taken from a web page): see the document list.`,
    });
  } else {
    for (const { name, note } of noted) store.say({ tone: 'info', text: `“${name}”: ${note}.` });
  }
}

/** Past this many files, reading them shows its progress (updated at most once a frame). */
const PROGRESS_FILES = 20;
/**
 * Files read at once. Starting a file's read costs the page some 0.1 ms, so a thousand started together
 * were one long task; a few at a time keep the engine's reading worker busy and each task short.
 */
const READS_AT_ONCE = 16;

/**
 * Reads every file (each on its own: one that fails does not stop the others), in the order given, a
 * few at a time. Many files show how many are read so far.
 * @param {File[]} files
 * @returns {Promise<PromiseSettledResult<any>[]>}
 */
async function readAll(store, files) {
  /** @type {PromiseSettledResult<any>[]} */
  const outcomes = new Array(files.length);
  let next = 0;
  let done = 0;
  let frame = 0;
  const show = () => {
    frame = 0;
    store.setProgress('read', { label: `Reading files: ${done} of ${files.length}`, done, total: files.length });
  };
  const reader = async () => {
    while (next < files.length) {
      const index = next++;
      try {
        outcomes[index] = { status: 'fulfilled', value: await readInput(files[index]) };
      } catch (reason) {
        outcomes[index] = { status: 'rejected', reason };
      }
      done += 1;
      if (files.length >= PROGRESS_FILES) frame ||= requestAnimationFrame(show);
    }
  };
  if (files.length >= PROGRESS_FILES) show();
  try {
    await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, files.length) }, reader));
    return outcomes;
  } finally {
    cancelAnimationFrame(frame);
    if (files.length >= PROGRESS_FILES) store.setProgress('read', null);
  }
}

/** A message for each file refused, or for the first few and one for all the others. */
function sayProblems(store, problems) {
  const shown = problems.length > PROBLEMS_SHOWN ? problems.slice(0, PROBLEMS_SHOWN - 1) : problems;
  for (const { text } of shown) store.say({ tone: 'error', text });
  const others = problems.slice(shown.length).map(({ name }) => name);
  if (others.length === 0) return;
  store.say({
    tone: 'error',
    text: `${others.length} more files could not be added: ${namesList(others)}. Add them one at a time to see why.`,
  });
}

/** Tells what the store did not add as it was (see Store.addDocuments): repeats, renames, and past the limit. */
function sayOutcome(store, { repeated, renamed, leftOut }) {
  if (repeated.length === 1) {
    store.say({
      tone: 'info',
      text: `“${repeated[0].name}” is already open with the same text, so it was not added again.`,
    });
  } else if (repeated.length > 1) {
    store.say({
      tone: 'info',
      text: `${repeated.length} files are already open with the same text, so they were not added again: ${namesList(repeated.map(({ name }) => name))}.`,
    });
  }
  if (renamed.length > 0) {
    const names = renamed.map(({ from, to }) => `“${from}” as “${to}”`);
    const taken = renamed.length === 1 ? 'a document of that name is' : 'documents of those names are';
    store.say({ tone: 'info', text: `Added ${namesList(names, { quoted: true })}: ${taken} already open.` });
  }
  if (leftOut.length === 1) {
    store.say({
      tone: 'error',
      text: `Only ${number(MAX_DOCUMENTS)} documents can be compared at once, so “${leftOut[0].name}” was not added. Remove a document to make room for it.`,
    });
  } else if (leftOut.length > 1) {
    store.say({
      tone: 'error',
      text: `Only ${number(MAX_DOCUMENTS)} documents can be compared at once, so ${leftOut.length} were not added: ${namesList(leftOut.map(({ name }) => name))}. Remove some documents to make room for them.`,
    });
  }
}

/** `“a”, “b” and “c”`, or `“a”, “b”, “c” and 7 more`; `quoted`: the items are quoted already. */
function namesList(names, { quoted = false } = {}) {
  const items = quoted ? names : names.map((name) => `“${name}”`);
  if (items.length <= NAMES_SHOWN)
    return items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  return `${items.slice(0, NAMES_SHOWN).join(', ')} and ${items.length - NAMES_SHOWN} more`;
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
    onDrop(droppedFiles(event.dataTransfer));
  });
}

/**
 * The files of a drop, and the names of the folders in it: Chromium hands a dropped folder over as a
 * File that cannot be read, which only its entry tells apart. (The entries are there during the event only.)
 */
function droppedFiles(transfer) {
  const files = [];
  const folders = [];
  for (const item of transfer.items) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry?.isDirectory) folders.push(entry.name);
    else files.push(item.getAsFile());
  }
  return { files, folders };
}

/**
 * The "Paste text" dialog; a text that cannot be compared is pointed out in the dialog, which stays open.
 * The engine judges the text, so "Add document" closes the dialog itself once the answer is in.
 */
function mountPasteDialog(store, dialog) {
  const form = dialog.querySelector('[data-paste-form]');
  const { name, text } = form.elements;
  const error = h('p', {
    class: 'field-error',
    id: 'paste-text-error',
    role: 'alert',
    'data-paste-error': true,
    hidden: true,
  });
  text.after(error);
  text.setAttribute('aria-describedby', error.id);
  const showError = (message) => {
    error.textContent = message;
    error.hidden = !message;
    if (message) text.setAttribute('aria-invalid', 'true');
    else text.removeAttribute('aria-invalid');
  };
  onAction(document.body, 'paste-text', () => {
    form.reset();
    showError('');
    name.value = nextPasteName(store);
    dialog.returnValue = '';
    dialog.showModal();
    text.focus();
  });
  // The document is added here, with the fields as they were when "Add document" was chosen, rather than
  // on the dialog's 'close' event: that event comes a task later, by when a quick reopening of the
  // dialog (for the next text) has reset the fields and the return value, and the text was lost.
  form.addEventListener('submit', async (event) => {
    if (event.submitter?.value !== 'add') return;
    event.preventDefault();
    const pasted = normalizeText(text.value);
    const chosenName = name.value.trim();
    const problem = await textProblem(pasted);
    if (!problem) {
      dialog.close('add');
      const documentName = chosenName || nextPasteName(store);
      sayOutcome(store, store.addDocuments([{ name: documentName, text: pasted, source: 'paste', note: '' }]));
      return;
    }
    showError(`This text ${problem}.`);
    text.focus();
  });
  text.addEventListener('input', () => showError(''));
}

/** "Pasted text N": one more than the pasted documents there are, or the next free number. */
function nextPasteName(store) {
  const names = new Set(store.documents.map((doc) => doc.name));
  let number = store.documents.filter((doc) => doc.source === 'paste').length + 1;
  while (names.has(`Pasted text ${number}`)) number += 1;
  return `Pasted text ${number}`;
}

/** The example lists: in the header's "Try an example" menu and as cards on the empty page. */
function mountExamples(store) {
  const menu = /** @type {HTMLDetailsElement} */ (document.querySelector('[data-examples-menu]'));
  const buttons = (className) =>
    EXAMPLES.map((example) =>
      h(
        'li',
        {},
        h(
          'button',
          { type: 'button', class: className, 'data-example': example.id },
          h('strong', {}, example.title),
          h('span', {}, example.description),
        ),
      ),
    );
  document.querySelector('[data-example-list]').append(...buttons('menu-item'));
  document.querySelector('[data-example-cards]').append(...buttons('example-card'));
  document.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('[data-example]'));
    if (!button) return;
    menu.open = false;
    const example = EXAMPLES.find(({ id }) => id === button.dataset.example);
    openExample(store, example);
  });
}
