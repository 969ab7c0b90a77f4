// Text is never markup: article text, file names, pasted text and names, renamed documents, the contents
// of share links, addresses and comparison files, and the exported HTML report all show the XSS vectors
// of tests/fixtures/xss/ as the very characters they are, and none of them runs. Every test traps script
// (helpers.js trapScripts: the vectors' canary, dialogs, policy violations, requests for anything but the
// site's files) and scans the page for markup only input could have made (unsafeMarkup); the page's own
// test fixture fails on any console error, which is where the page's Content-Security-Policy reports
// what it refused.

import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  documentNames,
  downloadFrom,
  dropFiles,
  expect,
  expectSaved,
  fixture,
  isPageMemory,
  isSiteFile,
  openPage,
  pasteText,
  saveScreenshot,
  test,
  trapScripts,
  watchProblems,
  xssVectors,
} from './helpers.js';

const VECTORS = xssVectors();
/** A file with a NUL byte is refused as binary (files.js), so files carry the others. */
const FILE_VECTORS = VECTORS.filter((vector) => !vector.includes('\0'));
const NUL_VECTORS = VECTORS.filter((vector) => vector.includes('\0'));
/**
 * Documents at a time where each vector becomes a document: enough for a matrix, few enough to be quick
 * (the matrix is built again for every pair compared).
 */
const BATCH = 12;

/** Two texts of vectors, one a line, sharing two long passages (the second has the halves swapped). */
function vectorTexts(vectors) {
  const half = Math.ceil(vectors.length / 2);
  return [
    `Vectors, one a line:\n${vectors.join('\n')}\n`,
    `The same vectors, halves swapped:\n${[...vectors.slice(half), ...vectors.slice(0, half)].join('\n')}\nAnd a line of our own.\n`,
  ];
}

/** A dropped or pasted text as the page holds it: with one kind of line break (files.js normalizeText). */
function asRead(text) {
  return text.replace(/\r\n?/g, '\n');
}

function batches(items, size = BATCH) {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );
}

