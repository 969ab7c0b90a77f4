// The peer benchmark: copydesk (native, wasm under Node, the page in headless Chromium) against jsdiff and
// diff-match-patch, on the same generated pairs, in one run. `make bench-peers` builds what it needs
// and runs this; see benches/README.md. Prints a markdown report and writes it to PEERS_OUT.
//
// Each tool runs on each pair in a child process of its own (a worker: node-worker.mjs,
// browser-worker.mjs or native/), which is killed when it stays silent for the cap: a run that needs
// longer is reported as "> cap", and the tool is not run on the larger sizes of that case (nor after
// it failed, e.g. ran out of memory).
//
// The site and its wasm module are copied from dist/ first, and every copydesk run uses that copy: a
// rebuild of dist/ or pkg/ while the benchmark runs (other work on the same tree) cannot mix two builds.
//
// Settings (environment): PEERS_CAP seconds (60), PEERS_BUDGET seconds of timed runs per measurement
// before the repetitions stop early (20), PEERS_SIZES (1000,10000,100000,1000000), PEERS_CASES (all
// five), PEERS_TOOLS (all), PEERS_OUT (benches/peers-results.md), PEERS_INPUTS (target/peers/inputs).

import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report } from './report.mjs';
import { countWords, TOOLS } from './tools.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const HERE = join(ROOT, 'benches/peers');
const list = (value, fallback) =>
  value
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : fallback;

const CASES = ['near_duplicate', 'reordered', 'partly_shared', 'overlapping_copies', 'unrelated'];
const settings = {
  cap: Number(process.env.PEERS_CAP ?? 60),
  budget: Number(process.env.PEERS_BUDGET ?? 20),
  sizes: list(process.env.PEERS_SIZES, ['1000', '10000', '100000', '1000000']).map(Number),
  cases: list(process.env.PEERS_CASES, CASES),
  tools: list(process.env.PEERS_TOOLS, ['native', 'wasm', 'wasm-chromium', 'browser', 'jsdiff', 'dmp-1s', 'dmp-0']),
  out: resolve(ROOT, process.env.PEERS_OUT ?? 'benches/peers-results.md'),
  inputs: resolve(ROOT, process.env.PEERS_INPUTS ?? 'target/peers/inputs'),
};
/** Timed repetitions by size (the median is reported); fewer when the budget runs out first. */
const REPS = { 1000: 21, 10000: 11, 100000: 7, 1000000: 5 };
/** Every tool runs once untimed on this size of the same case before it is timed. */
const WARM_SIZE = 1000;

/** How each tool's worker is started: [command, its first arguments], given the URL of dist/. */
const WORKERS = {
  native: { label: 'copydesk native', command: () => [join(ROOT, 'target/release/copydesk-peers-native'), []] },
  wasm: {
    label: TOOLS['copydesk-wasm'].label,
    command: () => ['node', [join(HERE, 'node-worker.mjs'), 'copydesk-wasm']],
  },
  'wasm-chromium': {
    label: 'copydesk wasm (Chromium)',
    command: (url) => ['node', [join(HERE, 'browser-worker.mjs'), 'wasm', url]],
  },
  browser: {
    label: 'copydesk page: drop to first paint',
    command: (url) => ['node', [join(HERE, 'browser-worker.mjs'), 'page', url]],
  },
  ...Object.fromEntries(
    ['jsdiff', 'dmp-1s', 'dmp-0'].map((id) => [
      id,
      {
        label: TOOLS[id].label,
        command: () => ['node', [join(HERE, 'node-worker.mjs'), id]],
      },
    ]),
  ),
};
const CHROMIUM_TOOLS = ['wasm-chromium', 'browser'];

for (const tool of settings.tools) if (!WORKERS[tool]) throw new Error(`unknown tool in PEERS_TOOLS: ${tool}`);
for (const name of settings.cases) if (!CASES.includes(name)) throw new Error(`unknown case in PEERS_CASES: ${name}`);

const site = snapshotDist();
const pairs = generatePairs();
const server = settings.tools.some((tool) => CHROMIUM_TOOLS.includes(tool)) ? await serveDist() : null;
const started = { date: new Date(), load: loadavg() };
const results = [];
try {
  for (const name of settings.cases) {
    /** Tools that hit the cap or failed on a smaller pair of this case, by the status they had. */
    const stopped = new Map();
    for (const size of settings.sizes) {
      const pair = pairs.get(`${name}/${size}`);
      for (const tool of settings.tools) {
        const row = { tool, label: WORKERS[tool].label, case: name, size, truth: pair.truth, load: loadavg()[0] };
        if (stopped.has(tool)) {
          results.push({ ...row, status: 'skipped', after: stopped.get(tool) });
          continue;
        }
        process.stderr.write(`${name} ${size} ${tool} ... `);
        const outcome = await runWorker(tool, pair.dir, pairs.get(`${name}/${WARM_SIZE}`).dir, REPS[size] ?? 5);
        process.stderr.write(`${outcome.status} ${outcome.message ?? ''}\n`);
        if (outcome.status !== 'ok') stopped.set(tool, outcome.status);
        results.push({ ...row, ...outcome });
      }
    }
  }
} finally {
  server?.kill();
}

