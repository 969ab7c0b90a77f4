// Turns a dropped or picked file into a document, or into a message a person can act on. Decoding
// follows what a browser does with a page: a byte order mark decides, else strict UTF-8, else
// windows-1252 (and the user is told). Saved web pages are reduced to their article text by
// Mozilla's Readability, the library behind Firefox's Reader View. A comparison file (.copydesk.json)
// is recognised by its name or its first characters and gives back the session it holds.

import { isSessionFile, readSessionFile, SessionError } from './share.js';

/** Larger files are refused: a 50 MB text is some eight million words, far beyond any article. */
const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** A comparison file holds several documents. */
const MAX_SESSION_FILE_BYTES = 256 * 1024 * 1024;

/** A file that cannot become a document; `message` says why, for the user. */
class FileProblem extends Error {}

const BYTE_ORDER_MARKS = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

const BINARY_SIGNATURES = [
  { kind: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46] },
  { kind: 'a ZIP archive (Word, OpenDocument and EPUB files are ZIP archives too)', bytes: [0x50, 0x4b, 0x03, 0x04] },
];

const HTML_NAME = /\.(html?|xhtml)$/i;
const HTML_START = /^\s*(<!doctype html|<html[\s>])/i;

/**
 * Reads a dropped or picked file: a comparison file (.copydesk.json, see share.js) gives the session it
 * holds, `{session, problems}`; any other file a document, `{document}`.
 * @param {File} file
 * @throws {FileProblem} when the file is empty, too large, binary, has no words, or is a damaged comparison file
 */
export async function readInput(file) {
  if (file.size === 0) throw new FileProblem(`“${file.name}” is empty.`);
  const limit = isSessionFile(file.name, '') ? MAX_SESSION_FILE_BYTES : MAX_FILE_BYTES;
  if (file.size > limit) {
    throw new FileProblem(`“${file.name}” is too large (${megabytes(file.size)}); copydesk opens files up to ${megabytes(limit)}.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  const binaryKind = sniffBinary(bytes);
  if (binaryKind) {
    throw new FileProblem(`“${file.name}” looks like ${binaryKind}, not text. Copy the article’s text and use “Paste text” instead.`);
  }
  const { text, encoding } = decode(bytes);
  if (isSessionFile(file.name, text.slice(0, 200))) return readComparisonFile(file.name, text, encoding);
  return { document: await documentOf(file.name, text, encoding) };
}

/**
 * Reads one file into a document `{name, text, source: 'file', note}`.
 * @param {File} file
 * @throws {FileProblem} as readInput does, and for a comparison file, which is no document
 */
export async function readFile(file) {
  const input = await readInput(file);
  if (input.session) throw new FileProblem(`“${file.name}” is a comparison file: drop it on the page to open it.`);
  return input.document;
}

async function documentOf(name, decoded, encoding) {
  const notes = [];
  if (encoding === 'windows-1252') notes.push('not valid UTF-8, decoded as windows-1252');
  else if (encoding !== 'utf-8') notes.push(`decoded as ${encoding.toUpperCase()}`);
  let text = decoded;
  if (HTML_NAME.test(name) || HTML_START.test(decoded.slice(0, 1000))) {
    const article = await articleText(decoded);
    text = article.text;
    notes.push(article.note);
  }
  text = normalizeText(text);
  if (!/[\p{L}\p{N}]/u.test(text)) throw new FileProblem(`“${name}” contains no words.`);
  return { name, text, source: 'file', note: notes.join('; ') };
}

/** A comparison file must be the UTF-8 it was written as: any other reading would change its texts. */
function readComparisonFile(name, text, encoding) {
  if (encoding !== 'utf-8') throw new FileProblem(`“${name}” is a damaged comparison file: it is not valid UTF-8.`);
  try {
    return readSessionFile(text);
  } catch (error) {
    if (error instanceof SessionError) throw new FileProblem(`“${name}”: ${error.message}`);
    throw error;
  }
}

/** What to tell the user about a file that could not be read. */
export function problemMessage(file, error) {
  return error instanceof FileProblem ? error.message : `Could not read “${file.name}”: ${error.message}.`;
}

/** One kind of line break everywhere, so that every view splits lines the same way. */
export function normalizeText(text) {
  return text.replace(/\r\n?/g, '\n');
}

function megabytes(bytes) {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}

function startsWith(bytes, signature) {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** What binary format the bytes are in, or `null` for what may be text. */
function sniffBinary(bytes) {
  const signature = BINARY_SIGNATURES.find(({ bytes: magic }) => startsWith(bytes, magic));
  if (signature) return signature.kind;
  // UTF-16 text is full of NUL bytes; anything else with one is not text.
  const isUtf16 = BYTE_ORDER_MARKS.some(({ encoding, bytes: mark }) => encoding.startsWith('utf-16') && startsWith(bytes, mark));
  return !isUtf16 && bytes.includes(0) ? 'a binary file (it contains NUL bytes)' : null;
}

function decode(bytes) {
  const mark = BYTE_ORDER_MARKS.find(({ bytes: magic }) => startsWith(bytes, magic));
  if (mark) return { text: new TextDecoder(mark.encoding).decode(bytes), encoding: mark.encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The article in a saved web page, as paragraphs separated by blank lines. */
async function articleText(html) {
  const Readability = await loadReadability();
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

let readability = null;

/** Loads Readability (a classic script that defines a global) the first time a web page arrives. */
function loadReadability() {
  readability ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('../vendor/Readability.js', import.meta.url).href;
    script.addEventListener('load', () => resolve(globalThis.Readability));
    script.addEventListener('error', () => {
      readability = null;
      reject(new FileProblem('The HTML reader (vendor/Readability.js) could not be loaded.'));
    });
    document.head.append(script);
  });
  return readability;
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD',
  'TH', 'TR', 'UL',
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
