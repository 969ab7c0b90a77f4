// Passage marks: how one side's text shows what it shares, drawn here for both the side-by-side view
// (render.js writes the pieces a slice per frame) and the HTML report (written at once, export.js).
//
// A stretch of a side (passages.js) is <mark data-passage="N …" data-kind="exact|edited">: N the index,
// in A's order, of every passage it stands in (text the other side holds twice is in two); its kind is
// that of the passage whose edits it shows. Edited words inside it are <span class="edit">, a place
// where this text lacks words an empty <span class="edit gap">. A passage that spans paragraphs or other
// passages' edges is several marks; the mark where passages start carries their numbers:
// - on the page it is focusable, shows data-badge and gives screen readers data-label instead;
// - in the report, which has no script, each number is a link <a class="badge"> to the same passage in
//   the other text, and the mark is the anchor (id a-N / b-N) of the first passage that starts there, a
//   further one's badge the anchor of that passage.
//
// A document of a set (the document view, and its HTML report) is marked by where its text also stands
// (`reusePieces`): each run of provenance.js is <mark data-cluster="K" data-documents="ID …" data-reach>,
// shaded by how many documents carry it; page chrome also carries data-boilerplate. Where the
// documents that carry the text change, the mark shows their numbers in the document list (data-badge),
// which screen readers hear as their names (data-label); so colour is never the only signal.
//
// How they look is css/marks.css, which the report embeds.

import { h } from './dom.js';
import { count } from './format.js';
import { sidePieces } from './passages.js';

export const OTHER_SIDE = { a: 'b', b: 'a' };

/**
 * @typedef {import('./passages.js').Stretch} Stretch
 * @typedef {(mark: HTMLElement, stretch: Stretch) => void} Badges puts the numbers of the passages
 *   that start at a stretch on its first mark.
 */

/**
 * One side's text as pieces in their marks, for render.js to write.
 * @param {string} text
 * @param {object[]} passages in A's order, as the engine returns them (UTF-16 offsets)
 * @param {'a' | 'b'} side
 * @param {{ links: boolean }} badges `links`: passage numbers link to the other text (the report);
 *   otherwise the marks where passages start are focusable and labelled (the page)
 * @returns {Generator<import('./render.js').Piece>}
 */
export function markedPieces(text, passages, side, { links }) {
  const badges = links ? linkBadges(side) : labelBadges(passages.length);
  return sidePieces(text, passages, side, { mark: (stretch) => markWrap(stretch, badges), edit: editWrap });
}

/**
 * The mark of one stretch, made anew for each block it spans (`continued` from the second on).
 * @param {Stretch} stretch
 * @param {Badges} badges
 * @returns {import('./render.js').Wrap}
 */
function markWrap(stretch, badges) {
  const attributes = {
    'data-passage': stretch.passages.join(' '),
    'data-kind': stretch.primary.exact ? 'exact' : 'edited',
  };
  return {
    create(continued) {
      const mark = h('mark', attributes);
      if (!continued && stretch.starting.length > 0) badges(mark, stretch);
      return mark;
    },
  };
}

/** The page's badges: css/marks.css shows data-badge, and gives screen readers data-label instead. */
function labelBadges(total) {
  return (mark, { starting, primary }) => {
    mark.tabIndex = 0;
    const numbers = numberList(starting);
    mark.dataset.badge = primary.exact ? numbers : `${numbers} edited`;
    const which = starting.length === 1 ? `Shared passage ${numbers}` : `Shared passages ${numbers}`;
    mark.dataset.label = `${which} of ${total}, ${count(primary.words, 'word')}${primary.exact ? '' : ', with edits'}: `;
  };
}