function escapeHtml(text) {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** What a text field shows of a name: its value cannot hold line breaks. */
function inTextField(name) {
  return name.replace(/[\r\n]/g, '');
}

/** The name a document gets when the vector is typed into a text field: line breaks become spaces, then it is trimmed. */
function typed(vector) {
  return vector.replace(/\r\n|[\r\n]/g, ' ').trim();
}

function textContent(locator) {
  return locator.evaluate((element) => element.textContent);
}

function textContents(locator) {
  return locator.evaluateAll((elements) => elements.map((element) => element.textContent));
}

/** The text a side of the pair view shows, once it is fully written. */
function sideText(page, side) {
  return textContent(page.locator(`[data-side="${side}"] [data-text]`));
}

async function setUp(page, context, baseURL) {
  const trap = await trapScripts(context, (url) => isSiteFile(url, baseURL) || isPageMemory(url, baseURL));
  await openPage(page);
  return trap;
}

/** Both sides of the pair view show exactly `a` and `b`, with shared passages marked. */
async function expectPairShows(page, a, b) {
  await expect(page.locator('[data-side="b"] mark[data-passage]').first()).toBeVisible();
  await expect.poll(() => sideText(page, 'a')).toBe(a);
  await expect.poll(() => sideText(page, 'b')).toBe(b);
}

/** The document list, and the matrix's column and row headings, show exactly `names`. */
async function expectNamesListed(page, names) {
  await expect(documentNames(page)).toHaveCount(names.length);
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
  await expect
    .poll(() => documentNames(page).evaluateAll((inputs) => inputs.map((input) => input.value)))
    .toEqual(names.map(inTextField));
  if (names.length < 3) return;
  await expect(page.locator('[data-matrix] thead .column-name').first()).toBeVisible();
  await expect.poll(() => textContents(page.locator('[data-matrix] thead .column-name'))).toEqual(names);
  expect(await textContents(page.locator('[data-matrix] tbody .row-name'))).toEqual(names);
}

/**
 * Opens pair (i, i + 1) from the matrix for every even i, and checks every place its names show. Cells are
 * opened from the keyboard, which does not depend on how the table lays out a dozen long names.
 */
async function expectPairsNamed(page, names) {
  for (let i = 0; i + 1 < names.length; i += 2) {
    // Row i's cells skip column i, so its i-th cell is column i + 1.
    await page.locator('[data-matrix] tbody tr').nth(i).locator('button[data-row]').nth(i).press('Enter');
    await expectPairNamed(page, names[i], names[i + 1]);
    await page.locator('[data-action="back-to-matrix"]').click();
  }
}

async function expectPairNamed(page, a, b) {
  await expect(page.locator('[data-side="a"] [data-side-name]')).toBeVisible();
  await expect.poll(() => textContent(page.locator('[data-side="a"] [data-side-name]'))).toBe(a);
  expect(await textContent(page.locator('[data-side="b"] [data-side-name]'))).toBe(b);
  expect(await textContent(page.locator('[data-pair-title]'))).toBe(`A: ${a}, compared with B: ${b}`);
  await expect.poll(() => textContent(page.locator('[data-stat="a"] dt'))).toBe(`A · ${a}`);
  expect(await textContent(page.locator('[data-stat="b"] dt'))).toBe(`B · ${b}`);
  expect(await textContent(page.locator('[data-inline-legend]'))).toBe(
    `Struck through only in A, “${a}”; underlined only in B, “${b}”; the rest is in both.`,
  );
}

/** How a message begins to quote a wrong value: as JSON, a long one cut short. */
function quotedStart(value) {
  return JSON.stringify(value.slice(0, 20)).slice(0, -1);
}

/** The texts of the messages on show, oldest first (the page keeps the latest four). */
function messageTexts(page) {
  return textContents(page.locator('[data-message] p'));
}

/** The canary numbers a vector calls, wherever it hides them (base64, character references, reversed). */
function canaryNumbers(vector) {
  const hidden = [...vector.matchAll(/base64,([A-Za-z0-9+/=]+)/g)].map(([, data]) =>
    Buffer.from(data, 'base64').toString(),
  );
  const referenced = vector.replace(/&#(x?)([0-9a-f]+);?/gi, (_, hex, digits) =>
    String.fromCodePoint(parseInt(digits, hex ? 16 : 10)),
  );
  const readable = [vector, ...hidden, referenced, [...vector].reverse().join('')].join(' ');
  const calls = readable.matchAll(/__xss\((\d+)\)|__xss(\d+)=|\b(?:alert|confirm|prompt)\((\d+)\)/g);
  return [...new Set([...calls].map((call) => Number(call[1] ?? call[2] ?? call[3])))];
}

test('every vector calls its canary with its own number', () => {
  expect(VECTORS.map(canaryNumbers)).toEqual(VECTORS.map((_, index) => [index + 1]));
  expect(VECTORS).toHaveLength(176);
  expect(canaryNumbers(fixture('xss/document.svg'))).toEqual(Array.from({ length: 17 }, (_, index) => 177 + index));
});

test('(a) vectors in dropped text files show as text in both views; a file with NULs is refused', async ({
  page,
  context,
  baseURL,
}) => {
  const trap = await setUp(page, context, baseURL);
  const [a, b] = vectorTexts(FILE_VECTORS);
  await dropFiles(page, [
    { name: 'vectors.txt', text: a },
    { name: 'vectors, halves swapped.txt', text: b },
    { name: 'with NUL.txt', text: NUL_VECTORS.join('\n') },
  ]);
  await expect(
    page.locator('[data-message="error"]', {
      hasText: '“with NUL.txt” looks like a binary file (it has control bytes), not text.',
    }),
  ).toBeVisible();
  await expectPairShows(page, asRead(a), asRead(b));
  await expect(page.locator('[data-side="a"] [data-text]').getByText(FILE_VECTORS[15])).toBeVisible();
  await saveScreenshot(page, 'xss-vectors-as-text');
  await trap.expectNoneSprung(page);

  await page.locator('[data-tab="inline"]').click();
  await expect(page.locator('[data-inline] ins').first()).toBeVisible();
  // Without B's insertions, the inline diff is A's text exactly.
  await expect
    .poll(() =>
      page.locator('[data-inline]').evaluate((element) => {
        const copy = element.cloneNode(true);
        for (const insertion of copy.querySelectorAll('ins')) insertion.remove();
        return copy.textContent;
      }),
    )
    .toBe(asRead(a));
  await trap.expectNoneSprung(page);
});

/**
 * The scripts that read saved web pages into inert documents (DOMParser, then Readability). Chromium still
 * holds every inline event handler, style and <base> in such a document to the page's policy: it refuses
 * each one and says so in the console, though nothing there could ever run.
 */
const HTML_READERS = ['/js/files.js', '/vendor/Readability.js'];

test('(b) vectors in saved web pages reach the page only as text, through Readability', async ({
  context,
  baseURL,
}) => {
  test.slow();
  const trap = await trapScripts(context, (url) => isSiteFile(url, baseURL) || isPageMemory(url, baseURL));
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    const refusal = /violates the following Content Security Policy directive/.test(message.text());
    const reader = HTML_READERS.some((path) => message.location().url === new URL(path, baseURL).href);
    if (message.type() === 'error' && !(refusal && reader))
      problems.push(`${message.text()} at ${message.location().url}`);
  });
  await openPage(page);
  // Written as text in the page: the article shows each vector, white space collapsed as in any web page.
  const asText = `<!doctype html><html><head><title>${escapeHtml(FILE_VECTORS[0])}</title></head><body><article>
    <h1>Vectors as text</h1>${FILE_VECTORS.map((vector) => `<p>${escapeHtml(vector)}</p>`).join('\n')}</article></body></html>`;
  // Written as markup: Readability and the page read them in documents that never run anything.
  const prose = fixture('wire/wire.txt').split('\n\n');
  const asMarkup = `<!doctype html><html><head><title>Vectors as markup</title></head><body><article>
    ${FILE_VECTORS.map((vector, index) => `<p>${prose[index % prose.length]}</p>\n${vector}`).join('\n')}</article></body></html>`;
  await dropFiles(page, [
    { name: 'as text.html', text: asText },
    { name: 'as markup.html', text: asMarkup },
  ]);
  await expect(
    page.locator('[data-message]', { hasText: '“as text.html”: article text extracted from HTML by Readability.' }),
  ).toBeVisible();
  await expect(page.locator('[data-side="a"] [data-text]')).toContainText('Vectors as text');
  const paragraphs = (await sideText(page, 'a')).split('\n\n');
  expect(paragraphs[0]).toBe(FILE_VECTORS[0]);
  expect(paragraphs.slice(-FILE_VECTORS.length)).toEqual(
    FILE_VECTORS.map((vector) => vector.replace(/\s+/g, ' ').trim()),
  );
  await expect(page.locator('[data-side="b"] [data-text]')).toContainText(prose[0]);
  await trap.expectNoneSprung(page, { refusedIn: HTML_READERS });

  // Each vector as a page of its own: inside an article, and as the whole file (most then hold no words).
  for (const batch of batches(FILE_VECTORS)) {
    const pages = batch.flatMap((vector, n) => {
      const article = `<p>${prose[n % prose.length]}</p>${vector}<p>${prose[(n + 1) % prose.length]}</p>`;
      return [
        {
          name: `${vector} in an article.html`,
          text: `<!doctype html><html><head><title>Vector ${n}</title></head><body><article>${article}</article></body></html>`,
        },
        { name: `${vector} alone.html`, text: vector },
      ];
    });
    await page.locator('[data-action="remove-all"]').click();
    await dropFiles(page, pages);
    await expect(documentNames(page).first()).toHaveValue(inTextField(`${batch[0]} in an article.html`));
    await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
    await trap.expectNoneSprung(page, { refusedIn: HTML_READERS });
  }
  expect(problems).toEqual([]);
});

