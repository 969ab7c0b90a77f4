// Two texts side by side, each in full. Shared passages are <mark data-passage="N"> (N: the passage's
// index, in A's order), edited words inside them <span class="edit">, and a place where one text lacks
// words an empty <span class="edit gap">. A passage that spans paragraphs is several marks with the same
// N; only the first is focusable and carries the label a screen reader announces.
//
// Hover or focus a passage: both its parts light up. Click or Enter: the other text scrolls to it.
// Keys j / n and k / p move to the next / previous passage in the text that has focus; s jumps to the
// same passage in the other text.

import { isTyping, onAction, scrollBehavior } from '../dom.js';
import { count } from '../format.js';
import { sidePieces } from '../passages.js';
import { writePieces } from '../render.js';
import { followResult } from './follow-result.js';

const STEP_KEYS = { j: 1, n: 1, k: -1, p: -1 };
const OTHER_SIDE = { a: 'b', b: 'a' };

/** @param {import('../store.js').Store} store */
export function mountSideBySide(store, root) {
  const texts = { a: root.querySelector('[data-side="a"] [data-text]'), b: root.querySelector('[data-side="b"] [data-text]') };
  const position = root.querySelector('[data-passage-position]');
  let passageCount = 0;
  /** The first mark of the passage last focused, or null. */
  let current = null;
  let lit = [];

  followResult(store, {
    task: 'render-side',
    label: 'Showing the texts',
    isVisible: () => store.tab === 'side',
    clear: () => {
      for (const text of Object.values(texts)) text.replaceChildren(placeholder());
      reset(0, '');
    },
    render: (result, documents, signal, onProgress) => {
      const passages = result.passages.length;
      reset(passages, passages === 0 ? 'No shared passages' : count(passages, 'shared passage'));
      const total = documents[0].text.length + documents[1].text.length;
      const done = { a: 0, b: 0 };
      const wrappers = { mark: (passage, n) => markWrap(passage, n, passages), edit: editWrap };
      return Promise.all(['a', 'b'].map((side, index) => {
        const text = documents[index].text;
        return writePieces(texts[side], sidePieces(text, result.passages, side, wrappers), {
          signal,
          total: text.length,
          onProgress: (written) => {
            done[side] = written;
            onProgress(done.a + done.b, total);
          },
        });
      }));
    },
  });

  function reset(passages, summary) {
    passageCount = passages;
    current = null;
    lit = [];
    position.textContent = summary;
  }

  /** Lights up every part of passage `n` on both sides (`null`: none). */
  function light(n) {
    for (const mark of lit) mark.classList.remove('is-linked');
    lit = n === null ? [] : [...root.querySelectorAll(`mark[data-passage="${n}"]`)];
    for (const mark of lit) mark.classList.add('is-linked');
  }

  function select(mark) {
    current = firstPart(texts[sideOf(mark)], mark.dataset.passage);
    light(mark.dataset.passage);
    const kind = mark.dataset.kind === 'edited' ? ', with edits' : '';
    position.textContent = `Passage ${Number(mark.dataset.passage) + 1} of ${passageCount}${kind}`;
  }

  /** Scrolls the other text to the counterpart of `mark`. */
  function showCounterpart(mark) {
    const side = OTHER_SIDE[sideOf(mark)];
    const counterpart = firstPart(texts[side], mark.dataset.passage);
    if (counterpart) scrollWithin(texts[side], counterpart);
  }

  function goTo(mark) {
    mark.focus({ preventScroll: true });
    scrollWithin(texts[sideOf(mark)], mark);
    showCounterpart(mark);
  }

  function step(delta) {
    const side = current ? sideOf(current) : 'a';
    const marks = [...texts[side].querySelectorAll('mark[tabindex]')];
    if (marks.length === 0) return;
    const index = current ? marks.indexOf(current) + delta : 0;
    goTo(marks[Math.max(0, Math.min(marks.length - 1, index))]);
  }

  function switchSide() {
    if (!current) {
      step(0);
      return;
    }
    const counterpart = firstPart(texts[OTHER_SIDE[sideOf(current)]], current.dataset.passage);
    if (counterpart) goTo(counterpart);
  }

  root.addEventListener('pointerover', (event) => {
    const mark = passageMark(event.target);
    if (mark) light(mark.dataset.passage);
  });
  root.addEventListener('pointerout', (event) => {
    if (passageMark(event.target) && !passageMark(event.relatedTarget)) light(current?.dataset.passage ?? null);
  });
  root.addEventListener('focusin', (event) => {
    const mark = passageMark(event.target);
    if (mark) select(mark);
  });
  root.addEventListener('click', (event) => {
    const mark = passageMark(event.target);
    if (mark) showCounterpart(mark);
  });
  root.addEventListener('keydown', (event) => {
    const mark = passageMark(event.target);
    if (mark && event.key === 'Enter') showCounterpart(mark);
  });
  document.addEventListener('keydown', (event) => {
    if (!root.checkVisibility() || isTyping(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key in STEP_KEYS) step(STEP_KEYS[event.key]);
    else if (event.key === 's') switchSide();
    else return;
    event.preventDefault();
  });
  onAction(root, 'next-passage', () => step(1));
  onAction(root, 'previous-passage', () => step(-1));
  onAction(root, 'switch-side', switchSide);
}

function passageMark(node) {
  return node instanceof Element ? node.closest('mark[data-passage]') : null;
}

function sideOf(mark) {
  return mark.closest('[data-side]').dataset.side;
}

function firstPart(text, n) {
  return text.querySelector(`mark[data-passage="${n}"][tabindex]`);
}

/** Scrolls `container` alone (not the page) so that `element` sits a third of the way down. */
function scrollWithin(container, element) {
  const offset = element.getBoundingClientRect().top - container.getBoundingClientRect().top;
  container.scrollTo({ top: container.scrollTop + offset - container.clientHeight / 3, behavior: scrollBehavior() });
}

function placeholder() {
  const element = document.createElement('p');
  element.className = 'placeholder';
  element.textContent = 'Comparing…';
  return element;
}

function markWrap(passage, index, total) {
  const number = String(index + 1);
  return {
    create(continued) {
      const mark = document.createElement('mark');
      mark.dataset.passage = String(index);
      mark.dataset.kind = passage.exact ? 'exact' : 'edited';
      if (continued) return mark;
      mark.tabIndex = 0;
      // app.css shows data-badge and gives screen readers data-label instead (content: badge / label).
      mark.dataset.badge = passage.exact ? number : `${number} edited`;
      mark.dataset.label = `Shared passage ${number} of ${total}, ${count(passage.words, 'word')}${passage.exact ? '' : ', with edits'}: `;
      return mark;
    },
  };
}

function editWrap(isGap) {
  return {
    create() {
      const span = document.createElement('span');
      span.className = isGap ? 'edit gap' : 'edit';
      return span;
    },
  };
}
