// Each main view, light and dark: no serious or critical accessibility violation (axe-core), clean
// text, and a screenshot in test-results/screenshots/ to look at.

import AxeBuilder from '@axe-core/playwright';
import { expect, expectCleanText, openPage, saveScreenshot, test } from './helpers.js';

const VIEWS = {
  async empty(page) {
    await page.locator('[data-action="remove-all"]').click();
    await expect(page.locator('[data-panel="empty"]')).toBeVisible();
  },
  async matrix(page) {
    await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
  },
  async 'side-by-side'(page) {
    await page.locator('[data-matrix] tbody button[data-row]').first().click();
    await expect(page.locator('[data-side="b"] mark[data-passage]').first()).toBeVisible();
    await page.locator('[data-side="a"] mark[tabindex]').nth(1).hover();
  },
  async 'inline-diff'(page) {
    await page.locator('[data-matrix] tbody button[data-row]').first().click();
    await page.locator('[data-tab="inline"]').click();
    await expect(page.locator('[data-inline] del').first()).toBeVisible();
  },
  async 'share-menu'(page) {
    await page.locator('[data-share-menu] summary').click();
    await expect(page.locator('[data-share-status]')).toHaveText(/^Link copied|^Copy the link/);
  },
  async 'save-menu'(page) {
    await page.locator('[data-matrix] tbody button[data-row]').first().click();
    await expect(page.locator('[data-side="b"] mark[data-passage]').first()).toBeVisible();
    await page.locator('[data-save-menu] summary').click();
    await expect(page.locator('[data-export="html"]')).toBeEnabled();
  },
};

for (const scheme of ['light', 'dark']) {
  for (const [name, open] of Object.entries(VIEWS)) {
    test(`${name} (${scheme}): no serious accessibility violations`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await openPage(page);
      await open(page);
      await expectCleanText(page);
      await saveScreenshot(page, `${name}-${scheme}`);
      const { violations } = await new AxeBuilder({ page }).analyze();
      const serious = violations
        .filter((violation) => ['serious', 'critical'].includes(violation.impact))
        .map(({ id, help, nodes }) => `${id}: ${help} (${nodes.map((node) => node.target.join(' ')).join(', ')})`);
      expect(serious).toEqual([]);
    });
  }
}