const text = report({
  settings,
  environment: environment(),
  started,
  ended: { date: new Date(), load: loadavg() },
  results,
});
process.stdout.write(text);
mkdirSync(dirname(settings.out), { recursive: true });
writeFileSync(settings.out, text);
process.stderr.write(`\nwritten to ${settings.out}\n`);

/** Writes every pair with examples/generate.rs (built by the Makefile) and checks the word counts. */
function generatePairs() {
  const generate = join(ROOT, 'target/release/examples/generate');
  const all = new Map();
  for (const name of settings.cases) {
    for (const size of new Set([WARM_SIZE, ...settings.sizes])) {
      const dir = join(settings.inputs, `${name}-${size}`);
      execFileSync(generate, [name, String(size), dir]);
      const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
      const counted = ['a.txt', 'b.txt'].map((file) => countWords(readFileSync(join(dir, file), 'utf8')));
      if (counted[0] !== truth.words_a || counted[1] !== truth.words_b) {
        throw new Error(
          `${dir}: the benchmark counts ${counted} words, the generator ${truth.words_a},${truth.words_b}`,
        );
      }
      all.set(`${name}/${size}`, { dir, truth });
    }
  }
  return all;
}

/**
 * Runs one worker and collects its protocol lines. The cap restarts with every line, so it bounds
 * the setup and each timed run alike; at the cap the worker's whole process group is killed.
 */
function runWorker(tool, pairDir, warmDir, reps) {
  const [command, args] = WORKERS[tool].command(server?.url);
  const common = [pairDir, warmDir, reps, settings.budget].map(String);
  const env = { ...process.env, PEERS_PKG: join(site, 'pkg') };
  const child = spawn(command, [...args, ...common], { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const outcome = { status: 'failed', reps: [], message: '' };
  let stderr = '';
  let buffered = '';
  let timer;
  let lastEvent = performance.now();
  const arm = () => {
    clearTimeout(timer);
    lastEvent = performance.now();
    timer = setTimeout(() => {
      outcome.status = 'timeout';
      outcome.silentMs = performance.now() - lastEvent;
      killGroup(child);
    }, settings.cap * 1e3);
  };
  arm();
  child.stdout.on('data', (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (!line.startsWith('{')) continue;
      arm();
      const event = JSON.parse(line);
      if (event.type === 'rep') outcome.reps.push(event);
      if (event.type === 'done') Object.assign(outcome, event, { status: 'ok' });
    }
  });
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  return new Promise((done) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (outcome.status === 'failed') outcome.message = failure(stderr, code, signal);
      killGroup(child); // a browser left behind by a worker that failed
      done(outcome);
    });
  });
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** A failed worker's reason in a few words: out of memory, or its last line on stderr. */
function failure(stderr, code, signal) {
  if (/heap out of memory|Allocation failed/i.test(stderr)) return 'out of memory';
  const lines = stderr
    .trim()
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('at '));
  return (lines.at(-1) ?? `exit ${code ?? signal}`).slice(0, 120);
}

/** The copy of dist/ that every copydesk run uses (see the top of this file). */
function snapshotDist() {
  const source = join(ROOT, 'dist');
  if (!existsSync(join(source, 'pkg/copydesk_bg.wasm')))
    throw new Error('dist/ has no wasm module: run `make dist` first');
  const copy = join(dirname(settings.inputs), 'dist');
  rmSync(copy, { recursive: true, force: true });
  cpSync(source, copy, { recursive: true, preserveTimestamps: true });
  return copy;
}

/** Serves the copy of dist/ on a free port of 127.0.0.1 with Python's static server, as the browser tests do. */
async function serveDist() {
  const port = await new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => done(free));
    });
  });
  const child = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', '--directory', site, String(port)], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fetch(url);
      break;
    } catch (error) {
      if (attempt > 100) throw new Error(`the static server on ${url} did not start: ${error.message}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  return { url, kill: () => child.kill() };
}

function environment() {
  const run = (command, args) => {
    try {
      return execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  };
  const wasm = join(site, 'pkg/copydesk_bg.wasm');
  const bytes = readFileSync(wasm);
  return {
    commit: run('git', ['describe', '--always', '--dirty']),
    wasm:
      `${bytes.length.toLocaleString('en')} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex').slice(0, 12)}, ` +
      `built ${statSync(wasm).mtime.toISOString()}`,
    cpu: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`,
    node: process.version,
    chromium: settings.tools.some((tool) => CHROMIUM_TOOLS.includes(tool))
      ? run(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'])
      : 'not run',
  };
}
