// copydesk in headless Chromium, in one of two modes. Speaks node-worker.mjs's protocol.
//
// page: the way a person uses it, the real page from dist/ with two files dropped on it, timed from the
// drop to the first frame painted with the result. One repetition: open the page in a new tab, wait
// until its built-in example is compared (so the engine's worker is up and its wasm warm, as for anyone
// who opens the page and then drops files), make the two Files, then dispatch dragenter, dragover and
// drop (as tests/browser/helpers.js does) and wait for the first paint: the first frame after the first
// lines of both texts are in the page (the page shows "Comparing…" until the result arrives, then writes
// the texts with their passages a slice per frame). The last repetition also waits for the full render
// (both texts written in full, no task left in the status bar) and counts the words inside the passage
// marks in the page itself, and scores b's marked words against the truth on the text the page shows;
// the others close their tab at first paint.
//
// wasm: the module alone in Chromium's engine, warmed and timed as node-worker.mjs does it, on
// the main thread of a page of the same origin (pkg/'s listing: the app's own page would need its
// Content-Security-Policy relaxed for an evaluated import). Chromium gives a page that is not
// cross-origin isolated a clock of 100 µs steps, too coarse for a 1k pair, so one repetition calls
// compare for at least BATCH_MS and reports the time per call (one call, at the large sizes).
//
// Usage: node browser-worker.mjs page|wasm URL PAIR_DIR WARM_DIR REPS BUDGET_SECONDS

import { readFileSync, readdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import config from '../../playwright.config.js';
import { countWords, peakRssMb, readTruth, scoreMarks, WARM_MS, WARM_RUNS, WORD } from './tools.mjs';

const [mode, url, pairDir, warmDir, reps, budgetSeconds] = process.argv.slice(2);
const emit = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);
const read = (dir) => ['a.txt', 'b.txt'].map((name) => readFileSync(`${dir}/${name}`, 'utf8'));
const [a, b] = read(pairDir);
const truth = readTruth(pairDir);
const count = Math.max(1, Number(reps));
const budget = Number(budgetSeconds) * 1e3;
/** The shortest repetition of the wasm mode: two hundred of Chromium's clock steps. */
const BATCH_MS = 20;

async function openPage() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached' });
  await page.waitForFunction(() => !document.querySelector('[data-status] [data-task]'));
  return page;
}

/**
 * Drops the pair on the page; resolves with the milliseconds to first paint and, with `fullRender`,
 * to the end of the render (else `null`).
 */
function dropAndWait(page, fullRender) {
  return page.evaluate(
    ([a, b, fullRender]) => {
      const texts = [...document.querySelectorAll('[data-side] [data-text]')];
      const painted = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!texts.every((text) => text.querySelector('.line'))) return;
          observer.disconnect();
          // requestAnimationFrame runs just before the frame is painted; a task queued from it runs after.
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
        });
        for (const text of texts) observer.observe(text, { childList: true, subtree: true });
      });
      const rendered = !fullRender
        ? null
        : painted.then(
            () =>
              new Promise((resolve) => {
                const check = () =>
                  document.querySelector('[data-status] [data-task]')
                    ? setTimeout(check, 10)
                    : resolve(performance.now());
                check();
              }),
          );
      const transfer = new DataTransfer();
      transfer.items.add(new File([a], 'a.txt', { type: 'text/plain' }));
      transfer.items.add(new File([b], 'b.txt', { type: 'text/plain' }));
      const target = document.querySelector('main');
      const start = performance.now();
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      }
      return Promise.all([painted, rendered]).then(([paint, done]) => ({
        paint: paint - start,
        done: done && done - start,
      }));
    },
    [a, b, fullRender],
  );
}

/**
 * Words inside the passage marks of each side, counted in the page as tools.mjs counts them, and the
 * text of b as the page shows it with the stretches its marks cover, for `scoreMarks`.
 */
function markedWords(page) {
  return page.evaluate(
    ([source, flags]) => {
      const word = new RegExp(source, flags);
      const count = (side) =>
        [...document.querySelectorAll(`[data-side="${side}"] mark[data-passage]`)].reduce(
          (sum, mark) => sum + (mark.textContent.match(word)?.length ?? 0),
          0,
        );
      const shownB = { text: '', ranges: [] };
      const walker = document.createTreeWalker(
        document.querySelector('[data-side="b"] [data-text]'),
        NodeFilter.SHOW_TEXT,
      );
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const start = shownB.text.length;
        shownB.text += node.data;
        if (node.parentElement.closest('mark[data-passage]')) shownB.ranges.push([start, shownB.text.length]);
      }
      const passages = document.querySelectorAll('[data-side="a"] mark[data-passage][tabindex]').length;
      return { a: count('a'), b: count('b'), passages, shownB };
    },
    [WORD.source, WORD.flags],
  );
}

