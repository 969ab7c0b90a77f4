// The share_link fuzz target: the page's share-link decoder and comparison-file reader (www/js/session-format.js,
// the real module, with Node's own CompressionStream and DecompressionStream) under fast-check, for a
// bounded time. The inputs are in share_link.inputs.js, the properties in share_link.checks.js.
//
//   node fuzz/js/share_link.fuzz.js SECONDS [--timeout S] [--rss-limit-mb MB] [--seed N]
//   node fuzz/js/share_link.fuzz.js --replay FILE...
//
// The checks run in a worker thread; this thread watches it, as libFuzzer does a target: an input that
// takes over --timeout seconds, or a process over --rss-limit-mb, stops the run, and so does a finding
// (after fast-check has shrunk it). The input is written to fuzz/artifacts/share_link/ (crash-, timeout-,
// oom-, and slow-unit- for inputs over 10 s, which do not stop the run) and the run exits 1. It starts
// with a link and a file over the size limit, then every input in fuzz/corpus/share_link/ (seeds written
// here at every run, and one input of each outcome met before), then generated ones. The last lines
// give the executions in libFuzzer's words, which fuzz/run.sh reads.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { encodeLink, makeSession, sessionFileText } from '../../www/js/session-format.js';
import { check, limitCases } from './share_link.checks.js';
import { fuzzCase, inputOf } from './share_link.inputs.js';

const FUZZ = new URL('..', import.meta.url);
const CORPUS = new URL('corpus/share_link/', FUZZ);
const ARTIFACTS = new URL('artifacts/share_link/', FUZZ);
const SLOW_SECONDS = 10;
/** Inputs are posted to the watching thread before they run, unless larger than this (then only named). */
const POSTED_CHARACTERS = 64 << 20;
const KINDS = /(?:^|-)(link|file|session)-/;

if (isMainThread) await main();
else await fuzz(workerData);

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      replay: { type: 'boolean' },
      timeout: { type: 'string', default: '20' },
      'rss-limit-mb': { type: 'string', default: '2048' },
      seed: { type: 'string' },
    },
  });
  if (values.replay) return replay(positionals);
  const seconds = Number(positionals[0]);
  if (!(seconds > 0))
    throw new Error(
      'usage: share_link.fuzz.js SECONDS [--timeout S] [--rss-limit-mb MB] [--seed N] | --replay FILE...',
    );
  mkdirSync(CORPUS, { recursive: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  await writeSeeds();
  const seed = values.seed === undefined ? (Date.now() ^ (Math.random() * 2 ** 31)) | 0 : Number(values.seed);
  console.log(
    `share_link: fast-check, seed ${seed}, ${seconds} s, timeout ${values.timeout} s, rss limit ${values['rss-limit-mb']} MB`,
  );
  process.exitCode = await watch(new Worker(new URL(import.meta.url), { workerData: { seconds, seed } }), {
    timeout: Number(values.timeout) * 1000,
    rssLimit: Number(values['rss-limit-mb']) * 2 ** 20,
    started: Date.now(),
  });
}

/** Follows the worker until it is done or something stops it; returns the exit code. */
function watch(worker, { timeout, rssLimit, started }) {
  let current = null;
  let executions = 0;
  let lastPulse = started;
  const corpusSize = () => readdirSync(CORPUS).length;
  const stats = () => {
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `stat::number_of_executed_units: ${executions}\nstat::average_exec_per_sec: ${Math.round(executions / seconds)}`,
    );
  };
  const finishCurrent = () => {
    const seconds = current && (Date.now() - current.since) / 1000;
    if (seconds > SLOW_SECONDS)
      console.log(`Slowest unit: ${Math.round(seconds)} s\n${artifact('slow-unit', current.input)}`);
  };
  return new Promise((resolve) => {
    // Once only: terminating the worker makes it exit with 1. `lines` is called then, as it may write an artifact.
    let stopped = false;
    const stop = (code, lines) => {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      for (const line of lines()) console.log(line);
      stats();
      worker.terminate().then(() => resolve(code));
    };
    const timer = setInterval(() => {
      const rss = process.memoryUsage.rss();
      if (rss > rssLimit)
        stop(1, () => [
          `==share_link== out of memory: ${Math.round(rss / 2 ** 20)} MB`,
          artifact('oom', current?.input),
        ]);
      else if (current && Date.now() - current.since > timeout)
        stop(1, () => [
          `==share_link== timeout: one input ran over ${timeout / 1000} s`,
          artifact('timeout', current.input),
        ]);
      else if (Date.now() - lastPulse > 10_000) {
        lastPulse = Date.now();
        console.log(
          `#${executions}\tpulse  exec/s: ${Math.round(executions / ((lastPulse - started) / 1000))}  corpus: ${corpusSize()}`,
        );
      }
    }, 250);
    worker.on('message', (message) => {
      if (message.type === 'input') {
        finishCurrent();
        current = { input: message.input, since: Date.now() };
        executions = message.executions;
      } else if (message.type === 'new') {
        save(CORPUS, message.input.kind, message.input.text);
        console.log(`#${executions}\tNEW    ${message.outcome}`);
      } else if (message.type === 'done') {
        finishCurrent();
        stop(0, () => [
          `Done: ${message.executions} executions, ${message.outcomes} outcomes, corpus ${corpusSize()} inputs`,
        ]);
      } else if (message.type === 'finding') {
        stop(1, () => [
          `==share_link== FINDING: ${message.finding}`,
          ...message.details,
          artifact('crash', message.input),
        ]);
      }
    });
    // An exception thrown outside the checks, or an unhandled rejection: the input on show caused it.
    worker.on('error', (error) =>
      stop(1, () => [
        `==share_link== uncaught in the worker: ${error?.stack ?? error}`,
        artifact('crash', current?.input),
      ]),
    );
    worker.on(
      'exit',
      (code) =>
        code !== 0 &&
        stop(1, () => [`==share_link== the worker exited with ${code}`, artifact('crash', current?.input)]),
    );
  });
}

