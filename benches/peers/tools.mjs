// The tools the peer benchmark runs under Node, each as { label, run(a, b), marked(result, a, b) }:
// `run` is what is timed; `marked` (untimed) counts the words the tool marks as shared in each text,
// and gives the stretches of b it marks, which `scoreMarks` scores word by word against the truth.
// Words are counted as copydesk and the generator count them (see `countWords`).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { diffWords } from 'diff';
import DiffMatchPatch from 'diff-match-patch';

/** The wasm-bindgen output to load: run.mjs's snapshot of dist/pkg/, or else the project's pkg/. */
const PKG = process.env.PEERS_PKG ?? fileURLToPath(new URL('../../pkg/', import.meta.url));

/**
 * A word: a run of letters and digits, where a number keeps its thousands separators and decimal point
 * ("12,500"), as UAX #29 does. On the generated texts this gives exactly the generator's word counts,
 * which run.mjs checks against truth.json before it times anything.
 */
export const WORD = /[\p{L}\p{M}\p{N}]+(?:[,.]\p{N}+)*/gu;
/** The tokens of diff-match-patch's word mode: words as above, and the runs of anything else between them. */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[,.]\p{N}+)*|[^\p{L}\p{M}\p{N}]+/gu;

/**
 * A process's peak resident set size in MiB, from VmHWM: unlike getrusage's ru_maxrss it starts afresh
 * at exec, so a worker does not inherit the peak of the process that spawned it.
 */
export function peakRssMb(pid = 'self') {
  const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib ?? 0) / 1024;
}

/** Every worker warms a tool with untimed runs on a small pair: this many, or for this long if that comes first. */
export const WARM_RUNS = 300;
export const WARM_MS = 1000;

export function countWords(text) {
  let words = 0;
  for (const _ of text.matchAll(WORD)) words += 1;
  return words;
}

/**
 * The truth word by word for the pair in `dir`: its b-shared.txt, as examples/generate.rs writes it,
 * one character per word of b.txt, '1' for a word truly shared.
 */
export function readTruth(dir) {
  return readFileSync(join(dir, 'b-shared.txt'), 'utf8');
}

/**
 * How the words of `text` that a tool marks agree with `truth` (see `readTruth`), as
 * benches/support/marks.rs scores them for copydesk native: a word is marked when one of `ranges`
 * ([start, end) UTF-16 offsets, in any order, overlapping or not) holds it whole, and counts once however
 * many do. `null` when the text's words are not the truth's: then the tool did not give the text back
 * as it was given.
 */
export function scoreMarks(text, ranges, truth) {
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  let next = 0;
  let reach = 0; // the furthest end of the ranges that start before the word
  let words = 0;
  let marked = 0;
  let right = 0;
  for (const match of text.matchAll(WORD)) {
    while (next < sorted.length && sorted[next][0] <= match.index) reach = Math.max(reach, sorted[next++][1]);
    if (match.index + match[0].length <= reach) {
      marked += 1;
      if (truth[words] === '1') right += 1;
    }
    words += 1;
  }
  return words === truth.length ? { marked, right } : null;
}

/**
 * Words inside the parts of a diff that both texts have: equal parts mark the same words in a and b.
 * The parts that are not deletions tile b, so their lengths give the stretches of b the equal ones mark.
 */
function wordsInEqualParts(parts, { isEqual, isDeletion, textOf }) {
  let words = 0;
  let offset = 0;
  const rangesB = [];
  for (const part of parts) {
    if (isDeletion(part)) continue;
    const { length } = textOf(part);
    if (isEqual(part)) {
      words += countWords(textOf(part));
      rangesB.push([offset, offset + length]);
    }
    offset += length;
  }
  return { a: words, b: words, rangesB };
}

/** diff-match-patch in word mode: each distinct token becomes one UTF-16 code unit, as its line mode does with lines. */
function diffWordMode(dmp, a, b) {
  const tokens = ['']; // code 0 stays unused, as in diff_linesToChars_
  const codes = new Map();
  const encode = (text) => {
    let chars = '';
    for (const [token] of text.matchAll(TOKEN)) {
      let code = codes.get(token);
      if (code === undefined) {
        code = tokens.length;
        if (code > 0xffff) throw new Error('more than 65,535 distinct tokens: word mode cannot encode them');
        codes.set(token, code);
        tokens.push(token);
      }
      chars += String.fromCharCode(code);
    }
    return chars;
  };
  const chars1 = encode(a);
  const chars2 = encode(b);
  const diffs = dmp.diff_main(chars1, chars2, false);
  dmp.diff_charsToLines_(diffs, tokens);
  return diffs;
}

function diffMatchPatch(timeoutSeconds) {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = timeoutSeconds;
  return {
    run: (a, b) => diffWordMode(dmp, a, b),
    marked: (diffs) =>
      wordsInEqualParts(diffs, {
        isEqual: ([op]) => op === DiffMatchPatch.DIFF_EQUAL,
        isDeletion: ([op]) => op === DiffMatchPatch.DIFF_DELETE,
        textOf: ([, text]) => text,
      }),
  };
}

/** Loads the page's own module (wasm-bindgen's output after wasm-opt), once. */
async function copydeskWasm() {
  const { compare, initSync } = await import(pathToFileURL(join(PKG, 'copydesk.js')).href);
  initSync({ module: readFileSync(join(PKG, 'copydesk_bg.wasm')) });
  const encoder = new TextEncoder();
  return {
    // As the page's worker calls it: the texts encoded to UTF-8 (timed too), then the comparison.
    run: (a, b) => compare(encoder.encode(a), encoder.encode(b), undefined),
    // Counted from the passages' UTF-16 ranges, the same way as the diff tools' equal parts; the
    // engine's own count comes along so that run.mjs can show that the two agree.
    marked: (result, a, b) => {
      const inPassages = (text, side) =>
        result.passages.reduce((sum, passage) => sum + countWords(text.slice(...passage[side])), 0);
      return {
        a: inPassages(a, 'a'),
        b: inPassages(b, 'b'),
        engine: { a: result.a.shared_words, b: result.b.shared_words },
        rangesB: result.passages.map((passage) => passage.b),
      };
    },
  };
}

/** Each tool by its id: `load()` makes (or promises) { run, marked }. */
export const TOOLS = {
  'copydesk-wasm': { label: 'copydesk wasm (Node)', load: copydeskWasm },
  jsdiff: {
    label: 'jsdiff diffWords',
    load: () => ({
      run: (a, b) => diffWords(a, b),
      marked: (parts) =>
        wordsInEqualParts(parts, {
          isEqual: (part) => !part.added && !part.removed,
          isDeletion: (part) => part.removed,
          textOf: (part) => part.value,
        }),
    }),
  },
  'dmp-1s': { label: 'diff-match-patch, 1 s timeout', load: () => diffMatchPatch(1) },
  'dmp-0': { label: 'diff-match-patch, no timeout', load: () => diffMatchPatch(0) },
};
