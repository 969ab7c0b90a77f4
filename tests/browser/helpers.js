// Shared by the browser tests: a `page` that fails the test on any script error, the built-in fixtures,
// simulated file drops and the checks every normal flow ends with.

import { readFileSync, mkdirSync } from 'node:fs';
import { expect, test as base } from '@playwright/test';

export { expect };

/** Every test's page: an uncaught exception or a console error anywhere fails the test. */
export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    await use(page);
    expect(problems).toEqual([]);
  },
});

/** A fixture file's text, e.g. `fixture('wire/outlet-1.txt')`. */
export function fixture(path) {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
}

/** Opens the page (with an optional query string) and waits until it has started. */
export async function openPage(page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

/**
 * Drops files on the page the way a browser does: dragenter, dragover and drop events carrying a
 * DataTransfer with File objects. `files`: [{name, text} | {name, bytes: number[]} | {name, size}]
 * (`size`: that many zero bytes, made in the page).
 */
export async function dropFiles(page, files) {
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const { name, text, bytes, size } of files) {
      const content = text ?? new Uint8Array(bytes ?? size);
      transfer.items.add(new File([content], name));
    }
    const target = document.querySelector('main');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, files);
}

/** The five wire-story fixtures as files to drop. */
export function wireFiles() {
  return ['wire.txt', 'outlet-1.txt', 'outlet-2.txt', 'outlet-3.txt', 'outlet-4.txt']
    .map((name) => ({ name, text: fixture(`wire/${name}`) }));
}

/** The names in the document list, in order. */
export function documentNames(page) {
  return page.locator('[data-document-list] [data-field="name"]');
}

/** Words that would mean the page leaked an internal value or failure into its own text. */
const BROKEN_TEXT = /\bundefined\b|\bNaN\b|\bnull\b|\[object |\bError\b|Infinity/;

/** The page's visible text reads like a page, not like a stack trace. */
export async function expectCleanText(page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(BROKEN_TEXT);
}

/** Saves a screenshot of the page under test-results/screenshots/. */
export async function saveScreenshot(page, name) {
  const folder = new URL('../../test-results/screenshots/', import.meta.url);
  mkdirSync(folder, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, folder).pathname });
}
