// The pair on show as a self-contained HTML report: both texts with the page's highlights, the figures
// and the list of passages; and the document view on show as one: the document's text marked by where
// it also stands, its figures at the top. No script, so they open anywhere, offline. (The JSON and PAN
// exports are the engine's, src/report/, asked for through the worker.)
//
// The report is built with DOM calls and serialized by the browser: user text only ever becomes text
// nodes and attribute values, which the serializer escapes; only the fixed head is written as text. A
// Content-Security-Policy in the report forbids scripts and every fetch, so even a text that looked
// like markup could do nothing. Its marks are the page's (marks.js), and so is their look: the report
// embeds the page's palette and marks style sheets as the page has loaded them.

import { h } from './dom.js';
import { count, number } from './format.js';
import { markedPieces, reusePieces } from './marks.js';
import { OPTION_FIELDS } from './options.js';
import { writeAllPieces } from './render.js';
import { limitNotes } from './views/limits.js';
import { figuresOf } from './views/stats.js';

/**
 * @typedef {{ name: string, text: string, note?: string }} Side a text, and how it was read from its file
 *   (the document's note: "PDF, 3 pages, read from its text layer"), which the report says under its name
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
  return standalone(`copydesk: “${a.name}” and “${b.name}”`, body, PAIR_CSS);
}

/**
 * A document of a set as an HTML report: its text with every run that other documents carry marked as
 * in the document view (marks.js: data-documents holds their numbers in the document list, and each
 * mark names them), its figures at the top; page chrome muted, and hidden by a checkbox (CSS only).
 * @param {{ name: string, note?: string, text: string, runs: import('./provenance.js').Run[],
 *   carriers: { ids: string[], names: string[], numbers: string[] }, summary: Node[], marked: string,
 *   options: object, made: Date }} view
 * @returns {string}
 */
export function documentReportHtml({ name, note, text, runs, carriers, summary, marked, options, made }) {
  const content = h('div', { class: 'text document-text', dir: 'auto' });
  writeAllPieces(content, reusePieces(text, runs, { ...carriers, focusable: false }));
  const sample = (reach, words, boilerplate = false) =>
    h('mark', { class: 'sample', 'data-reach': reach, 'data-boilerplate': boilerplate }, words);
  const body = h(
    'body',
    {},
    h(
      'header',
      {},
      h('p', { class: 'kicker' }, 'copydesk report'),
      h('h1', {}, 'Where the text of ', h('bdi', {}, `“${name}”`), ' also stands'),
      origin(note),
      h(
        'p',
        { class: 'muted' },
        `Made ${made.toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' })}, with ${count(carriers.ids.length - 1, 'other document')}. Options: ${optionsSummary(options)}.`,
      ),
    ),
    h('section', { class: 'summary', 'aria-label': 'Figures' }, ...summary),
    h(
      'p',
      { class: 'legend muted' },
      `${marked}. The deeper the shade and the heavier the line, the more documents carry a passage: `,
      sample(1, 'one'),
      ' ',
      sample(3, 'more'),
      ' ',
      sample(4, 'all'),
      '. The small numbers on a passage are those of the documents above that carry it (point at it for their names); ',
      sample(1, 'page chrome', true),
      ' is muted. Plain text is the document’s own.',
    ),
    runs.some((run) => run.boilerplate)
      ? h(
          'p',
          { class: 'legend' },
          h('label', {}, h('input', { type: 'checkbox', id: 'hide-chrome' }), ' Hide page chrome'),
        )
      : null,
    h('article', { 'aria-label': name }, content),
  );
  return standalone(`copydesk: where the text of “${name}” also stands`, body, DOCUMENT_CSS);
}

/** How a text was read from its file (a PDF, a Word document, a guessed encoding), when there is a note of it. */
function origin(note) {
  return note ? h('p', { class: 'muted origin' }, `Read from its file: ${note}.`) : null;
}

/**
 * A report's whole file: a fixed head with its title, the page's mark styles and the report's own,
 * and `body`. The elements are never attached to a document (the page's own CSP would refuse the
 * report's inline style); outerHTML serializes them, escaping the text of text nodes and the values of
 * attributes.
 */
function standalone(titleText, body, css) {
  const title = h('title', {}, titleText);
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
${REPORT_CSS}${css}</style>
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
    origin(doc.note),
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
  return `${stem(a.name)} vs ${stem(b.name)}.${extension}`;
}

/** A file name for an export of a document's view: its name and the set's size. */
export function documentFileName(doc, documents, extension) {
  return `${stem(doc.name)} in a set of ${documents}.${extension}`;
}

/** A name as part of a file name: without its extension and what file systems refuse. */
function stem(name) {
  return (
    name
      .replace(/\.[^.]{1,8}$/, '')
      .replace(/[\p{Cc}\\/:*?"<>|]+/gu, '-')
      .trim()
      .slice(0, 60) || 'document'
  );
}

/** No script, no fetch of any kind: only the report's own style. */
const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** The reports' own layout; the colours, fonts and marks are the page's (pageStyle). */
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
.text { white-space: pre-wrap; overflow-wrap: break-word; font: 1.02rem/1.65 var(--font-text); }
`;

/** The pair report's layout. */
const PAIR_CSS = `
.limit { padding-left: 0.75rem; border-left: 3px solid var(--note); font-size: 0.85rem; }
.texts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1.5rem; margin: 1.5rem 0; }
.column { min-width: 0; }
.column h2 { padding-bottom: 0.4rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
.side { display: inline-block; min-width: 1.4em; padding: 0 0.3em; border-radius: 4px; background: var(--ink); color: var(--surface); text-align: center; }
mark:target, .badge:target { outline: 3px solid var(--exact-line); }
table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
th, td { padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
td a { color: inherit; }
@media (max-width: 50rem) { .texts { grid-template-columns: minmax(0, 1fr); } body { padding: 1rem; } }
@media print { .texts { grid-template-columns: minmax(0, 1fr); } }
`;

/** The document report's layout: its figures as the document view shows them, then the text. */
const DOCUMENT_CSS = `
.summary { margin: 1rem 0; padding: 0.6rem 0.9rem; border: 1px solid var(--line); border-radius: 8px; font-size: 0.9rem; }
.share-own { margin: 0 0 0.4rem; }
.share-list { display: grid; grid-template-columns: 1.6rem minmax(8rem, 18rem) minmax(4rem, 1fr) auto; gap: 0.2rem 0.6rem;
  align-items: center; margin: 0; padding: 0; list-style: none; }
.share-row { display: contents; }
.share-number { color: var(--muted); font-weight: 700; text-align: center; }
.share-name { overflow-wrap: anywhere; }
.share-bar { height: 0.55rem; border-radius: 3px; background: var(--surface-2); overflow: hidden; }
.share-fill { display: block; height: 100%; width: calc(var(--share, 0) * 100%); background: var(--reach-line); }
.share-value { color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
.sample { padding: 0 0.25em; }
.document-text { max-width: 48rem; margin: 1.5rem 0; }
body:has(#hide-chrome:checked) mark[data-boilerplate] { display: none; }
@media (max-width: 50rem) { body { padding: 1rem; } .share-list { grid-template-columns: 1.6rem minmax(0, 1fr) auto; }
  .share-bar { display: none; } }
`;
