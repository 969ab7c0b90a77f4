// Documents coming in: dropped, pasted, decoded, extracted from HTML, or refused with a clear message
// that leaves everything already loaded in place.

import {
  documentNames,
  dropFiles,
  expect,
  expectCleanText,
  fixture,
  openPage,
  pasteText,
  test,
  wireFiles,
} from './helpers.js';

test.beforeEach(async ({ page }) => {
  await openPage(page);
});

test('the first visit opens the five-version wire example as a matrix', async ({ page }) => {
  await expect(documentNames(page)).toHaveCount(5);
  await expect(page.locator('[data-panel="matrix"]')).toBeVisible();
  await expect(page.locator('[data-matrix] button[data-row]')).toHaveCount(20);
  await expect(page.locator('[data-matrix] button[data-row]').first()).toHaveText(/^\d+%$/);
  await expectCleanText(page);
});

test('dropping two files replaces the example and shows them side by side', async ({ page }) => {
  await dropFiles(page, [
    { name: 'wire.txt', text: fixture('wire/wire.txt') },
    { name: 'outlet-1.txt', text: fixture('wire/outlet-1.txt') },
  ]);
  await expect(documentNames(page)).toHaveCount(2);
  await expect(documentNames(page).first()).toHaveValue('wire.txt');
  await expect(page.locator('[data-panel="pair"]')).toBeVisible();
  await expect(page.locator('[data-side="a"] [data-side-name]')).toHaveText('wire.txt');
  await expect(page.locator('[data-side="b"] [data-side-name]')).toHaveText('outlet-1.txt');
  await expect(page.locator('[data-stat="a"] .stat-value')).toHaveText(/^\d+% shared$/);
  await expect(page.locator('[data-side="b"] mark[data-passage]').first()).toBeVisible();
  await expect(page.locator('[data-action="back-to-matrix"]')).toBeHidden();
  await expectCleanText(page);
});

test('dropping five files shows the matrix of all pairs', async ({ page }) => {
  await page.locator('[data-action="remove-all"]').click();
  await dropFiles(page, wireFiles());
  await expect(documentNames(page)).toHaveCount(5);
  await expect(documentNames(page).nth(4)).toHaveValue('outlet-4.txt');
  await expect(page.locator('[data-matrix] tbody th[scope="row"]').first()).toContainText('wire.txt');
  await expect(page.locator('[data-matrix] button[data-row]')).toHaveCount(20);
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
  await expectCleanText(page);
});

test('the drop overlay shows while files are dragged over the page', async ({ page }) => {
  const overlay = page.locator('[data-drop-overlay]');
  await expect(overlay).toBeHidden();
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['text'], 'a.txt'));
    document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, dataTransfer: transfer }));
  });
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText('Drop');
});

test('pasted text becomes a named document, and a second one opens the pair', async ({ page }) => {
  await page.locator('[data-action="remove-all"]').click();
  await expect(page.locator('[data-panel="empty"] h2')).toHaveText('Drop files here');

  await page.locator('[data-panel="empty"] [data-action="paste-text"]').click();
  const dialog = page.locator('[data-paste-dialog]');
  await dialog.getByLabel('Name').fill('Fire, agency');
  await dialog.getByLabel('Text').fill(fixture('short/a.txt'));
  await dialog.getByRole('button', { name: 'Add document' }).click();
  await expect(documentNames(page)).toHaveCount(1);
  await expect(documentNames(page).first()).toHaveValue('Fire, agency');
  await expect(page.locator('[data-empty-detail]')).toContainText('one more document');

  // A paste outside any text field adds a document too.
  await pasteText(page, fixture('short/b.txt'));
  await expect(documentNames(page)).toHaveCount(2);
  await expect(documentNames(page).nth(1)).toHaveValue('Pasted text 2');
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
  await expectCleanText(page);
});

