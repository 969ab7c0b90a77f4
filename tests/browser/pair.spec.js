// The pair view: highlighted text really is shared, passages link across the two texts, the keyboard
// moves between them, and the inline diff shows what only one text has.

import { expect, expectCleanText, fixture, openPair, test } from './helpers.js';

const OUTLETS = ['outlet-1.txt', 'outlet-2.txt', 'outlet-3.txt', 'outlet-4.txt'];

/** The wire fixtures `a` and `b`, side by side. */
function openWirePair(page, a, b) {
  return openPair(page, [
    { name: a, text: fixture(`wire/${a}`) },
    { name: b, text: fixture(`wire/${b}`) },
  ]);
}

/**
 * Each passage's text on one side, as the page shows it: all marks with data-passage N in order, with
 * each edit replaced by one placeholder, normalized the way the engine compares by default (case,
 * accents, quote marks and dashes folded; whitespace collapsed).
 */
function passageTexts(page, side) {
  return page.locator(`[data-side="${side}"] [data-text]`).evaluate((root) => {
    const EDIT = '\u0001';
    const texts = new Map();
    for (const mark of root.querySelectorAll('mark[data-passage]')) {
      let text = texts.get(mark.dataset.passage) ?? '';
      for (const node of mark.childNodes) text += node.nodeType === Node.TEXT_NODE ? node.data : EDIT;
      texts.set(mark.dataset.passage, text);
    }
    const normalize = (text) =>
      text
        .toLowerCase()
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/[“”„«»‟"]/g, '"')
        .replace(/[‘’‚‹›‛']/g, "'")
        .replace(/[‐‑‒–—―−-]/g, '-')
        .replace(/\s+/g, ' ')
        .replace(/ ?\u0001 ?/g, EDIT)
        .replace(/\u0001+/g, EDIT)
        .trim();
    return Object.fromEntries([...texts].map(([n, text]) => [n, normalize(text)]));
  });
}

for (const outlet of OUTLETS) {
  test(`highlighted text is shared text: wire.txt and ${outlet}`, async ({ page }) => {
    await openWirePair(page, 'wire.txt', outlet);
    const a = await passageTexts(page, 'a');
    const b = await passageTexts(page, 'b');
    const count = Number(await page.locator('[data-stat="passages"] .stat-value').textContent());
    expect(count).toBeGreaterThan(0);
    expect(Object.keys(a)).toHaveLength(count);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const n of Object.keys(a)) {
      const kind = await page.locator(`[data-side="a"] mark[data-passage="${n}"]`).first().getAttribute('data-kind');
      // Exact passages read the same; edited ones the same outside their edits (one placeholder each).
      if (kind === 'exact') expect(a[n]).not.toContain('\u0001');
      expect(a[n], `passage ${n} (${kind})`).toBe(b[n]);
    }
  });
}

test('hovering or focusing a passage lights up its counterpart; clicking scrolls to it', async ({ page }) => {
  await openWirePair(page, 'wire.txt', 'outlet-2.txt');
  const last = page.locator('[data-side="a"] mark[tabindex]').last();
  const n = await last.getAttribute('data-passage');
  const counterpart = page.locator(`[data-side="b"] mark[data-passage="${n}"][tabindex]`);

  await last.scrollIntoViewIfNeeded();
  await last.hover();
  await expect(counterpart).toHaveClass(/is-linked/);

  await last.click();
  await expect(counterpart).toBeInViewport();
  await expect(last).toBeFocused();
  await expect(page.locator('[data-passage-position]')).toHaveText(new RegExp(`^Passage ${Number(n) + 1} of \\d+`));
});

test('the keyboard moves between passages and across to the other text', async ({ page }) => {
  await openWirePair(page, 'wire.txt', 'outlet-2.txt');
  const marksA = page.locator('[data-side="a"] mark[tabindex]');
  const marksB = page.locator('[data-side="b"] mark[tabindex]');

  await page.keyboard.press('j');
  await expect(marksA.nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(marksA.nth(1)).toBeFocused();
  await page.keyboard.press('n');
  await expect(marksA.nth(2)).toBeFocused();
  await page.keyboard.press('k');
  await expect(marksA.nth(1)).toBeFocused();

  // s: the same passage in B, which B's order may put elsewhere; j then follows B's order.
  const n = await marksA.nth(1).getAttribute('data-passage');
  await page.keyboard.press('s');
  const inB = page.locator(`[data-side="b"] mark[data-passage="${n}"][tabindex]`);
  await expect(inB).toBeFocused();
  await expect(inB).toBeInViewport();
  const indexInB = await inB.evaluate((mark) =>
    [...mark.closest('[data-text]').querySelectorAll('mark[tabindex]')].indexOf(mark),
  );
  await page.keyboard.press('j');
  await expect(marksB.nth(indexInB + 1)).toBeFocused();

  // The buttons do the same as the keys.
  await page.locator('[data-action="previous-passage"]').click();
  await expect(marksB.nth(indexInB)).toBeFocused();
  await page.locator('[data-action="switch-side"]').click();
  await expect(marksA.nth(1)).toBeFocused();
  await expect(page.locator('.keys-hint')).toBeVisible();
});

test('passages with edits look different and mark their edited words', async ({ page }) => {
  await openWirePair(page, 'wire.txt', 'outlet-2.txt');
  const edited = page.locator('[data-side="a"] mark[data-kind="edited"][tabindex]').first();
  const exact = page.locator('[data-side="a"] mark[data-kind="exact"][tabindex]').first();
  await expect(edited.locator('.edit').first()).toBeAttached();
  const style = (locator) => locator.evaluate((mark) => getComputedStyle(mark).borderBottomStyle);
  expect(await style(edited)).toBe('dashed');
  expect(await style(exact)).toBe('solid');
  // The label screen readers hear (the visible badge shows only the number).
  await expect(edited).toHaveAttribute('data-label', /^Shared passage \d+ of \d+, \d+ words, with edits: $/);
  expect(await edited.ariaSnapshot()).toContain('Shared passage');
});

test('the inline diff shows deletions and insertions', async ({ page }) => {
  await openWirePair(page, 'wire.txt', 'outlet-2.txt');
  await page.locator('[data-tab="inline"]').click();
  await expect(page.locator('[data-tab="inline"]')).toHaveAttribute('aria-pressed', 'true');
  const diff = page.locator('[data-inline]');
  await expect(diff.locator('del').first()).toBeVisible();
  await expect(diff.locator('ins').first()).toBeVisible();
  await expect(diff).toContainText('LEVANT OBSERVER');
  await expect(diff.locator('ins', { hasText: 'LEVANT OBSERVER' }).first()).toBeVisible();
  await expect(diff.locator('del', { hasText: 'LEVANT OBSERVER' })).toHaveCount(0);
  await expect(page.locator('[data-tabpanel="side"]')).toBeHidden();
  await expectCleanText(page);
});

test('swapping sides puts B on the left', async ({ page }) => {
  await openWirePair(page, 'wire.txt', 'outlet-1.txt');
  const before = await page.locator('[data-stat="a"] .stat-value').textContent();
  await page.locator('[data-action="swap-sides"]').click();
  await expect(page.locator('[data-side="a"] [data-side-name]')).toHaveText('outlet-1.txt');
  await expect(page.locator('[data-stat="b"] .stat-value')).toHaveText(before);
});
