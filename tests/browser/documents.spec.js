// PDF and Word files on the page (tests/fixtures/documents/, made from two .txt fixtures by make.mjs there):
// each reads as its .txt twin reads, word for word, and shares with another article what the twin shares;
// a scanned, a password-protected and a damaged PDF each get their message and change nothing loaded; the
// readers come from the site itself, and after one visit they work offline.

import { readFileSync } from 'node:fs';
import { diffArrays } from 'diff';
import {
  documentNames,
  downloadFrom,
  dropFiles,
  expect,
  expectFirstDocuments,
  expectSaved,
  fixture,
  isPageMemory,
  isSiteFile,
  makeShareLink,
  message,
  openPage,
  saveScreenshot,
  savedSession,
  test,
  watchProblems,
} from './helpers.js';

const FOLDER = new URL('../fixtures/documents/', import.meta.url);
const bytesOf = (file) => [...readFileSync(new URL(file, FOLDER))];

/** Each reader's file, its .txt twin, and another article of the same set to compare both with. */
const TWINS = [
  { file: 'wire-one-column.pdf', twin: 'sets/wire/wire.txt', other: 'sets/wire/herald.txt', pages: 2 },
  { file: 'wire-two-columns.pdf', twin: 'sets/wire/wire.txt', other: 'sets/wire/herald.txt', pages: 2 },
  {
    file: 'release-one-column.pdf',
    twin: 'sets/press-release/release.txt',
    other: 'sets/press-release/times.txt',
    pages: 2,
  },
  {
    file: 'release-two-columns.pdf',
    twin: 'sets/press-release/release.txt',
    other: 'sets/press-release/times.txt',
    pages: 2,
  },
  { file: 'wire.docx', twin: 'sets/wire/wire.txt', other: 'sets/wire/herald.txt' },
  { file: 'release.docx', twin: 'sets/press-release/release.txt', other: 'sets/press-release/times.txt' },
];

/** The words of a text, as copydesk counts them: runs of letters and digits. */
const words = (text) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

/** The share of `twin`'s words that `read` holds in the same order (their longest common subsequence). */
function wordsInOrder(read, twin) {
  const common = diffArrays(words(read), words(twin))
    .filter((part) => !part.added && !part.removed)
    .reduce((sum, part) => sum + part.count, 0);
  return common / words(twin).length;
}

/**
 * Drops `other` and then `file` on a page of a browser context of its own and gives the words of `other`
 * shared with it, and the documents as the page saved them.
 */
async function sharedWith(browser, baseURL, other, file) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await openPage(page);
  await dropFiles(page, [{ name: 'other.txt', text: fixture(other) }, file]);
  await expect(page.locator('[data-side="b"] [data-side-name]')).toHaveText(file.name);
  const detail = page.locator('[data-stat="a"] .stat-detail');
  await expect(detail).toHaveText(/^[\d,]+ of [\d,]+ words$/);
  const shared = Number((await detail.textContent()).split(' of ')[0].replace(/,/g, ''));
  await expectSaved(page);
  const { documents } = await savedSession(page);
  const note = await page.locator('[data-document-list] li').nth(1).locator('[data-document-note]').textContent();
  await context.close();
  expect(problems).toEqual([]);
  return { shared, read: documents[1], note };
}

for (const { file, twin, other, pages } of TWINS) {
  test(`${file} reads as ${twin} does, and shares with another article what it shares`, async ({
    browser,
    baseURL,
  }) => {
    const { shared, read, note } = await sharedWith(browser, baseURL, other, { name: file, bytes: bytesOf(file) });
    expect(read.name).toBe(file);
    expect(wordsInOrder(read.text, fixture(twin))).toBeGreaterThanOrEqual(0.98);
    expect(wordsInOrder(fixture(twin), read.text)).toBeGreaterThanOrEqual(0.98);
    // Paragraphs, not lines: as many blocks as the twin has, give or take one split at a column's end.
    const blocks = (text) => text.trim().split(/\n\s*\n/).length;
    expect(Math.abs(blocks(read.text) - blocks(fixture(twin)))).toBeLessThanOrEqual(1);
    // The note says what was read, on the document as in the comparison file.
    const says = pages ? new RegExp(`^PDF, ${pages} pages, read from its text layer`) : /^Word document/;
    expect(read.note).toMatch(says);
    expect(note).toBe(read.note);

    const twinFile = { name: 'twin.txt', text: fixture(twin) };
    const { shared: sharedByTwin } = await sharedWith(browser, baseURL, other, twinFile);
    expect(Math.abs(shared - sharedByTwin)).toBeLessThanOrEqual(0.02 * sharedByTwin);
  });
}

