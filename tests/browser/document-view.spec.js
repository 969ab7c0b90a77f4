// The document view: one document of a set in full, each passage that other documents carry marked with
// their ids (data-documents), held to the expectations of the fixture sets (tests/fixtures/sets/: which
// documents carry each passage, what is a document's own, what is page chrome). Then choosing a passage
// and one of its places opens that pair at it, the keys, the way back, and the matrix's headers; last,
// the view's HTML report, which must carry the same marks and stand on its own.

import { writeFileSync } from 'node:fs';
import {
  downloadFrom,
  dropFiles,
  expect,
  fixture,
  openExampleSet,
  openPage,
  saveScreenshot,
  test,
  watchProblems,
} from './helpers.js';

const WIRE_SET = JSON.parse(fixture('sets/wire/expect.json'));
const CHROME_SET = JSON.parse(fixture('sets/chrome/expect.json'));

const view = (page) => page.locator('[data-view="document"]');
const text = (page) => view(page).locator('[data-text]');

/** The document list's ids by name. */
async function idsByName(page) {
  const items = await page
    .locator('[data-document-list] [data-document-id]')
    .evaluateAll((items) =>
      items.map((item) => [item.querySelector('[data-field="name"]').value, item.dataset.documentId]),
    );
  return Object.fromEntries(items);
}

/** Opens the built-in "Ferry aground" example (tests/fixtures/sets/wire/); returns the page's id of each file name. */
async function openFerry(page) {
  await openPage(page);
  const names = await openExampleSet(page, 'ferry');
  // The first visit's example has five documents too: wait for these names.
  await expect
    .poll(async () => Object.keys(await idsByName(page)))
    .toEqual(WIRE_SET.documents.map((file) => names[file]));
  const ids = await idsByName(page);
  return Object.fromEntries(WIRE_SET.documents.map((file) => [file, ids[names[file]]]));
}

/** Drops the files of a fixture set (named as the files are); returns the page's id of each file name. */
async function dropSet(page, folder, files) {
  await openPage(page);
  await dropFiles(
    page,
    files.map((name) => ({ name, text: fixture(`sets/${folder}/${name}`) })),
  );
  await expect.poll(async () => Object.keys(await idsByName(page))).toEqual(files);
  return idsByName(page);
}

/** Opens the view of document `id` from the document list, and waits until its text is drawn. */
async function openDocument(page, id) {
  await page.locator(`[data-document-list] [data-open-document="${id}"]`).click();
  await expect(view(page)).toBeVisible();
  await expect(text(page)).not.toHaveAttribute('aria-busy', 'true');
  await expect(text(page)).not.toBeEmpty();
}

/**
 * Where the letters and digits of `quote` stand in the document view's text: the distinct
 * data-documents of the marks they are in (each sorted), how many are in no mark, how many in a
 * data-boilerplate mark, and how many there are.
 */
function quoteMarks(page, quote) {
  return text(page).evaluate((root, quote) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    while (walker.nextNode()) {
      nodes.push({ from: all.length, node: walker.currentNode });
      all += walker.currentNode.data;
    }
    const start = all.indexOf(quote);
    if (start === -1 || all.indexOf(quote, start + 1) !== -1) return { found: start !== -1, unique: false };
    const end = start + quote.length;
    const found = { found: true, unique: true, carriers: new Set(), plain: 0, chrome: 0, letters: 0 };
    for (const { from, node } of nodes) {
      for (let at = Math.max(start, from); at < Math.min(end, from + node.data.length); at += 1) {
        if (!/[\p{L}\p{N}]/u.test(all[at])) continue;
        found.letters += 1;
        const mark = node.parentElement.closest('mark');
        if (!mark) {
          found.plain += 1;
          continue;
        }
        found.carriers.add(mark.dataset.documents.split(' ').sort().join(' '));
        if (mark.hasAttribute('data-boilerplate')) found.chrome += 1;
      }
    }
    return { ...found, carriers: [...found.carriers] };
  }, quote);
}