/** The highest peak RSS among this process's Chromium renderers (a page and its worker live in one). */
function rendererPeakMb() {
  const children = new Map();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
      children.set(parent, [...(children.get(parent) ?? []), pid]);
    } catch {
      // the process ended while we looked
    }
  }
  const descendants = [];
  for (let queue = [String(process.pid)]; queue.length > 0;) {
    const pid = queue.pop();
    descendants.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  let peak = 0;
  for (const pid of descendants) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      peak = Math.max(peak, peakRssMb(pid));
    } catch {
      // the process ended while we looked
    }
  }
  return peak;
}

/** The page mode: see the top of this file. */
async function timePage() {
  let page = await openPage();
  emit({ type: 'ready' });
  let spent = 0;
  let peak = 0;
  for (let rep = 1; ; rep += 1) {
    const start = performance.now();
    // Each run costs a page load and the example besides the drop, and the budget counts all of it; the
    // last run (the count reached, or another would overrun the budget) also renders in full.
    const last = rep >= count || spent + spent / (rep - 1) > budget;
    const { paint, done } = await dropAndWait(page, last);
    emit({ type: 'rep', wall_ms: paint, ...(last && { full_render_ms: done }) });
    peak = Math.max(peak, rendererPeakMb());
    if (last) break;
    await page.close();
    page = await openPage();
    spent += performance.now() - start;
  }
  const marked = await markedWords(page);
  const score = scoreMarks(marked.shownB.text, marked.shownB.ranges, truth);
  emit({
    type: 'done',
    peak_rss_mb: peak,
    marked_a: marked.a,
    marked_b: marked.b,
    passages: marked.passages,
    b_marked: score?.marked,
    b_right: score?.right,
  });
}

/** The wasm mode: see the top of this file. */
async function timeModule() {
  const page = await browser.newPage();
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  await page.goto(new URL('pkg/', url).href);
  await page.evaluate(
    async ([pair, warm, warmRuns, warmMs]) => {
      const engine = await import(new URL('copydesk.js', location.href).href);
      await engine.default();
      // As the page's worker calls it: the texts encoded to UTF-8 (timed too), then the comparison.
      const encoder = new TextEncoder();
      const run = ([a, b]) => engine.compare(encoder.encode(a), encoder.encode(b), undefined);
      for (let runs = 0, start = performance.now(); runs < warmRuns && performance.now() - start < warmMs; runs += 1)
        run(warm);
      Object.assign(window, { run, pair });
    },
    [[a, b], read(warmDir), WARM_RUNS, WARM_MS],
  );
  emit({ type: 'ready' });
  let spent = 0;
  for (let rep = 0; rep < count && (rep === 0 || spent * (1 + 1 / rep) <= budget); rep += 1) {
    const { wall, calls } = await page.evaluate((batchMs) => {
      window.result = undefined; // as in node-worker.mjs: the last result must not add to the peak
      let calls = 0;
      const start = performance.now();
      let now = start;
      do {
        window.result = window.run(window.pair);
        calls += 1;
        now = performance.now();
      } while (now - start < batchMs);
      return { wall: (now - start) / calls, calls };
    }, BATCH_MS);
    emit({ type: 'rep', wall_ms: wall });
    spent += wall * calls;
  }
  const passages = await page.evaluate(() => window.result.passages.map((passage) => [passage.a, passage.b]));
  const inPassages = (text, side) =>
    passages.reduce((sum, passage) => sum + countWords(text.slice(...passage[side])), 0);
  const score = scoreMarks(
    b,
    passages.map((passage) => passage[1]),
    truth,
  );
  emit({
    type: 'done',
    peak_rss_mb: rendererPeakMb(),
    marked_a: inPassages(a, 0),
    marked_b: inPassages(b, 1),
    passages: passages.length,
    b_marked: score?.marked,
    b_right: score?.right,
  });
}

const browser = await chromium.launch(config.use.launchOptions);
try {
  await (mode === 'wasm' ? timeModule() : timePage());
} finally {
  await browser.close();
}