test('(c) an SVG file shows as its source text', async ({ page, context, baseURL }) => {
  const trap = await setUp(page, context, baseURL);
  const svg = fixture('xss/document.svg');
  const other = `${svg.split('\n').slice(4, 12).join('\n')}\n${FILE_VECTORS.slice(0, 20).join('\n')}\n`;
  await dropFiles(page, [
    { name: 'harbour chart.svg', text: svg },
    { name: `${FILE_VECTORS[27]}.svg`, text: other },
  ]);
  await expectPairShows(page, svg, other);
  await expectPairNamed(page, 'harbour chart.svg', `${FILE_VECTORS[27]}.svg`);
  await trap.expectNoneSprung(page);
});

test('(d) vectors as file names show as names: the list, the matrix, the pair view', async ({
  page,
  context,
  baseURL,
}) => {
  test.slow();
  const trap = await setUp(page, context, baseURL);
  for (const batch of batches(VECTORS)) {
    await page.locator('[data-action="remove-all"]').click();
    await dropFiles(
      page,
      batch.map((name, n) => ({ name, text: `A file named after vector ${n + 1}. ${fixture('short/a.txt')}` })),
    );
    await expectNamesListed(page, batch);
    await expectPairsNamed(page, batch);
    await trap.expectNoneSprung(page);
  }
});

