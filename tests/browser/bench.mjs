// Browser benchmark (not a test: it measures, it does not judge). For 10k, 100k and 1M words a side it
// drops two generated articles on the page and reports
//   - drop to first paint: until the first lines of text are on screen,
//   - drop to done: until both texts are fully rendered with their passages,
//   - main-thread long tasks (> 50 ms) in between: how many, and the longest (target: none > 200 ms).
// Usage: make dist, then `node tests/browser/bench.mjs [words ...]` (serves dist/ itself).

import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../playwright.config.js';

const PORT = 8765;
const SIZES = process.argv.slice(2).map(Number).filter(Boolean);

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

const server = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', 'dist', String(PORT)], {
  stdio: 'ignore',
});
await new Promise((resolve) => setTimeout(resolve, 500));
const browser = await chromium.launch(CHROMIUM);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  for (const words of SIZES.length ? SIZES : [10_000, 100_000, 1_000_000]) {
    const result = await measure(page, words);
    console.log(
      `${words.toLocaleString('en')} words a side: first paint ${result.firstPaint} ms, done ${result.done} ms, ` +
        `${result.passages} passages, ${result.longTasks} long tasks, longest ${result.longest} ms`,
    );
  }
} finally {
  await browser.close();
  server.kill();
}
