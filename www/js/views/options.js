// The options panel, built from OPTION_FIELDS. Switches apply at once, numbers once typing pauses; a
// value out of range is pointed out next to its field and not applied.

import { h } from '../dom.js';
import { OPTION_FIELDS, parseOptionValue } from '../options.js';

/** Typing pauses this long before a comparison starts, so that "12" does not first compare with "1". */
const DEBOUNCE_MS = 300;

/** @param {import('../store.js').Store} store */
export function mountOptions(store, form, resetButton) {
  form.append(...OPTION_FIELDS.map(fieldElement));
  const show = () => {
    for (const field of OPTION_FIELDS) {
      const input = form.elements[field.name];
      if (field.type === 'boolean') input.checked = store.options[field.name];
      else input.value = String(store.options[field.name]);
      showProblem(form, field, null);
    }
  };
  store.addEventListener('options', show);
  let timer;
  form.addEventListener('input', (event) => {
    clearTimeout(timer);
    // A switch is one click, not typing: it applies at once, so a save or share right after has it.
    if (event.target.type === 'checkbox') apply(store, form);
    else timer = setTimeout(() => apply(store, form), DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  resetButton.addEventListener('click', () => store.setOptions({ ...store.defaults }));
  show();
}

function apply(store, form) {
  const options = { ...store.options };
  let valid = true;
  for (const field of OPTION_FIELDS) {
    const input = form.elements[field.name];
    const parsed = parseOptionValue(field, field.type === 'boolean' ? String(input.checked) : input.value);
    showProblem(form, field, parsed.problem ?? null);
    if ('value' in parsed) options[field.name] = parsed.value;
    else valid = false;
  }
  if (valid) store.setOptions(options);
}

function showProblem(form, field, problem) {
  const error = form.querySelector(`[data-option-error="${field.name}"]`);
  error.textContent = problem ? `${field.label} ${problem}.` : '';
  error.hidden = !problem;
  const input = form.elements[field.name];
  if (problem) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

function fieldElement(field) {
  const id = `option-${field.name}`;
  const hint = h('p', { class: 'hint', id: `${id}-hint` }, field.hint);
  const error = h('p', { class: 'field-error', id: `${id}-error`, 'data-option-error': field.name, hidden: true });
  const described = `${id}-hint ${id}-error`;
  if (field.type === 'boolean') {
    return h(
      'div',
      { class: 'field toggle' },
      h('input', { type: 'checkbox', id, name: field.name, 'aria-describedby': described }),
      h('label', { for: id }, field.label),
      hint,
      error,
    );
  }
  return h(
    'div',
    { class: 'field number' },
    h('label', { for: id }, field.label),
    h(
      'span',
      { class: 'number-input' },
      h('input', {
        type: 'number',
        id,
        name: field.name,
        min: field.min,
        max: field.max,
        step: 1,
        inputmode: 'numeric',
        'aria-describedby': described,
      }),
      h('span', { class: 'unit' }, field.unit),
    ),
    hint,
    error,
  );
}