test('(e) pasted vectors, and vectors as the names of pasted texts', async ({ page, context, baseURL }) => {
  test.slow();
  const trap = await setUp(page, context, baseURL);
  // A paste outside any text field: NULs and all.
  const [a, b] = vectorTexts(VECTORS);
  await pasteText(page, a);
  await pasteText(page, b);
  await expect(documentNames(page)).toHaveCount(2);
  await expectPairShows(page, asRead(a), asRead(b));
  await trap.expectNoneSprung(page);

  // The "Paste text" dialog, a vector as the name and another as the text.
  for (const batch of batches(VECTORS)) {
    await page.locator('[data-action="remove-all"]').click();
    for (const [n, vector] of batch.entries()) {
      await page.locator('header [data-action="paste-text"]').click();
      await page.locator('#paste-name').fill(vector);
      await page.locator('#paste-text').fill(batch[(n + 1) % batch.length]);
      await page.getByRole('button', { name: 'Add document' }).click();
    }
    await expectNamesListed(page, batch.map(typed));
    await trap.expectNoneSprung(page);
  }
});

test('(f) a document renamed to each vector shows the name as text', async ({ page, context, baseURL }) => {
  test.slow();
  const trap = await setUp(page, context, baseURL);
  await dropFiles(page, [
    { name: 'a.txt', text: fixture('short/a.txt') },
    { name: 'b.txt', text: fixture('short/b.txt') },
  ]);
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
  const name = documentNames(page).first();
  for (const vector of VECTORS) {
    await name.fill(vector);
    await name.press('Enter');
    await expectPairNamed(page, typed(vector), 'b.txt');
  }
  await trap.expectNoneSprung(page);
  const last = typed(VECTORS.at(-1));
  await page.locator('[data-document-list] [data-action="remove"]').first().click();
  await expect.poll(() => messageTexts(page)).toContain(`Removed “${last}”.`);
  await trap.expectNoneSprung(page);
});

