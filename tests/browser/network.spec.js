// Texts never leave the device: through a whole session (load, drop a text and a saved web page that
// names remote images, styles and scripts, compare, switch views, change options, the matrix, share a
// link and open it, every export, rename, remove, "Clear everything"), the page, its engine's worker
// and its service worker request nothing but the site's own files, and open no socket, event stream or
// beacon.
//
// Playwright reports, in Chromium, a dedicated worker's requests as its page's and a service worker's
// with `request.serviceWorker()` set, all of them on the browser context; a request the page's policy
// stops is reported too (and fails), so an attempt counts as much as a request that went out.

import {
  documentNames,
  downloadFrom,
  dropFiles,
  expect,
  fixture,
  isPageMemory,
  isSiteFile,
  makeShareLink,
  openPage,
  pasteText,
  test,
  watchProblems,
} from './helpers.js';

/** A saved web page whose markup names things to fetch from elsewhere, around the wire story. */
function remotePage() {
  const remote = 'https://elsewhere.example';
  const article = fixture('wire/wire.txt')
    .split('\n\n')
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('\n');
  return `<!doctype html><html><head>
    <meta http-equiv="refresh" content="0;url=${remote}/refresh">
    <link rel="stylesheet" href="${remote}/x.css"><link rel="preload" as="script" href="${remote}/preload.js">
    <link rel="prefetch" href="${remote}/prefetch"><link rel="preconnect" href="${remote}"><link rel="dns-prefetch" href="${remote}">
    <link rel="modulepreload" href="${remote}/module.js"><link rel="icon" href="${remote}/favicon.ico"><link rel="manifest" href="${remote}/manifest.json">
    <script src="${remote}/x.js"></script><script type="module" src="${remote}/module.js"></script>
  </head><body background="${remote}/background.png">
    <img src="${remote}/tracker.gif" srcset="${remote}/tracker-2x.gif 2x" loading="eager">
    <picture><source srcset="${remote}/picture.webp"><img src="${remote}/picture.jpg"></picture>
    <video poster="${remote}/poster.jpg" src="${remote}/video.mp4"><track src="${remote}/track.vtt"></video>
    <audio src="${remote}/audio.mp3" autoplay></audio><iframe src="${remote}/frame.html"></iframe>
    <object data="${remote}/object"></object><embed src="${remote}/embed"><input type="image" src="${remote}/input.png">
    <a href="${remote}/link" ping="${remote}/ping">a link</a>
    <article>${article}</article></body></html>`;
}

/** Counts, in every page, what would open a channel rather than fetch a file. */
function countChannels() {
  const opened = [];
  Object.defineProperty(window, '__channels', { value: opened });
  for (const name of ['WebSocket', 'EventSource', 'RTCPeerConnection', 'WebTransport']) {
    if (!window[name]) continue;
    window[name] = new Proxy(window[name], {
      construct(target, args) {
        opened.push(`${name} ${args[0]}`);
        return Reflect.construct(target, args);
      },
    });
  }
  const sendBeacon = navigator.sendBeacon.bind(navigator);
  navigator.sendBeacon = (url, data) => {
    opened.push(`sendBeacon ${url}`);
    return sendBeacon(url, data);
  };
}

