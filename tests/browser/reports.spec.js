// One report, two ways out: the page's JSON and PAN exports are the engine's (src/report/), so for the
// same texts, names and options they are byte for byte what `copydesk compare --format json|pan` prints,
// and a document view's JSON is that document's entry of `copydesk compare-many --format json`.
// The command line runs here on the very files the page is given.

import {
  downloadFrom,
  dropFiles,
  expect,
  fixture,
  MIXED_PARAGRAPHS,
  openPage,
  openPair,
  runCli,
  test,
  watchProblems,
} from './helpers.js';

// The first test builds the command line (minutes on a fresh machine).
test.describe.configure({ timeout: 600_000 });

/** What the command line prints for the files, named as in the page, with `flags`. */
function cliReport(files, format, flags) {
  return runCli(files, ['compare', ...files.map(({ name }) => name), '--format', format, ...flags]).stdout;
}

/** The built-in examples' pairs as files: the first text of each example with each other one. */
async function examplePairs(page) {
  const examples = await page.evaluate(async () =>
    (await import('./js/examples.js')).EXAMPLES.map(({ files }) => files),
  );
  return examples.flatMap((files) => {
    const [first, ...others] = Object.entries(files).map(([path, name]) => ({ name, text: fixture(path) }));
    return others.map((other) => [first, other]);
  });
}

const NON_ASCII_PAIRS = [
  [
    { name: 'Шторм, версия А.txt', text: fixture('russian/a.txt') },
    { name: 'Шторм, версия Б.txt', text: fixture('russian/b.txt') },
  ],
  [
    {
      name: 'A 👩🏿‍💻 <b> & "quotes".txt',
      text: `😀😀 𠜎 ${MIXED_PARAGRAPHS[4]}\n\n${fixture('chinese/a.txt')}\n${MIXED_PARAGRAPHS[0]}\n`,
    },
    {
      name: 'B 🇸🇾 & <i>.txt',
      text: `👍🏽 ${fixture('chinese/b.txt')}\n\n${MIXED_PARAGRAPHS[4]}\n${MIXED_PARAGRAPHS[0]}`,
    },
  ],
];

/**
 * Gives a page of its own (nothing saved, nothing else dropped) the pair, with the options of `query`,
 * and returns its two exports.
 */
async function pageReports(browser, pair, query = '') {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watchProblems(page);
  await openPair(page, pair, query);
  const json = await downloadFrom(page, '[data-save-menu]', '[data-export="json"]');
  const pan = await downloadFrom(page, '[data-save-menu]', '[data-export="pan"]');
  await context.close();
  expect(problems).toEqual([]);
  return { json: json.text, pan: pan.text };
}

test('the JSON and PAN exports of the built-in examples are the command line’s bytes', async ({ page, browser }) => {
  await openPage(page);
  const pairs = await examplePairs(page);
  expect(pairs.length).toBeGreaterThanOrEqual(5);
  for (const pair of pairs) {
    const reports = await pageReports(browser, pair);
    expect(reports.json, `${pair[1].name}: JSON`).toBe(cliReport(pair, 'json', []));
    expect(reports.pan, `${pair[1].name}: PAN`).toBe(cliReport(pair, 'pan', []));
  }
});

test('the exports of non-ASCII texts and names, with options, are the command line’s bytes', async ({ browser }) => {
  for (const pair of NON_ASCII_PAIRS) {
    const reports = await pageReports(browser, pair, '?min=6&punct=1&variants=1');
    const flags = ['--min-words', '6', '--ignore-punctuation', '--spelling-variants'];
    const json = cliReport(pair, 'json', flags);
    expect(JSON.parse(json).passages.length, `${pair[0].name}: the pair shares passages`).toBeGreaterThan(0);
    expect(reports.json, `${pair[0].name}: JSON`).toBe(json);
    expect(reports.pan, `${pair[0].name}: PAN`).toBe(cliReport(pair, 'pan', flags));
  }
});

/**
 * The entries of `documents` in the command line's `compare-many --format json`, each as its own text:
 * its lines (four spaces in there) brought out to the left, without the comma that follows it.
 */
