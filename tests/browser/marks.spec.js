// The passage marks look the same on the page and in its HTML report: js/marks.js draws both, and the
// report embeds the page's palette and marks style sheets. In both colour schemes, each kind of mark, the
// passage numbers, an edited word and a gap have the same computed colours in the side-by-side view and
// in the report, so a colour changed for one and not the other fails here.

import { downloadFrom, dropFiles, expect, fixture, openPage, test } from './helpers.js';

/**
 * The computed colours of the marks in side A's text, on the page (`where`: 'page') or in the report.
 * Runs in the browser.
 */
function markColours(where) {
  const onPage = where === 'page';
  const text = document.querySelector(onPage ? '[data-side="a"] [data-text]' : '.texts .text');
  const element = (selector) => {
    const found = text.querySelector(selector);
    if (!found) throw new Error(`no ${selector} in the ${where}`);
    return found;
  };
  const pick = (style, names) => Object.fromEntries(names.map((name) => [name, style.getPropertyValue(name)]));
  /** The mark where a passage of this kind starts, and its passage number. */
  const start = (kind) => {
    const mark = element(onPage ? `mark[data-kind="${kind}"][data-badge]` : `mark[data-kind="${kind}"][id]`);
    const badge = onPage ? getComputedStyle(mark, '::before') : getComputedStyle(mark.querySelector('.badge'));
    return {
      mark: pick(getComputedStyle(mark), ['background-color', 'color', 'border-bottom-color', 'border-bottom-style']),
      badge: pick(badge, ['background-color', 'color']),
    };
  };
  return {
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    exact: start('exact'),
    edited: start('edited'),
    edit: pick(getComputedStyle(element('.edit:not(.gap)')), [
      'background-color',
      'text-decoration-color',
      'text-decoration-style',
    ]),
    gap: pick(getComputedStyle(element('.edit.gap'), '::before'), ['color']),
  };
}

for (const colorScheme of ['light', 'dark']) {
  test(`the report’s marks have the page’s colours (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await openPage(page);
    await dropFiles(
      page,
      ['wire.txt', 'outlet-2.txt'].map((name) => ({ name, text: fixture(`wire/${name}`) })),
    );
    await expect(page.locator('[data-side="a"] mark[data-kind="edited"][data-badge]').first()).toBeVisible();
    const onPage = await page.evaluate(markColours, 'page');

    const report = await downloadFrom(page, '[data-save-menu]', '[data-export="html"]');
    const reader = await page.context().newPage();
    await reader.emulateMedia({ colorScheme });
    await reader.setContent(report.text);
    const inReport = await reader.evaluate(markColours, 'report');
    await reader.close();

    expect(onPage.dark).toBe(colorScheme === 'dark');
    expect(inReport).toEqual(onPage);
    // The two kinds are told apart (else equal colours would prove little).
    expect(onPage.exact.mark['background-color']).not.toBe(onPage.edited.mark['background-color']);
  });
}