test('documents can be renamed, replaced and removed', async ({ page }) => {
  const first = page.locator('[data-document-list] li').first();
  await first.locator('[data-field="name"]').fill('The agency copy');
  await first.locator('[data-field="name"]').press('Enter');
  await expect(page.locator('[data-matrix] tbody th').first()).toContainText('The agency copy');

  const chooser = page.waitForEvent('filechooser');
  await first.locator('[data-action="replace"]').click();
  await (
    await chooser
  ).setFiles({ name: 'fire.txt', mimeType: 'text/plain', buffer: Buffer.from(fixture('short/a.txt')) });
  await expect(first.locator('[data-field="name"]')).toHaveValue('fire.txt');

  await first.locator('[data-action="remove"]').click();
  await expect(documentNames(page)).toHaveCount(4);
  await expect(documentNames(page).first()).toHaveValue('The Coastal Courier');
  await page.locator('[data-messages]').getByRole('button', { name: 'Undo' }).click();
  await expect(documentNames(page)).toHaveCount(5);
  await expect(documentNames(page).first()).toHaveValue('fire.txt');
});

test('a name being typed keeps the focus and its letters while documents arrive and comparisons finish', async ({
  page,
}) => {
  await dropFiles(page, wireFiles().slice(0, 3));
  await expect(documentNames(page)).toHaveCount(3);
  const name = documentNames(page).nth(2);
  await name.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Riviera');
  // A file dropped meanwhile re-renders the list, and its comparisons come in while the field has focus.
  await dropFiles(page, [{ name: 'late.txt', text: fixture('wire/outlet-4.txt') }]);
  await expect(documentNames(page)).toHaveCount(4);
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
  await page.keyboard.type(', edited');
  await page.keyboard.press('Enter');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Riviera, edited');
  await expect(page.locator('[data-matrix] tbody th').nth(2)).toContainText('Riviera, edited');
});

test('empty, binary and too large files are refused with a message', async ({ page }) => {
  await dropFiles(page, [
    { name: 'empty.txt', text: '' },
    { name: 'data.bin', bytes: [0x41, 0x42, 0x00, 0x43] },
    { name: 'huge.txt', size: 51 * 1024 * 1024 },
    { name: 'ok.txt', text: fixture('short/a.txt') },
  ]);
  await expect(page.locator('[data-message="error"]', { hasText: '“empty.txt” is empty' })).toBeVisible();
  await expect(
    page.locator('[data-message="error"]', { hasText: '“data.bin” looks like a binary file' }),
  ).toBeVisible();
  await expect(
    page.locator('[data-message="error"]', {
      hasText: '“huge.txt” is too large (51 MB); copydesk opens files up to 50 MB',
    }),
  ).toBeVisible();
  await expect(documentNames(page)).toHaveCount(1);
  await expect(documentNames(page).first()).toHaveValue('ok.txt');
});

test('an HTML page is reduced to its article text by Readability', async ({ page }) => {
  const paragraphs = fixture('wire/wire.txt').split('\n\n').slice(2, 10);
  const html = `<!doctype html><html><head><title>Storm shuts port | The Courier</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe today</a></nav>
    <div class="ticker">BRENT 78.42 +0.6% | WHEAT 5.91 -1.2%</div>
    <article><h1>Storm shuts Syria's Tartus port</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
    <aside class="newsletter">Sign up for our newsletter</aside>
    <footer>© The Courier. All rights reserved.</footer></body></html>`;
  await dropFiles(page, [
    { name: 'wire.txt', text: fixture('wire/wire.txt') },
    { name: 'courier.html', text: html },
  ]);
  await expect(
    page.locator('[data-message]', { hasText: '“courier.html”: article text extracted from HTML by Readability' }),
  ).toBeVisible();
  await expect(page.locator('[data-document-list] li').nth(1).locator('[data-document-note]')).toHaveText(
    'article text extracted from HTML by Readability',
  );
  const text = page.locator('[data-side="b"] [data-text]');
  await expect(text).toContainText('Waves of up to six metres');
  await expect(text).not.toContainText('Subscribe today');
  await expect(text).not.toContainText('newsletter');
  await expect(text).not.toContainText('<p>');
  await expectCleanText(page);
});
