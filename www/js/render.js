// Writes a long text into the page a slice per frame, so that even a whole book never becomes one long
// task. The text arrives as pieces, each wrapped in zero or more elements (a shared passage, an edit
// inside it, a deletion). Every line becomes its own block, and each slice's blocks go into their own
// chunk: appending then lays out the new chunk and steps over the old ones, where one growing block
// (or one container of a hundred thousand lines) would be laid out again from the top on every slice.
//
// Creating the elements is cheap; laying them out is what costs. So a slice is bounded by characters as
// well as by script time, and the next slice waits for the next frame, which lays out and paints the
// previous one first (in a background tab that means it waits until the tab is shown again). With
// views.css's layout containment of chunks, a million words a side render in some six seconds with no
// task over 150 ms (tests/browser/bench.mjs).
//
// The HTML report, which is never on screen, is written at once and in one block (writeAllPieces).
// Lists of many items (the documents, the stories) are written the same way, a batch per frame (inBatches).

/** Characters one frame may add, so that laying them out stays well within a frame or two. */
const SLICE_CHARS = 32_000;
/** Script time one slice may take, in milliseconds (many short pieces cost more than their length). */
const SLICE_MS = 8;
/** A line longer than this is cut at a space into several blocks, for the same layout reason. */
const MAX_BLOCK_CHARS = 8_000;

/**
 * Calls `draw(i)` for each i below `count`, a batch per frame: at least `least` a frame, and more while the
 * frame's script has taken less than SLICE_MS, so that a list of a thousand items is never one long task
 * and a click is answered between batches. `batchDone` runs after each batch, `done` after the last.
 * @param {number} count
 * @param {number} least
 * @param {(index: number) => void} draw
 * @param {{ batchDone?: () => void, done?: () => void }} [then]
 * @returns {() => void} stops what is left
 */
export function inBatches(count, least, draw, { batchDone = () => {}, done = () => {} } = {}) {
  let frame = 0;
  const from = (start) => {
    const began = performance.now();
    let index = start;
    while (index < count && (index - start < least || performance.now() - began < SLICE_MS)) {
      draw(index);
      index += 1;
    }
    batchDone();
    if (index < count) {
      const next = index;
      frame = requestAnimationFrame(() => from(next));
    } else {
      done();
    }
  };
  from(0);
  return () => cancelAnimationFrame(frame);
}

/**
 * A wrapper for pieces of text: `create(continued)` makes its element; `continued` is true when the
 * wrapper goes on from the previous block (a passage that spans a paragraph break). Pieces that share a
 * wrapper object share one element within a block.
 * @typedef {{ create: (continued: boolean) => HTMLElement }} Wrap
 * @typedef {{ text: string, wraps: Wrap[] }} Piece
 */

/**
 * Replaces the content of `container` with the pieces, yielding to the browser between slices.
 * Rejects with an AbortError when `signal` aborts (a newer result replaced this one).
 * @param {HTMLElement} container
 * @param {Iterable<Piece>} pieces
 * @param {{ signal: AbortSignal, total: number, onProgress: (done: number, total: number) => void }} options
 */
export async function writePieces(container, pieces, { signal, total, onProgress }) {
  container.replaceChildren();
  const writer = new BlockWriter(container);
  let sliceStart = performance.now();
  let sliceEnd = SLICE_CHARS;
  let done = 0;
  for (const { text, wraps } of pieces) {
    writer.enter(wraps);
    for (const part of blockParts(text, writer)) {
      writer.write(part);
      done += part.length;
      if (done >= sliceEnd || performance.now() - sliceStart > SLICE_MS) {
        onProgress(done, total);
        await nextFrame();
        signal.throwIfAborted();
        sliceStart = performance.now();
        sliceEnd = done + SLICE_CHARS;
        writer.startChunk();
      }
    }
  }
  writer.finish();
  onProgress(total, total);
}

/** Appends text to the current block, opening and closing wrapper elements as the pieces ask. */
class BlockWriter {
  #chunk = null;
  #block;
  #blockChars = 0;
  #blockHasText = false;
  #open;

  constructor(container) {
    this.container = container;
    this.#block = this.#newBlock();
    this.#open = new OpenWraps(this.#block);
  }

  /** Puts the blocks from the next one on into a new chunk. */
  startChunk() {
    this.#chunk = null;
  }

