// One tool on one pair, in a process of its own so that run.mjs can cap its time and read its peak
// memory. Every worker (this one, browser-worker.mjs, native/) speaks the same protocol, one JSON line
// on stdout per event; run.mjs restarts its time cap on every line:
//
//   {"type":"ready"}                              set up and warmed on WARM_DIR's pair: untimed runs until
//                                                 WARM_RUNS or WARM_MS (wasm engines compile hot code again,
//                                                 optimised, only after it has run a while)
//   {"type":"rep","wall_ms":..,"cpu_ms":..}       per timed run, until REPS or until the budget is spent
//   {"type":"done","peak_rss_mb":..,"marked_a":..,"marked_b":..,"b_marked":..,"b_right":.., ...}
//                                                 marked_*: words marked in each text; b_marked, b_right:
//                                                 words of b marked, and those of them truly shared
//                                                 (absent when b's words are not the truth's)
//
// Usage: node node-worker.mjs TOOL PAIR_DIR WARM_DIR REPS BUDGET_SECONDS

import { readFileSync } from 'node:fs';
import { peakRssMb, readTruth, scoreMarks, TOOLS, WARM_MS, WARM_RUNS } from './tools.mjs';

const [toolId, pairDir, warmDir, reps, budgetSeconds] = process.argv.slice(2);
const tool = await TOOLS[toolId].load();
const read = (dir) => ['a.txt', 'b.txt'].map((name) => readFileSync(`${dir}/${name}`, 'utf8'));
const emit = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);

const [a, b] = read(pairDir);
const warm = read(warmDir);
for (let runs = 0, start = performance.now(); runs < WARM_RUNS && performance.now() - start < WARM_MS; runs += 1)
  tool.run(...warm);
emit({ type: 'ready' });

let result;
let spent = 0;
for (let rep = 0; rep < Math.max(1, Number(reps)); rep += 1) {
  result = undefined; // the previous result would otherwise add to this run's peak memory
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  result = tool.run(a, b);
  const wall = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  emit({ type: 'rep', wall_ms: wall, cpu_ms: (cpu.user + cpu.system) / 1e3 });
  spent += wall;
  if (spent + wall > Number(budgetSeconds) * 1e3) break;
}
const peak = peakRssMb(); // before the scoring, whose work would add to it
const marked = tool.marked(result, a, b);
const score = scoreMarks(b, marked.rangesB, readTruth(pairDir));
emit({
  type: 'done',
  peak_rss_mb: peak,
  marked_a: marked.a,
  marked_b: marked.b,
  engine: marked.engine,
  b_marked: score?.marked,
  b_right: score?.right,
});
