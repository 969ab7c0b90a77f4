// The long tasks under way (comparing, rendering a long text): a label, a progress bar and, where the
// task can be stopped, a Cancel button. Each task keeps its element, so a click on Cancel is never lost
// to a re-render.

import { h } from '../dom.js';

/** @param {import('../store.js').Store} store */
export function mountStatus(store, root) {
  const shown = new Map();
  store.addEventListener('progress', () => {
    for (const [task, element] of shown) {
      if (!store.progress.has(task)) {
        element.remove();
        shown.delete(task);
      }
    }
    for (const [task, progress] of store.progress) {
      if (!shown.has(task)) shown.set(task, root.appendChild(taskElement(task, progress)));
      updateTask(shown.get(task), progress);
    }
  });
}

/** @param {string} task @param {{ cancel?: () => void }} progress */
function taskElement(task, { cancel }) {
  const element = h(
    'div',
    { class: 'task', 'data-task': task },
    h('span', { class: 'task-label' }),
    h('progress', { max: 1 }),
  );
  if (cancel) {
    const button = h('button', { type: 'button', class: 'link-button' }, 'Cancel');
    button.addEventListener('click', cancel);
    element.append(button);
  }
  return element;
}

function updateTask(element, { label, done, total }) {
  element.querySelector('.task-label').textContent = label;
  const bar = element.querySelector('progress');
  bar.max = Math.max(total, 1);
  // Nothing done yet (one long pair, say): an indeterminate bar says "working" without a false 0%.
  if (done > 0) bar.value = done;
  else bar.removeAttribute('value');
  bar.setAttribute('aria-label', label);
}
