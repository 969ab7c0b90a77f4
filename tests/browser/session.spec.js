// Nothing lost: the work on the page survives a reload and a closed tab, "Clear everything" forgets it,
// the comparison file brings a session back exactly, and the exports (HTML report, the command line's
// JSON, PAN XML) are what they say they are.

import { writeFileSync } from 'node:fs';
import {
  MIXED_PARAGRAPHS,
  documentNames,
  downloadFrom,
  dropFiles,
  expect,
  expectCleanText,
  expectSaved,
  fixture,
  savedSession,
  openPage,
  pasteText,
  saveScreenshot,
  test,
  watchProblems,
} from './helpers.js';

test('a reload and a closed tab keep the documents, their names, the options and the pair', async ({
  page,
  context,
}) => {
  await openPage(page);
  await dropFiles(page, [
    { name: 'wire.txt', text: fixture('wire/wire.txt') },
    { name: 'outlet-2.txt', text: fixture('wire/outlet-2.txt') },
  ]);
  await pasteText(page, fixture('wire/outlet-3.txt'));
  await expect(documentNames(page)).toHaveCount(3);
  const name = documentNames(page).nth(2);
  await name.fill('Riviera, pasted ✍🏽');
  await name.press('Enter');
  await page.getByLabel('Edits bridged').fill('5');
  await expect(page).toHaveURL(/\?edits=5$/);
  await page.locator('[data-matrix] button[data-row]').nth(3).click();
  await expect(page.locator('[data-stat="passages"] .stat-value')).toHaveText(/^\d+$/);
  const passages = await page.locator('[data-stat="passages"] .stat-value').textContent();
  await expectSaved(page);

  const expectSameWork = async (again) => {
    await expect(again.locator('html')).toHaveAttribute('data-ready', 'true');
    await expect(documentNames(again)).toHaveCount(3);
    await expect(documentNames(again).nth(2)).toHaveValue('Riviera, pasted ✍🏽');
    await expect(again.getByLabel('Edits bridged')).toHaveValue('5');
    await expect(again.locator('[data-panel="pair"]')).toBeVisible();
    await expect(again.locator('[data-stat="passages"] .stat-value')).toHaveText(passages);
    await expect(again.locator('[data-save-state]')).toHaveText('Saved in this browser.');
  };
  // A change made just before the reload is written as the page goes (pagehide).
  await documentNames(page).first().fill('The wire');
  await documentNames(page).first().press('Enter');
  await page.reload();
  await expectSameWork(page);
  await expect(documentNames(page).first()).toHaveValue('The wire');

  // Closing the tab and opening the page anew (without the query that holds the options).
  await page.close();
  const again = await context.newPage();
  const problems = watchProblems(again);
  await again.goto('./');
  await expectSameWork(again);
  await expect(again).toHaveURL(/\?edits=5$/);
  expect(problems).toEqual([]);
});

test('“Clear everything” forgets the work; the next visit starts with the example again', async ({ page }) => {
  await openPage(page);
  await expect(page.locator('[data-save-state]')).toHaveText('What you add is kept in this browser.');
  await dropFiles(page, [
    { name: 'mine.txt', text: fixture('short/a.txt') },
    { name: 'also-mine.txt', text: fixture('short/b.txt') },
  ]);
  await page.getByLabel('Shortest passage').fill('12');
  await expect(page).toHaveURL(/\?min=12$/);
  await expectSaved(page);

  const clear = page.getByRole('button', { name: 'Clear everything' });
  await expect(clear).toBeInViewport();
  await clear.click();
  await expect(documentNames(page)).toHaveCount(0);
  await expect(page.locator('[data-panel="empty"]')).toBeVisible();
  await expect(page.getByLabel('Shortest passage')).toHaveValue('10');
  await expect(page.locator('[data-save-state]')).toHaveText('Nothing is kept in this browser now.');
  // Undo while the tab is open brings it all back, and saves it again.
  await page.locator('[data-message]', { hasText: 'Cleared everything' }).getByRole('button', { name: 'Undo' }).click();
  await expect(documentNames(page)).toHaveCount(2);
  await expect(page.getByLabel('Shortest passage')).toHaveValue('12');
  await expectSaved(page);

  await clear.click();
  await expect(page.locator('[data-save-state]')).toHaveText('Nothing is kept in this browser now.');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(documentNames(page)).toHaveCount(5);
  await expect(documentNames(page).first()).toHaveValue('Coastline Wire Service (wire)');
  await expect(page.locator('[data-save-state]')).toHaveText('What you add is kept in this browser.');
});

