// Turns a dropped or picked file into a document, or into a message a person can act on. How the bytes
// are read is the engine's decision, the command line's too (src/decode.rs, asked through the worker):
// a byte order mark decides, else UTF-16 if the zero bytes say so, else strict UTF-8, else windows-1252
// (and the user is told of any guess); known binary formats and bytes no text has are refused. The
// browser's TextDecoder then decodes them. PDF and Word documents, told by their content too, go to their
// readers (readers/: PDF.js and mammoth, loaded when the first such file arrives). Saved web pages are
// reduced to their article text by Mozilla's Readability, the library behind Firefox's Reader View. A
// comparison file (.copydesk.json) is recognised by its name or its first characters and gives back the
// session it holds.

import { FileProblem } from './readers/problem.js';
import { vendor } from './readers/vendor.js';
import { isSessionFile, readSessionFile, SessionError } from './session-format.js';
import { requests } from './worker-client.js';

const MEGABYTE = 1024 * 1024;
/** Larger files are refused: a 50 MB text is some eight million words, far beyond any article. */
const MAX_FILE_BYTES = 50 * MEGABYTE;
/** A comparison file holds several documents. */
const MAX_SESSION_FILE_BYTES = 256 * MEGABYTE;
/** Pasted text has the same limit, counted in characters (one byte each in ASCII, the most a file can hold). */
const MAX_TEXT_CHARS = MAX_FILE_BYTES;

const HTML_NAME = /\.(html?|xhtml)$/i;
const HTML_START = /^\s*(<!doctype html|<html[\s>])/i;

/**
 * Reads a dropped or picked file: a comparison file (.copydesk.json, see session-format.js) gives the session it
 * holds, `{session, problems}`; any other file a document, `{document}`.
 * @param {File} file
 * @throws {FileProblem} when the file is empty, too large, binary, has no words, or is a damaged comparison file
 */
export async function readInput(file) {
  const limit = isSessionFile(file.name, '') ? MAX_SESSION_FILE_BYTES : MAX_FILE_BYTES;
  if (file.size > limit) {
    throw new FileProblem(
      `“${file.name}” is too large (${megabytes(file.size)}); copydesk opens files up to ${megabytes(limit)}.`,
    );
  }
  const { bytes, reading } = await requests.sniff(await file.arrayBuffer());
  if ('document' in reading) {
    // The readers are modules of their own, so that the page's first load does not carry them.
    const read =
      reading.document === 'pdf'
        ? (await import('./readers/pdf.js')).pdfText
        : (await import('./readers/docx.js')).docxText;
    const { text, note } = await read(file.name, bytes);
    return { document: await documentOf(file.name, text, [note]) };
  }
  if ('refused' in reading) {
    throw new FileProblem(`“${file.name}” ${reading.refused}. Copy the article’s text and use “Paste text” instead.`);
  }
  const text = new TextDecoder(reading.encoding, { ignoreBOM: true }).decode(new Uint8Array(bytes, reading.bom));
  if (isSessionFile(file.name, text.slice(0, 200))) return readComparisonFile(file.name, text, reading.encoding);
  return { document: await documentOf(file.name, ...(await webPageArticle(file.name, text, reading.note))) };
}

/**
 * Reads one file into a document `{name, text, source: 'file', note}`.
 * @param {File} file
 * @throws {FileProblem} as readInput does, and for a comparison file, which is no document
 */
export async function readFile(file) {
  const input = await readInput(file);
  if ('session' in input) throw new FileProblem(`“${file.name}” is a comparison file: drop it on the page to open it.`);
  return input.document;
}

/**
 * A decoded text and the notes on how it was read: a saved web page's article, or the text as it is.
 * `note` is the engine's note on how the file was read, if it had to guess.
 * @returns {Promise<[string, string[]]>}
 */
async function webPageArticle(name, decoded, note) {
  const notes = note ? [note] : [];
  if (!HTML_NAME.test(name) && !HTML_START.test(decoded.slice(0, 1000))) return [decoded, notes];
  const article = await articleText(decoded);
  return [article.text, [...notes, article.note]];
}

