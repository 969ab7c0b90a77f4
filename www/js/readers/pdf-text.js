// A PDF's text as a reader sees it, from the pieces of text its pages draw (PDF.js's text content): the
// pieces become lines, the lines are put in reading order (down one column, then the next, where a page
// has columns), the furniture of every page is left out (running headers and footers, page numbers), and
// the lines become paragraphs, with words hyphenated at a line's end made whole again.
//
// All of it is judged from the geometry, in units of the text's own size, since PDFs say nothing of
// lines, columns or paragraphs: a piece is a string drawn at a point.

/**
 * A string drawn on a page: `x`, `y` its baseline's start (y grows upwards), `width` its advance, `size`
 * its font size, all in the page's units.
 * @typedef {{ str: string, x: number, y: number, width: number, size: number }} Piece
 * @typedef {{ text: string, x0: number, x1: number, y: number, size: number }} Line
 * @typedef {Line & { page: number, column: number, flowBreak: boolean }} Placed a line in reading order,
 *   with its page, its column's index on the page, and whether it starts a column or a page rather than
 *   following the line above
 */

/** Pieces further apart than this many ems on one baseline are in different columns. */
const WORD_GAP_EMS = 1;
/** A gap between lines this much larger than the text's usual leading starts a paragraph. */
const PARAGRAPH_GAP = 1.25;
/** How many lines at the top and at the bottom of a page may be furniture. */
const FURNITURE_LINES = 2;
/** The fewest lines on each side of a gutter that make a page two columns. */
const MIN_COLUMN_LINES = 3;
/** The column of a line across both columns of a page. */
const ACROSS = -1;

/**
 * The text of `pages` (each a list of pieces), as paragraphs separated by blank lines, and what was
 * done to it, for the note on the document.
 * @param {Piece[][]} pages
 * @returns {{ text: string, furniture: number, rejoined: number, columnPages: number }}
 */
export function pdfParagraphs(pages) {
  const lined = pages.map(linesOf);
  const furniture = furnitureOf(lined);
  let columnPages = 0;
  const placed = lined.flatMap((lines, page) => {
    const { order, columns } = readingOrder(
      lines.filter((line) => !furniture.has(line)),
      page,
    );
    if (columns) columnPages += 1;
    return order;
  });
  const { paragraphs, rejoined } = paragraphsOf(placed);
  return { text: paragraphs.join('\n\n'), furniture: furniture.size, rejoined, columnPages };
}

/** The lines of one page, top to bottom: pieces on one baseline and near each other, left to right. */
function linesOf(pieces) {
  const drawn = pieces.filter((piece) => piece.str.trim() !== '' && piece.size > 0);
  drawn.sort((p, q) => q.y - p.y || p.x - q.x);
  /** @type {Piece[][]} */
  const baselines = [];
  for (const piece of drawn) {
    const last = baselines.at(-1);
    if (last && Math.abs(last[0].y - piece.y) <= 0.25 * piece.size) last.push(piece);
    else baselines.push([piece]);
  }
  return baselines.flatMap((pieces) => {
    pieces.sort((p, q) => p.x - q.x);
    /** @type {Line[]} */
    const lines = [];
    for (const piece of pieces) {
      const line = lines.at(-1);
      const gap = line ? piece.x - line.x1 : Infinity;
      if (line && gap <= WORD_GAP_EMS * piece.size) {
        const spaced = gap > 0.1 * piece.size && !/\s$/.test(line.text) && !/^\s/.test(piece.str);
        line.text += (spaced ? ' ' : '') + piece.str;
        line.x1 = Math.max(line.x1, piece.x + piece.width);
        line.size = Math.max(line.size, piece.size);
      } else {
        lines.push({ text: piece.str, x0: piece.x, x1: piece.x + piece.width, y: piece.y, size: piece.size });
      }
    }
    return lines.map((line) => ({ ...line, text: line.text.replace(/\s+/g, ' ').trim() }));
  });
}

/**
 * The lines that are a page's furniture: among the top and bottom lines of each page, a page number
 * ("7", "Page 2 of 5", "– 3 –") and a line that, its numbers aside, stands there on at least half of the
 * pages (and two): a running header or footer.
 * @param {Line[][]} pages
 */
function furnitureOf(pages) {
  const key = (line) => line.text.toLowerCase().replace(/\d+/g, '#');
  const edges = pages.map((lines) => {
    const byHeight = [...lines].sort((p, q) => q.y - p.y);
    return new Set([...byHeight.slice(0, FURNITURE_LINES), ...byHeight.slice(-FURNITURE_LINES)]);
  });
  /** @type {Map<string, number>} on how many pages each key stands at an edge */
  const pagesWith = new Map();
  for (const lines of edges) {
    for (const text of new Set([...lines].map(key))) pagesWith.set(text, (pagesWith.get(text) ?? 0) + 1);
  }
  const repeats = (line) => {
    const count = pagesWith.get(key(line)) ?? 0;
    return count >= 2 && count * 2 >= pages.length;
  };
  return new Set(edges.flatMap((lines) => [...lines].filter((line) => isPageNumber(line.text) || repeats(line))));
}

/** "7", "- 7 -", "Page 7", "page 7 of 12", "7/12", "vii". */
function isPageNumber(text) {
  return /^[-–—\s]*(page\s+)?(\d+|[ivxlc]+)(\s*(of|\/)\s*\d+)?[-–—\s]*$/i.test(text);
}

