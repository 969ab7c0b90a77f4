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
  async 'document-view'(page) {
    // The example where an outlet copies another, each with chrome; the Herald, a passage chosen.
    await page.locator('[data-examples-menu] summary').click();
    await page.locator('[data-examples-menu] [data-example="ferry"]').click();
    await expect(page.locator('[data-document-list] [data-field="name"]').nth(1)).toHaveValue('The Aegean Herald');
    await page.locator('[data-document-list] [data-open-document]').nth(1).click();
    const text = page.locator('[data-view="document"] [data-text]');
    await expect(text).not.toHaveAttribute('aria-busy', 'true');
    await text.locator('mark[tabindex]').nth(1).click();
    await expect(page.locator('[data-places] [data-open-pair]').first()).toBeVisible();
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