/** The document a file's text makes, with the notes on how it was read. */
async function documentOf(name, read, notes) {
  const text = normalizeText(read);
  const problem = await textProblem(text);
  if (problem) throw new FileProblem(`“${name}” ${problem}.`);
  return { name, text, source: 'file', note: notes.join('; ') };
}

/**
 * Why a text cannot be compared, as the end of a sentence about it ("“x.txt” holds only white space…"),
 * or null when it can. Every way in (files, pastes) applies it; whether it has words to compare is the
 * engine's rule, which the command line applies too.
 * @param {string} text
 * @returns {Promise<string | null>}
 */
export async function textProblem(text) {
  if (text.length > MAX_TEXT_CHARS)
    return `is too large (${megabytes(text.length)}); copydesk compares texts up to ${megabytes(MAX_TEXT_CHARS)}`;
  return requests.nothingToCompare(text);
}

/** What to tell the user about a folder dropped on the page: its files are what can be compared. */
export function folderProblem(name) {
  return `“${name}” is a folder. Open it and drop or choose the files in it instead.`;
}

/** A comparison file must be the UTF-8 it was written as: any other reading would change its texts. */
function readComparisonFile(name, text, encoding) {
  if (encoding !== 'UTF-8') throw new FileProblem(`“${name}” is a damaged comparison file: it is not valid UTF-8.`);
  try {
    return readSessionFile(text);
  } catch (error) {
    if (error instanceof SessionError) throw new FileProblem(`“${name}”: ${error.message}`);
    throw error;
  }
}

/** Errors of a file that was chosen but cannot be read any more (moved, deleted, locked, no permission). */
const UNREADABLE = new Set(['NotReadableError', 'NotFoundError', 'SecurityError']);

/** What to tell the user about a file that could not be read. */
export function problemMessage(file, error) {
  if (error instanceof FileProblem) return error.message;
  if (UNREADABLE.has(error?.name)) {
    return `Could not read “${file.name}”: it may have been moved, deleted or locked since it was chosen. Add it again to retry.`;
  }
  return `Could not read “${file.name}”: ${String(error?.message ?? error).replace(/\.$/, '')}.`;
}

/** One kind of line break everywhere, so that every view splits lines the same way. */
export function normalizeText(text) {
  return text.replace(/\r\n?/g, '\n');
}

const megabytesFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

/** A size for a "too large" message: rounded up, so that a size past a limit never reads as the limit. */
function megabytes(bytes) {
  return `${megabytesFormat.format(Math.ceil((bytes / MEGABYTE) * 10) / 10)} MB`;
}

/** The article in a saved web page, as paragraphs separated by blank lines. */
async function articleText(html) {
  const Readability = await vendor('Readability.js', 'The HTML reader', 'Readability');
  // DOMParser documents are inert: no script runs and nothing (images, styles) is fetched.
  const page = new DOMParser().parseFromString(html, 'text/html');
  const article = new Readability(page).parse();
  if (!article?.content) {
    const whole = new DOMParser().parseFromString(html, 'text/html');
    return { text: blockText(whole.body), note: 'HTML page: Readability found no article, so all its text is used' };
  }
  const body = blockText(new DOMParser().parseFromString(article.content, 'text/html').body);
  const title = article.title?.trim();
  const text = title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
  return { text, note: 'article text extracted from HTML by Readability' };
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** The text of an element with one paragraph per block element and whitespace collapsed inside each. */
function blockText(root) {
  const paragraphs = [];
  let line = '';
  const flush = () => {
    const paragraph = line.replace(/\s+/g, ' ').trim();
    if (paragraph) paragraphs.push(paragraph);
    line = '';
  };
  const visit = (node) => {
    if (node.nodeType === Node.TEXT_NODE) line += node.data;
    if (node.nodeType !== Node.ELEMENT_NODE || SKIPPED_TAGS.has(node.tagName)) return;
    const isBlock = BLOCK_TAGS.has(node.tagName);
    if (isBlock) flush();
    node.childNodes.forEach(visit);
    if (isBlock) flush();
  };
  visit(root);
  flush();
  return paragraphs.join('\n\n');
}