  get blockChars() {
    return this.#blockChars;
  }

  /** Makes `wraps` the open wrappers, keeping the ones already open. */
  enter(wraps) {
    this.#open.enter(wraps);
  }

  /** Writes text that does not cross a block boundary; a part ending in a line break ends its block. */
  write(part) {
    if (part.length === 0) return;
    this.#open.parent.append(part);
    this.#blockChars += part.length;
    this.#blockHasText ||= /\S/.test(part);
    if (part.endsWith('\n') || this.#blockChars >= MAX_BLOCK_CHARS) this.#breakBlock();
  }

  /** Drops a last block left empty by a final line break, which would show as a stray blank line. */
  finish() {
    if (this.#block.hasChildNodes()) this.#markBlank();
    else this.#block.remove();
  }

  #breakBlock() {
    this.#markBlank();
    this.#block = this.#newBlock();
    this.#open.continueIn(this.#block);
  }

  #newBlock() {
    if (!this.#chunk) {
      this.#chunk = document.createElement('div');
      this.#chunk.className = 'chunk';
      this.container.append(this.#chunk);
    }
    const block = document.createElement('div');
    block.className = 'line';
    this.#chunk.append(block);
    this.#blockChars = 0;
    this.#blockHasText = false;
    return block;
  }

  // An empty line between paragraphs gets a smaller height than a line of text (see views.css).
  #markBlank() {
    if (!this.#blockHasText) this.#block.classList.add('blank');
  }
}

/**
 * Replaces the content of `container` with the pieces at once, in one block: for a document that is
 * never on screen while it is written (the HTML report).
 * @param {HTMLElement} container
 * @param {Iterable<Piece>} pieces
 */
export function writeAllPieces(container, pieces) {
  container.replaceChildren();
  const open = new OpenWraps(container);
  for (const { text, wraps } of pieces) {
    open.enter(wraps);
    if (text.length > 0) open.parent.append(text);
  }
}

/** The wrapper elements open where text is written: pieces that share a wrapper share its element. */
class OpenWraps {
  /** @type {{ wrap: Wrap, element: HTMLElement }[]} */
  #open = [];
  #root;

  /** @param {HTMLElement} root where text goes while no wrapper is open */
  constructor(root) {
    this.#root = root;
  }

  /** The element text goes into now: the innermost open wrapper's, or the root. */
  get parent() {
    return this.#open.at(-1)?.element ?? this.#root;
  }

  /** Makes `wraps` the open wrappers, keeping the ones already open. */
  enter(wraps) {
    let kept = 0;
    while (kept < wraps.length && kept < this.#open.length && this.#open[kept].wrap === wraps[kept]) kept += 1;
    this.#open.length = kept;
    for (const wrap of wraps.slice(kept)) this.#openWrap(wrap, false);
  }

  /** Goes on in a new root (the next block): the wrappers open now open again there, as continued. */
  continueIn(root) {
    const wraps = this.#open.map((open) => open.wrap);
    this.#root = root;
    this.#open.length = 0;
    for (const wrap of wraps) this.#openWrap(wrap, true);
  }

  #openWrap(wrap, continued) {
    const element = wrap.create(continued);
    this.parent.append(element);
    this.#open.push({ wrap, element });
  }
}

/** Splits a piece's text into parts that each end at a line break, at the block size limit, or at the end. */
function* blockParts(text, writer) {
  let start = 0;
  while (start < text.length) {
    const lineEnd = text.indexOf('\n', start);
    let end = lineEnd === -1 ? text.length : lineEnd + 1;
    const room = MAX_BLOCK_CHARS - writer.blockChars;
    if (end - start > room) end = cutPoint(text, start, start + room);
    yield text.slice(start, end);
    start = end;
  }
  if (text.length === 0) yield '';
}

/** Where to cut an overlong line: after the last space before `limit`, never inside a surrogate pair. */
function cutPoint(text, start, limit) {
  const space = text.lastIndexOf(' ', limit - 1);
  if (space >= start) return space + 1;
  const code = text.charCodeAt(limit - 1);
  const splitsPair = code >= 0xd800 && code <= 0xdbff;
  if (!splitsPair) return limit;
  return limit - 1 > start ? limit - 1 : limit + 1;
}

/** Resumes at the start of the next frame, after the browser laid out and painted this one. */
function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