/** The report's badges: a link per passage to the same passage in the other text. */
function linkBadges(side) {
  const other = OTHER_SIDE[side];
  return (mark, { starting }) => {
    mark.id = `${side}-${starting[0] + 1}`;
    mark.append(
      ...starting.map((index, k) => {
        const n = String(index + 1);
        return h(
          'a',
          {
            class: 'badge',
            href: `#${other}-${n}`,
            title: `Passage ${n} in ${other.toUpperCase()}`,
            id: k > 0 && `${side}-${n}`,
          },
          n,
        );
      }),
    );
  };
}

function editWrap(isGap) {
  return { create: () => h('span', { class: isGap ? 'edit gap' : 'edit' }) };
}

/** Shades of reuse: `data-reach` 1 to REACH_STEPS, by the share of the other documents that carry a mark. */
const REACH_STEPS = 4;
/** A mark's badge names up to this many documents by number; more, it says how many. */
const BADGE_NUMBERS = 3;

/**
 * A document of a set as pieces for render.js: plain text between runs, each run in its mark.
 * @param {string} text
 * @param {import('./provenance.js').Run[]} runs
 * @param {{ ids: string[], names: string[], numbers: string[], focusable: boolean }} carriers by the
 *   set's document index: what data-documents calls each document (the page: its id), its name, and
 *   its number in the document list; `focusable`: every run can be reached with the keyboard (the page)
 * @returns {Generator<import('./render.js').Piece>}
 */
export function* reusePieces(text, runs, carriers) {
  let at = 0;
  let previous = null;
  for (const [n, run] of runs.entries()) {
    if (run.start > at) yield { text: text.slice(at, run.start), wraps: [] };
    // A badge where the documents that carry the text change, or after text of the document's own.
    const joined =
      previous && previous.boilerplate === run.boilerplate && !/\S/.test(text.slice(previous.end, run.start));
    const badged = !joined || previous.documents.join() !== run.documents.join();
    yield { text: text.slice(run.start, run.end), wraps: [reuseWrap(n, run, badged, carriers)] };
    at = run.end;
    previous = run;
  }
  if (at < text.length) yield { text: text.slice(at), wraps: [] };
}

/**
 * The mark of one run, made anew for each line it spans (`continued` from the second on).
 * @returns {import('./render.js').Wrap}
 */
function reuseWrap(n, run, badged, { ids, names, numbers, focusable }) {
  const label = `${run.boilerplate ? 'Page chrome, also' : 'Also'} in ${listOf(run.documents.map((index) => names[index]))} (${count(run.documents.length, 'other document')}): `;
  const badge = run.documents.map((index) => numbers[index]);
  const attributes = {
    'data-run': n,
    'data-cluster': run.cluster,
    'data-documents': run.documents.map((index) => ids[index]).join(' '),
    'data-boilerplate': run.boilerplate,
    'data-reach': Math.max(1, Math.ceil((run.documents.length / (ids.length - 1)) * REACH_STEPS)),
    title: label.slice(0, -2),
  };
  return {
    create(continued) {
      const mark = h('mark', attributes);
      if (continued) return mark;
      // Every run names its documents to screen readers; the badge shows where they change.
      if (focusable) mark.tabIndex = 0;
      mark.dataset.label = label;
      if (badged) mark.dataset.badge = badge.length <= BADGE_NUMBERS ? badge.join(' ') : `×${badge.length}`;
      return mark;
    },
  };
}

/** "“A”", "“A” and “B”", "“A”, “B” and “C”". */
function listOf(names) {
  const quoted = names.map((name) => `“${name}”`);
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}

/** Passage indices (ascending) as their numbers, a run of three or more as a range: [0, 1, 2, 5] → "1–3, 6". */
export function numberList(indices) {
  const runs = [];
  for (const index of indices) {
    const run = runs.at(-1);
    if (run && index === run[1] + 1) run[1] = index;
    else runs.push([index, index]);
  }
  const text = ([first, last]) =>
    last - first >= 2 ? `${first + 1}–${last + 1}` : last > first ? `${first + 1}, ${last + 1}` : `${first + 1}`;
  return runs.map(text).join(', ');
}
