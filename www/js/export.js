// The pair on show as a self-contained HTML report: both texts with the page's highlights, the figures
// and the list of passages; no script, so it opens anywhere, offline. (The JSON and PAN exports are the
// engine's, src/report/, asked for through the worker.)
//
// The report is built with DOM calls and serialized by the browser: user text only ever becomes text
// nodes and attribute values, which the serializer escapes; only the fixed head is written as text. A
// Content-Security-Policy in the report forbids scripts and every fetch, so even a text that looked
// like markup could do nothing. Its marks are the page's (marks.js), and so is their look: the report
// embeds the page's palette and marks style sheets as the page has loaded them.

import { h } from './dom.js';
import { count, number } from './format.js';
import { markedPieces } from './marks.js';
import { OPTION_FIELDS } from './options.js';
import { writeAllPieces } from './render.js';
import { limitNotes } from './views/limits.js';
import { figuresOf } from './views/stats.js';

/**
 * @typedef {{ name: string, text: string }} Side
 * @typedef {{ a: Side, b: Side, result: object, options: object }} PairExport
 */

/**
 * The HTML report: one file that needs nothing else. Passages are <mark id="a-N"> / <mark id="b-N">,
 * each numbered with a link to the same passage in the other text (marks.js); the list of passages
 * links to both.
 * @param {PairExport & { made: Date }} pair
 * @returns {string}
 */
export function reportHtml({ a, b, result, options, made }) {
  const figures = figuresOf(result, options);
  const body = h(
    'body',
    {},
    h(
      'header',
      {},
      h('p', { class: 'kicker' }, 'copydesk report'),
      h('h1', {}, 'What ', h('bdi', {}, `“${a.name}”`), ' and ', h('bdi', {}, `“${b.name}”`), ' share'),
      h(
        'p',
        { class: 'muted' },
        `Made ${made.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })}. Options: ${optionsSummary(options)}.`,
      ),
    ),
    h(
      'dl',
      { class: 'stats' },
      stat(`A · ${a.name}`, ...figures.a),
      stat(`B · ${b.name}`, ...figures.b),
      stat('Shared passages', ...figures.passages),
      stat('Longest passage', ...figures.longest),
    ),
    ...limitNotes(result.limits, b.name, { inline: false }).map((note) => h('p', { class: 'limit' }, note)),
    h(
      'p',
      { class: 'legend muted' },
      h('mark', { 'data-kind': 'exact' }, 'Solid underline'),
      ': a passage both texts share word for word. ',
      h('mark', { 'data-kind': 'edited' }, 'Dashed'),
      ': shared with small edits, ',
      h('span', { class: 'swatch-edit' }, 'wavy'),
      ' on the edited words, ',
      h('span', { class: 'swatch-gap' }),
      ' where words are missing. ',
      'The number before a passage links to it in the other text.',
    ),
    h(
      'section',
      { class: 'texts', 'aria-label': 'The two texts' },
      textColumn('a', a, result.passages),
      textColumn('b', b, result.passages),
    ),
    passageList(a, b, result.passages),
  );
  const title = h('title', {}, `copydesk: “${a.name}” and “${b.name}”`);
  // The head is fixed text apart from the title. The elements are never attached to a document (the
  // page's own CSP would refuse the report's inline style); outerHTML serializes them, escaping the
  // text of text nodes and the values of attributes.
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="copydesk">
${title.outerHTML}
<style>
${pageStyle()}
${REPORT_CSS}</style>
</head>
${body.outerHTML}
</html>
`;
}

function textColumn(side, doc, passages) {
  const text = h('div', { class: 'text', dir: 'auto' });
  writeAllPieces(text, markedPieces(doc.text, passages, side, { links: true }));
  return h(
    'article',
    { class: 'column' },
    h('h2', {}, h('span', { class: 'side' }, side.toUpperCase()), ' ', h('bdi', {}, doc.name)),
    text,
  );
}

/**
 * The page's style sheets that the report shares (index.html marks them: the palette and the marks), as
 * the page has loaded them: read through CSSOM, so exporting requests nothing.
 */
function pageStyle() {
  return [...document.querySelectorAll('link[data-report-style]')]
    .flatMap((link) => [.../** @type {HTMLLinkElement} */ (link).sheet.cssRules].map((rule) => rule.cssText))
    .join('\n');
}

function passageList(a, b, passages) {
  if (passages.length === 0)
    return h('section', { class: 'passages' }, h('h2', {}, 'Shared passages'), h('p', {}, 'None.'));
  return h(
    'section',
    { class: 'passages' },
    h('h2', {}, 'Shared passages'),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, '#'),
          h('th', { scope: 'col' }, 'Words'),
          h('th', { scope: 'col' }, h('bdi', {}, `A · ${a.name}`)),
          h('th', { scope: 'col' }, h('bdi', {}, `B · ${b.name}`)),
        ),
      ),
      h(
        'tbody',
        {},
        ...passages.map((passage, index) => {
          const n = String(index + 1);
          return h(
            'tr',
            {},
            h('th', { scope: 'row' }, n),
            h('td', {}, number(passage.words), passage.exact ? '' : h('span', { class: 'muted' }, ' with edits')),
            h('td', { dir: 'auto' }, h('a', { href: `#a-${n}` }, preview(a.text.slice(...passage.a)))),
            h('td', { dir: 'auto' }, h('a', { href: `#b-${n}` }, preview(b.text.slice(...passage.b)))),
          );
        }),
      ),
    ),
  );
}

