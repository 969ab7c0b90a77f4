// Shared by the browser tests: a `page` that fails the test on any script error, the built-in fixtures,
// simulated file drops and the checks every normal flow ends with.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** The command line's binary, built on first use (a fresh machine compiles it then: give the test time). */
let cli = null;

/**
 * Runs `copydesk ...args` on `files` ({name, text}), written under their names to a new directory that
 * the names in `args` are relative to, and returns what it prints on stdout and stderr.
 */
export function runCli(files, args) {
  cli ??= execFileSync('cargo', ['build', '--quiet', '--bin', 'copydesk', '--message-format', 'json'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line))
    .find((message) => message.executable)?.executable;
  expect(cli, 'cargo names the copydesk binary it built').toBeTruthy();
  const directory = mkdtempSync(join(tmpdir(), 'copydesk-cli-'));
  for (const { name, text } of files) writeFileSync(join(directory, name), text);
  const run = spawnSync(cli, args, { cwd: directory, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return { stdout: run.stdout, stderr: run.stderr };
}

/** Opens the page (with an optional query string) and waits until it has started. */
export async function openPage(page, query = '') {
  await page.goto(`./${query}`);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

/** Opens the page (with `query`) on the two files `[a, b]` ({name, text}) and waits for their comparison. */
export async function openPair(page, files, query = '') {
  await openPage(page, query);
  await dropFiles(page, files);
  await expect(page.locator('[data-side="b"] [data-side-name]')).toHaveText(files[1].name);
  await expect(page.locator('[data-stat="passages"] .stat-value')).toHaveText(/^\d+$/);
}

/** The texts `a` and `b` as a.txt and b.txt, side by side. */
export function openTexts(page, a, b) {
  return openPair(page, [
    { name: 'a.txt', text: a },
    { name: 'b.txt', text: b },
  ]);
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

/**
 * Opens a built-in example from the header's menu (`id`: see www/js/examples.js) and returns the name
 * the page gives each of its files, by file name ("herald.txt" -> "The Aegean Herald").
 * @returns {Promise<Record<string, string>>}
 */
export async function openExampleSet(page, id) {
  await page.locator('[data-examples-menu] summary').click();
  await page.locator(`[data-examples-menu] [data-example="${id}"]`).click();
  const files = await page.evaluate(
    async (id) => (await import('./js/examples.js')).EXAMPLES.find((example) => example.id === id).files,
    id,
  );
  return Object.fromEntries(Object.entries(files).map(([path, name]) => [path.split('/').at(-1), name]));
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
  await page.evaluate(
    ({ key, chars, oneLine, middle }) => {
      let seed = 20240113;
      const random = () => {
        seed = (seed * 1664525 + 1013904223) % 2 ** 32;
        return seed / 2 ** 32;
      };
      const letters = () =>
        Array.from({ length: 2 + Math.floor(random() * 8) }, () => String.fromCharCode(97 + Math.floor(random() * 26)));
      const words = Array.from({ length: 4000 }, () => letters().join(''));
      const paragraph = () =>
        `${Array.from({ length: 50 }, () => words[Math.floor(random() * words.length)]).join(' ')}.`;
      const separator = oneLine ? ' ' : '\n\n';
      const block = Array.from({ length: 100 }, paragraph).join(separator) + separator;
      const inside = `${separator}${oneLine ? middle.replace(/\s+/g, ' ') : middle}${separator}`;
      const filler = block.repeat(Math.ceil(chars / block.length));
      const before = Math.floor((chars - inside.length) / 2);
      globalThis.madeTexts ??= {};
      globalThis.madeTexts[key] = filler.slice(0, before) + inside + filler.slice(0, chars - inside.length - before);
    },
    { key, chars, oneLine, middle },
  );
}

/** The five wire-story fixtures as files to drop. */
export function wireFiles() {
  return ['wire.txt', 'outlet-1.txt', 'outlet-2.txt', 'outlet-3.txt', 'outlet-4.txt'].map((name) => ({
    name,
    text: fixture(`wire/${name}`),
  }));
}

/** The names in the document list, in order. */
export function documentNames(page) {
  return page.locator('[data-document-list] [data-field="name"]');
}

/** The names in the document list, in order. */
export function names(page) {
  return documentNames(page).evaluateAll((inputs) => inputs.map((input) => input.value));
}

/** The message that reads `text`, exactly, in the page's messages region; `tone` 'error' or 'info'. */
export function message(page, tone, text) {
  return page
    .getByRole('log', { name: 'Messages' })
    .locator(`[data-message="${tone}"] > p`)
    .getByText(text, { exact: true });
}

/** The first documents are `documents` ([{name, text}]), in order, and saved so. */
export async function expectFirstDocuments(page, documents) {
  await expect
    .poll(async () => (await names(page)).slice(0, documents.length))
    .toEqual(documents.map(({ name }) => name));
  await expectSaved(page);
  const saved = await savedSession(page);
  expect(saved.documents.slice(0, documents.length).map(({ name, text }) => ({ name, text }))).toEqual(documents);
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
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
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
      }),
  );
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

/**
 * The XSS vectors of tests/fixtures/xss/vectors.txt (its README says how to read it): one a line, `# `
 * lines name groups, and `\t \n \r \f \0 \\ \u{hex}` stand for the characters they name.
 */
export function xssVectors() {
  const escapes = { t: '\t', n: '\n', r: '\r', f: '\f', 0: '\0', '\\': '\\' };
  return fixture('xss/vectors.txt')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('# '))
    .map((line) =>
      line.replace(/\\(?:u\{([0-9A-Fa-f]+)\}|([tnrf0\\]))/g, (_, hex, letter) =>
        hex ? String.fromCodePoint(parseInt(hex, 16)) : escapes[letter],
      ),
    );
}

/**
 * Sets traps, in every page of `context` from its next load on, for script that must never run: the
 * canary `__xss(n)` that the XSS vectors call, the `__xssN` globals they set, dialogs (alert, confirm,
 * prompt), Content-Security-Policy violations, and requests for any URL `allowed(url)` refuses (say,
 * anything but the site's files). `expectNoneSprung(page)` checks them all, and the page's markup (see
 * unsafeMarkup); `{refusedIn: ['/js/files.js']}` accepts the policy's refusals made while those scripts ran.
 * @param {import('@playwright/test').BrowserContext} context
 * @param {(url: string) => boolean} allowed
 */
export async function trapScripts(context, allowed) {
  await context.addInitScript(() => {
    const trap = { fired: [], violations: [] };
    Object.defineProperty(window, '__xssTrap', { value: trap });
    window.__xss = (n) => trap.fired.push(n);
    addEventListener(
      'securitypolicyviolation',
      (event) => {
        trap.violations.push({
          directive: event.effectiveDirective,
          blocked: event.blockedURI,
          source: event.sourceFile,
          line: event.lineNumber,
        });
      },
      true,
    );
  });
  const dialogs = [];
  const elsewhere = [];
  const watchDialogs = (page) =>
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()} ${dialog.message()}`);
      dialog.dismiss().catch(() => {});
    });
  context.pages().forEach(watchDialogs);
  context.on('page', watchDialogs);
  context.on('request', (request) => {
    if (!allowed(request.url())) elsewhere.push(request.url());
  });
  return {
    async expectNoneSprung(page, { refusedIn = [] } = {}) {
      const sprung = await page.evaluate(
        (refusedIn) => ({
          canary: window.__xssTrap.fired,
          globals: Object.keys(window).filter((key) => /^__xss\d+$/.test(key)),
          violations: window.__xssTrap.violations
            .filter(({ source }) => !refusedIn.some((path) => source === new URL(path, location.origin).href))
            .map(({ directive, blocked, source, line }) => `${directive} ${blocked} from ${source}:${line}`),
        }),
        refusedIn,
      );
      expect(sprung).toEqual({ canary: [], globals: [], violations: [] });
      expect(await unsafeMarkup(page)).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(elsewhere).toEqual([]);
    },
  };
}

/**
 * Markup in the page that only user input turned into markup could have made: elements that run,
 * load or embed anything (other than the page's own scripts and icon), event handler attributes, URL
 * attributes in the body (other than links within the page), style attributes that load or run
 * something, and `javascript:`-like URLs anywhere. Returns one line per finding; the page has none.
 */
export function unsafeMarkup(page) {
  return page.evaluate(() => {
    const RISKY_TAGS = new Set([
      'script',
      'style',
      'link',
      'meta',
      'base',
      'title',
      'iframe',
      'frame',
      'frameset',
      'object',
      'embed',
      'applet',
      'param',
      'img',
      'image',
      'picture',
      'video',
      'audio',
      'source',
      'track',
      'svg',
      'math',
      'template',
      'noscript',
      'xmp',
      'noembed',
      'noframes',
      'marquee',
      'plaintext',
      'isindex',
      'form',
      'handler',
      'foreignobject',
    ]);
    const URL_ATTRIBUTES = new Set([
      'href',
      'xlink:href',
      'src',
      'srcset',
      'srcdoc',
      'action',
      'formaction',
      'data',
      'poster',
      'background',
      'codebase',
      'ping',
      'values',
      'to',
      'from',
    ]);
    const ownScripts = ['js/main.js', 'vendor/Readability.js'].map((path) => new URL(path, location.href).href);
    const inHeadAllowed = (element) =>
      element.localName === 'script'
        ? ownScripts.includes(element.src)
        : element.localName !== 'base' && !(element.localName === 'meta' && /refresh/i.test(element.httpEquiv));
    const ownInBody = (element) => element.matches('svg.dropzone-icon, form[data-paste-form], form[data-options-form]');
    const describe = (element) => {
      const attributes = [...element.attributes].map(({ name, value }) => ` ${name}="${value}"`).join('');
      return `<${element.localName}${attributes}>`.slice(0, 200);
    };
    const found = [];
    for (const element of document.querySelectorAll('*')) {
      const inHead = element.closest('head') !== null;
      if (RISKY_TAGS.has(element.localName.toLowerCase()) && !(inHead ? inHeadAllowed(element) : ownInBody(element))) {
        found.push(`element ${describe(element)}`);
      }
      for (const { name, value } of element.attributes) {
        const scheme = /^(javascript|vbscript|livescript|data):/i.test(value.replace(/[\0-\x20]/g, ''));
        const url =
          !inHead &&
          URL_ATTRIBUTES.has(name.toLowerCase()) &&
          value !== '' &&
          !(name === 'href' && value.startsWith('#'));
        const icon = inHead && element.matches('link[rel="icon"]') && value === 'data:,';
        const style =
          name === 'style' && /url\(|image-set|expression|javascript:|behavior|binding|@import/i.test(value);
        if (/^on/i.test(name) || url || style || (scheme && !icon))
          found.push(`attribute ${name} of ${describe(element)}`);
      }
    }
    return found;
  });
}

/** The built site under test: `make dist`'s output, or COPYDESK_DIST (as playwright.config.js serves it). */
export const SITE_DIR = resolve(fileURLToPath(new URL('../..', import.meta.url)), process.env.COPYDESK_DIST ?? 'dist');

/** The site's files, as paths from its root: those `make dist` lists for the service worker, and the rest. */
function siteFiles() {
  const [, ...files] = readFileSync(resolve(SITE_DIR, 'precache.txt'), 'utf8').split('\n').filter(Boolean);
  return new Set(['', 'index.html', 'sw.js', 'precache.txt', ...files]);
}

let knownFiles = null;

/** Whether `url` is one of the site's own files at `baseURL` (the page's own address may carry a query). */
export function isSiteFile(url, baseURL) {
  knownFiles ??= siteFiles();
  const site = new URL(baseURL);
  const { origin, pathname, search } = new URL(url);
  const path = pathname.slice(site.pathname.length);
  return (
    origin === site.origin &&
    pathname.startsWith(site.pathname) &&
    knownFiles.has(path) &&
    (search === '' || ['', 'index.html'].includes(path))
  );
}

/** Whether `url` names memory of the page's own at `baseURL` (a blob:, as the engine's worker starts from), not a server. */
export function isPageMemory(url, baseURL) {
  return url.startsWith(`blob:${new URL(baseURL).origin}/`);
}