for (const file of WIRE_SET.documents) {
  test(`the document view of ${file}: who carries each passage, what is its own, its chrome`, async ({ page }) => {
    const ids = await openFerry(page);
    await openDocument(page, ids[file]);
    const passages = WIRE_SET.passages.filter((passage) => passage.in === file);
    const own = WIRE_SET.own.filter((quote) => quote.in === file);
    const chrome = WIRE_SET.boilerplate.filter((quote) => quote.in === file);
    expect(passages.length + own.length + chrome.length).toBeGreaterThan(0);
    for (const { quote, carried_by } of passages) {
      const expected = carried_by
        .map((other) => ids[other])
        .sort()
        .join(' ');
      const found = await quoteMarks(page, quote);
      expect(found, quote).toMatchObject({ unique: true, carriers: [expected], plain: 0, chrome: 0 });
    }
    for (const { quote } of own) {
      const found = await quoteMarks(page, quote);
      expect(found, quote).toMatchObject({ unique: true, carriers: [] });
      expect(found.plain, quote).toBe(found.letters);
    }
    // No other outlet of this set shares an outlet's chrome: it is its own, or muted as chrome.
    for (const { quote } of chrome) {
      const found = await quoteMarks(page, quote);
      expect(found.unique, quote).toBe(true);
      expect(found.plain + found.chrome, quote).toBe(found.letters);
    }
    // Every mark names other documents of the page, never the document itself, and a known cluster.
    const marks = await text(page)
      .locator('mark')
      .evaluateAll((marks) =>
        marks.map((mark) => ({ documents: mark.dataset.documents, cluster: mark.dataset.cluster })),
      );
    expect(marks.length).toBeGreaterThan(0);
    for (const { documents, cluster } of marks) {
      const named = documents.split(' ');
      expect(named).not.toContain(ids[file]);
      expect(named.every((id) => Object.values(ids).includes(id))).toBe(true);
      expect(Number(cluster)).toBeGreaterThanOrEqual(0);
    }
  });
}