/** A passage on one line, shortened in the middle past 160 characters (as the command line does). */
function preview(text) {
  const MAX = 160;
  const flat = text.split(/\s+/).filter(Boolean).join(' ');
  const characters = [...flat];
  if (characters.length <= MAX) return flat;
  return `${characters
    .slice(0, MAX / 2)
    .join('')
    .trimEnd()} … ${characters
    .slice(-MAX / 2)
    .join('')
    .trimStart()}`;
}

function optionsSummary(options) {
  return OPTION_FIELDS.map((field) => {
    const value = options[field.name];
    return `${field.label.toLowerCase()} ${field.type === 'boolean' ? (value ? 'on' : 'off') : count(value, field.unit.replace(/s$/, ''))}`;
  }).join(', ');
}

function stat(term, value, detail) {
  return h('div', {}, h('dt', {}, term), h('dd', {}, h('strong', {}, value), detail ? ` ${detail}` : ''));
}

/** A file name for an export of the pair: both names, without what file systems refuse. */
export function exportFileName(a, b, extension) {
  const stem = (name) =>
    name
      .replace(/\.[^.]{1,8}$/, '')
      .replace(/[\p{Cc}\\/:*?"<>|]+/gu, '-')
      .trim()
      .slice(0, 60) || 'document';
  return `${stem(a.name)} vs ${stem(b.name)}.${extension}`;
}

/** No script, no fetch of any kind: only the report's own style. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** The report's own layout; the colours, fonts and marks are the page's (pageStyle). */
const REPORT_CSS = `
body { margin: 0 auto; max-width: 90rem; padding: 1.5rem 2rem 3rem; background: var(--surface); color: var(--ink);
  font: 15px/1.5 var(--font-ui); }
h1 { margin: 0.2rem 0 0.4rem; font: 700 1.6rem/1.25 var(--font-text); }
h2 { font-size: 1.05rem; margin: 0 0 0.6rem; }
.kicker { margin: 0; color: var(--muted); font-size: 0.8rem; letter-spacing: 0.06em; text-transform: uppercase; }
.muted { color: var(--muted); }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.5rem; margin: 1rem 0; }
.stats div { padding: 0.4rem 0.75rem; border: 1px solid var(--line); border-radius: 8px; }
.stats dt { color: var(--muted); font-size: 0.8rem; overflow-wrap: anywhere; }
.stats dd { margin: 0; }
.stats strong { font-size: 1.15rem; }
.legend { font-size: 0.85rem; }
.limit { padding-left: 0.75rem; border-left: 3px solid var(--note); font-size: 0.85rem; }
.texts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1.5rem; margin: 1.5rem 0; }
.column { min-width: 0; }
.column h2 { padding-bottom: 0.4rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
.side { display: inline-block; min-width: 1.4em; padding: 0 0.3em; border-radius: 4px; background: var(--ink); color: var(--surface); text-align: center; }
.text { white-space: pre-wrap; overflow-wrap: break-word; font: 1.02rem/1.65 var(--font-text); }
mark:target, .badge:target { outline: 3px solid var(--exact-line); }
table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
th, td { padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
td a { color: inherit; }
@media (max-width: 50rem) { .texts { grid-template-columns: minmax(0, 1fr); } body { padding: 1rem; } }
@media print { .texts { grid-template-columns: minmax(0, 1fr); } }
`;
