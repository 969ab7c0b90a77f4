// The stories view, the overview of a set past MATRIX_MAX_DOCUMENTS documents: 300 generated articles
// (story-set.js: stories that share wire paragraphs, and unrelated ones) dropped at once reach it with
// progress shown and the page answering throughout; its stories are the engine's (the command line's
// compare-many on the same files); the filter, a story's matrix, a document's view from a story, and
// cancelling the indexing, which keeps the documents.

import AxeBuilder from '@axe-core/playwright';
import {
  dropFiles,
  expect,
  expectCleanText,
  fixture,
  openExampleSet,
  openPage,
  runCli,
  saveScreenshot,
  test,
} from './helpers.js';
import { storySet } from './story-set.js';

const stories = (page) => page.locator('[data-view="stories"]');

const SET = storySet(300);

/**
 * Makes indexing last at least `ms` longer, as on a slow machine: the set's answer reaches the page that
 * much later (the engine's work itself is not changed), so that a click and a cancel surely land while
 * it runs. Before the page loads.
 */
function slowIndexing(page, ms = 1500) {
  return page.addInitScript((ms) => {
    const add = Worker.prototype.addEventListener;
    Worker.prototype.addEventListener = function (type, listener, options) {
      if (type !== 'message') return add.call(this, type, listener, options);
      const late = (event) =>
        event.data?.type === 'set' ? setTimeout(() => listener.call(this, event), ms) : listener.call(this, event);
      return add.call(this, type, late, options);
    };
  }, ms);
}

/**
 * Starts recording, in the page, every progress label shown, the long tasks, and whether each click
 * landed while the set was indexing.
 */