test('the figures at the top: how much stands in each other document and how much nowhere else', async ({ page }) => {
  const ids = await openFerry(page);
  await openDocument(page, ids['monitor.txt']);
  const summary = view(page).locator('[data-document-summary]');
  await expect(summary.locator('.share-own')).toHaveText(/^\d+% stands nowhere else \(\d+ words of 372 words/);
  // The Monitor copies the Ledger: the Ledger comes first, with most of the Monitor's words.
  const first = summary.locator('.share-row').first();
  await expect(first.locator('[data-open-pair]')).toHaveAttribute('data-open-pair', ids['ledger.txt']);
  await expect(first.locator('.share-value')).toHaveText(/^(5|6)\d% · 221 words$/);
  await expect(summary.locator('.share-row')).toHaveCount(4);
});

test('page chrome shared by two pages of an outlet is muted, and the toggle hides it', async ({ page }) => {
  const ids = await dropSet(page, 'chrome', CHROME_SET.documents);
  await openDocument(page, ids['clarion-library.txt']);
  const chrome = CHROME_SET.boilerplate.filter((quote) => quote.in === 'clarion-library.txt');
  for (const { quote } of chrome) {
    const found = await quoteMarks(page, quote);
    expect(found, quote).toMatchObject({ unique: true, carriers: [ids['clarion-rail.txt']], plain: 0 });
    expect(found.chrome, quote).toBe(found.letters);
  }
  const [own] = CHROME_SET.own.filter((quote) => quote.in === 'clarion-library.txt');
  expect(await quoteMarks(page, own.quote)).toMatchObject({ carriers: [] });
  // Muted: the chrome's ink is not the text's.
  const marks = text(page).locator('mark[data-boilerplate]');
  const colours = await marks
    .first()
    .evaluate((mark) => [getComputedStyle(mark).color, getComputedStyle(mark.closest('[data-text]')).color]);
  expect(colours[0]).not.toBe(colours[1]);
  await saveScreenshot(page, 'document-view-chrome-light');

  const toggle = view(page).getByLabel('Hide page chrome');
  await toggle.check();
  await expect(marks.first()).toBeHidden();
  expect(await marks.evaluateAll((all) => all.filter((mark) => mark.checkVisibility()).length)).toBe(0);
  await expect(text(page)).not.toContainText('The Clarion Daily', { useInnerText: true });
  await expect(text(page)).toContainText(own.quote, { useInnerText: true });
  await toggle.uncheck();
  await expect(marks.first()).toBeVisible();
  await expect(text(page)).toContainText('The Clarion Daily', { useInnerText: true });
});

/** The mark that holds the first letter of `quote` in the document view. */
function markAt(page, quote) {
  return text(page)
    .locator('mark')
    .filter({ hasText: quote.replace(/^\W+/u, '').split(' ').slice(0, 3).join(' ') })
    .first();
}

/** The text of side A's passage that the focused mark starts, whitespace collapsed. */
function focusedPassageText(page) {
  return page.evaluate(() => {
    const mark = document.activeElement;
    if (!(mark instanceof HTMLElement) || mark.localName !== 'mark' || !mark.closest('[data-side="a"]')) return null;
    const numbers = mark.dataset.passage.split(' ');
    const parts = [...mark.closest('[data-text]').querySelectorAll('mark[data-passage]')].filter((part) =>
      part.dataset.passage.split(' ').some((n) => numbers.includes(n)),
    );
    return {
      numbers,
      text: parts
        .map((part) => part.textContent)
        .join('')
        .replace(/\s+/g, ' '),
    };
  });
}

test('choosing a passage lists where it stands; choosing a place opens that pair at the passage', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const ids = await openFerry(page);
  await openDocument(page, ids['herald.txt']);
  const { quote, carried_by } = WIRE_SET.passages.find((passage) => passage.quote.startsWith('said coast guard'));
  const mark = markAt(page, 'said coast guard commander');
  await mark.scrollIntoViewIfNeeded();
  await mark.click();
  const places = view(page).locator('[data-places] [data-open-pair]');
  expect((await places.evaluateAll((buttons) => buttons.map((button) => button.dataset.openPair))).sort()).toEqual(
    carried_by.map((file) => ids[file]).sort(),
  );
  await saveScreenshot(page, 'document-view-chosen-light');

  await view(page).locator(`[data-places] [data-open-pair="${ids['post.txt']}"]`).click();
  await expect(page.locator('[data-panel="pair"]')).toBeVisible();
  await expect(page.locator('[data-side="a"] [data-side-name]')).toHaveText('The Aegean Herald');
  await expect(page.locator('[data-side="b"] [data-side-name]')).toHaveText('The Rhodes Post');
  await expect.poll(() => focusedPassageText(page)).toMatchObject({ text: expect.stringContaining(quote) });
  const { numbers } = await focusedPassageText(page);
  await expect(page.locator('[data-side="a"] :focus')).toBeInViewport();
  const counterpart = page.locator(`[data-side="b"] mark[data-passage~="${numbers[0]}"]`).first();
  await expect(counterpart).toBeInViewport();
  await expect(counterpart).toHaveClass(/is-linked/);

  // Back: to the document view it was opened from, at the passage chosen, then to the matrix.
  await expect(page.locator('[data-action="back-to-matrix"]')).toHaveText('← The Aegean Herald');
  await page.locator('[data-action="back-to-matrix"]').click();
  await expect(view(page)).toBeVisible();
  const run = await mark.getAttribute('data-run');
  await expect(text(page).locator(`mark[data-run="${run}"]`).first()).toBeFocused();
  await expect(view(page).locator('[data-places] [data-open-pair]')).toHaveCount(carried_by.length);
  await view(page).locator('[data-action="close-document"]').click();
  await expect(page.locator('[data-panel="matrix"]')).toBeVisible();
  await expect(page.locator('#matrix-title')).toBeFocused();
});