/** Writes `input` to fuzz/artifacts/share_link/ and says where, in libFuzzer's words, and how to replay it. */
function artifact(prefix, input) {
  if (!input) return 'Test unit not written: no input had started.';
  if (input.label) return `Test unit not written: ${input.label}.`;
  const path = save(ARTIFACTS, `${prefix}-${input.kind}`, input.text);
  return `Test unit written to ${path}\nReplay: node fuzz/js/share_link.fuzz.js --replay ${path}`;
}

/**
 * Writes `text` under `directory` as `<prefix>-<sha1>` (or `<prefix>` alone when not `hashed`), in
 * UTF-8, or, when it holds a lone surrogate that UTF-8 cannot carry, as a JSON string with
 * `.json-string` after the name. Returns the path from the checkout's root.
 */
function save(directory, prefix, text, hashed = true) {
  const exact = text.isWellFormed();
  const hash = hashed ? `-${createHash('sha1').update(JSON.stringify(text)).digest('hex')}` : '';
  const name = `${prefix}${hash}${exact ? '' : '.json-string'}`;
  writeFileSync(new URL(name, directory), exact ? text : JSON.stringify(text));
  return new URL(name, directory).pathname.replace(new URL('..', FUZZ).pathname, '');
}

/** Reads what save wrote: `{kind, text}`, the kind from the name. */
function load(path) {
  const raw = readFileSync(path, 'utf8');
  const kind = KINDS.exec(path.split('/').pop())?.[1];
  if (!kind) throw new Error(`${path}: the name does not say link, file or session`);
  return { kind, text: path.endsWith('.json-string') ? JSON.parse(raw) : raw };
}