test('a comparison file brings the whole session back exactly', async ({ page }) => {
  await openPage(page);
  const documents = [
    { name: 'wire «A».txt', text: `${MIXED_PARAGRAPHS[4]}\n\n${fixture('wire/wire.txt')}` },
    { name: 'outlet “B” 🇬🇷.txt', text: `${fixture('wire/outlet-1.txt')}\n${MIXED_PARAGRAPHS[1]}\n` },
    { name: "outlet 'C'.txt", text: `${MIXED_PARAGRAPHS[5]}\r\n${fixture('wire/outlet-4.txt')}` },
  ];
  await dropFiles(page, documents);
  await page.getByLabel('Ignore punctuation').check();
  await page.locator('[data-matrix] tbody tr').nth(2).locator('button[data-row]').first().click();
  await page.locator('[data-tab="inline"]').click();
  await expect(page.locator('[data-inline] del').first()).toBeVisible();
  const file = await downloadFrom(page, '[data-save-menu]', '[data-save-menu] [data-action="download-session"]');
  expect(file.name).toMatch(/^comparison \d{4}-\d\d-\d\d \d\d-\d\d\.copydesk\.json$/);
  const session = JSON.parse(file.text);
  expect(Object.keys(session)).toEqual(['format', 'version', 'documents', 'options', 'pair', 'document', 'tab']);
  expect(session).toMatchObject({
    format: 'copydesk-session',
    version: 1,
    pair: [2, 0],
    document: null,
    tab: 'inline',
  });
  expect(session.options.ignore_punctuation).toBe(true);
  // Dropped files get one kind of line break; everything else is as it was.
  expect(session.documents.map(({ name, text }) => ({ name, text }))).toEqual(
    documents.map(({ name, text }) => ({ name, text: text.replace(/\r\n/g, '\n') })),
  );

  // Elsewhere (here: after clearing everything), dropping the file restores the session.
  await page.getByRole('button', { name: 'Clear everything' }).click();
  await expect(documentNames(page)).toHaveCount(0);
  await dropFiles(page, [{ name: file.name, text: file.text }]);
  await expect(
    page.locator('[data-message]', { hasText: `Opened the comparison file “${file.name}”: 3 documents.` }),
  ).toBeVisible();
  await expect(documentNames(page).nth(1)).toHaveValue('outlet “B” 🇬🇷.txt');
  await expect(page.getByLabel('Ignore punctuation')).toBeChecked();
  await expect(page.locator('[data-tab="inline"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('[data-side="a"] [data-side-name]')).toHaveText("outlet 'C'.txt");
  await expect(page.locator('[data-inline] del').first()).toBeVisible();
  const again = await downloadFrom(page, '[data-save-menu]', '[data-save-menu] [data-action="download-session"]');
  expect(again.text).toBe(file.text);

  // A damaged comparison file is refused with a message, and changes nothing.
  await dropFiles(page, [{ name: 'broken.copydesk.json', text: file.text.slice(0, 500) }]);
  await expect(
    page.locator('[data-message="error"]', {
      hasText: '“broken.copydesk.json”: This file is damaged: it is not valid JSON.',
    }),
  ).toBeVisible();
  await expect(documentNames(page)).toHaveCount(3);
});

const SET_FILES = ['wire.txt', 'herald.txt', 'post.txt', 'ledger.txt', 'monitor.txt'];

/** Drops the five files of tests/fixtures/sets/wire/ and opens the view of the Herald's. */
async function openHeraldView(page) {
  await openPage(page);
  await dropFiles(
    page,
    SET_FILES.map((name) => ({ name, text: fixture(`sets/wire/${name}`) })),
  );
  // The first visit's example has five documents too: wait for these.
  await expect(documentNames(page).nth(4)).toHaveValue('monitor.txt');
  await page.locator('[data-document-list] [data-open-document]').nth(1).click();
  await expectDocumentView(page, 'herald.txt');
}

/** The view of document `name` is on show, its text drawn with its marks. */
async function expectDocumentView(page, name) {
  const view = page.locator('[data-panel="document"]');
  await expect(view).toBeVisible();
  await expect(view.locator('[data-document-title]')).toHaveText(`Where the text of “${name}” also stands`);
  await expect(view.locator('[data-text] mark[data-documents]').first()).toBeVisible();
}

/** The pair `a`, `b` is on show over the view of `a`, and going back lands on that view. */
async function expectPairOverView(page, a, b) {
  await expect(page.locator('[data-panel="pair"]')).toBeVisible();
  await expect(page.locator('[data-side="a"] [data-side-name]')).toHaveText(a);
  await expect(page.locator('[data-side="b"] [data-side-name]')).toHaveText(b);
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
  await expect(page.locator('[data-action="back-to-matrix"]')).toHaveText(`← ${a}`);
  await page.locator('[data-action="back-to-matrix"]').click();
  await expectDocumentView(page, a);
}

test('saved work and a comparison file bring back the document view, and the pair opened over it', async ({ page }) => {
  await openHeraldView(page);
  await expectSaved(page);
  expect(await savedSession(page)).toMatchObject({ document: 1, pair: null });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expectDocumentView(page, 'herald.txt');

  // A pair opened from the view (the Ledger, from the figures at the top) is saved over it.
  await page.locator('[data-document-summary] [data-open-pair]').nth(1).click();
  const other = await page.locator('[data-side="b"] [data-side-name]').textContent();
  expect(SET_FILES).toContain(other);
  await expectSaved(page);
  expect(await savedSession(page)).toMatchObject({ document: 1, pair: [1, SET_FILES.indexOf(other)] });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expectPairOverView(page, 'herald.txt', other);

  // The comparison file carries both; dropped on a cleared page, it lands on the pair over the view.
  await page.locator('[data-document-summary] [data-open-pair]').nth(1).click();
  await expect(page.locator('[data-panel="pair"]')).toBeVisible();
  const file = await downloadFrom(page, '[data-save-menu]', '[data-save-menu] [data-action="download-session"]');
  expect(JSON.parse(file.text)).toMatchObject({ document: 1, pair: [1, SET_FILES.indexOf(other)] });
  await page.getByRole('button', { name: 'Clear everything' }).click();
  await expect(documentNames(page)).toHaveCount(0);
  await dropFiles(page, [{ name: file.name, text: file.text }]);
  await expectPairOverView(page, 'herald.txt', other);

  // Closing the view is saved too: the next visit opens on the matrix.
  await page.locator('[data-action="close-document"]').click();
  await expect(page.locator('[data-panel="matrix"]')).toBeVisible();
  await expectSaved(page);
  expect(await savedSession(page)).toMatchObject({ document: null, pair: null });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('[data-panel="matrix"]')).toBeVisible();
});

test('a comparison file from before the document view opens as it did', async ({ page }) => {
  await openPage(page);
  const documents = SET_FILES.map((name) => ({ name, text: fixture(`sets/wire/${name}`), source: 'file', note: '' }));
  const old = { format: 'copydesk-session', version: 1, documents, options: {}, pair: null, tab: 'side' };
  await dropFiles(page, [{ name: 'old.copydesk.json', text: JSON.stringify(old, null, 2) }]);
  await expect(documentNames(page)).toHaveCount(5);
  await expect(page.locator('[data-panel="matrix"]')).toBeVisible();
  await dropFiles(page, [{ name: 'old-pair.copydesk.json', text: JSON.stringify({ ...old, pair: [3, 4] }) }]);
  await expect(page.locator('[data-side="a"] [data-side-name]')).toHaveText('ledger.txt');
  // Back from the pair: to the matrix, as before (no document view was open).
  await expect(page.locator('[data-action="back-to-matrix"]')).toHaveText('← All documents');
  await page.locator('[data-action="back-to-matrix"]').click();
  await expect(page.locator('[data-panel="matrix"]')).toBeVisible();
});

/** Two texts whose passages sit after emoji and astral ideographs, where UTF-16 and code points differ. */
const ASTRAL_PAIR = [
  {
    name: 'A 👩🏿‍💻 <img src=x onerror=alert(1)> & "quotes".txt',
    text: `😀😀 𠜎 ${MIXED_PARAGRAPHS[4]}\n\n${fixture('wire/wire.txt')}\n</textarea><script>alert(1)</script>\n`,
  },
  { name: 'B 🇸🇾.txt', text: `👍🏽 ${fixture('wire/outlet-2.txt')}\n\n${MIXED_PARAGRAPHS[4]}` },
];

async function openAstralPair(page) {
  await openPage(page);
  await dropFiles(page, ASTRAL_PAIR);
  await expect(page.locator('[data-stat="passages"] .stat-value')).toHaveText(/^\d+$/);
  await expect(page.locator('[data-side="b"] mark[data-passage]').first()).toBeVisible();
}

test('the JSON export has the command line’s schema, with code point offsets', async ({ page }) => {
  await openAstralPair(page);
  const file = await downloadFrom(page, '[data-save-menu]', '[data-export="json"]');
  // What file systems refuse is replaced (the browser replaces a little more, such as the ZWJ).
  expect(file.name).toMatch(/^A 👩🏿.💻 -img src=x onerror=alert\(1\)- & -quotes- vs B 🇸🇾\.json$/);
  const report = JSON.parse(file.text);
  expect(Object.keys(report)).toEqual(['a', 'b', 'passages', 'longest_passage_words', 'limits']);
  expect(report.limits).toEqual({ frequent_phrases: 0 });
  for (const side of ['a', 'b'])
    expect(Object.keys(report[side])).toEqual(['name', 'chars', 'words', 'shared_words', 'shared_ratio']);
  expect(report.a.name).toBe(ASTRAL_PAIR[0].name);
  expect(report.a.chars).toBe([...ASTRAL_PAIR[0].text].length);
  expect(report.b.chars).toBe([...ASTRAL_PAIR[1].text].length);
  expect(report.passages.length).toBeGreaterThan(1);
  expect(report.passages.length).toBe(Number(await page.locator('[data-stat="passages"] .stat-value').textContent()));
  const codePoints = ASTRAL_PAIR.map(({ text }) => [...text]);
  for (const [n, passage] of report.passages.entries()) {
    expect(Object.keys(passage)).toEqual(['a', 'b', 'words', 'exact', 'edits']);
    for (const edit of passage.edits) expect(Object.keys(edit)).toEqual(['a', 'b']);
    // The code point range holds the very text the page marks as passage n.
    for (const [index, side] of ['a', 'b'].entries()) {
      expect(Object.keys(passage[side])).toEqual(['start', 'end']);
      const marked = await page
        .locator(`[data-side="${side}"] mark[data-passage="${n}"]`)
        .evaluateAll((marks) => marks.map((mark) => mark.textContent).join(''));
      expect(
        codePoints[index].slice(passage[side].start, passage[side].end).join(''),
        `passage ${n}, side ${side}`,
      ).toBe(marked);
    }
  }
});

test('the PAN XML export parses and matches the JSON', async ({ page }) => {
  await openAstralPair(page);
  const json = JSON.parse((await downloadFrom(page, '[data-save-menu]', '[data-export="json"]')).text);
  const xml = await downloadFrom(page, '[data-save-menu]', '[data-export="pan"]');
  expect(xml.name).toMatch(/\.xml$/);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
    return {
      root: doc.documentElement.tagName,
      reference: doc.documentElement.getAttribute('reference'),
      features: [...doc.querySelectorAll('feature')].map((feature) =>
        Object.fromEntries([...feature.attributes].map((a) => [a.name, a.value])),
      ),
    };
  }, xml.text);
  expect(parsed.error).toBeUndefined();
  expect(parsed.root).toBe('document');
  expect(parsed.reference).toBe(ASTRAL_PAIR[0].name);
  expect(parsed.features).toEqual(
    json.passages.map(({ a, b }) => ({
      name: 'detected-plagiarism',
      this_offset: String(a.start),
      this_length: String(a.end - a.start),
      source_reference: ASTRAL_PAIR[1].name,
      source_offset: String(b.start),
      source_length: String(b.end - b.start),
    })),
  );
});