test('by keyboard: j / k through the passages in reading order, Enter lists its places, Enter opens one', async ({
  page,
}) => {
  const ids = await openFerry(page);
  await openDocument(page, ids['monitor.txt']);
  const focusable = text(page).locator('mark[tabindex]');
  expect(await focusable.count()).toBeGreaterThan(2);
  const focusedIndex = () =>
    text(page)
      .locator('mark[tabindex]')
      .evaluateAll((marks) => marks.indexOf(/** @type {HTMLElement} */ (document.activeElement)));
  await view(page).locator('h2').focus();
  await page.keyboard.press('j');
  await expect.poll(focusedIndex).toBe(0);
  await page.keyboard.press('j');
  await expect.poll(focusedIndex).toBe(1);
  await page.keyboard.press('j');
  await expect.poll(focusedIndex).toBe(2);
  await page.keyboard.press('k');
  await expect.poll(focusedIndex).toBe(1);
  // Screen readers hear the documents that carry a mark, by name, before its text.
  const label = await focusable.nth(1).getAttribute('data-label');
  const carriers = (await focusable.nth(1).getAttribute('data-documents')).split(' ');
  const names = await page
    .locator('[data-document-list] [data-document-id]')
    .evaluateAll((items) =>
      Object.fromEntries(items.map((item) => [item.dataset.documentId, item.querySelector('input').value])),
    );
  for (const id of carriers) expect(label).toContain(`“${names[id]}”`);
  expect(label).toContain(`(${carriers.length} other document`);

  // The Monitor's own copy of the Ledger's paragraph: Enter lists the Ledger alone, Enter opens the pair at it.
  const { quote } = WIRE_SET.passages.find((passage) => passage.quote.startsWith('"Old ships'));
  // The run's first mark is the one that takes the focus (a run across lines is a mark on each).
  const run = await markAt(page, 'Old ships and tired').getAttribute('data-run');
  const mark = text(page).locator(`mark[data-run="${run}"]`).first();
  await mark.focus();
  await expect(mark).toBeFocused();
  await page.keyboard.press('Enter');
  const place = view(page).locator('[data-places] [data-open-pair]');
  await expect(place).toHaveCount(1);
  await expect(place).toHaveAttribute('data-open-pair', ids['ledger.txt']);
  await expect(place).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-side="b"] [data-side-name]')).toHaveText('Piraeus Ledger');
  await expect.poll(() => focusedPassageText(page)).toMatchObject({ text: expect.stringContaining(quote) });
});

test('every document list item and matrix header opens its document; long names never overlap', async ({ page }) => {
  // Real file names: dates, underscores and no spaces, so there is nowhere to wrap them but anywhere.
  const long = [
    '2025-10-15_coastline-wire_agia-marina-aground_final-v2.txt',
    '2025_10_15_aegean_herald_outlet_report_final_v2.txt',
    '2025_10_15_rhodes_post_outlet_report_final_v2_edited.txt',
    '2025-10-15_piraeus-ledger_outlet-report_final-v3.txt',
    '2025_10_15_eastern_med_monitor_outlet_report_final.txt',
  ];
  await openPage(page);
  await dropFiles(
    page,
    WIRE_SET.documents.map((file, i) => ({ name: long[i], text: fixture(`sets/wire/${file}`) })),
  );
  await expect.poll(async () => Object.keys(await idsByName(page))).toEqual(long);
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
  const ids = Object.values(await idsByName(page));
  expect(ids).toHaveLength(5);
  const headers = page.locator('[data-matrix] thead th');
  const rows = page.locator('[data-matrix] tbody th');
  expect(
    await headers.locator('[data-open-document]').evaluateAll((all) => all.map((b) => b.dataset.openDocument)),
  ).toEqual(ids);
  expect(
    await rows.locator('[data-open-document]').evaluateAll((all) => all.map((b) => b.dataset.openDocument)),
  ).toEqual(ids);
  for (const [i, id] of ids.entries()) {
    await expect(
      page.locator(`[data-document-list] [data-document-id="${id}"] [data-open-document="${id}"]`),
    ).toHaveCount(1);
    await expect(headers.nth(i).locator('[data-open-document]')).toHaveAttribute('title', long[i]);
    await expect(headers.nth(i).locator('[data-open-document]')).toHaveAccessibleName(long[i]);
  }
  // Each header's name, every line of its text, stays inside its own header box, so no two overlap.
  const boxes = async (cells) =>
    cells.evaluateAll((all) =>
      all.map((cell) => {
        const name = cell.querySelector('[data-open-document]');
        const range = document.createRange();
        range.selectNodeContents(name);
        const lines = [...range.getClientRects()].map((line) => [line.left, line.right]);
        const [outer, inner] = [cell.getBoundingClientRect(), name.getBoundingClientRect()];
        return { outer: [outer.left, outer.right, outer.top, outer.bottom], inner: [inner.top, inner.bottom], lines };
      }),
    );
  for (const cells of [headers, rows]) {
    for (const { outer, inner, lines } of await boxes(cells)) {
      const [left, right, top, bottom] = outer;
      expect(lines.length).toBeGreaterThan(0);
      for (const [from, to] of lines) {
        expect(from).toBeGreaterThanOrEqual(left - 0.5);
        expect(to).toBeLessThanOrEqual(right + 0.5);
      }
      expect(inner[0]).toBeGreaterThanOrEqual(top - 0.5);
      expect(inner[1]).toBeLessThanOrEqual(bottom + 0.5);
    }
  }
  const columns = await boxes(headers);
  for (let i = 1; i < columns.length; i += 1) {
    expect(Math.min(...columns[i].lines.map(([from]) => from))).toBeGreaterThanOrEqual(
      Math.max(...columns[i - 1].lines.map(([, to]) => to)),
    );
  }
  await saveScreenshot(page, 'matrix-long-names-light');

  // A header opens its document's view; so does a row's.
  await headers.nth(3).locator('[data-open-document]').click();
  await expect(view(page).locator('h2')).toHaveText(`Where the text of “${long[3]}” also stands`);
  await expect(view(page).locator('h2')).toBeFocused();
  await view(page).locator('[data-action="close-document"]').click();
  await rows.nth(1).locator('[data-open-document]').click();
  await expect(view(page).locator('h2')).toHaveText(`Where the text of “${long[1]}” also stands`);
});