function documentEntries(json) {
  const lines = json.split('\n');
  const from = lines.indexOf('  "documents": [');
  const to = lines.indexOf('  ],', from);
  expect(
    [from, to].every((at) => at > 0),
    'the JSON lists its documents first',
  ).toBe(true);
  const entries = [];
  for (const line of lines.slice(from + 1, to)) {
    if (line === '    {') entries.push([]);
    entries.at(-1).push(line.slice(4));
  }
  return entries.map((entry) => `${entry.join('\n').replace(/,$/, '')}\n`);
}

/** Opens the view of each document of the page in turn and downloads its JSON export. */
async function documentJsonExports(page, count) {
  const exports = [];
  for (let index = 0; index < count; index += 1) {
    await page.locator('[data-document-list] [data-open-document]').nth(index).click();
    await expect(page.locator('[data-panel="document"] [data-text] mark').first()).toBeVisible();
    exports.push(await downloadFrom(page, '[data-save-menu]', '[data-export="json"]'));
  }
  return exports;
}

test('the JSON of each document view of the five-outlet example is its entry in the command line’s', async ({
  page,
}) => {
  const problems = watchProblems(page);
  await openPage(page);
  await page.locator('[data-examples-menu] summary').click();
  await page.locator('[data-examples-menu] [data-example="ferry"]').click();
  const example = await page.evaluate(
    async () => (await import('./js/examples.js')).EXAMPLES.find((example) => example.id === 'ferry').files,
  );
  const files = Object.entries(example).map(([path, name]) => ({ name, text: fixture(path) }));
  await expect(page.locator('[data-document-list] [data-field="name"]').nth(4)).toHaveValue(files[4].name);
  const cli = cliSetReport(files, []);
  const entries = documentEntries(cli);
  expect(entries).toHaveLength(5);
  const exports = await documentJsonExports(page, 5);
  for (const [index, file] of exports.entries()) {
    expect(file.name).toBe(`${files[index].name} in a set of 5.json`);
    expect(file.text, files[index].name).toBe(entries[index]);
    expect(JSON.parse(file.text)).toEqual(JSON.parse(cli).documents[index]);
  }
  // The Monitor copies the Ledger: its stretches name document 3, as the command line numbers them.
  expect(JSON.parse(exports[4].text).stretches.some(({ documents }) => documents.includes(3))).toBe(true);
  expect(problems).toEqual([]);
});

test('the JSON of a document view counts code points, with options, as the command line does', async ({ page }) => {
  // Emoji and astral ideographs ahead of the passages: UTF-16 offsets would be larger than the CLI's.
  const files = ['wire.txt', 'herald.txt', 'post.txt'].map((name, index) => ({
    name: `${['👩🏿‍💻', '𠜎', '🇬🇷'][index]} ${name}`,
    text: `${'😀 '.repeat(index + 1)}𠜎 ${MIXED_PARAGRAPHS[index]}\n\n${fixture(`sets/wire/${name}`)}`,
  }));
  await openPage(page, '?min=8&punct=1');
  await dropFiles(page, files);
  await expect(page.locator('[data-document-list] [data-open-document]')).toHaveCount(3);
  const entries = documentEntries(cliSetReport(files, ['--min-words', '8', '--ignore-punctuation']));
  const exports = await documentJsonExports(page, 3);
  for (const [index, file] of exports.entries()) {
    expect(file.text, files[index].name).toBe(entries[index]);
    const { stretches } = JSON.parse(file.text);
    expect(stretches.length, files[index].name).toBeGreaterThan(0);
    // Each stretch, cut from the text by code points, starts and ends with a word.
    const codePoints = [...files[index].text];
    for (const { start, end } of stretches)
      expect(codePoints.slice(start, end).join(''), `${start}..${end}`).toMatch(
        /^[\p{L}\p{N}“"‘'(].*[\p{L}\p{N}.”"’')]$/su,
      );
  }
});

/** What `copydesk compare-many --format json` prints for the files, named as in the page, with `flags`. */
function cliSetReport(files, flags) {
  return runCli(files, ['compare-many', ...files.map(({ name }) => name), '--format', 'json', ...flags]).stdout;
}
