// Two texts side by side, each in full, with the passages they share marked (marks.js draws the marks:
// <mark data-passage="N …"> naming every passage a stretch stands in, edits and gaps inside). A mark
// where passages start is focusable and carries the label a screen reader announces.
//
// Hover or focus a mark: every part of its passages lights up, on both sides. Click or Enter: the other
// text scrolls to its counterpart, and to the next one on each further click where it has several.
// Keys j / n and k / p move to the next / previous mark in the text that has focus; s jumps to the
// counterpart on show in the other text. A pair opened at a passage of the document view (the store's
// pairTarget) goes to it once drawn.

import { isTyping, onAction, scrollBehavior } from '../dom.js';
import { count } from '../format.js';
import { markedPieces, numberList, OTHER_SIDE } from '../marks.js';
import { writePieces } from '../render.js';
import { followResult } from './follow-result.js';

const STEP_KEYS = { j: 1, n: 1, k: -1, p: -1 };

/** @param {import('../store.js').Store} store */
export function mountSideBySide(store, root) {
  const texts = {
    a: root.querySelector('[data-side="a"] [data-text]'),
    b: root.querySelector('[data-side="b"] [data-text]'),
  };
  const position = root.querySelector('[data-passage-position]');
  let passageCount = 0;
  /** The mark last focused, or null. */
  let current = null;
  let lit = [];
  /** For each mark whose counterpart was shown: which of its counterparts, as an index into counterparts(). */
  let shown = new WeakMap();
  /** Each passage's marks on both sides, in document order; made on first use, dropped when the texts change. */
  let marksByPassage = null;
  /** The pair whose texts are drawn in full (its pairKey), and the store's pair target last gone to. */
  let drawn = null;
  let reached = null;

  followResult(store, {
    task: 'render-side',
    label: 'Showing the texts',
    isVisible: () => store.tab === 'side',
    clear: () => {
      drawn = null;
      for (const text of Object.values(texts)) text.replaceChildren(placeholder());
      reset(0, '');
    },
    render: (result, documents, signal, onProgress) => {
      const passages = result.passages.length;
      reset(passages, passages === 0 ? 'No shared passages' : count(passages, 'shared passage'));
      const total = documents[0].text.length + documents[1].text.length;
      const done = { a: 0, b: 0 };
      const written = Promise.all(
        /** @type {('a' | 'b')[]} */ (['a', 'b']).map((side, index) => {
          const text = documents[index].text;
          return writePieces(texts[side], markedPieces(text, result.passages, side, { links: false }), {
            signal,
            total: text.length,
            onProgress: (written) => {
              done[side] = written;
              onProgress(done.a + done.b, total);
            },
          });
        }),
      );
      // Marks looked up while the texts were being written are not all of them.
      return written
        .finally(() => {
          marksByPassage = null;
        })
        .then(() => {
          drawn = `${documents[0].id}|${documents[1].id}`;
          goToTarget(result);
        });
    },
  });

  /**
   * Goes to the passage the pair was opened at (store.pairTarget: a range of A chosen in the document
   * view), once its texts are drawn: the passage of this pair that overlaps that range most.
   */
  function goToTarget(result) {
    const target = store.pairTarget;
    if (!target || target === reached || target.pair.join('|') !== drawn || !root.checkVisibility()) return;
    reached = target;
    const [start, end] = target.a;
    const overlap = (passage) => Math.min(end, passage.a[1]) - Math.max(start, passage.a[0]);
    let best = -1;
    result.passages.forEach((passage, n) => {
      if (overlap(passage) > 0 && (best === -1 || overlap(passage) > overlap(result.passages[best]))) best = n;
    });
    if (best === -1) return;
    const marks = marksOf(String(best)).filter((mark) => sideOf(mark) === 'a');
    const mark = marks.find((part) => part.tabIndex >= 0) ?? focusableMark(marks[0]);
    if (mark) goTo(mark);
  }
  store.addEventListener('pair', () => {
    const pair = store.shownPair;
    const result = pair && store.resultFor(pair);
    if (result) queueMicrotask(() => goToTarget(result));
  });

  function reset(passages, summary) {
    passageCount = passages;
    current = null;
    lit = [];
    shown = new WeakMap();
    marksByPassage = null;
    position.textContent = summary;
  }

  /** The marks of passage `n` (its index as a string) on both sides, in document order: A's, then B's. */
  function marksOf(n) {
    if (!marksByPassage) {
      marksByPassage = new Map();
      for (const mark of root.querySelectorAll('mark[data-passage]')) {
        for (const passage of passagesOf(mark)) {
          if (!marksByPassage.has(passage)) marksByPassage.set(passage, []);
          marksByPassage.get(passage).push(mark);
        }
      }
    }
    return marksByPassage.get(n) ?? [];
  }

  /** The focusable mark a click on `node` means: the mark itself, or for a mark that only continues passages, the one where the first of them starts. */
  function focusableMark(node) {
    const mark = passageMark(node);
    if (!mark || mark.tabIndex >= 0) return mark;
    const side = sideOf(mark);
    return marksOf(passagesOf(mark)[0]).find((part) => sideOf(part) === side) ?? null;
  }

  /** Lights up every part of `passages` (indices as strings) on both sides. */
  function light(passages) {
    for (const mark of lit) mark.classList.remove('is-linked');
    lit = passages.flatMap(marksOf);
    for (const mark of lit) mark.classList.add('is-linked');
  }

  function select(mark) {
    current = mark;
    light(passagesOf(mark));
    position.textContent = describe(mark);
  }

  /** "Passage 3 of 12, with edits", and where the other text holds it more than once, which copy is on show. */
  function describe(mark) {
    const numbers = passagesOf(mark).map(Number);
    const which = numbers.length === 1 ? `Passage ${numbers[0] + 1}` : `Passages ${numberList(numbers)}`;
    const kind = mark.dataset.kind === 'edited' ? ', with edits' : '';
    const places = counterparts(mark).length;
    if (places < 2) return `${which} of ${passageCount}${kind}`;
    const on = shown.get(mark);
    const copy =
      on === undefined
        ? `${places} copies in the other text: Enter shows each`
        : `copy ${on + 1} of ${places} in the other text`;
    return `${which} of ${passageCount}${kind} · ${copy}`;
  }

  /** Where the other text holds what `mark` holds: the first mark of each of its passages there, in order. */
  function counterparts(mark) {
    const other = OTHER_SIDE[sideOf(mark)];
    const firsts = new Set(passagesOf(mark).map((n) => marksOf(n).find((part) => sideOf(part) === other)));
    firsts.delete(undefined);
    return [...firsts].sort((x, y) => (x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  /** The counterpart of `mark` on show, or with `next` the one after it (the first if none was shown). */
  function counterpartOf(mark, { next }) {
    const marks = counterparts(mark);
    if (marks.length === 0) return null;
    const on = shown.get(mark);
    const index = on === undefined ? 0 : (on + Number(next)) % marks.length;
    shown.set(mark, index);
    if (mark === current) position.textContent = describe(mark);
    return marks[index];
  }

  /** Scrolls the other text to the counterpart of `mark` on show, or with `next` to the next one. */
  function showCounterpart(mark, { next }) {
    const counterpart = counterpartOf(mark, { next });
    if (counterpart) scrollWithin(texts[sideOf(counterpart)], counterpart);
  }

  function goTo(mark) {
    mark.focus({ preventScroll: true });
    scrollWithin(texts[sideOf(mark)], mark);
    showCounterpart(mark, { next: false });
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
    const counterpart = counterpartOf(current, { next: false });
    if (counterpart) goTo(counterpart);
  }

  root.addEventListener('pointerover', (event) => {
    const mark = passageMark(event.target);
    if (mark) light(passagesOf(mark));
  });
  root.addEventListener('pointerout', (event) => {
    if (passageMark(event.target) && !passageMark(event.relatedTarget)) light(current ? passagesOf(current) : []);
  });
  root.addEventListener('focusin', (event) => {
    const mark = passageMark(event.target);
    if (mark) select(mark);
  });
  root.addEventListener('click', (event) => {
    const mark = focusableMark(event.target);
    if (mark) showCounterpart(mark, { next: true });
  });
  root.addEventListener('keydown', (event) => {
    const mark = focusableMark(event.target);
    if (mark && event.key === 'Enter') showCounterpart(mark, { next: true });
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

/** @returns {HTMLElement | null} */
function passageMark(node) {
  return node instanceof Element ? node.closest('mark[data-passage]') : null;
}

/** The passages a mark stands in, as the strings of their indices. */
function passagesOf(mark) {
  return mark.dataset.passage.split(' ');
}

function sideOf(mark) {
  return mark.closest('[data-side]').dataset.side;
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
