// Three or more documents: the matrix of shares, both directions, and its cells opening pairs.

import { expect, expectCleanText, openPage, test } from './helpers.js';

test('a matrix cell opens that pair side by side, row document as A, and the way back returns', async ({ page }) => {
  await openPage(page);
  const rows = page.locator('[data-matrix] tbody tr');
  const rowName = await rows.nth(2).locator('th .row-name').textContent();
  const columnName = await page.locator('[data-matrix] thead th').nth(0).textContent();
  const cell = rows.nth(2).locator('button[data-row]').first();
  await expect(cell).toHaveText(/^\d+%$/);
  const share = await cell.textContent();
  await expect(cell).toHaveAccessibleName(`${share} of “${rowName}” is shared with “${columnName}”: open side by side`);

  await cell.click();
  await expect(page.locator('[data-panel="pair"]')).toBeVisible();
  await expect(page.locator('[data-panel="matrix"]')).toBeHidden();
  await expect(page.locator('[data-side="a"] [data-side-name]')).toHaveText(rowName);
  await expect(page.locator('[data-side="b"] [data-side-name]')).toHaveText(columnName);
  await expect(page.locator('[data-stat="a"] .stat-value')).toHaveText(`${share} shared`);
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
  await expectCleanText(page);

  await page.locator('[data-action="back-to-matrix"]').click();
  await expect(page.locator('[data-panel="matrix"]')).toBeVisible();
  await expect(page.locator('#matrix-title')).toBeFocused();
});

test('the matrix is keyboard reachable and shows both directions of each pair', async ({ page }) => {
  await openPage(page);
  const cell = (row, column) => page.locator(`[data-matrix] button[data-row="${row}"][data-column="${column}"]`);
  const [first, second] = await page
    .locator('[data-matrix] tbody button[data-row]')
    .first()
    .evaluate((button) => [button.dataset.row, button.dataset.column]);
  await expect(cell(first, second)).toHaveText(/^\d+%$/);
  await expect(cell(second, first)).toHaveText(/^\d+%$/);

  await cell(second, first).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-panel="pair"]')).toBeVisible();
  await expect(page.locator('[data-stat="a"] .stat-value')).toHaveText(
    `${await cell(second, first).textContent()} shared`,
  );
});
