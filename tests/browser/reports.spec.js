// One report, two ways out: the page's JSON and PAN exports are the engine's (src/report/), so for the
// same texts, names and options they are byte for byte what `copydesk compare --format json|pan` prints.
// The command line runs here on the very files the page is given.

import {
  downloadFrom,
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