/**
 * The lines of a page in reading order. A page has two columns when a gutter (a vertical strip no line
 * crosses) has at least MIN_COLUMN_LINES lines on each side; a line across it (a headline over both
 * columns) ends a band of columns, which is read left column first.
 * @param {Line[]} lines top to bottom
 * @param {number} page
 * @returns {{ order: Placed[], columns: boolean }}
 */
function readingOrder(lines, page) {
  const gutter = gutterOf(lines);
  /** @type {Placed[]} */
  const order = [];
  const place = (line, column, flowBreak) => order.push({ ...line, page, column, flowBreak });
  if (gutter === null) {
    lines.forEach((line, i) => place(line, 0, i === 0));
    return { order, columns: false };
  }
  /** @type {Line[][]} the band's left and right columns */
  let band = [[], []];
  // The left column goes on from what is above it; the right one starts at the band's top.
  const flush = () => {
    band.forEach((column, side) =>
      column.forEach((line, i) => place(line, side, i === 0 && (side === 1 || order.length === 0))),
    );
    band = [[], []];
  };
  for (const line of lines) {
    if (line.x1 <= gutter.from) band[0].push(line);
    else if (line.x0 >= gutter.to) band[1].push(line);
    else {
      flush();
      place(line, ACROSS, order.length === 0);
    }
  }
  flush();
  return { order, columns: true };
}

/**
 * The gutter of a page: a strip at least an em wide, from some line's end, with MIN_COLUMN_LINES lines
 * or more on each side, that the fewest lines cross (at most a quarter: headlines across the columns),
 * and of those the one with the most lines on its thinner side; null when the page is one column.
 * @param {Line[]} lines
 * @returns {{ from: number, to: number } | null}
 */
function gutterOf(lines) {
  if (lines.length < 2 * MIN_COLUMN_LINES) return null;
  const em = median(lines.map((line) => line.size));
  let best = null;
  for (const from of new Set(lines.map((line) => line.x1))) {
    const right = lines.filter((line) => line.x0 >= from + em);
    const left = lines.filter((line) => line.x1 <= from).length;
    const support = Math.min(left, right.length);
    const crossing = lines.length - left - right.length;
    if (support < MIN_COLUMN_LINES || crossing * 4 > lines.length) continue;
    if (!best || crossing < best.crossing || (crossing === best.crossing && support > best.support)) {
      best = { from, to: Math.min(...right.map((line) => line.x0)), crossing, support };
    }
  }
  return best && { from: best.from, to: best.to };
}

/**
 * Paragraphs of lines in reading order. Within a column a paragraph ends where the gap to the next line
 * is larger than the usual leading of its type, where the size of type changes, or where the next line
 * is indented; across a column or page break it goes on only if its last line runs to the column's end.
 * @param {Placed[]} lines
 * @returns {{ paragraphs: string[], rejoined: number }}
 */
function paragraphsOf(lines) {
  const leading = usualLeading(lines);
  const columns = columnEdges(lines);
  const whole = lines.map((line) => line.text).join(' ');
  /** @type {string[]} */
  const paragraphs = [];
  let rejoined = 0;
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (!previous || startsParagraph(previous, line, leading, columns)) {
      paragraphs.push(line.text);
      return;
    }
    const text = paragraphs.at(-1);
    const broken = /(\p{L}+)-$/u.exec(text);
    const next = /^\p{Ll}+/u.exec(line.text);
    if (broken && next && !whole.includes(`${broken[1]}-${next[0]}`)) {
      paragraphs[paragraphs.length - 1] = text.slice(0, -1) + line.text;
      rejoined += 1;
    } else {
      paragraphs[paragraphs.length - 1] = `${text} ${line.text}`;
    }
  });
  return { paragraphs, rejoined };
}

/** Whether `line` starts a paragraph after `previous` (see paragraphsOf). */
function startsParagraph(previous, line, leading, columns) {
  if (Math.abs(line.size - previous.size) > 0.1 * previous.size) return true;
  if (line.flowBreak || line.y >= previous.y) {
    const full = previous.x1 >= columns.get(columnKey(previous)).right - 2 * previous.size;
    return !full && !/\p{L}-$/u.test(previous.text);
  }
  const gap = previous.y - line.y;
  const indented = line.x0 - columns.get(columnKey(line)).left > 0.8 * line.size;
  return gap > PARAGRAPH_GAP * (leading.get(sizeKey(line)) ?? 1.2 * line.size) || indented;
}

/** The usual distance between consecutive lines of each size of type: the median of those seen. */
function usualLeading(lines) {
  /** @type {Map<number, number[]>} */
  const gaps = new Map();
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (!previous || line.flowBreak || previous.size !== line.size || line.y >= previous.y) return;
    const list = gaps.get(sizeKey(line)) ?? [];
    list.push(previous.y - line.y);
    gaps.set(sizeKey(line), list);
  });
  return new Map([...gaps].map(([size, list]) => [size, median(list)]));
}

/** The left and right edges of each column of each page, from the lines in it. */
function columnEdges(lines) {
  /** @type {Map<string, { left: number, right: number }>} */
  const edges = new Map();
  for (const line of lines) {
    const edge = edges.get(columnKey(line)) ?? { left: Infinity, right: -Infinity };
    edges.set(columnKey(line), { left: Math.min(edge.left, line.x0), right: Math.max(edge.right, line.x1) });
  }
  return edges;
}

const sizeKey = (line) => Math.round(line.size * 2) / 2;
const columnKey = (line) => `${line.page}:${line.column}`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
