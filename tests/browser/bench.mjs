// Browser benchmark (not a test: it measures, it does not judge). For 10k, 100k and 1M words a side it
// drops two generated articles on the page and reports
//   - drop to first paint: until the first lines of text are on screen,
//   - drop to done: until both texts are fully rendered with their passages,
//   - main-thread long tasks (> 50 ms) in between: how many, and the longest (target: none > 200 ms).
// Then for sets of 50, 200 and 1,000 generated articles of ~400 words (story-set.js) it drops them all
// at once and reports
//   - drop to the stories view painted (target at 1,000: under 3 s),
//   - a click on a document's name to its document view painted,
//   - main-thread long tasks from the drop to the end, and the renderer's memory (resident set of the
//     page's renderer process, which holds the engine's workers too), after and before the drop.
// Usage: make dist, then `node tests/browser/bench.mjs [words ...] [--sets=50,200,1000]` (serves dist/
// itself); `--sets=` alone or words alone run only that half.

import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { CHROMIUM } from '../../playwright.config.js';
import { storySet } from './story-set.js';

// Another port when something else listens on this one: COPYDESK_BENCH_PORT=8799.
const PORT = Number(process.env.COPYDESK_BENCH_PORT ?? 8765);
const ARGS = process.argv.slice(2);
const SET_ARG = ARGS.find((arg) => arg.startsWith('--sets='));
const SIZES = ARGS.filter((arg) => !arg.startsWith('--'))
  .map(Number)
  .filter(Boolean);
const SET_SIZES = SET_ARG?.slice('--sets='.length).split(',').map(Number).filter(Boolean) ?? [];
if (SET_SIZES.length === 0) SET_SIZES.push(50, 200, 1000);
const RUN_PAIRS = SIZES.length > 0 || !SET_ARG;
const RUN_SETS = SET_ARG !== undefined || SIZES.length === 0;

/** Deterministic pseudo-random numbers, so that every run compares the same texts. */
function random(seed) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

/**
 * Two article-like texts of about `words` words: B keeps most of A's paragraphs, some moved, some with a
 * word changed, drops a tenth and adds new ones.
 */
function generatePair(words) {
  const next = random(words);
  const vocabulary = Array.from({ length: 8000 }, (_, i) => {
    const length = 2 + Math.floor(next() * 9);
    return (
      Array.from({ length }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join('') +
      (i % 97 === 0 ? ',' : '')
    );
  });
  // Zipf-like: common words often, rare words rarely.
  const word = () => vocabulary[Math.floor(vocabulary.length * next() ** 3)];
  const paragraph = () => {
    const length = 40 + Math.floor(next() * 80);
    const text = Array.from({ length }, word).join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const a = [];
  for (let total = 0; total < words; total += a.at(-1).split(' ').length) a.push(paragraph());
  const b = [];
  for (const text of a) {
    const roll = next();
    if (roll < 0.1) continue; // dropped
    if (roll < 0.2) b.push(paragraph()); // the outlet's own paragraph
    const edited = roll < 0.4 ? text.replace(/ \w+ /, ` ${word()} `) : text;
    if (next() < 0.15)
      b.splice(Math.floor(next() * b.length), 0, edited); // moved
    else b.push(edited);
  }
  return [a.join('\n\n'), b.join('\n\n')];
}

async function measure(page, words) {
  const [a, b] = generatePair(words);
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForSelector('html[data-ready]');
  await page.waitForFunction(() => document.querySelectorAll('[data-matrix] button[data-heat]').length === 20);
  // Handing 12 MB of text to the page is itself a long task: do it before measuring.
  await page.evaluate(
    ([a, b]) => {
      globalThis.benchFiles = [new File([a], 'a.txt'), new File([b], 'b.txt')];
    },
    [a, b],
  );
  return page.evaluate(async () => {
    const longTasks = [];
    new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((entry) => entry.duration))).observe({
      type: 'longtask',
    });
    const textA = document.querySelector('[data-side="a"] [data-text]');
    const firstPaint = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!textA.querySelector('.line')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
      });
      observer.observe(textA, { childList: true });
    });
    const marked = () =>
      document.querySelector('[data-side="b"] mark[data-passage]') &&
      !document.querySelector('[data-status] [data-task]');
    const done = new Promise((resolve) => {
      const check = () => (marked() ? resolve(performance.now()) : setTimeout(check, 20));
      check();
    });
    const transfer = new DataTransfer();
    for (const file of globalThis.benchFiles) transfer.items.add(file);
    const start = performance.now();
    document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    const [painted, finished] = await Promise.all([firstPaint, done]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return {
      firstPaint: Math.round(painted - start),
      done: Math.round(finished - start),
      longTasks: longTasks.length,
      longest: Math.round(Math.max(0, ...longTasks)),
      passages: document.querySelector('[data-stat="passages"] .stat-value')?.textContent,
    };
  });
}

