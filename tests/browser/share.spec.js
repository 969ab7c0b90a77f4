// Share links: the whole comparison (documents, names, options, the pair and the document view on show)
// travels in the address's fragment and comes back exact to the code unit; a broken link says so and
// changes nothing; a link opened over saved work keeps that work; a link too long for browsers (a big
// set) offers the file instead.

import { readFileSync } from 'node:fs';
import {
  MIXED_PARAGRAPHS,
  documentNames,
  dropFiles,
  expect,
  expectCleanText,
  expectSaved,
  fixture,
  makeShareLink,
  openPage,
  pasteText,
  saveScreenshot,
  savedSession,
  test,
  watchProblems,
} from './helpers.js';

const OUTLETS = ['wire.txt', 'outlet-1.txt', 'outlet-2.txt', 'outlet-3.txt', 'outlet-4.txt'];

/** Opens `link` in a context of its own (another person's browser: nothing saved) and hands over its page. */
async function openElsewhere(browser, link, check) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(link);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await check(page);
  expect(problems).toEqual([]);
  await context.close();
}

/** The text a side of the pair view shows, once it is fully written. */
function sideText(page, side) {
  return page.locator(`[data-side="${side}"] [data-text]`).evaluate((element) => element.textContent);
}

test('a link carries two documents in many scripts exactly, with their names and options', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const a = {
    name: 'Ελληνικά & عربي “A” 👩🏿‍💻.txt',
    text: `${MIXED_PARAGRAPHS.join('\n\n')}\n\n${fixture('short/a.txt')}`,
  };
  const b = {
    name: '港口 ‘B’ "straight" 🇸🇾.md',
    text: `${fixture('short/b.txt')}\n\n${[...MIXED_PARAGRAPHS].reverse().join('\n\n')}\n`,
  };
  await openPage(page);
  await dropFiles(page, [a, b]);
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
  await page.getByLabel('Shortest passage').fill('8');
  await page.getByLabel('Spelling variants').check();
  await expect(page).toHaveURL(/\?min=8&variants=1$/);

  const link = await makeShareLink(page);
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#v1\.[A-Za-z0-9_-]+$/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(page.locator('[data-share-length]')).toHaveText(`${link.length.toLocaleString('en')} characters`);

  await openElsewhere(browser, link, async (other) => {
    await expect(documentNames(other)).toHaveCount(2);
    await expect(documentNames(other).nth(0)).toHaveValue(a.name);
    await expect(documentNames(other).nth(1)).toHaveValue(b.name);
    await expect(other.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
    await expect.poll(() => sideText(other, 'a')).toBe(a.text);
    await expect.poll(() => sideText(other, 'b')).toBe(b.text);
    await expect(other.getByLabel('Shortest passage')).toHaveValue('8');
    await expect(other.getByLabel('Spelling variants')).toBeChecked();
    // The link's fragment leaves the address; its options show in the query like any others.
    await expect(other).toHaveURL(/\/\?min=8&variants=1$/);
    await expectSaved(other);
    const saved = await savedSession(other);
    expect(saved.documents.map(({ name, text }) => ({ name, text }))).toEqual([a, b]);
    await expectCleanText(other);
  });
});

