// Where each part of one document of a set also stands, from `compareMany`'s result (src/wasm/set.rs):
// the document's stretches say which other documents carry each part of it, its clusters' occurrences
// which passage it is. The document view marks one run per stretch and cluster: a run is cut wherever
// either changes, since a cluster's occurrence can span several stretches and a stretch run over two
// clusters' occurrences.

/**
 * @typedef {{ start: number, end: number, documents: number[], boilerplate: boolean }} SetStretch
 * @typedef {{ document: number, start: number, end: number }} Occurrence
 * @typedef {{ words: number, boilerplate: boolean, occurrences: Occurrence[] }} Cluster
 * @typedef {{
 *   documents: { name: string, words: number, shared_words: number, stretches: SetStretch[] }[],
 *   clusters: Cluster[],
 *   pairs: { a: number, b: number, a_shared_words: number, b_shared_words: number }[],
 * }} SetResult the part of `compareMany`'s result read here (UTF-16 offsets)
 * @typedef {{
 *   start: number, end: number, cluster: number, documents: number[], boilerplate: boolean,
 * }} Run a stretch of the document carried throughout by the same other `documents` (indices, ascending)
 *   as one passage, `cluster` (its index in `clusters`, -1 where no cluster of this document covers it)
 */

/**
 * The runs of document `index`, in reading order, none overlapping; text between them stands nowhere else.
 * @param {SetResult} set
 * @param {number} index
 * @returns {Run[]}
 */
export function documentRuns(set, index) {
  const stretches = set.documents[index].stretches;
  const occurrences = set.clusters.flatMap((cluster, k) =>
    cluster.occurrences.filter((place) => place.document === index).map((place) => ({ ...place, cluster: k })),
  );
  const edges = new Set();
  for (const { start, end } of [...stretches, ...occurrences]) edges.add(start).add(end);
  const offsets = [...edges].sort((x, y) => x - y);
  /** @type {Run[]} */
  const runs = [];
  let s = 0;
  for (let i = 0; i + 1 < offsets.length; i += 1) {
    const [start, end] = [offsets[i], offsets[i + 1]];
    while (s < stretches.length && stretches[s].end <= start) s += 1;
    const stretch = stretches[s];
    if (!stretch || stretch.start >= end || stretch.documents.length === 0) continue;
    // The largest cluster there (clusters come largest first); where none is, the largest in the stretch.
    const covering = occurrences.filter((place) => place.start <= start && place.end >= end);
    const within = occurrences.filter((place) => place.start < stretch.end && place.end > stretch.start);
    const cluster = Math.min(...(covering.length > 0 ? covering : within).map((place) => place.cluster), Infinity);
    const run = {
      start,
      end,
      cluster: cluster === Infinity ? -1 : cluster,
      documents: stretch.documents,
      boilerplate: stretch.boilerplate,
    };
    const last = runs.at(-1);
    if (last && last.end === start && sameRun(last, run)) last.end = end;
    else runs.push(run);
  }
  return runs;
}

function sameRun(x, y) {
  return (
    x.cluster === y.cluster &&
    x.boilerplate === y.boilerplate &&
    x.documents.length === y.documents.length &&
    x.documents.every((d, i) => d === y.documents[i])
  );
}

/**
 * How much of document `index` stands in each other document: its words in their pair (outside page
 * chrome, as `pairs` counts them), and whether it shares page chrome with it; most first.
 * @param {SetResult} set
 * @param {number} index
 * @returns {{ document: number, words: number, chrome: boolean }[]}
 */
export function sharesWithOthers(set, index) {
  const words = new Map();
  for (const pair of set.pairs) {
    if (pair.a === index) words.set(pair.b, pair.a_shared_words);
    if (pair.b === index) words.set(pair.a, pair.b_shared_words);
  }
  const chrome = new Set(
    set.documents[index].stretches.filter((stretch) => stretch.boilerplate).flatMap((stretch) => stretch.documents),
  );
  return set.documents
    .map((_, other) => ({ document: other, words: words.get(other) ?? 0, chrome: chrome.has(other) }))
    .filter(({ document }) => document !== index)
    .sort((x, y) => y.words - x.words || x.document - y.document);
}