/**
 * Each run of a document's text in reading order (on the page, or in its HTML report), however many
 * marks it spans (the page draws one a line): its text and what its marks say. Runs in the browser.
 */
function marksOf(root) {
  const runs = new Map();
  for (const mark of root.querySelectorAll('mark')) {
    const run = runs.get(mark.dataset.run);
    if (run) {
      run.text += mark.textContent;
      continue;
    }
    runs.set(mark.dataset.run, {
      text: mark.textContent,
      cluster: mark.dataset.cluster,
      documents: mark.dataset.documents,
      boilerplate: mark.hasAttribute('data-boilerplate'),
      reach: mark.dataset.reach,
      badge: mark.dataset.badge ?? null,
      label: mark.dataset.label,
      title: mark.title,
    });
  }
  return [...runs.values()];
}

/**
 * Exports the view on show as HTML, writes it to a file and opens that in a browser with scripts off
 * and no network; returns the report's text, the page that shows it and the requests it made.
 */
async function openDocumentReport(page, browser, file) {
  const report = await downloadFrom(page, '[data-save-menu]', '[data-export="html"]');
  const path = test.info().outputPath(file);
  writeFileSync(path, report.text);
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  const reader = await context.newPage();
  const requests = [];
  reader.on('request', (request) => requests.push(request.url()));
  await reader.goto(`file://${path}`);
  return { report, reader, requests, close: () => context.close() };
}

