// The stories view, the overview of a set past MATRIX_MAX_DOCUMENTS documents: the set's stories
// (`compareMany`'s groups of documents linked by passages outside page chrome), largest first, each a
// [data-story] element with its documents' names as [data-open-document] buttons and, for each, the
// share of its text that stands in the others of its story. Documents that share nothing are each a
// story alone, gathered at the end under one collapsed heading. A filter by name shows the stories
// that hold a matching document; a story of up to MATRIX_MAX_DOCUMENTS documents opens its matrix
// (views/matrix.js) on demand, whose pairs alone are then compared.
//
// The panel's data-indexed says how many documents are indexed: while indexing, those read into the
// index so far (short of all of them), and all of them once their stories are drawn. Hundreds
// of stories are written a batch per frame, so that no task is long and a click is answered between;
// the list is aria-busy until the last is written.

import { h, onAction, scrollBehavior } from '../dom.js';
import { count, number, percent } from '../format.js';
import { inBatches } from '../render.js';
import { MATRIX_MAX_DOCUMENTS } from '../store.js';
import { drawMatrix } from './matrix.js';

/** Stories written per frame, at least (render.js's inBatches). */
const BATCH_STORIES = 10;

/**
 * A story as drawn: its element, its documents' names in lower case (for the filter), and its members.
 * @typedef {{ element: HTMLElement, names: string[], ids: string[] }} DrawnStory
 */

/** @param {import('../store.js').Store} store */
export function mountStories(store, panel) {
  const summary = panel.querySelector('[data-stories-summary]');
  const state = panel.querySelector('[data-stories-state]');
  const list = panel.querySelector('[data-stories-list]');
  const alone = /** @type {HTMLDetailsElement} */ (panel.querySelector('[data-stories-alone]'));
  const aloneList = alone.querySelector('[data-stories-alone-list]');
  const aloneTitle = alone.querySelector('summary');
  const filter = /** @type {HTMLInputElement} */ (panel.querySelector('[data-stories-filter]'));
  const shown = panel.querySelector('[data-stories-shown]');
  /** @type {DrawnStory[]} */
  let drawn = [];
  /** The set entry and the list of documents (their names) drawn, and what stops writing its batches. */
  let drawnSet = null;
  let drawnDocuments = null;
  let stop = () => {};
  /** Fills in the open story matrix's cells as pairs arrive. */
  let fillMatrix = () => {};

  const render = () => {
    const set = store.set && store.setIsCurrent(store.set) ? store.set : null;
    showState(set);
    if (set === drawnSet && store.documents === drawnDocuments) return;
    // A renamed document keeps the set (its text is the same): its story is drawn again, matrix and all.
    const sameSet = set === drawnSet;
    drawnSet = set;
    drawnDocuments = store.documents;
    stop();
    drawn = [];
    list.replaceChildren();
    list.removeAttribute('aria-busy');
    aloneList.replaceChildren();
    alone.hidden = true;
    fillMatrix = () => {};
    // A story's matrix belongs to the set it was opened in.
    if (store.storyMatrix && !sameSet) queueMicrotask(() => store.showStoryMatrix(null));
    panel.dataset.indexed = String(set ? set.ids.length : indexedSoFar());
    if (!set) {
      summary.textContent = '';
      shown.textContent = '';
      return;
    }
    const stories = set.result.stories;
    const linked = stories.filter((story) => story.length > 1);
    const single = stories.length - linked.length;
    summary.textContent =
      `${count(set.ids.length, 'document')}: ${storyCount(linked.length)} of documents that share passages` +
      (single > 0 ? `, and ${number(single)} that share nothing with any other.` : '.');
    aloneTitle.textContent = `${count(single, 'document')} that share nothing with any other`;
    alone.hidden = single === 0;
    const draw = (index) => {
      const story = drawStory(store, set, stories[index], index);
      drawn.push(story);
      applyFilter(story, query());
      (stories[index].length > 1 ? list : aloneList).append(story.element);
    };
    const done = () => {
      list.removeAttribute('aria-busy');
      if (sameSet && store.storyMatrix) showMatrix();
    };
    list.setAttribute('aria-busy', 'true');
    stop = inBatches(stories.length, BATCH_STORIES, draw, { batchDone: showCount, done });
  };

  /** Documents read into the index so far: all of them only once their stories are shown. */
  const indexedSoFar = () => Math.max(0, Math.min(store.progress.get('set')?.indexed ?? 0, store.documents.length - 1));

  /** Indexing, stopped, or nothing to say; kept in place, so that a click on "Index them" is never lost. */
  const stateText = h('p', { class: 'placeholder' });
  const indexAgain = h('button', { type: 'button', class: 'button', 'data-action': 'index-again' }, 'Index them');
  state.append(stateText, indexAgain);
  const showState = (set) => {
    if (!set) panel.dataset.indexed = String(indexedSoFar());
    const indexing = store.progress.get('set');
    state.hidden = Boolean(set);
    stateText.textContent = indexing
      ? `${indexing.label}…`
      : `${count(store.documents.length, 'document')}, not indexed yet.`;
    indexAgain.hidden = Boolean(indexing);
  };

  const query = () => filter.value.trim().toLocaleLowerCase();
  const showCount = () => {
    if (!drawnSet) return;
    const q = query();
    const total = drawnSet.result.stories.length;
    if (!q) {
      shown.textContent = '';
      return;
    }
    const matching = drawn.filter((story) => !story.element.hidden);
    const still = drawn.length < total ? ' (still listing)' : '';
    shown.textContent = `${storyCount(matching.length)} of ${number(drawn.length)} hold a name with “${filter.value.trim()}”${still}.`;
  };
  filter.addEventListener('input', () => {
    const q = query();
    for (const story of drawn) applyFilter(story, q);
    // A name among the documents that share nothing opens their list.
    if (q) alone.open = drawn.some((story) => story.ids.length === 1 && !story.element.hidden);
    showCount();
  });

  onAction(panel, 'story-matrix', (button) => {
    const story = drawn[Number(button.closest('[data-story]').dataset.story)];
    const open = store.storyMatrix && store.storyMatrix[0] === story.ids[0];
    store.showStoryMatrix(open ? null : story.ids);
  });
  onAction(panel, 'index-again', () => store.indexAgain());

  const showMatrix = () => {
    for (const element of panel.querySelectorAll('[data-story-matrix]')) element.remove();
    for (const button of panel.querySelectorAll('[data-action="story-matrix"]'))
      button.setAttribute('aria-expanded', 'false');
    fillMatrix = () => {};
    const ids = store.storyMatrix;
    const story = ids && drawn.find((candidate) => candidate.ids[0] === ids[0]);
    if (!story) return;
    const table = /** @type {HTMLTableElement} */ (h('table', { class: 'matrix' }));
    story.element.append(h('div', { class: 'matrix-scroll story-matrix', 'data-story-matrix': true }, table));
    story.element.querySelector('[data-action="story-matrix"]').setAttribute('aria-expanded', 'true');
    fillMatrix = drawMatrix(
      store,
      table,
      ids.map((id) => store.document(id)),
    );
    table.scrollIntoView({ block: 'nearest', behavior: scrollBehavior() });
  };

  for (const type of ['set', 'documents', 'options', 'progress']) store.addEventListener(type, render);
  store.addEventListener('story', showMatrix);
  store.addEventListener('results', () => fillMatrix());
  render();
}

