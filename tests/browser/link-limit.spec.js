// A measurement, not a check: the longest share link Chromium still opens. Not part of `make test`
// (playwright.config.js leaves it out unless COPYDESK_MEASURE_LINKS=1; it takes a minute); run it with
//   make bench-link-limit
// It binary-searches the length of a random text (which hardly compresses) for the longest link that
// page.goto opens with the text intact, and prints the figures.

import { expect, expectSaved, savedSession, test } from './helpers.js';

test.setTimeout(600_000);

test('the longest share link Chromium opens', async ({ page, browser }) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  const attempt = async (length) => {
    const { link, text } = await page.evaluate(async (length) => {
      const { encodeLink, makeSession } = await import(new URL('js/session-format.js', location.href));
      const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .';
      let seed = length;
      const random = () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const text = Array.from({ length }, () => letters[Math.floor(random() * 64)]).join('');
      const session = makeSession({
        documents: [{ name: 'random.txt', text, source: 'paste', note: '' }],
        options: {},
      });
      return { link: `${location.origin}/#${await encodeLink(session)}`, text };
    }, length);
    const context = await browser.newContext();
    const reader = await context.newPage();
    let opened = false;
    try {
      await reader.goto(link, { timeout: 20_000 });
      await reader.locator('html[data-ready="true"]').waitFor({ timeout: 20_000 });
      await expect(reader.locator('[data-document-list] [data-field="name"]')).toHaveValue('random.txt', {
        timeout: 10_000,
      });
      await expectSaved(reader);
      opened = (await savedSession(reader)).documents[0].text === text;
    } catch {
      opened = false;
    }
    await context.close();
    console.log(`text ${length} characters -> link ${link.length} characters: ${opened ? 'opens' : 'does not open'}`);
    return { opened, linkLength: link.length };
  };
  let low = 1_000_000; // opens
  let high = 3_000_000; // does not
  expect((await attempt(low)).opened).toBe(true);
  expect((await attempt(high)).opened).toBe(false);
  let longestOpened = 0;
  let shortestRefused = Infinity;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const { opened, linkLength } = await attempt(middle);
    if (opened) {
      low = middle;
      longestOpened = Math.max(longestOpened, linkLength);
    } else {
      high = middle;
      shortestRefused = Math.min(shortestRefused, linkLength);
    }
  }
  console.log(`longest link that opened: ${longestOpened} characters; shortest refused: ${shortestRefused}`);
});
