// Texts never leave the device: after the page loads, the only requests are for the site's own files.

import { dropFiles, expect, fixture, openPage, test } from './helpers.js';

const OWN_FILES = /^\/(index\.html)?(\?.*)?$|^\/(css|js|pkg|vendor|examples)\//;

test('the page requests nothing but its own static files', async ({ page, baseURL }) => {
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await openPage(page, '?min=10');
  await page.locator('[data-matrix] tbody button[data-row]').first().click();
  await page.locator('[data-tab="inline"]').click();
  await expect(page.locator('[data-inline]')).toContainText('Waves of up to six metres');
  await expect(page.locator('[data-stat="a"] .stat-value')).toHaveText(/shared$/);
  // A saved web page brings in Readability, and may name remote images, styles and scripts.
  const html = `<html><head><link rel="stylesheet" href="https://example.com/x.css"><script src="https://example.com/x.js"></script></head>
    <body><img src="https://example.com/tracker.gif"><article>${fixture('wire/wire.txt').split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
  await dropFiles(page, [{ name: 'page.html', text: html }, { name: 'wire.txt', text: fixture('wire/wire.txt') }]);
  await expect(page.locator('[data-side="a"] [data-side-name]')).toHaveText('page.html');
  await expect(page.locator('[data-inline]')).toContainText('Waves of up to six metres');
  await expect(page.locator('[data-stat="a"] .stat-value')).toHaveText(/shared$/);

  const origin = new URL(baseURL).origin;
  const foreign = requests.filter((url) => new URL(url).origin !== origin || !OWN_FILES.test(new URL(url).pathname + new URL(url).search));
  expect(foreign).toEqual([]);
  expect(requests.some((url) => url.endsWith('/vendor/Readability.js'))).toBe(true);
  expect(requests.some((url) => url.endsWith('/pkg/copydesk_bg.wasm'))).toBe(true);
});