test('the HTML report opens on its own, without scripts, and shows the highlights', async ({ page, browser }) => {
  await openAstralPair(page);
  const passages = Number(await page.locator('[data-stat="passages"] .stat-value').textContent());
  const report = await downloadFrom(page, '[data-save-menu]', '[data-export="html"]');
  const path = test.info().outputPath('report.html');
  writeFileSync(path, report.text);
  expect(report.name).toMatch(/ vs B 🇸🇾\.html$/);
  expect(report.text).toMatch(/^<!doctype html>/);
  expect(report.text).not.toMatch(/<script/i);
  expect(report.text).toContain('&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;');

  // A browser with scripts turned off and no network: the file alone must do.
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  const reader = await context.newPage();
  const requests = [];
  reader.on('request', (request) => requests.push(request.url()));
  await reader.goto(`file://${path}`);
  await expect(reader.locator('h1')).toHaveText(`What “${ASTRAL_PAIR[0].name}” and “${ASTRAL_PAIR[1].name}” share`);
  await expect(reader.locator('script')).toHaveCount(0);
  await expect(reader.locator('img')).toHaveCount(0);
  await expect(reader.locator('.texts mark[id^="a-"]')).toHaveCount(passages);
  await expect(reader.locator('.texts mark[id^="b-"]')).toHaveCount(passages);
  await expect(reader.locator('.passages tbody tr')).toHaveCount(passages);
  await expect(reader.locator('.stats')).toContainText('Shared passages');
  const background = await reader.locator('mark#a-1').evaluate((mark) => getComputedStyle(mark).backgroundColor);
  expect(background).not.toBe('rgba(0, 0, 0, 0)');
  // Each text is there in full: the text of a column, without the passage numbers, is the document.
  for (const [index, side] of ['a', 'b'].entries()) {
    const text = await reader
      .locator('.texts .text')
      .nth(index)
      .evaluate((element) => {
        const copy = element.cloneNode(true);
        for (const badge of copy.querySelectorAll('.badge')) badge.remove();
        return copy.textContent;
      });
    expect(text, side).toBe(ASTRAL_PAIR[index].text);
  }
  // Passage numbers link to the same passage in the other text.
  await reader.locator('mark#a-2 .badge').click();
  await expect(reader).toHaveURL(/#b-2$/);
  await saveScreenshot(reader, 'report');
  expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
  await context.close();
  await expectCleanText(page);
});