async function watchResponsiveness(page) {
  await page.evaluate(() => {
    const seen = { labels: new Set(), longTasks: [], clicksWhileIndexing: [] };
    globalThis.watched = seen;
    const status = document.querySelector('[data-status]');
    new MutationObserver(() => {
      for (const label of status.querySelectorAll('.task-label')) seen.labels.add(label.textContent);
    }).observe(status, { subtree: true, childList: true, characterData: true });
    new PerformanceObserver((list) => seen.longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe(
      { type: 'longtask' },
    );
    document.addEventListener(
      'click',
      (event) => {
        const target = /** @type {Element} */ (event.target);
        seen.clicksWhileIndexing.push({
          target: target.getAttribute('data-stories-filter') !== null ? 'filter' : target.textContent,
          indexing: document.querySelector('[data-task="set"]') !== null,
        });
      },
      true,
    );
  });
}

const watched = (page) => page.evaluate(() => ({ ...globalThis.watched, labels: [...globalThis.watched.labels] }));

/** The stories the page shows, each a sorted list of names, in the page's order. */
function shownStories(page) {
  return stories(page)
    .locator('[data-story]')
    .evaluateAll((elements) =>
      elements.map((story) =>
        [...story.querySelectorAll('[data-open-document]')].map((button) => button.textContent).sort(),
      ),
    );
}

/** The document list's id of each name. */
async function idsByName(page) {
  const pairs = await page
    .locator('[data-document-list] [data-document-id]')
    .evaluateAll((items) =>
      items.map((item) => [item.querySelector('[data-field="name"]').value, item.dataset.documentId]),
    );
  return new Map(pairs);
}

test.describe.configure({ timeout: 120_000 });

test('300 documents dropped at once reach the stories view, with progress, and the page answers throughout', async ({
  page,
}) => {
  await slowIndexing(page);
  await openPage(page);
  // The first visit's example is indexed (late) first.
  await expect(page.locator('[data-status] [data-task="set"]')).toHaveCount(0);
  await watchResponsiveness(page);
  await dropFiles(page, SET.files);
  // A click on the filter while the set is indexing is answered, and its text is kept for the stories.
  await expect(page.locator('[data-status] [data-task="set"]')).toHaveText(/^Indexing 300 documents/);
  await expect(stories(page)).toBeVisible();
  // Every document read, the pairs compared, the stories not in yet: all but one counted as indexed.
  await expect(page.locator('[data-status] [data-task="set"]')).toHaveText(
    /^Indexing 300 documents: [\d,]+ of [\d,]+ pairs with shared words compared/,
  );
  await expect(stories(page)).toHaveAttribute('data-indexed', '299');
  await page.locator('[data-stories-filter]').click();
  await page.keyboard.type('story-3-');
  await expect(page.locator('[data-stories-filter]')).toBeFocused();
  await expect(stories(page)).toHaveAttribute('data-indexed', '300', { timeout: 30_000 });
  await expect(page.locator('[data-status] [data-task]')).toHaveCount(0);

  const seen = await watched(page);
  expect(seen.clicksWhileIndexing).toEqual([{ target: 'filter', indexing: true }]);
  expect(seen.labels).toContain('Indexing 300 documents');
  expect(seen.labels.some((label) => /^Reading files: \d+ of 300$/.test(label))).toBe(true);
  // Generous bounds for a shared two-core machine; `make bench-browser` gives the real figures.
  expect(Math.max(0, ...seen.longTasks)).toBeLessThan(400);

  // The filter typed while indexing applies to the stories as they come: those with a story-3 article.
  await expect(stories(page).locator('[data-stories-list]')).not.toHaveAttribute('aria-busy', 'true');
  const all = await shownStories(page);
  const shownNames = await stories(page)
    .locator('[data-story]:visible')
    .evaluateAll((elements) =>
      elements.map((story) => [...story.querySelectorAll('[data-open-document]')].map((button) => button.textContent)),
    );
  expect(shownNames.length).toBeGreaterThan(0);
  for (const names of shownNames) expect(names.some((name) => name.includes('story-3-'))).toBe(true);
  const expected = all.filter((names) => names.some((name) => name.includes('story-3-')));
  expect(shownNames.length).toBe(expected.length);
  await expect(stories(page).locator('[data-stories-shown]')).toHaveText(
    `${expected.length === 1 ? '1 story' : `${expected.length} stories`} of ${all.length} hold a name with “story-3-”.`,
  );
  await page.locator('[data-stories-filter]').fill('');
  await expect(stories(page).locator('[data-story]:visible').first()).toBeVisible();
  expect(await stories(page).locator('ol[data-stories-list] > [data-story]:visible').count()).toBe(
    all.filter((names) => names.length > 1).length,
  );
});

test('the stories are the engine’s, largest first, with every document once', async ({ page }) => {
  await openPage(page);
  await dropFiles(page, SET.files);
  await expect(stories(page)).toHaveAttribute('data-indexed', '300', { timeout: 30_000 });
  const names = SET.files.map(({ name }) => name);
  const cli = JSON.parse(runCli(SET.files, ['compare-many', ...names, '--format', 'json']).stdout);
  const engine = cli.stories.map((story) => story.map((index) => names[index]).sort());
  await expect.poll(() => shownStories(page)).toHaveLength(engine.length);
  const shown = await shownStories(page);
  expect(shown).toEqual(engine);
  // The made stories are found: each one the generator made is one of the engine's.
  const found = new Set(shown.map((story) => story.join('|')));
  for (const story of SET.stories) expect(found.has([...story].sort().join('|'))).toBe(true);
  // Every control names its document by the document list's id.
  const ids = await idsByName(page);
  const controls = await stories(page)
    .locator('[data-open-document]')
    .evaluateAll((buttons) => buttons.map((button) => [button.textContent, button.getAttribute('data-open-document')]));
  expect(controls).toHaveLength(300);
  for (const [name, id] of controls) expect(id).toBe(ids.get(name));
  // Each linked document's share: a percentage, and none of them nothing.
  const shares = await stories(page).locator('ol[data-stories-list] .share-value').allTextContents();
  expect(shares.length).toBe(shown.filter((story) => story.length > 1).flat().length);
  for (const share of shares) expect(share).toMatch(/^([1-9]\d?|100|>99)%$/);
});

test('a story’s matrix opens on demand, and a document opens from a story', async ({ page }) => {
  await openPage(page);
  await dropFiles(page, SET.files);
  await expect(stories(page)).toHaveAttribute('data-indexed', '300', { timeout: 30_000 });
  const story = stories(page).locator('ol[data-stories-list] > [data-story]').first();
  const members = await story
    .locator('[data-open-document]')
    .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-open-document')));
  expect(members.length).toBeGreaterThan(2);
  // No pair is compared until a matrix or a pair is opened: no cell anywhere yet.
  await expect(page.locator('[data-matrix] button[data-row]')).toHaveCount(0);
  await story.locator('[data-action="story-matrix"]').click();
  await expect(story.locator('[data-action="story-matrix"]')).toHaveAttribute('aria-expanded', 'true');
  const cells = story.locator('[data-story-matrix] button[data-row]');
  await expect(cells).toHaveCount(members.length * (members.length - 1));
  await expect(story.locator('[data-story-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
  const rows = await cells.evaluateAll((buttons) => [...new Set(buttons.map((button) => button.dataset.row))]);
  expect(rows.sort()).toEqual([...members].sort());
  await saveScreenshot(page, 'stories-matrix');
  // A document renamed keeps the set: its new name shows in its story, whose matrix stays open.
  const renamed = page.locator(`[data-document-list] [data-document-id="${members[0]}"] [data-field="name"]`);
  await renamed.fill('renamed-wire-copy.txt');
  await renamed.press('Enter');
  await expect(story.locator(`[data-open-document="${members[0]}"]`).first()).toHaveText('renamed-wire-copy.txt');
  await expect(story.locator('[data-story-matrix] .column-name', { hasText: 'renamed-wire-copy.txt' })).toBeVisible();
  await expect(stories(page)).toHaveAttribute('data-indexed', '300');
  // A cell opens its pair side by side; back, the stories are there again.
  await cells.first().click();
  await expect(page.locator('[data-panel="pair"]')).toBeVisible();
  await expect(page.locator('[data-side="b"] mark[data-passage]').first()).toBeVisible();
  await page.locator('[data-action="back-to-matrix"]').click();
  await expect(stories(page)).toBeVisible();

  // A document's name in the story opens its document view, whose passages stand in its story only.
  const name = story.locator('[data-open-document]').nth(1);
  const id = await name.getAttribute('data-open-document');
  await name.click();
  const view = page.locator('[data-view="document"]');
  await expect(view).toBeVisible();
  await expect(view.locator('[data-document-title]')).toContainText(await name.textContent());
  await expect(view.locator('[data-text]')).not.toHaveAttribute('aria-busy', 'true');
  const carriers = await view
    .locator('[data-text] mark[data-documents]')
    .evaluateAll((marks) => [...new Set(marks.flatMap((mark) => mark.dataset.documents.split(' ')))]);
  expect(carriers.length).toBeGreaterThan(0);
  for (const carrier of carriers) expect(members.filter((member) => member !== id)).toContain(carrier);
  await page.locator('[data-action="close-document"]').click();
  await expect(stories(page)).toBeVisible();
});

test('cancelling the indexing keeps the documents, and they can be indexed again', async ({ page }) => {
  await slowIndexing(page);
  await openPage(page);
  // The first visit's example is indexed (late) first.
  await expect(page.locator('[data-status] [data-task="set"]')).toHaveCount(0);
  await watchResponsiveness(page);
  await dropFiles(page, SET.files);
  const task = page.locator('[data-status] [data-task="set"]');
  await expect(task).toHaveText(/^Indexing 300 documents/);
  await task.getByRole('button', { name: 'Cancel' }).click();
  expect((await watched(page)).clicksWhileIndexing).toEqual([{ target: 'Cancel', indexing: true }]);
  await expect(task).toHaveCount(0);
  await expect(page.locator('[data-messages]')).toContainText('Indexing stopped; the 300 documents are still open.');
  await expect(page.locator('[data-document-list] [data-document-id]')).toHaveCount(300);
  await expect(stories(page)).toHaveAttribute('data-indexed', '0');
  await expect(stories(page).locator('[data-story]')).toHaveCount(0);
  await stories(page).getByRole('button', { name: 'Index them' }).click();
  await expect(stories(page)).toHaveAttribute('data-indexed', '300', { timeout: 30_000 });
  await expect(stories(page).locator('[data-open-document]')).toHaveCount(300);
});

for (const scheme of ['light', 'dark']) {
  test(`the stories view (${scheme}): no serious accessibility violations`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await openPage(page);
    // Past the matrix's 30 documents, few enough for axe to go through quickly.
    const { files } = storySet(45);
    await dropFiles(page, files);
    await expect(stories(page)).toHaveAttribute('data-indexed', '45');
    await page.locator('[data-stories-alone] summary').click();
    await stories(page).locator('[data-action="story-matrix"]').first().click();
    await expect(stories(page).locator('[data-story-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
    await page.locator('[data-stories-filter]').fill('outlet-1');
    await expectCleanText(page);
    await saveScreenshot(page, `stories-${scheme}`);
    const { violations } = await new AxeBuilder({ page }).include('[data-view="stories"]').analyze();
    const serious = violations
      .filter((violation) => ['serious', 'critical'].includes(violation.impact))
      .map(({ id, help, nodes }) => `${id}: ${help} (${nodes.map((node) => node.target.join(' ')).join(', ')})`);
    expect(serious).toEqual([]);
  });
}

test('up to 30 documents, the stories are a second view of the set, beside the matrix', async ({ page }) => {
  await openPage(page);
  const names = await openExampleSet(page, 'ferry');
  const expected = JSON.parse(fixture('sets/wire/expect.json')).stories.map((story) =>
    story.map((file) => names[file]).sort(),
  );
  await expect(page.locator('[data-panel="matrix"]')).toBeVisible();
  await expect(stories(page).getByRole('button', { name: 'Matrix view' })).toBeHidden();
  await page.getByRole('button', { name: 'Stories view' }).click();
  await expect(stories(page)).toBeVisible();
  await expect(stories(page)).toHaveAttribute('data-indexed', '5');
  await expect(page.locator('#stories-title')).toBeFocused();
  expect(await shownStories(page)).toEqual(expected);
  await stories(page).getByRole('button', { name: 'Matrix view' }).click();
  await expect(page.locator('[data-panel="matrix"]')).toBeVisible();
  await expect(stories(page)).toBeHidden();
});

test('30 documents show the matrix, and the 31st turns the overview to the stories', async ({ page }) => {
  await openPage(page);
  const { files } = storySet(31);
  await dropFiles(page, files.slice(0, 30));
  await expect(page.locator('[data-panel="matrix"]')).toBeVisible();
  await expect(page.locator('[data-matrix] button[data-row]')).toHaveCount(30 * 29);
  await expect(stories(page)).toBeHidden();
  await dropFiles(page, files.slice(30));
  await expect(stories(page)).toBeVisible();
  await expect(stories(page)).toHaveAttribute('data-indexed', '31');
  await expect(page.locator('[data-panel="matrix"]')).toBeHidden();
  await expect(page.locator('[data-matrix] button[data-row]')).toHaveCount(0);
  await expect(stories(page).locator('[data-open-document]')).toHaveCount(31);
});
