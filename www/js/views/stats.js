// The numbers of the pair on show: how much of each text is shared, how many passages, the longest.

import { h } from '../dom.js';
import { count, number, percent } from '../format.js';

/** @param {import('../store.js').Store} store */
export function mountStats(store, root) {
  const render = () => {
    const pair = store.shownPair;
    if (!pair) return;
    const [a, b] = pair.map((id) => store.document(id));
    const figures = figuresOf(store.resultFor(pair), store.options);
    root.replaceChildren(
      stat('a', `A · ${a.name}`, ...figures.a),
      stat('b', `B · ${b.name}`, ...figures.b),
      stat('passages', 'Shared passages', ...figures.passages),
      stat('longest', 'Longest passage', ...figures.longest),
    );
  };
  for (const type of ['documents', 'pair', 'results', 'options']) store.addEventListener(type, render);
  render();
}

/** Each figure as [value, detail]; placeholders while the comparison runs. The HTML report shows the same. */
export function figuresOf(result, options) {
  if (!result) return { a: ['…', 'comparing'], b: ['…', 'comparing'], passages: ['…', null], longest: ['…', null] };
  const passages = result.passages.length;
  const edited = result.passages.filter((passage) => !passage.exact).length;
  return {
    a: share(result.a),
    b: share(result.b),
    passages: [number(passages), passagesDetail(passages, edited, options)],
    longest: [count(result.longest_passage_words, 'word'), null],
  };
}

function share({ words, shared_words: shared, shared_ratio: ratio }) {
  return [`${percent(ratio)} shared`, `${number(shared)} of ${count(words, 'word')}`];
}

function passagesDetail(passages, edited, options) {
  if (passages === 0) return `none of ${options.min_words} words or more`;
  if (edited === 0) return 'all word for word';
  return `${number(edited)} with edits`;
}

function stat(name, term, value, detail) {
  return h(
    'div',
    { class: 'stat', 'data-stat': name },
    h('dt', {}, term),
    h('dd', {}, h('span', { class: 'stat-value' }, value), detail && h('span', { class: 'stat-detail' }, detail)),
  );
}