test('the HTML report of a document view: its marks, its figures, escaped text, nothing fetched', async ({
  page,
  browser,
}) => {
  const problems = watchProblems(page);
  // A hostile name and text: they must stay text in the report.
  const hostile = 'Herald <img src=x onerror=alert(1)> & "quotes" 👩🏿‍💻.txt';
  const files = WIRE_SET.documents.map((name) => ({
    name: name === 'herald.txt' ? hostile : name,
    text: `${fixture(`sets/wire/${name}`)}${name === 'herald.txt' ? '\n</textarea><script>alert(1)</script>\n' : ''}`,
  }));
  await openPage(page);
  await dropFiles(page, files);
  await expect.poll(async () => Object.keys(await idsByName(page))).toEqual(files.map(({ name }) => name));
  const ids = await idsByName(page);
  // On the matrix, the menu says what to open for an export.
  const menu = page.locator('[data-save-menu]');
  await menu.locator('summary').click();
  await expect(menu.locator('[data-export-heading]')).toHaveText('The pair or document on show');
  await expect(menu.locator('[data-export-note]')).toHaveText(/a document’s view \(its name\) to export it\.$/);
  await expect(menu.locator('[data-export="html"]')).toBeDisabled();
  await page.keyboard.press('Escape');
  await openDocument(page, ids[hostile]);

  // The menu offers this view, without PAN (a pair's format).
  await menu.locator('summary').click();
  await expect(page.locator('[data-export-heading]')).toHaveText('This document’s view');
  await expect(page.locator('[data-export="pan"]')).toBeHidden();
  await expect(page.locator('[data-export="html"]')).toBeEnabled();
  await saveScreenshot(page, 'document-export-menu');
  await page.keyboard.press('Escape');

  const onPage = await text(page).evaluate(marksOf);
  const numbers = Object.fromEntries(Object.values(ids).map((id, index) => [id, String(index + 1)]));
  const { report, reader, requests, close } = await openDocumentReport(page, browser, 'document.html');
  // What file systems refuse is replaced (the browser replaces a little more, such as the ZWJ).
  expect(report.name).toMatch(/^Herald -img src=x onerror=alert\(1\)- & -quotes- 👩🏿.💻 in a set of 5\.html$/);
  expect(report.text).toMatch(/^<!doctype html>/);
  expect(report.text).not.toMatch(/<script|<img/i);
  expect(report.text).toContain('&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  await expect(reader.locator('h1')).toHaveText(`Where the text of “${hostile}” also stands`);
  await expect(reader.locator('script, img')).toHaveCount(0);

  // The same marks as the page's, in the same places, naming the documents by their numbers.
  const article = reader.locator('article');
  const inReport = await article.evaluate(marksOf);
  expect(inReport.length).toBeGreaterThan(5);
  expect(inReport).toEqual(
    onPage.map((mark) => ({
      ...mark,
      documents: mark.documents
        .split(' ')
        .map((id) => numbers[id])
        .join(' '),
    })),
  );
  // Each mark names the documents that carry it (the wire among them for some of the Herald's).
  expect(inReport.every(({ title }) => /^Also in “.+” \(\d other documents?\)$/.test(title))).toBe(true);
  expect(inReport.some(({ title }) => title.includes('“wire.txt”'))).toBe(true);
  // The whole text, and nothing else, in the article (the badges are drawn by the style sheet).
  expect(await article.evaluate((element) => element.textContent)).toBe(files[1].text);
  // Styled as on the page: shaded by reach.
  const shade = await article
    .locator('mark[data-reach]')
    .first()
    .evaluate((mark) => getComputedStyle(mark).backgroundColor);
  expect(shade).not.toBe('rgba(0, 0, 0, 0)');
  const pageShade = await text(page)
    .locator(`mark[data-run="0"]`)
    .first()
    .evaluate((mark) => getComputedStyle(mark).backgroundColor);
  expect(
    await article
      .locator('mark[data-run="0"]')
      .first()
      .evaluate((mark) => getComputedStyle(mark).backgroundColor),
  ).toBe(pageShade);

  // The figures at the top, as the view shows them.
  const figures = (root) =>
    root.evaluate((element) => ({
      own: element.querySelector('.share-own').textContent,
      rows: [...element.querySelectorAll('.share-row')].map((row) => row.textContent),
    }));
  expect(await figures(reader.locator('.summary'))).toEqual(
    await figures(page.locator('[data-panel="document"] [data-document-summary]')),
  );
  await reader.setViewportSize({ width: 1200, height: 900 });
  await saveScreenshot(reader, 'document-report');
  expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
  await close();

  // A pair opened over the view is what the menu exports then, PAN included.
  await view(page).locator('[data-document-summary] [data-open-pair]').first().click();
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
  await menu.locator('summary').click();
  await expect(menu.locator('[data-export-heading]')).toHaveText('The pair on show');
  await expect(menu.locator('[data-export="pan"]')).toBeEnabled();
  const pairReport = await downloadFrom(page, null, '[data-export="html"]');
  expect(pairReport.name).toMatch(/^Herald .* vs wire\.html$/);
  expect(problems).toEqual([]);
});

test('the HTML report of a document view mutes page chrome, and hides it without a script', async ({
  page,
  browser,
}) => {
  const ids = await dropSet(page, 'chrome', CHROME_SET.documents);
  await openDocument(page, ids['clarion-library.txt']);
  const { reader, close } = await openDocumentReport(page, browser, 'chrome.html');
  const chrome = reader.locator('article mark[data-boilerplate]');
  const runs = (root) => root.evaluate(marksOf);
  const chromeRuns = (await runs(reader.locator('article'))).filter((run) => run.boilerplate);
  expect(chromeRuns.length).toBeGreaterThan(0);
  expect(chromeRuns).toEqual(
    (await runs(text(page))).filter((run) => run.boilerplate).map((run) => ({ ...run, documents: expect.any(String) })),
  );
  await expect(chrome.first()).toBeVisible();
  const colours = await chrome
    .first()
    .evaluate((mark) => [getComputedStyle(mark).color, getComputedStyle(mark.closest('article')).color]);
  expect(colours[0]).not.toBe(colours[1]);
  await reader.getByLabel('Hide page chrome').check();
  await expect(chrome.first()).toBeHidden();
  await expect(reader.locator('article')).not.toContainText('The Clarion Daily', { useInnerText: true });
  await close();
});