/** Seeds, written again at every run: a few valid links and files, made by session-format.js itself. */
async function writeSeeds() {
  const fixture = (path) => readFileSync(new URL(`../tests/fixtures/${path}`, FUZZ), 'utf8');
  const file = (name, text) => ({ name, text, source: 'file', note: '' });
  const wire = ['wire', 'outlet-1', 'outlet-2', 'outlet-3', 'outlet-4'].map((name) =>
    file(`${name}.txt`, fixture(`wire/${name}.txt`)),
  );
  const seeds = {
    'short-pair': makeSession({
      documents: [file('a.txt', fixture('short/a.txt')), file('b.txt', fixture('short/b.txt'))],
      options: {},
    }),
    'wire-five': makeSession({
      documents: wire,
      options: { min_words: 8, spelling_variants: true },
      pair: [2, 4],
      tab: 'inline',
    }),
    scripts: makeSession({
      documents: [
        { name: '👩🏿‍💻 عربي.txt', text: 'Ελληνικά\r\nעברית \u202eTartús\u202c 🇸🇾 e\u0301\r\n', source: 'paste', note: '' },
        {
          name: 'lone \ud800.txt',
          text: `${fixture('chinese/a.txt')}\udc00\n${fixture('russian/a.txt')}`,
          source: 'example',
          note: 'a note',
        },
      ],
      options: { fold_case: false, ignore_numbers: true, max_edits: 0 },
      pair: [1, 0],
    }),
    empty: makeSession({ documents: [], options: {} }),
  };
  for (const [name, session] of Object.entries(seeds)) {
    save(CORPUS, `seed-link-${name}`, await encodeLink(session), false);
    save(CORPUS, `seed-file-${name}`, sessionFileText(session), false);
  }
}

async function replay(paths) {
  for (const path of paths) {
    const input = load(path);
    try {
      console.log(`${path}: ${await check(input)}`);
    } catch (error) {
      console.log(`${path}: FINDING: ${error.message}`);
      process.exitCode = 1;
    }
  }
}

// --- the worker --------------------------------------------------------------------------------------

async function fuzz({ seconds, seed }) {
  const deadline = Date.now() + seconds * 1000;
  const corpus = readdirSync(CORPUS)
    .sort()
    .map((name) => load(new URL(name, CORPUS).pathname));
  const outcomes = new Set();
  let executions = 0;
  const post = (input) => {
    executions += 1;
    const large = input.text.length > POSTED_CHARACTERS;
    parentPort.postMessage({
      type: 'input',
      executions,
      input: large
        ? { kind: input.kind, label: `an input of ${input.text.length} characters, too large to post` }
        : input,
    });
  };
  const report = (finding, input, details = []) => parentPort.postMessage({ type: 'finding', finding, input, details });

  for (const { name, input, run } of await limitCases()) {
    const labelled = { ...input, label: `${name}, made at the start of every run` };
    post(labelled);
    try {
      await run();
    } catch (error) {
      return report(`${name}: ${error.message}`, labelled);
    }
  }
  for (const input of corpus) {
    post(input);
    try {
      outcomes.add(await check(input));
    } catch (error) {
      return report(error.message, input, ['(an input of the corpus)']);
    }
  }

  const pools = {
    links: corpus.filter(({ kind }) => kind === 'link').map(({ text }) => text),
    files: corpus.filter(({ kind }) => kind === 'file').map(({ text }) => text),
  };
  let failing = null;
  const property = fc.asyncProperty(fuzzCase(pools), async (item) => {
    const input = inputOf(item);
    post(input);
    let outcome;
    try {
      outcome = await check(input);
    } catch (error) {
      // While fast-check shrinks, the last input to fail is the smallest so far.
      failing = { input, error };
      throw error;
    }
    if (!outcomes.has(outcome)) {
      outcomes.add(outcome);
      if (input.text.length <= 1 << 20) parentPort.postMessage({ type: 'new', input, outcome });
    }
  });
  const details = await fc.check(property, {
    seed,
    numRuns: Number.MAX_SAFE_INTEGER,
    plugins: [fc.interruptAfterTimeLimit(Math.max(deadline - Date.now(), 1))],
  });
  // fast-check counts a run the time limit stopped before its first case as failed: it is not a finding.
  if (failing || (details.failed && !details.interrupted)) {
    // Nothing failing was recorded: the error came from the harness (making the input), not from a check.
    const { input, error } = failing ?? { input: null, error: details.errorInstance };
    return report(`${failing ? '' : 'the harness itself failed: '}${error?.message ?? String(error)}`, input, [
      `fast-check: seed ${details.seed}, path ${details.counterexamplePath}, ${details.numShrinks} shrinks`,
      ...(error?.name === 'Finding' ? [] : [error?.stack ?? '']),
    ]);
  }
  parentPort.postMessage({ type: 'done', executions, outcomes: outcomes.size });
}