test('a link carries five documents, the pair on show and the view', async ({ page, browser }) => {
  const documents = OUTLETS.map((file, index) => ({
    name: `${file.replace('.txt', '')} ${['«A»', '“B”', '‘C’', '"D"', '👨‍👩‍👧‍👦 E'][index]}.txt`,
    text: `${MIXED_PARAGRAPHS[index]}\n\n${fixture(`wire/${file}`)}`,
  }));
  await openPage(page);
  await page.locator('[data-action="remove-all"]').click();
  await dropFiles(page, documents);
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
  await page.locator('[data-matrix] tbody tr').nth(2).locator('button[data-row]').nth(3).click();
  await page.locator('[data-tab="inline"]').click();
  await expect(page.locator('[data-inline] del').first()).toBeVisible();
  const link = await makeShareLink(page);

  await openElsewhere(browser, link, async (other) => {
    await expect(documentNames(other)).toHaveCount(5);
    for (const [index, { name }] of documents.entries())
      await expect(documentNames(other).nth(index)).toHaveValue(name);
    await expect(other.locator('[data-side="a"] [data-side-name]')).toHaveText(documents[2].name);
    await expect(other.locator('[data-side="b"] [data-side-name]')).toHaveText(documents[4].name);
    await expect(other.locator('[data-tab="inline"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(other.locator('[data-inline] del').first()).toBeVisible();
    await expectSaved(other);
    const saved = await savedSession(other);
    expect(saved.documents.map(({ name, text }) => ({ name, text }))).toEqual(documents);
    expect(saved.pair).toEqual([2, 4]);
  });
});

test('a link carries the document view on show, and the pair opened over it', async ({ page, browser }) => {
  const files = ['wire.txt', 'herald.txt', 'post.txt', 'ledger.txt', 'monitor.txt'];
  await openPage(page);
  await dropFiles(
    page,
    files.map((name) => ({ name, text: fixture(`sets/wire/${name}`) })),
  );
  // The first visit's example has five documents too: wait for these.
  await expect(documentNames(page).nth(4)).toHaveValue('monitor.txt');
  const view = (other) => other.locator('[data-panel="document"]');
  const expectView = async (other, name) => {
    await expect(view(other)).toBeVisible();
    await expect(view(other).locator('[data-document-title]')).toHaveText(`Where the text of “${name}” also stands`);
    await expect(view(other).locator('[data-text] mark[data-documents]').first()).toBeVisible();
  };
  await page.locator('[data-document-list] [data-open-document]').nth(4).click();
  await expectView(page, 'monitor.txt');
  const viewLink = await makeShareLink(page);
  // The Monitor opened side by side with the Ledger it copies, from the figures at the top.
  await view(page).locator('[data-document-summary] [data-open-pair]').first().click();
  await expect(page.locator('[data-side="b"] [data-side-name]')).toHaveText('ledger.txt');
  // A fresh menu (the open one still shows the last link until the new one is made).
  await expectSaved(page);
  await page.reload();
  await expect(page.locator('[data-side="b"] [data-side-name]')).toHaveText('ledger.txt');
  const pairLink = await makeShareLink(page);
  expect(pairLink).not.toBe(viewLink);

  await openElsewhere(browser, viewLink, async (other) => {
    await expectView(other, 'monitor.txt');
    await expectSaved(other);
    expect(await savedSession(other)).toMatchObject({ document: 4, pair: null });
  });
  await openElsewhere(browser, pairLink, async (other) => {
    await expect(other.locator('[data-panel="pair"]')).toBeVisible();
    await expect(other.locator('[data-side="a"] [data-side-name]')).toHaveText('monitor.txt');
    await expect(other.locator('[data-side="b"] [data-side-name]')).toHaveText('ledger.txt');
    await expect(other.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
    await other.locator('[data-action="back-to-matrix"]').click();
    await expectView(other, 'monitor.txt');
  });
});

test('a link opened over saved work keeps that work under “Earlier work”', async ({ page }) => {
  await openPage(page);
  const own = [
    { name: 'mine.txt', text: fixture('wire/wire.txt') },
    { name: 'also-mine.txt', text: fixture('wire/outlet-1.txt') },
  ];
  await dropFiles(page, own);
  await expectSaved(page);
  // A link someone else made: two other documents.
  const fragment = await page.evaluate(
    async ({ a, b }) => {
      const { encodeLink, makeSession } = await import(new URL('js/session-format.js', location.href));
      const documents = [
        { name: 'theirs-a.txt', text: a, source: 'file', note: '' },
        { name: 'theirs-b.txt', text: b, source: 'file', note: '' },
      ];
      return encodeLink(makeSession({ documents, options: {} }));
    },
    { a: fixture('short/a.txt'), b: fixture('short/b.txt') },
  );

  await page.goto('about:blank');
  await page.goto(`/#${fragment}`);
  await expect(
    page.locator('[data-message]', {
      hasText: 'Opened the shared comparison: 2 documents. What you had before is kept under “Earlier work”.',
    }),
  ).toBeVisible();
  await expect(documentNames(page).first()).toHaveValue('theirs-a.txt');
  const earlier = page.locator('[data-earlier]');
  await expect(earlier).toBeVisible();
  // A list of exactly one entry: the list is read back from storage, and may show the last one a moment.
  await expect(earlier.locator('.earlier-names')).toHaveText(['mine.txt, also-mine.txt']);
  await saveScreenshot(page, 'share-earlier-work');

  await earlier.getByRole('button', { name: 'Open the earlier work “mine.txt, also-mine.txt”' }).click();
  await expect(documentNames(page).first()).toHaveValue('mine.txt');
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
  // Now the link's documents are the earlier work, and a reload keeps what is on the page.
  await expect(earlier.locator('.earlier-names')).toHaveText(['theirs-a.txt, theirs-b.txt']);
  await expectSaved(page);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(documentNames(page)).toHaveCount(2);
  await expect(documentNames(page).nth(1)).toHaveValue('also-mine.txt');
});

test('a broken link says what is wrong, keeps the saved work and the page keeps working', async ({ page }) => {
  await openPage(page);
  await dropFiles(page, [
    { name: 'mine.txt', text: fixture('short/a.txt') },
    { name: 'also-mine.txt', text: fixture('short/b.txt') },
  ]);
  await expectSaved(page);
  const good = (await makeShareLink(page)).split('#')[1];
  const payload = good.slice('v1.'.length);
  const middle = Math.floor(payload.length / 2);
  const swapped = payload[middle] === 'A' ? 'B' : 'A';
  const cases = [
    ['malformed', 'v1.%%not-base64%%', 'it has characters a copydesk link never has'],
    ['truncated', `v1.${payload.slice(0, payload.length - 12)}`, 'This link is incomplete or altered'],
    [
      'tampered',
      `v1.${payload.slice(0, middle)}${swapped}${payload.slice(middle + 1)}`,
      'This link is incomplete or altered',
    ],
    ['from a later version', `v2.${payload}`, 'This link was made by a newer copydesk (link format 2)'],
    ['not a link at all', 'section-2', 'This address does not hold a copydesk comparison'],
  ];
  for (const [what, fragment, says] of cases) {
    await page.goto('about:blank');
    await page.goto(`/#${fragment}`);
    await expect(page.locator('html'), what).toHaveAttribute('data-ready', 'true');
    const message = page.locator('[data-message="error"]', { hasText: says });
    await expect(message, what).toContainText('Could not open the shared comparison.');
    await expect(message, what).toContainText('Your saved work is open as it was.');
    await expect(documentNames(page), what).toHaveCount(2);
    await expect(documentNames(page).first(), what).toHaveValue('mine.txt');
    expect(new URL(page.url()).hash, what).toBe('');
  }
  await saveScreenshot(page, 'share-broken-link');
  // A broken link pasted into the open page's address bar (only the fragment changes).
  await page.evaluate(() => {
    location.hash = 'v1.AAAA';
  });
  await expect(page.locator('[data-message="error"]', { hasText: 'incomplete or altered' }).last()).toContainText(
    'Nothing was changed.',
  );
  // Still working: the saved pair compares, and another document opens the matrix.
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
  await dropFiles(page, [{ name: 'third.txt', text: fixture('wire/wire.txt') }]);
  await expect(page.locator('[data-matrix] button[data-row]')).toHaveCount(6);
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
});

test('a link past what browsers open is not copied; the comparison file is offered instead', async ({ page }) => {
  await openPage(page);
  await page.locator('[data-action="remove-all"]').click();
  // 2.2 million random characters from 64 letters hardly compress: the link is longer than 2 MB.
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .';
  await pasteText(page, Array.from({ length: 2_200_000 }, () => letters[Math.floor(Math.random() * 64)]).join(''));
  await expect(documentNames(page)).toHaveCount(1);
  await page.locator('[data-share-menu] summary').click();
  await expect(page.locator('[data-share-status]')).toHaveText(
    /^Not copied: this link is 2,\d{3},\d{3} characters long, more than browsers reliably open \(about 2 MB\)\. Send the comparison file instead\.$/,
  );
  await expect(page.locator('[data-share-url]')).toBeHidden();
  await saveScreenshot(page, 'share-too-long');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-share-too-long] [data-action="download-session"]').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.copydesk\.json$/);
});

test('a set too big for a link offers the comparison file, which opens on the document view', async ({
  page,
  browser,
}) => {
  test.slow();
  await openPage(page);
  await page.locator('[data-action="remove-all"]').click();
  // The five files of a set, and 35 of 63,000 random characters from 64 letters each, which hardly
  // compress: together more than a link can carry.
  const RANDOM = 35;
  await page.evaluate((count) => {
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .';
    globalThis.madeTexts = Object.fromEntries(
      Array.from({ length: count }, (_, n) => [
        `random-${n}`,
        Array.from({ length: 63_000 }, () => letters[Math.floor(Math.random() * 64)]).join(''),
      ]),
    );
  }, RANDOM);
  const setFiles = ['wire.txt', 'herald.txt', 'post.txt', 'ledger.txt', 'monitor.txt'];
  await dropFiles(page, [
    ...setFiles.map((name) => ({ name, text: fixture(`sets/wire/${name}`) })),
    ...Array.from({ length: RANDOM }, (_, n) => ({ name: `random-${n}.txt`, made: `random-${n}` })),
  ]);
  await expect(documentNames(page)).toHaveCount(5 + RANDOM);
  await page.locator('[data-document-list] [data-open-document]').nth(1).click();
  const view = (at) => at.locator('[data-panel="document"]');
  const title = 'Where the text of “herald.txt” also stands';
  await expect(view(page).locator('[data-document-title]')).toHaveText(title);
  await expect(view(page).locator('[data-text] mark[data-documents]').first()).toBeVisible();

  await page.locator('[data-share-menu] summary').click();
  await expect(page.locator('[data-share-status]')).toHaveText(
    /^Not copied: this link is 2,\d{3},\d{3} characters long/,
  );
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-share-too-long] [data-action="download-session"]').click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  const session = JSON.parse(text);
  expect(session.documents).toHaveLength(5 + RANDOM);
  expect(session.document).toBe(1);

  // Someone else drops the file: the same document view.
  const context = await browser.newContext();
  const other = await context.newPage();
  await openPage(other);
  await dropFiles(other, [{ name: download.suggestedFilename(), text }]);
  await expect(documentNames(other)).toHaveCount(5 + RANDOM);
  await expect(view(other).locator('[data-document-title]')).toHaveText(title);
  await expect(view(other).locator('[data-text] mark[data-documents]').first()).toBeVisible();
  await context.close();
});

/**
 * The property: for any documents the page can hold, decode(encode(session)) is the session, to the
 * code unit. Random strings draw from every plane and from the characters that break naive code: lone
 * surrogates, NUL and other controls, CR and CRLF, BOM, noncharacters, combining marks, ZWJ sequences.
 */
test('encode and decode round-trip 500 random sessions exactly', async ({ page }) => {
  await openPage(page);
  const failures = await page.evaluate(async () => {
    const share = await import(new URL('js/session-format.js', location.href));
    const { OPTION_FIELDS } = await import(new URL('js/options.js', location.href));
    let seed = 20261123;
    const random = () => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const below = (n) => Math.floor(random() * n);
    const RANGES = [
      [0x20, 0x7e],
      [0x20, 0x7e],
      [0x20, 0x7e],
      [0x00, 0x1f],
      [0x80, 0x24f],
      [0x370, 0x3ff],
      [0x400, 0x4ff],
      [0x590, 0x5ff],
      [0x600, 0x6ff],
      [0x900, 0x97f],
      [0xe00, 0xe7f],
      [0x300, 0x36f],
      [0x2000, 0x206f],
      [0x3000, 0x30ff],
      [0x4e00, 0x9fff],
      [0xac00, 0xd7a3],
      [0xd800, 0xdfff],
      [0xfe00, 0xfe0f],
      [0xfff0, 0xffff],
      [0x1f300, 0x1faff],
      [0x1f3fb, 0x1f3ff],
      [0x1f1e6, 0x1f1ff],
      [0x1d400, 0x1d7ff],
      [0x20000, 0x2a6df],
      [0xe0000, 0xe007f],
      [0x10fff0, 0x10ffff],
    ];
    const SPECIAL = ['\n', '\r\n', '\r', '\t', '\u200d', '\ufeff', '\u2028', '"', '\\', '“', '”', '‘', '’', '👩🏿‍💻', '🏳️‍🌈'];
    const randomString = (maxLength) => {
      const length = below(4) === 0 ? below(maxLength * 8) : below(maxLength);
      let text = '';
      while (text.length < length) {
        if (below(6) === 0) {
          text += SPECIAL[below(SPECIAL.length)];
          continue;
        }
        const [low, high] = RANGES[below(RANGES.length)];
        // A code point in the surrogate range becomes a lone surrogate: a string the page could hold.
        const code = low + below(high - low + 1);
        text += code > 0xffff ? String.fromCodePoint(code) : String.fromCharCode(code);
      }
      return text;
    };
    const randomOptions = () =>
      Object.fromEntries(
        OPTION_FIELDS.filter(() => below(2)).map((field) => [
          field.name,
          field.type === 'boolean' ? below(2) === 1 : field.min + below(field.max - field.min + 1),
        ]),
      );
    const failures = [];
    for (let n = 0; n < 500; n += 1) {
      const count = 1 + below(6);
      const documents = Array.from({ length: count }, () => ({
        name: randomString(40),
        text: randomString(600),
        source: ['file', 'paste', 'example'][below(3)],
        note: below(3) ? '' : randomString(30),
      }));
      const pair = count > 1 && below(2) ? [0, 1 + below(count - 1)] : null;
      const session = share.makeSession({
        documents,
        options: randomOptions(),
        pair,
        document: below(2) ? below(count) : null,
        tab: below(2) ? 'side' : 'inline',
      });
      const fromLink = await share.decodeLink(await share.encodeLink(session));
      const fromFile = share.readSessionFile(share.sessionFileText(session));
      for (const [carrier, back] of [
        ['link', fromLink],
        ['file', fromFile],
      ]) {
        const same =
          back.problems.length === 0 &&
          back.session.documents.length === count &&
          back.session.documents.every(
            (doc, i) =>
              doc.name === documents[i].name &&
              doc.text === documents[i].text &&
              doc.source === documents[i].source &&
              doc.note === documents[i].note,
          ) &&
          JSON.stringify(back.session) === JSON.stringify(session);
        if (!same) failures.push({ n, carrier, session: JSON.stringify(session).slice(0, 300) });
      }
    }
    return failures;
  });
  expect(failures).toEqual([]);
});
