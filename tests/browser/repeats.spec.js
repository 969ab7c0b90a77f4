// Every copy counts on the page: text that one side holds twice, or copies twice in overlapping
// stretches, is marked every time; a mark names every passage it stands in; from a passage the other
// side holds twice, Enter steps through both copies and s jumps to the one on show. The exports keep
// the command line's shapes: JSON lists every copy, PAN only the one-to-one detections.

import { downloadFrom, expect, openTexts, saveScreenshot, test } from './helpers.js';

const TERMINAL =
  'The harbour authority said on Tuesday that the new container terminal would open to ships in the spring of next year.';
const TRADERS = 'Local traders welcomed the news at a meeting in the town hall on Wednesday evening.';
const A = `${TERMINAL} Officials gave no other details.`;
const B = `${TERMINAL}\n\n${TRADERS}\n\n${TERMINAL}`;

/** Five paragraphs of an article of our own. */
const PARAGRAPHS = [
  'The ferry company cancelled its morning crossings after the wind rose overnight along the northern coast.',
  'Passengers waiting at the terminal were offered seats on the afternoon boats or a full refund of their fares.',
  'A spokeswoman said the crews had been told to stay in port until the forecasters lifted the gale warning.',
  'She added that the timetable would return to normal by Friday if the weather improved as expected.',
  'Fishermen in the bay tied their boats together and carried their nets up the slipway before dark.',
];

const side = (page, name) => page.locator(`[data-side="${name}"] [data-text]`);

/** The text of each focusable mark of a side and its passages, in reading order (continuations joined on). */
function markedStretches(page, name) {
  return side(page, name).evaluate((root) =>
    [...root.querySelectorAll('mark[data-passage]')]
      .reduce((stretches, mark) => {
        if (mark.tabIndex >= 0) stretches.push({ passages: mark.dataset.passage, text: '' });
        stretches.at(-1).text += mark.textContent;
        return stretches;
      }, [])
      .map(({ passages, text }) => ({ passages, text: text.trim() })),
  );
}

test("a sentence B repeats is marked both times, and A's sentence leads to each copy", async ({ page }) => {
  await openTexts(page, A, B);
  // Each text is shown whole and once, however many passages share a stretch of it.
  expect(await side(page, 'a').textContent()).toBe(A);
  expect(await side(page, 'b').textContent()).toBe(B);
  expect(await markedStretches(page, 'b')).toEqual([
    { passages: '0', text: TERMINAL },
    { passages: '1', text: TERMINAL },
  ]);
  expect(await markedStretches(page, 'a')).toEqual([{ passages: '0 1', text: TERMINAL }]);
  await expect(page.locator('[data-stat="b"]')).toContainText('42 of 57 words');
  await expect(page.locator('[data-stat="a"]')).toContainText('21 of 26 words');
  await expect(page.locator('[data-stat="passages"] .stat-value')).toHaveText('2');

  // Hovering B's second copy lights A's sentence, not B's first copy.
  const [first, second] = [
    side(page, 'b').locator('mark[tabindex]').nth(0),
    side(page, 'b').locator('mark[tabindex]').nth(1),
  ];
  const inA = side(page, 'a').locator('mark[tabindex]');
  await second.hover();
  await expect(inA).toHaveClass(/is-linked/);
  await expect(first).not.toHaveClass(/is-linked/);
  await expect(inA).toHaveAttribute('data-badge', '1, 2');
  await expect(inA).toHaveAttribute('data-label', 'Shared passages 1, 2 of 2, 21 words: ');
  await saveScreenshot(page, 'repeats-sentence-twice');

  // From A: j shows the first copy; Enter the next; s jumps to the one on show, and back.
  const position = page.locator('[data-passage-position]');
  await page.keyboard.press('j');
  await expect(inA).toBeFocused();
  await expect(first).toHaveClass(/is-linked/);
  await expect(second).toHaveClass(/is-linked/);
  await expect(position).toHaveText('Passages 1, 2 of 2 · copy 1 of 2 in the other text');
  await page.keyboard.press('Enter');
  await expect(position).toHaveText('Passages 1, 2 of 2 · copy 2 of 2 in the other text');
  await page.keyboard.press('s');
  await expect(second).toBeFocused();
  await expect(position).toHaveText('Passage 2 of 2');
  await page.keyboard.press('s');
  await expect(inA).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('s');
  await expect(first).toBeFocused();
  // In B the keys follow B's order.
  await page.keyboard.press('j');
  await expect(second).toBeFocused();
});