test('(g) share links: vectors as texts, names and notes, and as junk in every other field', async ({
  page,
  context,
  baseURL,
}) => {
  test.slow();
  const trap = await setUp(page, context, baseURL);
  const origin = new URL(baseURL).origin;
  // Work of one's own first, so that each link puts it aside under "Earlier work", names and all.
  await dropFiles(page, [
    { name: VECTORS[0], text: fixture('short/a.txt') },
    { name: VECTORS[1], text: fixture('short/b.txt') },
  ]);
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
  await expectSaved(page);
  const linkTo = (session) =>
    page.evaluate(async (session) => {
      const { encodeLink } = await import(new URL('js/session-format.js', location.href));
      return encodeLink(session);
    }, session);
  const open = async (fragment) => {
    await page.goto('about:blank');
    await page.goto(`${origin}/#${fragment}`);
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  };

  // Two documents of vectors, the options, the pair and the tab all junk.
  const [a, b] = vectorTexts(VECTORS);
  const junk = VECTORS[15];
  await open(
    await linkTo({
      format: 'copydesk-session',
      version: 1,
      documents: [
        { name: VECTORS[2], text: a, source: junk, note: VECTORS[3] },
        { name: VECTORS[4], text: b, source: 'file', note: '' },
      ],
      options: { min_words: junk, max_edits: [junk], fold_case: VECTORS[16], [VECTORS[17]]: VECTORS[18] },
      pair: [junk, 1],
      tab: junk,
    }),
  );
  await expect
    .poll(() => messageTexts(page))
    .toEqual(
      expect.arrayContaining([
        expect.stringContaining(`The link’s Shortest passage (${quotedStart(junk)}`),
        expect.stringContaining(`The link’s Ignore case (${quotedStart(VECTORS[16])}`),
      ]),
    );
  await expectPairShows(page, a, b);
  await expectPairNamed(page, VECTORS[2], VECTORS[4]);
  expect(await textContent(page.locator('[data-document-note]').first())).toBe(VECTORS[3]);
  await expect(page.locator('[data-earlier] .earlier-names').first()).toBeVisible();
  expect(await textContent(page.locator('[data-earlier] .earlier-names').first())).toBe(`${VECTORS[0]}, ${VECTORS[1]}`);
  await trap.expectNoneSprung(page);

  // Junk where the format, its version or the documents should be: refused, saying so.
  const documents = [{ name: 'a', text: 'a' }];
  const format = 'copydesk-session';
  for (const session of [
    { format: junk, version: 1, documents },
    { format, version: junk, documents },
    { format, version: 1, documents: junk },
  ]) {
    await open(await linkTo(session));
    await expect(page.locator('[data-message="error"]')).toContainText('Could not open the shared comparison.');
  }
  await trap.expectNoneSprung(page);

  // Every vector as a name and a note.
  for (const batch of batches(VECTORS)) {
    const documents = batch.map((vector, n) => ({
      name: vector,
      text: batch[(n + 1) % batch.length],
      source: 'paste',
      note: vector,
    }));
    await open(
      await linkTo({ format: 'copydesk-session', version: 1, documents, options: {}, pair: null, tab: 'side' }),
    );
    await expect
      .poll(() => messageTexts(page))
      .toContain(
        `Opened the shared comparison: ${batch.length} documents. What you had before is kept under “Earlier work”.`,
      );
    await expectNamesListed(page, batch);
    expect(await textContents(page.locator('[data-document-note]'))).toEqual(batch);
    await trap.expectNoneSprung(page);
  }

  // Vectors as the whole fragment, and as a link's payload: refused, with a message that does not echo them.
  const messages = page.locator('[data-message]');
  while ((await messages.count()) > 0) await messages.locator('.dismiss').first().click();
  for (const vector of VECTORS) {
    for (const fragment of [vector, `v1.${vector}`]) {
      await page.evaluate((fragment) => {
        location.hash = fragment;
      }, fragment);
      await expect(messages).toHaveCount(1);
      await expect(messages).toContainText('Could not open the shared comparison.');
      await messages.locator('.dismiss').click();
    }
  }
  await trap.expectNoneSprung(page);
});

test('(g) vectors in the options of an address show as text in its messages', async ({ page, context, baseURL }) => {
  test.slow();
  const trap = await setUp(page, context, baseURL);
  const keys = ['min', 'edits', 'variants', 'case', 'accents', 'punct', 'numbers'];
  for (let start = 0; start < VECTORS.length; start += keys.length) {
    const values = VECTORS.slice(start, start + keys.length);
    const query = values.map((value, n) => `${keys[n]}=${encodeURIComponent(value)}`).join('&');
    await openPage(page, `?${query}`);
    // The page keeps the last four messages.
    const shown = await messageTexts(page);
    expect(shown).toHaveLength(Math.min(4, values.length));
    shown.forEach((text, n) => {
      const which = values.length - shown.length + n;
      expect(text).toContain(`Ignored ${keys[which]}=${values[which]} in the address`);
    });
    await trap.expectNoneSprung(page);
  }
});