test('a whole session requests nothing but the site’s own files', async ({ browser, baseURL }) => {
  test.slow();
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await context.addInitScript(countChannels);
  const requests = [];
  context.on('request', (request) =>
    requests.push({
      method: request.method(),
      url: request.url(),
      navigation: request.isNavigationRequest(),
      by: request.serviceWorker() ? 'service worker' : 'page or its worker',
    }),
  );
  const sockets = [];
  const problems = [];
  context.on('page', (opened) => {
    opened.on('websocket', (socket) => sockets.push(socket.url()));
    problems.push(watchProblems(opened));
  });
  const page = await context.newPage();

  // Load; the example's matrix, a pair, both views.
  await openPage(page, '?min=10');
  await page.waitForFunction(async () =>
    Boolean((await navigator.serviceWorker.ready) && navigator.serviceWorker.controller),
  );
  await page.locator('[data-matrix] tbody button[data-row]').first().click();
  await page.locator('[data-tab="inline"]').click();
  await expect(page.locator('[data-inline]')).toContainText('Waves of up to six metres');
  await expect(page.locator('[data-stat="a"] .stat-value')).toHaveText(/shared$/);

  // Drop a saved web page (which brings in Readability) and a text file; compare; switch views.
  await dropFiles(page, [
    { name: 'page.html', text: remotePage() },
    { name: 'outlet-2.txt', text: fixture('wire/outlet-2.txt') },
  ]);
  await expect(page.locator('[data-side="a"] [data-side-name]')).toHaveText('page.html');
  await expect(page.locator('[data-inline]')).toContainText('Waves of up to six metres');
  await page.locator('[data-tab="side"]').click();
  await expect(page.locator('[data-side="b"] mark[data-passage]').first()).toBeVisible();
  await expect(page.locator('[data-stat="a"] .stat-value')).toHaveText(/shared$/);

  // Change options; a third document; the matrix, and a pair from it.
  await page.getByLabel('Shortest passage').fill('8');
  await page.getByLabel('Spelling variants').check();
  await expect(page).toHaveURL(/\?min=8&variants=1$/);
  await expect(page.locator('[data-side="b"] mark[data-passage]').first()).toBeVisible();
  await pasteText(page, fixture('wire/outlet-3.txt'));
  await expect(documentNames(page)).toHaveCount(3);
  await expect(page.locator('[data-matrix] button[data-row]')).toHaveCount(6);
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
  await page.locator('[data-matrix] tbody tr').nth(1).locator('button[data-row]').nth(1).click();
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
  await page.locator('[data-action="back-to-matrix"]').click();
  await page.locator('[data-matrix] tbody tr').nth(2).locator('button[data-row]').first().click();
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();

  // Share: the link is copied, and opens in another tab.
  const link = await makeShareLink(page);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(documentNames(other)).toHaveCount(3);
  await expect(other.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();

  // Every export.
  for (const locator of [
    '[data-export="json"]',
    '[data-export="pan"]',
    '[data-export="html"]',
    '[data-save-menu] [data-action="download-session"]',
  ]) {
    const file = await downloadFrom(page, '[data-save-menu]', locator);
    expect(file.text.length, locator).toBeGreaterThan(0);
  }

  // A document's view (with three documents, the set is compared), and its exports.
  await page.locator('[data-document-list] [data-open-document]').nth(2).click();
  await expect(page.locator('[data-panel="document"] [data-text] mark').first()).toBeVisible();
  for (const locator of ['[data-export="json"]', '[data-export="html"]']) {
    const file = await downloadFrom(page, '[data-save-menu]', locator);
    expect(file.name, locator).toMatch(/ in a set of 3\.(json|html)$/);
  }

  // Rename, remove, clear everything.
  await documentNames(page).first().fill('The wire, renamed');
  await documentNames(page).first().press('Enter');
  await expect(page.locator('[data-matrix] thead .column-name').first()).toHaveText('The wire, renamed');
  await page.locator('[data-document-list] [data-action="remove"]').last().click();
  await expect(documentNames(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear everything' }).click();
  await expect(page.locator('[data-save-state]')).toHaveText('Nothing is kept in this browser now.');

  const channels = [await page.evaluate(() => window.__channels), await other.evaluate(() => window.__channels)];
  await context.close();

  const site = new URL(baseURL);
  // Options travel in the query of the page's own address, and only there.
  const isOwnFile = ({ method, url, navigation }) =>
    method === 'GET' && isSiteFile(url, baseURL) && (navigation || new URL(url).search === '');
  expect(requests.filter((request) => !isOwnFile(request) && !isPageMemory(request.url, baseURL))).toEqual([]);
  expect(channels).toEqual([[], []]);
  expect(sockets).toEqual([]);
  expect(problems.flat()).toEqual([]);
  // The recording sees every party: only the engine's worker fetches the wasm (the service worker caches
  // it as well, and is seen doing so), and only the page fetches Readability.
  const fetched = (path, by) =>
    requests.some((request) => request.url === new URL(path, site).href && request.by === by);
  expect(fetched('pkg/copydesk_bg.wasm', 'page or its worker')).toBe(true);
  expect(fetched('pkg/copydesk_bg.wasm', 'service worker')).toBe(true);
  expect(fetched('vendor/Readability.js', 'page or its worker')).toBe(true);
  // Two page loads; the second, the share link, without its fragment: the documents in it stay in the browser.
  expect(requests.filter(({ navigation }) => navigation).map(({ url }) => url)).toEqual([
    new URL('?min=10', site).href,
    site.href,
  ]);
  const payload = link.split('#')[1];
  expect(requests.filter(({ url }) => url.includes(payload.slice(0, 40)))).toEqual([]);
});