test('overlapping copies are each marked whole, and the overlap names both passages', async ({ page }) => {
  const a = PARAGRAPHS.join('\n\n');
  const [third, thirdAndFourth] = [PARAGRAPHS[2], `${PARAGRAPHS[2]} ${PARAGRAPHS[3]}`];
  const b = `${third}\n\n${TRADERS}\n\n${thirdAndFourth}`;
  await openTexts(page, a, b);
  expect(await side(page, 'b').textContent()).toBe(b);
  expect(await markedStretches(page, 'b')).toEqual([
    { passages: '0', text: third },
    { passages: '1', text: thirdAndFourth },
  ]);
  // In A, the third paragraph is in both passages; the fourth only in the second, which runs on into it.
  const marksA = await side(page, 'a').evaluate((root) =>
    [...root.querySelectorAll('mark')].map((mark) => [mark.dataset.passage, mark.textContent.trim()]),
  );
  expect(marksA.filter(([, text]) => text)).toEqual([
    ['0 1', third],
    ['1', PARAGRAPHS[3]],
  ]);
  await saveScreenshot(page, 'repeats-overlapping-copies');
});

test('a paragraph A prints twice and B holds once is marked in both places of A', async ({ page }) => {
  const a = [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[0]].join('\n\n');
  const b = [PARAGRAPHS[0], TRADERS].join('\n\n');
  await openTexts(page, a, b);
  expect(await markedStretches(page, 'a')).toEqual([
    { passages: '0', text: PARAGRAPHS[0] },
    { passages: '1', text: PARAGRAPHS[0] },
  ]);
  expect(await markedStretches(page, 'b')).toEqual([{ passages: '0 1', text: PARAGRAPHS[0] }]);
  await expect(page.locator('[data-stat="a"]')).toContainText('32 of 51 words');
});

test('the exports list every copy; PAN lists each aligned pair once', async ({ page }) => {
  await openTexts(page, A, B);
  const json = JSON.parse((await downloadFrom(page, '[data-save-menu]', '[data-export="json"]')).text);
  const second = B.lastIndexOf(TERMINAL);
  expect(json.passages.map((passage) => [passage.a, passage.b])).toEqual([
    [
      { start: 0, end: TERMINAL.length },
      { start: 0, end: TERMINAL.length },
    ],
    [
      { start: 0, end: TERMINAL.length },
      { start: second, end: second + TERMINAL.length },
    ],
  ]);
  expect(json.b).toMatchObject({ words: 57, shared_words: 42 });

  const pan = (await downloadFrom(page, '[data-save-menu]', '[data-export="pan"]')).text;
  expect(pan.match(/<feature /g)).toHaveLength(1);

  // The report: both copies marked in B; A's sentence is passage 1 and carries passage 2's anchor too.
  const report = await downloadFrom(page, '[data-save-menu]', '[data-export="html"]');
  const reader = await page.context().newPage();
  await reader.setContent(report.text);
  await expect(reader.locator('mark#b-1, mark#b-2')).toHaveText([`1${TERMINAL}`, `2${TERMINAL}`]);
  await expect(reader.locator('mark#a-1 .badge')).toHaveText(['1', '2']);
  await expect(reader.locator('mark#a-1 #a-2')).toHaveAttribute('href', '#b-2');
  await reader.close();
});
