// The built site from any static host, under any path: dist/ served at /copydesk/ by a server of this
// file's own (its root holds nothing but a link to dist/ named copydesk), where the page loads, opens
// an example, compares and shares a link without a request outside /copydesk/; and, after one visit,
// with that server gone and the browser offline, the page still reloads and compares.

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  documentNames,
  dropFiles,
  expect,
  fixture,
  isPageMemory,
  makeShareLink,
  saveScreenshot,
  test,
  watchProblems,
} from './helpers.js';

const DIST = resolve(fileURLToPath(new URL('../..', import.meta.url)), process.env.COPYDESK_DIST ?? 'dist');
const ROOTS = fileURLToPath(new URL('../../test-results/hosting-root', import.meta.url));

test.describe.configure({ mode: 'serial' });

let server;
let site;

test.beforeAll(async ({}, testInfo) => {
  // A root of each worker's own: one worker's setup must not pull the site from under another's server.
  const root = `${ROOTS}/worker-${testInfo.workerIndex}`;
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  symlinkSync(DIST, `${root}/copydesk`);
  const port = await freePort();
  server = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', root, String(port)], {
    stdio: 'ignore',
  });
  site = `http://127.0.0.1:${port}/copydesk/`;
  await waitUntilServing(site);
});

test.afterAll(() => {
  server?.kill();
});

async function openSite(page) {
  await page.goto(site);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

test('served under /copydesk/: loads, opens an example, compares and shares', async ({ page, browser }) => {
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url())));
  await openSite(page);
  await expect(documentNames(page)).toHaveCount(5);
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);

  await page.locator('[data-examples-menu] summary').click();
  await page.locator('[data-examples-menu] [data-example="short"]').click();
  await expect(documentNames(page)).toHaveCount(2);
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
  await expect(page.locator('[data-stat="a"] .stat-value')).toHaveText(/^\d+% shared$/);
  await page.locator('[data-tab="inline"]').click();
  await expect(page.locator('[data-inline] ins').first()).toBeVisible();

  const link = await makeShareLink(page);
  expect(link.startsWith(`${site}#v1.`)).toBe(true);
  const context = await browser.newContext();
  const other = await context.newPage();
  const problems = watchProblems(other);
  await other.goto(link);
  await expect(other.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(documentNames(other)).toHaveCount(2);
  await expect(documentNames(other).first()).toHaveValue('Forest fire, version A');
  await expect(other.locator('[data-tab="inline"]')).toHaveAttribute('aria-pressed', 'true');
  await other.locator('[data-tab="side"]').click();
  await expect
    .poll(() => other.locator('[data-side="a"] [data-text]').evaluate((element) => element.textContent))
    .toBe(fixture('short/a.txt'));
  expect(problems).toEqual([]);
  await context.close();

  const outside = requests.filter(
    (url) =>
      !isPageMemory(url.href, site) && (url.origin !== new URL(site).origin || !url.pathname.startsWith('/copydesk/')),
  );
  expect(outside.map(String)).toEqual([]);
  expect(requests.some((url) => url.pathname === '/copydesk/pkg/copydesk_bg.wasm')).toBe(true);
});

test('after one visit the page reloads and compares offline', async ({ page, context }) => {
  await openSite(page);
  // The service worker has cached the site and controls the page.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  expect(await page.evaluate(() => navigator.serviceWorker.controller.scriptURL)).toBe(`${site}sw.js`);

  server.kill();
  await context.setOffline(true);
  const response = await page.reload();
  expect(response.fromServiceWorker()).toBe(true);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(documentNames(page)).toHaveCount(5);
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
  await expect(page.locator('[data-matrix] button[data-row]').first()).toHaveText(/^\d+%$/);

  await dropFiles(page, [
    { name: 'wire.txt', text: fixture('wire/wire.txt') },
    { name: 'outlet-3.txt', text: fixture('wire/outlet-3.txt') },
  ]);
  await expect(page.locator('[data-side="b"] mark[data-passage]').first()).toBeVisible();
  // A saved web page needs Readability, which is cached too.
  await dropFiles(page, [
    {
      name: 'page.html',
      text: `<html><body><article>${fixture('wire/outlet-1.txt')
        .split('\n\n')
        .map((p) => `<p>${p}</p>`)
        .join('')}</article></body></html>`,
    },
  ]);
  await expect(
    page.locator('[data-message]', { hasText: 'article text extracted from HTML by Readability' }),
  ).toBeVisible();
  // A PDF needs PDF.js and its worker, and a Word file mammoth: cached too, though this visit used none.
  await dropFiles(page, [
    {
      name: 'wire.pdf',
      bytes: [...readFileSync(new URL('../fixtures/documents/wire-two-columns.pdf', import.meta.url))],
    },
    { name: 'wire.docx', bytes: [...readFileSync(new URL('../fixtures/documents/wire.docx', import.meta.url))] },
  ]);
  await expect(page.locator('[data-message]', { hasText: 'PDF, 2 pages, read from its text layer' })).toBeVisible();
  await expect(page.locator('[data-message]', { hasText: 'Word document' })).toBeVisible();
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
  await saveScreenshot(page, 'offline');
});

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the test server did not start at ${url}`);
}