test('(h) a comparison file: vectors as its documents, notes, options and file name', async ({
  page,
  context,
  baseURL,
}) => {
  test.slow();
  const trap = await setUp(page, context, baseURL);
  for (const batch of batches(VECTORS)) {
    const session = {
      format: 'copydesk-session',
      version: 1,
      documents: batch.map((vector, n) => ({
        name: vector,
        text: batch[(n + 1) % batch.length],
        source: vector,
        note: vector,
      })),
      options: { min_words: batch[1], spelling_variants: batch[2], [batch[3]]: batch[4] },
      pair: [batch[5], batch[6]],
      tab: batch[7],
    };
    const name = `${batch[0]}.copydesk.json`;
    await dropFiles(page, [{ name, text: JSON.stringify(session, null, 2) }]);
    await expect
      .poll(() => messageTexts(page))
      .toEqual(
        expect.arrayContaining([
          expect.stringContaining(`Opened the comparison file “${name}”: ${batch.length} documents.`),
          expect.stringContaining(`The file’s Spelling variants (${quotedStart(batch[2])}`),
        ]),
      );
    await expectNamesListed(page, batch);
    expect(await textContents(page.locator('[data-document-note]'))).toEqual(batch);
    await trap.expectNoneSprung(page);
  }

  // Every vector as the name of a comparison file dropped at once: one opens, the others are named in messages.
  const documents = [
    { name: 'a', text: fixture('short/a.txt') },
    { name: 'b', text: fixture('short/b.txt') },
  ];
  const pair = { format: 'copydesk-session', version: 1, documents };
  await dropFiles(
    page,
    VECTORS.map((vector) => ({ name: `${vector}.copydesk.json`, text: JSON.stringify(pair) })),
  );
  await expect
    .poll(() => messageTexts(page))
    .toEqual(
      VECTORS.slice(-4).map((vector) => `“${vector}.copydesk.json” was not opened: one comparison opens at a time.`),
    );
  await trap.expectNoneSprung(page);
});

test('(i) the HTML report of vector documents opens on its own and runs nothing', async ({
  page,
  context,
  baseURL,
  browser,
}) => {
  const trap = await setUp(page, context, baseURL);
  const [a, b] = reportDocuments(vectorTexts(FILE_VECTORS));
  await dropFiles(page, [a, b]);
  await expectPairShows(page, asRead(a.text), asRead(b.text));
  const passages = Number(await page.locator('[data-stat="passages"] .stat-value').textContent());

  // The command line's formats hold the names as data.
  const json = JSON.parse((await downloadFrom(page, '[data-save-menu]', '[data-export="json"]')).text);
  expect([json.a.name, json.b.name]).toEqual([a.name, b.name]);
  const xml = await page.evaluate(
    (text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        elements: [...doc.querySelectorAll('*')].map((element) => element.localName),
        reference: doc.documentElement.getAttribute('reference'),
        sources: [...doc.querySelectorAll('feature')].map((feature) => feature.getAttribute('source_reference')),
      };
    },
    (await downloadFrom(page, '[data-save-menu]', '[data-export="pan"]')).text,
  );
  // XML 1.0 cannot hold most control characters: the export writes U+FFFD for them.
  const inXml = (name) => name.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
  expect(xml).toEqual({
    error: null,
    elements: ['document', ...Array(passages).fill('feature')],
    reference: inXml(a.name),
    sources: Array(passages).fill(inXml(b.name)),
  });

  const { reader, close } = await openReport(page, trap, browser, 'vectors report.html');
  expect(await textContent(reader.locator('h1'))).toBe(`What “${a.name}” and “${b.name}” share`);
  expect(await textContent(reader.locator('title'))).toBe(`copydesk: “${a.name}” and “${b.name}”`);
  expect(await textContents(reader.locator('.texts h2 bdi'))).toEqual([a.name, b.name]);
  expect(await textContents(reader.locator('.stats dt'))).toEqual([
    `A · ${a.name}`,
    `B · ${b.name}`,
    'Shared passages',
    'Longest passage',
  ]);
  const columns = await reader.locator('.texts .text').evaluateAll((elements) =>
    elements.map((element) => {
      const copy = element.cloneNode(true);
      for (const badge of copy.querySelectorAll('.badge')) badge.remove();
      return copy.textContent;
    }),
  );
  expect(columns).toEqual([asRead(a.text), asRead(b.text)]);
  await expect(reader.locator('.texts mark[id^="a-"]')).toHaveCount(passages);
  expect(await reader.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(
    "default-src 'none'; style-src 'unsafe-inline'",
  );
  await close();
});

