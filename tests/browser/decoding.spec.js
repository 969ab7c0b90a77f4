// The table of decoding cases, tests/fixtures/decoding/cases.json, on the page. tests/decoding.rs runs
// the same table through the library and the command line: each file has one outcome and one message,
// so the page reads what the command line reads and refuses what it refuses, in the same words. Each
// file is dropped on a page that holds two documents already, and they stay as they were.

import { readFileSync } from 'node:fs';
import { documentNames, dropFiles, expect, expectFirstDocuments, fixture, message, openPage, test } from './helpers.js';

const FOLDER = new URL('../fixtures/decoding/', import.meta.url);
const { cases } = JSON.parse(readFileSync(new URL('cases.json', FOLDER), 'utf8'));
const LOADED = [
  { name: 'wire.txt', text: fixture('wire/wire.txt') },
  { name: 'outlet-1.txt', text: fixture('wire/outlet-1.txt') },
];

test.beforeEach(async ({ page }) => {
  await openPage(page);
  await dropFiles(page, LOADED);
  await expect(documentNames(page)).toHaveCount(LOADED.length);
});

for (const { file, about, read, refused, nothing_to_compare: nothing } of cases) {
  test(`${file}: ${about}`, async ({ page }) => {
    await dropFiles(page, [{ name: file, bytes: [...readFileSync(new URL(file, FOLDER))] }]);
    if (read) {
      await expectFirstDocuments(page, [...LOADED, { name: file, text: read.text }]);
      const note = page.locator('[data-document-list] li').nth(LOADED.length).locator('[data-document-note]');
      if (read.note) {
        await expect(message(page, 'info', `“${file}”: ${read.note}.`)).toBeVisible();
        await expect(note).toHaveText(read.note);
      } else {
        await expect(note).toBeHidden();
      }
    } else {
      // The page's framing of the engine's message: a file that is no text gets a way out.
      const why = refused ? `${refused}. Copy the article’s text and use “Paste text” instead.` : `${nothing}.`;
      await expect(message(page, 'error', `“${file}” ${why}`)).toBeVisible();
      await expectFirstDocuments(page, LOADED);
      await expect(documentNames(page)).toHaveCount(LOADED.length);
    }
    await expect(page.locator('[data-message]')).toHaveCount(read?.note || !read ? 1 : 0);
  });
}
