// The document view: one document of a set in full, "where this article's text also stands". Each run
// of it that other documents carry (provenance.js) is <mark data-cluster="K" data-documents="ID …">,
// K the passage's cluster in the set's result and the ids those of the other documents that carry it;
// page chrome also carries data-boilerplate (muted, and hidden on request). Text no other document
// has is left plain: it is the document's own. A mark is shaded by how many documents carry it, and
// where the carriers change it shows their numbers in the document list (or how many), which screen
// readers hear as their names instead; so colour is never the only signal.
//
// Choosing a mark (click or Enter) lists the documents that carry it; choosing one opens that pair
// side by side at the passage. Keys j / n and k / p move through the marks in reading order. At the
// top: how much of the document stands in each other document, and how much nowhere else.

import { h, isTyping, onAction, scrollBehavior } from '../dom.js';
import { count, percent } from '../format.js';
import { reusePieces } from '../marks.js';
import { documentRuns, sharesWithOthers } from '../provenance.js';
import { showsMatrix } from '../store.js';
import { writePieces } from '../render.js';

const STEP_KEYS = { j: 1, n: 1, k: -1, p: -1 };
/** How much of a passage its list of places quotes. */
const QUOTE_CHARS = 180;

/** @param {import('../store.js').Store} store */
export function mountDocumentView(store, panel) {
  const text = panel.querySelector('[data-text]');
  const title = panel.querySelector('[data-document-title]');
  const summary = panel.querySelector('[data-document-summary]');
  const places = panel.querySelector('[data-places]');
  const position = panel.querySelector('[data-document-position]');
  const hideChrome = /** @type {HTMLInputElement} */ (panel.querySelector('[data-action="hide-boilerplate"]'));
  /** What is drawn: the set entry, the document and the list of documents (names) it was drawn with. */
  let drawn = { set: null, id: null, documents: null };
  let controller = null;
  /** @type {HTMLElement | null} the mark chosen last */
  let current = null;
  /** The runs drawn, by the index `data-run` of their marks. */
  let runs = [];

  /** Whether the panel was on show at the last event: coming back from a pair returns to its passage. */
  let visible = false;

  const render = async () => {
    const returning = !visible && !panel.hidden;
    visible = !panel.hidden;
    if (panel.hidden) return;
    const id = store.documentView;
    const doc = id ? store.document(id) : null;
    if (!doc) return;
    const set = store.set && store.setIsCurrent(store.set) ? store.set : null;
    if (drawn.set === set && drawn.id === id && drawn.documents === store.documents) {
      // Back from a pair opened at a passage: the focus goes back to that passage.
      if (returning && current?.isConnected) current.focus();
      return;
    }
    drawn = { set, id, documents: store.documents };
    controller?.abort();
    controller = new AbortController();
    const { signal } = controller;
    title.textContent = `Where the text of “${doc.name}” also stands`;
    choose(null);
    if (!set) {
      summary.replaceChildren(h('p', { class: 'placeholder' }, 'Indexing the documents…'));
      text.replaceChildren();
      runs = [];
      position.textContent = '';
      return;
    }
    const index = set.ids.indexOf(id);
    runs = documentRuns(set.result, index);
    summary.replaceChildren(...summaryOf(store, set, index));
    position.textContent = runsSummary(runs);
    text.setAttribute('aria-busy', 'true');
    try {
      await writePieces(text, reusePieces(doc.text, runs, { ...carriersOf(store, set), focusable: true }), {
        signal,
        total: doc.text.length,
        onProgress: (done, total) =>
          store.setProgress('render-document', { label: 'Showing the document', done, total }),
      });
    } catch (error) {
      if (error.name !== 'AbortError')
        store.say({ tone: 'error', text: `Could not show the document: ${error.message}.` });
    } finally {
      if (controller.signal === signal) {
        text.removeAttribute('aria-busy');
        store.setProgress('render-document', null);
      }
    }
  };
  for (const type of ['set', 'document', 'documents', 'options', 'pair']) store.addEventListener(type, render);
  // Closed: opened again, the document starts with no passage chosen.
  store.addEventListener('document', () => {
    if (!store.documentView) choose(null);
  });

  /** Shows where the run of `mark` stands (or nothing), and remembers it for j / k. */
  function choose(mark) {
    current = mark;
    for (const lit of text.querySelectorAll('mark.is-linked')) lit.classList.remove('is-linked');
    if (!mark) {
      places.replaceChildren(...legend());
      return;
    }
    for (const part of text.querySelectorAll(`mark[data-run="${mark.dataset.run}"]`)) part.classList.add('is-linked');
    const run = runs[Number(mark.dataset.run)];
    const doc = store.document(store.documentView);
    places.replaceChildren(...placesOf(store, run, doc));
  }

  /** The mark a click or a key on `node` means: the first part of its run (a run spans lines as several marks). */
  /** @returns {HTMLElement | null} */
  function runMark(node) {
    const mark = node instanceof Element ? /** @type {HTMLElement | null} */ (node.closest('mark[data-run]')) : null;
    return mark ? text.querySelector(`mark[data-run="${mark.dataset.run}"]`) : null;
  }

  function step(delta) {
    const marks = [...text.querySelectorAll('mark[tabindex]')].filter((mark) => mark.checkVisibility());
    if (marks.length === 0) return;
    let index = 0;
    if (current) {
      const at = marks.findIndex((mark) => !(mark.compareDocumentPosition(current) & Node.DOCUMENT_POSITION_FOLLOWING));
      // `at`: the first focusable mark at or after the chosen one.
      const here = at === -1 ? marks.length : at;
      index = marks[here] === current ? here + delta : delta > 0 ? here : here - 1;
    }
    const mark = marks[Math.max(0, Math.min(marks.length - 1, index))];
    mark.focus({ preventScroll: true });
    const offset = mark.getBoundingClientRect().top - text.getBoundingClientRect().top;
    text.scrollTo({ top: text.scrollTop + offset - text.clientHeight / 3, behavior: scrollBehavior() });
  }

  text.addEventListener('focusin', (event) => {
    const mark = runMark(event.target);
    if (mark) choose(mark);
  });
  text.addEventListener('click', (event) => {
    const mark = runMark(event.target);
    if (mark) choose(mark);
  });
  text.addEventListener('keydown', (event) => {
    const mark = runMark(event.target);
    if (!mark || event.key !== 'Enter') return;
    // Not also a press of the button the focus moves to.
    event.preventDefault();
    choose(mark);
    places.querySelector('button')?.focus();
  });
  document.addEventListener('keydown', (event) => {
    if (panel.hidden || isTyping(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!(event.key in STEP_KEYS)) return;
    step(STEP_KEYS[event.key]);
    event.preventDefault();
  });
  onAction(panel, 'next-mark', () => step(1));
  onAction(panel, 'previous-mark', () => step(-1));
  onAction(panel, 'close-document', () => store.openDocument(null));
  panel.addEventListener('click', (event) => {
    const open = event.target.closest('[data-open-pair]');
    if (!open) return;
    // From the list of a passage's places, at that passage; from the figures at the top, from the start.
    const run = places.contains(open) && current ? runs[Number(current.dataset.run)] : null;
    store.setTab('side');
    store.selectPair([store.documentView, open.dataset.openPair], run ? { at: [run.start, run.end] } : {});
  });
  hideChrome.addEventListener('change', () => {
    text.toggleAttribute('data-hide-boilerplate', hideChrome.checked);
    if (current && !current.checkVisibility()) choose(null);
  });
  render();
}

/**
 * What the marks call the set's documents, by index: their ids, names and numbers in the document list.
 * @param {import('../store.js').Store} store
 * @param {import('../store.js').SetEntry} set
 */
export function carriersOf(store, set) {
  const documents = set.ids.map((id) => store.document(id));
  return {
    ids: set.ids,
    names: documents.map((doc) => doc.name),
    numbers: documents.map((doc) => String(store.documents.indexOf(doc) + 1)),
  };
}

/** What the marks mean, shown where a chosen passage's places go until one is chosen. */
function legend() {
  const sample = (reach, text, boilerplate = false) =>
    h('mark', { class: 'reuse-sample', 'data-reach': reach, 'data-boilerplate': boilerplate }, text);
  return [
    h('p', {}, 'Choose a marked passage to see which documents carry it, and open it side by side with any of them.'),
    h(
      'p',
      { class: 'muted' },
      'The deeper the shade and the heavier the line, the more documents carry a passage: ',
      sample(1, 'one'),
      ' ',
      sample(3, 'more'),
      ' ',
      sample(4, 'all'),
      '. The small numbers are theirs in the document list; ',
      sample(1, 'page chrome', true),
      ' is muted. Plain text is the document’s own.',
    ),
  ];
}

/** "12 passages stand elsewhere (and 3 of page chrome)": how many runs are marked. */
export function runsSummary(runs) {
  const chrome = runs.filter((run) => run.boilerplate).length;
  const story = runs.length - chrome;
  if (runs.length === 0) return 'Nothing of it stands in another document';
  if (story === 0) return `Only page chrome stands elsewhere (${count(chrome, 'passage')})`;
  const stand = story === 1 ? '1 passage stands elsewhere' : `${count(story, 'passage')} stand elsewhere`;
  return chrome === 0 ? stand : `${stand}, and ${count(chrome, 'passage')} of page chrome`;
}

/**
 * The top of the view (and of its report): how much of the document stands in each other document, and
 * nowhere else. `nameOf` makes the element that names another document (the page: a button that opens
 * the pair).
 * @param {import('../store.js').Store} store
 * @param {import('../store.js').SetEntry} set
 * @param {number} index
 * @param {(other: import('../store.js').Doc) => HTMLElement} [nameOf]
 */
export function summaryOf(store, set, index, nameOf = pairButton) {
  const doc = set.result.documents[index];
  const own = doc.words - doc.shared_words;
  const shares = sharesWithOthers(set.result, index);
  // In a large set most documents share nothing with this one: those are counted, not listed.
  const listed = showsMatrix(set.ids.length) ? shares : shares.filter(({ words, chrome }) => words > 0 || chrome);
  const unlisted = shares.length - listed.length;
  const rows = listed.map(({ document, words, chrome }) => {
    const other = store.document(set.ids[document]);
    const number = store.documents.indexOf(other) + 1;
    const share = doc.words > 0 ? words / doc.words : 0;
    const what = words > 0 ? `${percent(share)} · ${count(words, 'word')}` : chrome ? 'only page chrome' : 'nothing';
    return h(
      'li',
      { class: 'share-row' },
      h('span', { class: 'share-number', 'aria-hidden': 'true' }, String(number)),
      nameOf(other),
      h('span', { class: 'share-bar', 'aria-hidden': 'true' }, bar(share)),
      h('span', { class: 'share-value' }, what),
    );
  });
  return [
    h(
      'p',
      { class: 'share-own' },
      h('strong', {}, `${percent(doc.words > 0 ? own / doc.words : 0)} stands nowhere else`),
      ` (${count(own, 'word')} of ${count(doc.words, 'word')} are this document’s own). Its words in each other document:`,
    ),
    h('ul', { class: 'share-list', 'aria-label': 'How much of this document stands in each other document' }, ...rows),
    ...(unlisted > 0
      ? [h('p', { class: 'muted share-rest' }, `It shares nothing with the ${count(unlisted, 'other document')}.`)]
      : []),
  ];
}

/** A document's name in the figures at the top, as a button that opens it side by side with the one on show. */
function pairButton(other) {
  return h(
    'button',
    {
      type: 'button',
      class: 'link-button share-name',
      'data-open-pair': other.id,
      title: other.name,
      'aria-label': `${other.name}: open side by side`,
    },
    other.name,
  );
}

/** A bar whose fill is `share` of its width (a custom property: the page's policy allows no style attributes). */
function bar(share) {
  const fill = h('span', { class: 'share-fill' });
  fill.style.setProperty('--share', String(share));
  return fill;
}

/** The list of places of one run: the documents that carry it, each opening that pair at it. */
function placesOf(store, run, doc) {
  const quote = doc.text.slice(run.start, run.end).replace(/\s+/g, ' ').trim();
  const shown = quote.length > QUOTE_CHARS ? `${quote.slice(0, QUOTE_CHARS).trimEnd()}…` : quote;
  const set = store.set;
  const chrome = h('p', { class: 'muted' }, 'Page chrome: menus, promotions or copyright lines an outlet repeats.');
  return [
    h('h3', { class: 'places-title' }, `Also in ${count(run.documents.length, 'other document')}`),
    h('blockquote', { class: 'places-quote' }, shown),
    ...(run.boilerplate ? [chrome] : []),
    h(
      'ul',
      { class: 'places-list' },
      ...run.documents.map((index) => {
        const other = store.document(set.ids[index]);
        return h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'place', 'data-open-pair': other.id },
            h('strong', {}, other.name),
            h('span', {}, 'Open side by side at this passage'),
          ),
        );
      }),
    ),
  ];
}
