// Where the engine holds back on large or repetitive texts (src/compare.rs, `Limits`), the page says so
// under the pair's figures, and the exports carry it; on ordinary articles it says nothing.

import { downloadFrom, expect, fixture, openPair, openTexts, runCli, saveScreenshot, test } from './helpers.js';

const WIRE = fixture('wire/wire.txt');
const PROMO = 'Sign up for the morning briefing from the harbour desk, free in your inbox every weekday.\n\n';
/** Past the engine's MAX_CANDIDATES (16): B repeats the promo more often than every repeat is tried. */
const REPEATS = 20;

/** `count` words of made-up prose from `vocabulary`, different for each `seed`: nothing in it is shared. */
function prose(vocabulary, count, seed) {
  const words = Array.from(
    { length: count },
    (_, i) => vocabulary[(i * 7 + seed * 13 + (i % 5) * 3) % vocabulary.length],
  );
  return `${words.join(' ')}.`;
}

const A_ONLY = [
  'orchard',
  'lantern',
  'gravel',
  'thimble',
  'meadow',
  'copper',
  'saddle',
  'pewter',
  'bramble',
  'harvest',
  'quarry',
  'tinder',
];
const B_ONLY = [
  'glacier',
  'parsley',
  'ledger',
  'mantle',
  'cobalt',
  'furnace',
  'widget',
  'sorrel',
  'trellis',
  'ember',
  'vessel',
  'plinth',
];

test('ordinary articles get no note beside the passages', async ({ page }) => {
  await openTexts(page, WIRE, fixture('wire/outlet-2.txt'));
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
  await expect(page.locator('[data-limits]')).toBeHidden();
});

test('a phrase repeated past the limit is owned up to, on the page, in the exports and in the command line’s words', async ({
  page,
}) => {
  test.setTimeout(600_000); // the command line may have to be built first
  const files = [
    { name: 'a.txt', text: `${PROMO}${WIRE}` },
    { name: 'b.txt', text: `${PROMO.repeat(REPEATS)}${WIRE}` },
  ];
  await openPair(page, files);
  const note =
    '“b.txt” repeats 1 phrase more than 16 times; each repeat of it was matched only with the 16 ' +
    'nearest to it in the other text, to keep the comparison fast: a few shared words among the repeats may be unmarked.';
  await expect(page.locator('[data-limits]')).toBeVisible();
  await expect(page.locator('[data-limits] p')).toHaveText([note]);
  const cliNote = runCli(files, ['compare', 'a.txt', 'b.txt'])
    .stdout.split('\n')
    .find((line) => line.startsWith('note: '));
  expect(`${cliNote.slice('note: '.length).replace(/^b\.txt/, '“b.txt”')}.`).toBe(note);
  await saveScreenshot(page, 'limits-frequent-phrases');

  const json = JSON.parse((await downloadFrom(page, '[data-save-menu]', '[data-export="json"]')).text);
  expect(json.limits).toEqual({ frequent_phrases: 1 });
  const report = (await downloadFrom(page, '[data-save-menu]', '[data-export="html"]')).text;
  expect(report).toContain(note);
});

test('the inline diff says which long stretches it shows whole, and only on its tab', async ({ page }) => {
  const paragraphs = WIRE.split('\n\n');
  const withStretch = (own) => [...paragraphs.slice(0, 3), own, ...paragraphs.slice(3)].join('\n\n');
  const [ownA, ownB] = [prose(A_ONLY, 150, 1), prose(B_ONLY, 150, 2)];
  await openTexts(page, withStretch(ownA), withStretch(ownB));
  await expect(page.locator('[data-limits]')).toBeHidden();

  await page.locator('[data-tab="inline"]').click();
  await expect(page.locator('[data-limits] p')).toHaveText([
    'One long stretch with no passage in common is shown whole, struck through and underlined, not aligned word by word.',
  ]);
  // Whole: A's stretch is one deletion and B's one insertion, not word-by-word pieces.
  await expect(page.locator('[data-inline] del').filter({ hasText: ownA })).toHaveCount(1);
  await expect(page.locator('[data-inline] ins').filter({ hasText: ownB })).toHaveCount(1);
  await saveScreenshot(page, 'limits-unaligned-stretch');

  await page.locator('[data-tab="side"]').click();
  await expect(page.locator('[data-limits]')).toBeHidden();
});
