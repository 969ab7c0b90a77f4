// Options apply live, live in the query string and survive a reload; bad values in the address are
// pointed out and replaced by the defaults.

import { expect, expectCleanText, openPage, test } from './helpers.js';

async function openFirstPair(page) {
  await page.locator('[data-matrix] tbody button[data-row]').first().click();
  await expect(page.locator('[data-stat="passages"] .stat-value')).toHaveText(/^\d+$/);
}

test('changing an option updates the result and the address, and a reload keeps it', async ({ page }) => {
  await openPage(page);
  await openFirstPair(page);
  const passages = page.locator('[data-stat="passages"] .stat-value');
  const before = Number(await passages.textContent());
  expect(before).toBeGreaterThan(1);

  await page.getByLabel('Shortest passage').fill('60');
  await expect(page).toHaveURL(/\?min=60$/);
  await expect(passages).not.toHaveText(String(before));
  const after = Number(await passages.textContent());
  expect(after).toBeLessThan(before);

  await page.getByLabel('Ignore case').uncheck();
  // A switch applies as it is clicked, not after a pause (a save or share right after must have it).
  expect(page.url()).toMatch(/\?min=60&case=0$/);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByLabel('Shortest passage')).toHaveValue('60');
  await expect(page.getByLabel('Ignore case')).not.toBeChecked();
  // The pair opened before the reload is open again: the work on the page is kept in the browser.
  await expect(page.locator('[data-panel="pair"]')).toBeVisible();
  await expect(passages).toHaveText(String(after));

  await page.locator('[data-action="reset-options"]').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(passages).toHaveText(String(before));
  await expectCleanText(page);
});

test('an out-of-range value typed in the panel is pointed out and not applied', async ({ page }) => {
  await openPage(page);
  await page.getByLabel('Shortest passage').fill('1');
  await expect(page.locator('[data-option-error="min_words"]')).toHaveText(
    'Shortest passage must be a whole number from 2 to 1000.',
  );
  await expect(page.getByLabel('Shortest passage')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/$/);
});

test('invalid values in the address give a message and fall back to the defaults', async ({ page }) => {
  await openPage(page, '?min=abc&edits=99&punct=1');
  const minWords = page.locator('[data-message="error"]', { hasText: 'Ignored min=abc in the address' });
  const maxEdits = page.locator('[data-message="error"]', { hasText: 'Ignored edits=99 in the address' });
  // The defaults are the engine's; the messages name them, and the fields must show the same.
  await expect(minWords).toHaveText(/Using the default, \d+ words\./);
  await expect(maxEdits).toHaveText(/Using the default, \d+ words\./);
  const defaultOf = async (message) => (await message.textContent()).match(/Using the default, (\d+) words/)[1];
  await expect(page.getByLabel('Shortest passage')).toHaveValue(await defaultOf(minWords));
  await expect(page.getByLabel('Edits bridged')).toHaveValue(await defaultOf(maxEdits));
  await expect(page.getByLabel('Ignore punctuation')).toBeChecked();
  await expect(page).toHaveURL(/\?punct=1$/);
});

test('the page’s option fields have the engine’s ranges, and the panel its defaults', async ({ page }) => {
  await openPage(page);
  const { fields, ranges, defaults } = await page.evaluate(async () => {
    const [{ OPTION_FIELDS }, engine] = await Promise.all([import('./js/options.js'), import('./pkg/copydesk.js')]);
    await engine.default();
    return { fields: OPTION_FIELDS, ranges: engine.optionRanges(), defaults: engine.defaultOptions() };
  });
  const numbers = fields.filter((field) => field.type === 'number');
  expect(Object.fromEntries(numbers.map((field) => [field.name, [field.min, field.max]]))).toEqual(ranges);
  expect(fields.map((field) => field.name).sort()).toEqual(Object.keys(defaults).sort());
  for (const field of numbers) await expect(page.getByLabel(field.label)).toHaveValue(String(defaults[field.name]));
});
