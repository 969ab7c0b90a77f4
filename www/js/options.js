// The comparison options as the page shows them and as they live in the address's query string, so that
// a reload or a bookmark keeps them. Defaults come from the engine (defaultOptions()); the ranges are the
// engine's own (CompareOptions::MIN_WORDS and MAX_EDITS in src/options.rs), which
// tests/browser/options.spec.js holds these fields to. The engine clamps values anyway; the page checks
// them so it can say what was wrong.

/**
 * @typedef {{ name: string, key: string, label: string, hint: string }} Field
 * @typedef {Field & { type: 'number', min: number, max: number, unit: string }} NumberField
 * @typedef {Field & { type: 'boolean' }} BooleanField
 */

/** @type {(NumberField | BooleanField)[]} */
export const OPTION_FIELDS = [
  {
    name: 'min_words',
    key: 'min',
    type: 'number',
    min: 2,
    max: 1000,
    unit: 'words',
    label: 'Shortest passage',
    hint: 'Fewer shared words in a row are not reported.',
  },
  {
    name: 'max_edits',
    key: 'edits',
    type: 'number',
    min: 0,
    max: 20,
    unit: 'words',
    label: 'Edits bridged',
    hint: 'Words inserted, deleted or changed between two matching runs (punctuation does not count); 0 bridges none.',
  },
  {
    name: 'spelling_variants',
    key: 'variants',
    type: 'boolean',
    label: 'Spelling variants',
    hint: 'Tartus = Tartous: names one letter apart count as the same word.',
  },
  { name: 'fold_case', key: 'case', type: 'boolean', label: 'Ignore case', hint: 'Port = port.' },
  { name: 'fold_diacritics', key: 'accents', type: 'boolean', label: 'Ignore accents', hint: 'Tartús = Tartus.' },
  {
    name: 'ignore_punctuation',
    key: 'punct',
    type: 'boolean',
    label: 'Ignore punctuation',
    hint: 'A changed comma or quote mark is no edit at all.',
  },
  {
    name: 'ignore_numbers',
    key: 'numbers',
    type: 'boolean',
    label: 'Ignore numbers',
    hint: 'For texts that differ only in figures.',
  },
];

/**
 * Checks one value typed into the options panel or found in the address. Returns the value, or
 * `{problem}` saying what an acceptable value looks like.
 * @param {NumberField | BooleanField} field
 * @param {string} raw
 */
export function parseOptionValue(field, raw) {
  if (field.type === 'boolean') {
    if (raw === '1' || raw === 'true') return { value: true };
    if (raw === '0' || raw === 'false') return { value: false };
    return { problem: 'must be 1 (on) or 0 (off)' };
  }
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isInteger(value) || value < field.min || value > field.max) {
    return { problem: `must be a whole number from ${field.min} to ${field.max}` };
  }
  return { value };
}

/**
 * Reads options from a query string, on top of `base` (the options saved last time, or the defaults).
 * Invalid values fall back to the base value and are reported.
 * @param {string} search like `?min=12&case=0`
 * @param {object} defaults the engine's defaults
 * @param {object} [base] the options the query changes
 * @returns {{ options: object, problems: string[] }}
 */
export function optionsFromQuery(search, defaults, base = defaults) {
  const params = new URLSearchParams(search);
  const options = { ...base };
  const problems = [];
  for (const field of OPTION_FIELDS) {
    const raw = params.get(field.key);
    if (raw === null) continue;
    const parsed = parseOptionValue(field, raw);
    if ('value' in parsed) options[field.name] = parsed.value;
    else
      problems.push(
        `Ignored ${field.key}=${raw} in the address: ${field.label} ${parsed.problem}. Using ${fallback(field, defaults, base)}.`,
      );
  }
  return { options, problems };
}

function fallback(field, defaults, base) {
  const value = base[field.name];
  const which = value === defaults[field.name] ? 'the default' : 'the saved value';
  if (field.type === 'boolean') return `${which}, ${value ? 'on' : 'off'}`;
  return `${which}, ${value} ${field.unit}`;
}

/**
 * The query string for `options`: only values that differ from the defaults, other parameters kept.
 * @returns {string} like `?min=12&case=0`, or '' when everything is at its default
 */
export function optionsToQuery(options, defaults, search) {
  const params = new URLSearchParams(search);
  for (const field of OPTION_FIELDS) {
    const value = options[field.name];
    if (value === defaults[field.name]) params.delete(field.key);
    else params.set(field.key, field.type === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}
