// Turns a dropped or picked file into a document, or into a message a person can act on. Decoding
// follows what a browser does with a page, as the command line does (src/decode.rs): a byte order mark
// decides, else UTF-16 if the zero bytes say so, else strict UTF-8, else windows-1252 (and the user is
// told of any guess). Known binary formats and bytes no text has are refused. Saved web pages are
// reduced to their article text by Mozilla's Readability, the library behind Firefox's Reader View. A
// comparison file (.copydesk.json) is recognised by its name or its first characters and gives back the
// session it holds.

import { isSessionFile, readSessionFile, SessionError } from './share.js';

const MEGABYTE = 1024 * 1024;
/** Larger files are refused: a 50 MB text is some eight million words, far beyond any article. */
const MAX_FILE_BYTES = 50 * MEGABYTE;
/** A comparison file holds several documents. */
const MAX_SESSION_FILE_BYTES = 256 * MEGABYTE;
/** Pasted text has the same limit, counted in characters (one byte each in ASCII, the most a file can hold). */
const MAX_TEXT_CHARS = MAX_FILE_BYTES;
/** How many leading bytes the guesses (UTF-16 without a byte order mark, control bytes) look at. */
const SNIFF_BYTES = 8192;

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
  { kind: 'an old-format Word, Excel or PowerPoint file', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { kind: 'a program', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'a sound, video or image file (RIFF)', bytes: [0x52, 0x49, 0x46, 0x46] },
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
  const { text, encoding, guessed, binaryKind } = decode(bytes);
  if (binaryKind) {
    throw new FileProblem(`“${file.name}” looks like ${binaryKind}, not text. Copy the article’s text and use “Paste text” instead.`);
  }
  if (isSessionFile(file.name, text.slice(0, 200))) return readComparisonFile(file.name, text, encoding);
  return { document: await documentOf(file.name, text, { encoding, guessed }) };
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

async function documentOf(name, decoded, { encoding, guessed }) {
  const notes = [];
  if (encoding === 'windows-1252') notes.push('not valid UTF-8, decoded as windows-1252');
  else if (guessed) notes.push(`no byte order mark, decoded as ${encoding.toUpperCase()} (guessed from its zero bytes)`);
  else if (encoding !== 'utf-8') notes.push(`decoded as ${encoding.toUpperCase()}`);
  let text = decoded;
  if (HTML_NAME.test(name) || HTML_START.test(decoded.slice(0, 1000))) {
    const article = await articleText(decoded);
    text = article.text;
    notes.push(article.note);
  }
  text = normalizeText(text);
  const problem = textProblem(text);
  if (problem) throw new FileProblem(`“${name}” ${problem}.`);
  return { name, text, source: 'file', note: notes.join('; ') };
}

/**
 * Why a text cannot be compared, as the end of a sentence about it ("“x.txt” holds only white space…"),
 * or null when it can. Every way in (files, pastes) applies it, as the command line notes the same cases.
 */
export function textProblem(text) {
  if (text.length > MAX_TEXT_CHARS) return `is too large (${megabytes(text.length)}); copydesk compares texts up to ${megabytes(MAX_TEXT_CHARS)}`;
  if (!/\S/.test(text)) return 'holds only white space: there is nothing in it to compare';
  if (!/[\p{L}\p{N}]/u.test(text)) return 'has no words, only punctuation and symbols: there is nothing in it to compare';
  return null;
}

/** What to tell the user about a folder dropped on the page: its files are what can be compared. */
export function folderProblem(name) {
  return `“${name}” is a folder. Open it and drop or choose the files in it instead.`;
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

function startsWith(bytes, signature) {
  return signature.every((byte, index) => bytes[index] === byte);
}

/**
 * The bytes as text, `{text, encoding, guessed}` (`guessed`: no byte order mark said so, and the user
 * should be told), or `{binaryKind}` for bytes that are no text.
 */
function decode(bytes) {
  const signature = BINARY_SIGNATURES.find(({ bytes: magic }) => startsWith(bytes, magic));
  if (signature) return { binaryKind: signature.kind };
  const mark = BYTE_ORDER_MARKS.find(({ bytes: magic }) => startsWith(bytes, magic));
  if (mark) return { text: new TextDecoder(mark.encoding).decode(bytes), encoding: mark.encoding, guessed: false };
  // UTF-16 text is full of NUL bytes; anything else with one is not text.
  if (bytes.includes(0)) return utf16WithoutMark(bytes) ?? { binaryKind: 'a binary file (it contains NUL bytes)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', guessed: false };
  } catch {
    // Not UTF-8: a legacy single-byte text, unless it is full of control bytes no text has.
    const head = bytes.subarray(0, SNIFF_BYTES);
    if (head.filter(isControlByte).length * 100 > head.length) return { binaryKind: 'a binary file (it contains control bytes)' };
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252', guessed: true };
  }
}

/** Control bytes other than tab, line feed, form feed and carriage return. */
function isControlByte(byte) {
  return byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d;
}

/** Fewer bytes than this say too little to be read as UTF-16 on the strength of their zeros. */
const MIN_UTF16_GUESS_BYTES = 16;

/**
 * UTF-16 without a byte order mark shows as a zero byte in every other place for Latin text: zeros at
 * odd offsets mean little endian, at even offsets big endian. Accepted only if it decodes cleanly into
 * text without control characters; otherwise null.
 */
function utf16WithoutMark(bytes) {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.length < MIN_UTF16_GUESS_BYTES) return null;
  const pairs = Math.floor(head.length / 2);
  const zerosAt = (parity) => head.filter((byte, index) => byte === 0 && index % 2 === parity).length;
  const [even, odd] = [zerosAt(0), zerosAt(1)];
  let encoding = null;
  if (odd * 3 >= pairs && even * 20 < pairs) encoding = 'utf-16le';
  else if (even * 3 >= pairs && odd * 20 < pairs) encoding = 'utf-16be';
  if (!encoding || bytes.length % 2 !== 0) return null;
  let text;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
  const control = /[^\P{Cc}\t\n\f\r]/u;
  return control.test(text.slice(0, SNIFF_BYTES)) ? null : { text, encoding, guessed: true };
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