/** "1 story", "12 stories". */
function storyCount(n) {
  return n === 1 ? '1 story' : `${number(n)} stories`;
}

/** Hides a story none of whose documents' names hold `q`, and marks the names that do. */
function applyFilter(story, q) {
  const hits = story.names.map((name) => q !== '' && name.includes(q));
  story.element.hidden = q !== '' && !hits.includes(true);
  story.element.querySelectorAll('[data-open-document]').forEach((button, index) => {
    button.classList.toggle('is-match', hits[index]);
  });
}

/**
 * One story: its heading, its documents (most shared first) with the share of each that stands in the
 * others of the story, and the button that opens its matrix.
 * @returns {DrawnStory}
 */
function drawStory(store, set, members, index) {
  const result = set.result;
  const inStory = new Set(members);
  const rows = members
    .map((member) => ({ member, share: shareInStory(result.documents[member], inStory, store, set.ids[member]) }))
    .sort((x, y) => y.share - x.share || x.member - y.member);
  const docs = rows.map(({ member }) => store.document(set.ids[member]));
  const linked = members.length > 1;
  const headingId = `story-${index}`;
  const element = h(
    'li',
    { class: linked ? 'story' : 'story is-alone', 'data-story': index },
    linked ? storyHead(headingId, index, members.length) : null,
    h('ul', { class: 'story-documents' }, ...rows.map(({ share }, row) => documentRow(docs[row], share, linked))),
  );
  return { element, names: docs.map((doc) => doc.name.toLocaleLowerCase()), ids: docs.map((doc) => doc.id) };
}

function storyHead(headingId, index, size) {
  const canMatrix = size <= MATRIX_MAX_DOCUMENTS;
  return h(
    'div',
    { class: 'story-head' },
    h(
      'h3',
      { id: headingId },
      `Story ${index + 1}`,
      h('span', { class: 'story-size' }, ` · ${count(size, 'document')}`),
    ),
    canMatrix
      ? h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            'data-action': 'story-matrix',
            'aria-expanded': 'false',
            'aria-label': `Matrix of this story (story ${index + 1})`,
          },
          'Matrix of this story',
        )
      : h('span', { class: 'muted story-note' }, `Too many documents for a matrix: open them one by one.`),
  );
}

function documentRow(doc, share, linked) {
  const fill = h('span', { class: 'share-fill' });
  fill.style.setProperty('--share', String(share));
  return h(
    'li',
    { class: 'story-document' },
    h(
      'button',
      {
        type: 'button',
        class: 'open-name story-name',
        'data-open-document': doc.id,
        title: doc.name,
        'aria-label': linked
          ? `${doc.name}: ${percent(share)} of its text stands in others of this story`
          : `${doc.name}: shares nothing with the other documents`,
      },
      doc.name,
    ),
    linked ? h('span', { class: 'share-bar', 'aria-hidden': 'true' }, fill) : null,
    linked ? h('span', { class: 'share-value', 'aria-hidden': 'true' }, percent(share)) : null,
  );
}

/**
 * The share of a document's text (in characters, UTF-16 as the offsets are) that stands in other
 * documents of its story: its stretches outside page chrome carried by any of them.
 */
function shareInStory(doc, inStory, store, id) {
  const length = store.document(id).text.length;
  if (length === 0) return 0;
  let covered = 0;
  for (const stretch of doc.stretches) {
    if (!stretch.boilerplate && stretch.documents.some((other) => inStory.has(other)))
      covered += stretch.end - stretch.start;
  }
  return Math.min(1, covered / length);
}