/** Drops `count` generated articles at once; times the stories view and then a document view. */
async function measureSet(page, browser, count) {
  const { files } = storySet(count);
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.waitForSelector('html[data-ready]');
  await page.waitForFunction(() => document.querySelectorAll('[data-matrix] button[data-heat]').length === 20);
  await page.evaluate((files) => {
    globalThis.benchFiles = files.map(({ name, text }) => new File([text], name));
  }, files);
  const memoryBefore = await rendererMemory(browser);
  const stories = await page.evaluate(async (count) => {
    globalThis.benchLongTasks = [];
    new PerformanceObserver((list) =>
      globalThis.benchLongTasks.push(...list.getEntries().map((entry) => entry.duration)),
    ).observe({ type: 'longtask' });
    const painted = new Promise((resolve) => {
      const check = () => {
        const view = document.querySelector('[data-view="stories"]');
        if (view && !view.hidden && view.dataset.indexed === String(count) && view.querySelector('[data-story]'))
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
        else setTimeout(check, 10);
      };
      check();
    });
    const transfer = new DataTransfer();
    for (const file of globalThis.benchFiles) transfer.items.add(file);
    const start = performance.now();
    document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    return Math.round((await painted) - start);
  }, count);
  const documentView = await page.evaluate(async () => {
    const view = document.querySelector('[data-view="document"]');
    const text = view.querySelector('[data-text]');
    const painted = new Promise((resolve) => {
      const check = () => {
        if (!view.hidden && text.querySelector('mark') && !text.hasAttribute('aria-busy'))
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
        else setTimeout(check, 10);
      };
      check();
    });
    const start = performance.now();
    /** @type {HTMLElement} */ (
      document.querySelector('[data-view="stories"] [data-story] [data-open-document]')
    ).click();
    return Math.round((await painted) - start);
  });
  await page.waitForTimeout(300);
  const longTasks = await page.evaluate(() => globalThis.benchLongTasks);
  return {
    stories: documentView === undefined ? null : stories,
    documentView,
    longTasks: longTasks.length,
    longest: Math.round(Math.max(0, ...longTasks)),
    memoryBefore,
    memory: await rendererMemory(browser),
  };
}

/** The resident memory of the browser's renderer processes, in MB (one page is open: one renderer). */
async function rendererMemory(browser) {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await session.send('SystemInfo.getProcessInfo');
    const kilobytes = processInfo
      .filter((process) => process.type === 'renderer')
      .map((process) => Number(readFileSync(`/proc/${process.id}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0));
    return Math.round(kilobytes.reduce((sum, value) => sum + value, 0) / 1024);
  } finally {
    await session.detach();
  }
}

const server = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', 'dist', String(PORT)], {
  stdio: 'ignore',
});
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch(CHROMIUM);
try {
  if (RUN_PAIRS) {
    for (const words of SIZES.length ? SIZES : [10_000, 100_000, 1_000_000]) {
      // A fresh page each time: the work saved by the last run would open in place of the example.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const result = await measure(page, words);
      console.log(
        `${words.toLocaleString('en')} words a side: first paint ${result.firstPaint} ms, done ${result.done} ms, ` +
          `${result.passages} passages, ${result.longTasks} long tasks, longest ${result.longest} ms`,
      );
      await context.close();
    }
  }
  if (RUN_SETS) {
    console.log(
      '| documents | drop → stories painted | → a document view painted | long tasks | longest task | renderer memory (before the drop) |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const count of SET_SIZES) {
      // A fresh page each time, so that one set's memory is not counted in the next.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const result = await measureSet(page, browser, count);
      console.log(
        `| ${count.toLocaleString('en')} | ${result.stories} ms | ${result.documentView} ms | ${result.longTasks} | ` +
          `${result.longest} ms | ${result.memory} MB (${result.memoryBefore} MB) |`,
      );
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.kill();
}