/**
 * Documents of `texts` named by the vectors, dealt in turn: names as long as a paragraph, each vector
 * that survives a trip through HTML (a NUL does not, and a carriage return becomes a line feed) in one.
 */
function reportDocuments(texts) {
  const names = FILE_VECTORS.filter((vector) => !vector.includes('\r'));
  return texts.map((text, k) => ({ name: names.filter((_, n) => n % texts.length === k).join(' '), text }));
}

/**
 * Exports the HTML report of what is on show and opens it as a file in a browser with scripts on:
 * whatever the report held would have its chance to run. `close` checks that nothing did.
 */
async function openReport(page, trap, browser, file) {
  const report = await downloadFrom(page, '[data-save-menu]', '[data-export="html"]');
  const path = test.info().outputPath(file);
  writeFileSync(path, report.text);
  const address = pathToFileURL(path).href;
  await trap.expectNoneSprung(page);
  const context = await browser.newContext();
  const readerTrap = await trapScripts(context, (url) => url === address);
  const reader = await context.newPage();
  const problems = watchProblems(reader);
  await reader.goto(address);
  await expect(reader.locator('h1')).toBeVisible();
  const close = async () => {
    await readerTrap.expectNoneSprung(reader);
    await expect(reader).toHaveURL(address);
    expect(problems).toEqual([]);
    await context.close();
  };
  return { reader, close };
}

test('(j) the HTML report of a document view of vector documents opens on its own and runs nothing', async ({
  page,
  context,
  baseURL,
  browser,
}) => {
  const trap = await setUp(page, context, baseURL);
  // Three documents: a set.
  const [textA, textB] = vectorTexts(FILE_VECTORS);
  const documents = reportDocuments([textA, textB, `${textB}\nA third, of its own.\n`]);
  await dropFiles(page, documents);
  await expect(documentNames(page)).toHaveCount(3);
  await page.locator('[data-document-list] [data-open-document]').first().click();
  await expect(page.locator('[data-panel="document"] [data-text] mark').first()).toBeVisible();

  const json = JSON.parse((await downloadFrom(page, '[data-save-menu]', '[data-export="json"]')).text);
  expect(json.name).toBe(documents[0].name);
  const { reader, close } = await openReport(page, trap, browser, 'vectors document report.html');
  expect(await textContent(reader.locator('h1'))).toBe(`Where the text of “${documents[0].name}” also stands`);
  expect(await textContent(reader.locator('title'))).toBe(
    `copydesk: where the text of “${documents[0].name}” also stands`,
  );
  expect(await textContents(reader.locator('.share-name'))).toEqual([documents[1].name, documents[2].name]);
  expect(await textContent(reader.locator('article'))).toBe(asRead(documents[0].text));
  // Every mark names the documents that carry it, as text in an attribute.
  const titles = await reader.locator('article mark[title]').evaluateAll((marks) => marks.map((mark) => mark.title));
  expect(titles.length).toBeGreaterThan(0);
  for (const title of titles) expect(title).toContain(`“${documents[1].name}”`);
  await close();
});