const LOADED = [
  { name: 'wire.txt', text: fixture('wire/wire.txt') },
  { name: 'outlet-1.txt', text: fixture('wire/outlet-1.txt') },
];

for (const { file, says } of [
  {
    file: 'scanned.pdf',
    says: '“scanned.pdf” has no text layer: its 1 page is a picture, as in a scanned document. Run it through text recognition (OCR) first, or copy the text and use “Paste text”.',
  },
  {
    file: 'password.pdf',
    says: '“password.pdf” is protected by a password. Open it in a PDF reader, then copy its text and use “Paste text” (or save a copy without the password and add that).',
  },
  {
    file: 'damaged.pdf',
    says: /^“damaged\.pdf” is a damaged PDF that cannot be read \(.+\)\. If it was downloaded, download it again; else copy its text from a PDF reader and use “Paste text”\.$/,
  },
]) {
  test(`${file}: says what is wrong and keeps what was loaded`, async ({ page }) => {
    await openPage(page);
    await dropFiles(page, LOADED);
    await expect(documentNames(page)).toHaveCount(LOADED.length);
    await dropFiles(page, [{ name: file, bytes: bytesOf(file) }]);
    await expect(message(page, 'error', says)).toBeVisible();
    await expectFirstDocuments(page, LOADED);
    await expect(documentNames(page)).toHaveCount(LOADED.length);
  });
}

test('a PDF and a Word file among text files: each read by its content, whatever its name', async ({ page }) => {
  await openPage(page);
  await dropFiles(page, [
    { name: 'press release', bytes: bytesOf('release-two-columns.pdf') },
    { name: 'times.txt', text: fixture('sets/press-release/times.txt') },
    { name: 'release.txt', bytes: bytesOf('release.docx') },
  ]);
  await expect(documentNames(page)).toHaveCount(3);
  await expectSaved(page);
  const { documents } = await savedSession(page);
  expect(documents.map(({ note }) => note.split(/[,:]/)[0])).toEqual(['PDF', '', 'Word document']);
  await saveScreenshot(page, 'documents-pdf-and-word');
});

test('the readers load from the site only, the first time such a file arrives', async ({ page, baseURL }) => {
  const requested = [];
  // The page's own requests, not the service worker's (which caches the whole site after the first load).
  page.context().on('request', (request) => request.serviceWorker() || requested.push(request.url()));
  await openPage(page);
  const readers = () => requested.filter((url) => /\/(vendor\/(pdf|mammoth)|js\/readers\/(pdf|docx))/.test(url));
  expect(readers()).toEqual([]);
  await dropFiles(page, [
    { name: 'wire.pdf', bytes: bytesOf('wire-two-columns.pdf') },
    { name: 'wire.docx', bytes: bytesOf('wire.docx') },
  ]);
  await expect(documentNames(page)).toHaveCount(2);
  expect(
    readers()
      .map((url) => new URL(url).pathname.split('/').at(-1))
      .sort(),
  ).toEqual(['docx.js', 'mammoth.browser.min.js', 'pdf-text.js', 'pdf.js', 'pdf.min.mjs', 'pdf.worker.min.mjs']);
  expect(requested.filter((url) => !isSiteFile(url, baseURL) && !isPageMemory(url, baseURL))).toEqual([]);
});

test('a share link and the HTML report carry the text read from a PDF and where it came from', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPage(page);
  await dropFiles(page, [
    { name: 'times.txt', text: fixture('sets/press-release/times.txt') },
    { name: 'release.pdf', bytes: bytesOf('release-two-columns.pdf') },
  ]);
  await expect(page.locator('[data-side="b"] [data-side-name]')).toHaveText('release.pdf');
  await expectSaved(page);
  const { documents } = await savedSession(page);
  const { text, note } = documents[1];
  expect(note).toMatch(/^PDF, 2 pages, read from its text layer: /);

  const report = await downloadFrom(page, '[data-save-menu]', '[data-export="html"]');
  expect(report.text).toContain(`Read from its file: ${note}.`);
  expect(report.text).not.toContain('%PDF');

  const link = await makeShareLink(page);
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(other.locator('[data-document-list] li').nth(1).locator('[data-document-note]')).toHaveText(note);
  expect(await other.locator('[data-side="b"] [data-text]').innerText()).toContain(text.split('\n\n')[2]);
});
