// Reads a PDF's text layer with Mozilla's PDF.js (pdfjs-dist), which the page loads from its own
// vendor/ folder the first time a PDF arrives, with its worker (a module worker from our origin, as the
// Content-Security-Policy asks) and without eval. pdf-text.js makes paragraphs of what it gives.

import { FileProblem } from './problem.js';
import { pdfParagraphs } from './pdf-text.js';
import { vendor } from './vendor.js';

/** PDF.js, loaded once, with its worker. */
async function loadPdfJs() {
  const pdfjs = await vendor('pdf.min.mjs', 'The PDF reader');
  pdfjs.GlobalWorkerOptions.workerSrc = new URL('../../vendor/pdf.worker.min.mjs', import.meta.url).href;
  return pdfjs;
}

/**
 * The text of a PDF's pages as paragraphs, and a note of what was done for the document.
 * @param {string} name the file's name, for messages
 * @param {ArrayBuffer} bytes
 * @returns {Promise<{ text: string, note: string }>}
 * @throws {FileProblem} for a PDF protected by a password, a damaged one, and one with no text layer
 */
export async function pdfText(name, bytes) {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    throw new FileProblem(openProblem(name, error));
  }
  try {
    const pages = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const { items } = await page.getTextContent();
      pages.push(items.filter((item) => 'str' in item).map(piece));
      page.cleanup();
    }
    const read = pdfParagraphs(pages);
    if (!/[\p{L}\p{N}]/u.test(read.text)) {
      throw new FileProblem(
        `“${name}” has no text layer: its ${count(pdf.numPages, 'page')} ${pdf.numPages === 1 ? 'is a picture' : 'are pictures'}, as in a scanned document. Run it through text recognition (OCR) first, or copy the text and use “Paste text”.`,
      );
    }
    return { text: read.text, note: noteOf(pdf.numPages, read) };
  } finally {
    await task.destroy();
  }
}

/** A piece of text as pdf-text.js wants it, from one of PDF.js's text items. */
function piece(item) {
  const [, , c, d, x, y] = item.transform;
  return { str: item.str, x, y, width: item.width, size: Math.hypot(c, d) };
}

/** What to tell the user of a PDF that PDF.js could not open. */
function openProblem(name, error) {
  if (error?.name === 'PasswordException') {
    return `“${name}” is protected by a password. Open it in a PDF reader, then copy its text and use “Paste text” (or save a copy without the password and add that).`;
  }
  const why = String(error?.message ?? error).replace(/\.$/, '');
  return `“${name}” is a damaged PDF that cannot be read (${why}). If it was downloaded, download it again; else copy its text from a PDF reader and use “Paste text”.`;
}

/** "PDF, 3 pages, read from its text layer: …": what was read, and what was done to it. */
function noteOf(pages, { furniture, rejoined, columnPages }) {
  const done = [];
  if (furniture > 0)
    done.push(`${count(furniture, 'header, footer or page number', 'headers, footers or page numbers')} left out`);
  if (rejoined > 0) done.push(`${count(rejoined, 'hyphenated word')} rejoined`);
  if (columnPages > 0) done.push(`columns read in order on ${count(columnPages, 'page')}`);
  return `PDF, ${count(pages, 'page')}, read from its text layer${done.length > 0 ? `: ${done.join(', ')}` : ''}`;
}

/** "1 page", "3 pages". */
function count(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
