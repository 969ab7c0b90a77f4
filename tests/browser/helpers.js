// Shared by the browser tests: a `page` that fails the test on any script error, the built-in fixtures,
// simulated file drops and the checks every normal flow ends with.

import { readFileSync, mkdirSync } from 'node:fs';
import { expect, test as base } from '@playwright/test';

export { expect };

/** Every test's page: an uncaught exception or a console error anywhere fails the test. */
export const test = base.extend({
  page: async ({ page }, use) => {
    const problems = watchProblems(page);
    await use(page);
    expect(problems).toEqual([]);
  },
});

/** Collects uncaught exceptions and console errors of a page (for pages a test opens itself). */
export function watchProblems(page) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return problems;
}

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
 * DataTransfer with File objects. `files`: [{name, text} | {name, bytes: number[]} | {name, size} |
 * {name, made}] (`size`: that many zero bytes, made in the page; `made`: a text from makeText).
 */
export async function dropFiles(page, files) {
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const { name, text, bytes, size, made } of files) {
      const content = text ?? globalThis.madeTexts?.[made] ?? new Uint8Array(bytes ?? size);
      transfer.items.add(new File([content], name));
    }
    const target = document.querySelector('main');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }
  }, files);
}

/** Pastes text on the page outside any text field, as Ctrl+V does; `{made}`: a text from makeText. */
export async function pasteText(page, text) {
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', typeof text === 'string' ? text : globalThis.madeTexts[text.made]);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, text);
}

/**
 * Writes a long text in the page, for dropFiles({name, made: key}) and pasteText({made: key}): a big
 * input is made where it is used rather than sent over. `chars` characters of pseudo-words from a fixed
 * seed, in paragraphs or all on one line (`oneLine`), with `middle` (on the same line, then) in the middle.
 */
export async function makeText(page, key, { chars, oneLine = false, middle = '' }) {
  await page.evaluate(({ key, chars, oneLine, middle }) => {
    let seed = 20240113;
    const random = () => {
      seed = (seed * 1664525 + 1013904223) % 2 ** 32;
      return seed / 2 ** 32;
    };
    const letters = () => Array.from({ length: 2 + Math.floor(random() * 8) }, () => String.fromCharCode(97 + Math.floor(random() * 26)));
    const words = Array.from({ length: 4000 }, () => letters().join(''));
    const paragraph = () => `${Array.from({ length: 50 }, () => words[Math.floor(random() * words.length)]).join(' ')}.`;
    const separator = oneLine ? ' ' : '\n\n';
    const block = Array.from({ length: 100 }, paragraph).join(separator) + separator;
    const inside = `${separator}${oneLine ? middle.replace(/\s+/g, ' ') : middle}${separator}`;
    const filler = block.repeat(Math.ceil(chars / block.length));
    const before = Math.floor((chars - inside.length) / 2);
    globalThis.madeTexts ??= {};
    globalThis.madeTexts[key] = filler.slice(0, before) + inside + filler.slice(0, chars - inside.length - before);
  }, { key, chars, oneLine, middle });
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

/** Waits until the work on the page is saved in the browser. */
export async function expectSaved(page) {
  await expect(page.locator('[data-save-state]')).toHaveText('Saved in this browser.');
}

/** The session the page saved in IndexedDB (what the store holds), read straight from the database. */
export function savedSession(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('copydesk');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction('current').objectStore('current').get('session');
      request.onsuccess = () => {
        open.result.close();
        resolve(request.result);
      };
      request.onerror = () => reject(request.error);
    };
  }));
}

/** Opens the "Share link" menu and returns the link it made (and copied). */
export async function makeShareLink(page) {
  await page.locator('[data-share-menu] summary').click();
  await expect(page.locator('[data-share-status]')).toHaveText(/^Link copied|^Copy the link/);
  const link = await page.locator('[data-share-url]').inputValue();
  await page.keyboard.press('Escape');
  return link;
}

/** Clicks `locator` (after opening its menu, if any) and returns the file it downloads: name and text. */
export async function downloadFrom(page, menu, locator) {
  if (menu) await page.locator(`${menu} summary`).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(locator).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), path, text: readFileSync(path, 'utf8') };
}

/**
 * Paragraphs in many scripts, with emoji (skin tones, ZWJ sequences, flags), astral characters,
 * combining marks, invisible characters and every kind of quote mark: for round trips that must be exact.
 */
export const MIXED_PARAGRAPHS = [
  'Zoë Ångström and François Dvořák met at the café in Kraków; “naïve” plans, ‘rôles’, "straight" and \'single\' quotes, it’s l’été.',
  'Η Ελλάδα ανακοίνωσε σήμερα νέα μέτρα για την προστασία των ακτών από τις καταιγίδες του χειμώνα.',
  'أعلنت السلطات في طرطوس اليوم إغلاق الميناء بسبب العاصفة القوية التي ضربت الساحل السوري.',
  '港口因风暴关闭，渔民们在周二早上返回了旧港。東京で記者会見が開かれた。서울에서 발표했다.',
  'Reactions: 👍🏽 👩🏿‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 🇸🇾 ❤️ 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎 ideographs.',
  'Decomposed Cafe\u0301 and A\u030A beside precomposed Café and Å; zero\u200Bwidth, no\u00A0break, soft\u00ADhyphen, «guillemets» and „Gänsefüßchen“.',
];
