// A session is everything the page holds: the documents (name, text, where each came from), the options,
// and the pair, document and view on show. It has one versioned shape, and three carriers: a share link, a
// comparison file (.copydesk.json) and the browser's own storage (saved.js). Pure: no store, no DOM.
//
//   {format: 'copydesk-session', version: 1,
//    documents: [{name, text, source: 'file' | 'paste' | 'example', note}],
//    options: {min_words, ...}, pair: [indexA, indexB] | null, document: index | null,
//    tab: 'side' | 'inline'}
//
// `document` (the document view on show, the pair if any shown over it) came after the first links: a
// session without it opens as before, with no document view, and a page that predates it ignores it
// and opens the rest. An added field that older pages may ignore keeps the version; one they would
// misread needs a new version.
//
// Share link: `<page address>#v1.<payload>`, the payload being the session's JSON, gzip-compressed, in
// base64url. The fragment never reaches a server. gzip (not deflate-raw) for its CRC-32 and length: a
// truncated or altered link fails to decompress instead of opening something else. A link of a later
// format version is refused with a message that says so; a later page keeps reading v1 links.
//
// Exact to the code unit: JSON.stringify writes a lone surrogate as a `\udXXX` escape (well-formed
// JSON.stringify, ES2019), so the UTF-8 that TextEncoder makes of the JSON replaces nothing with U+FFFD,
// and JSON.parse gives back every JavaScript string as it was: astral characters, ZWJ sequences,
// combining marks (no normalization anywhere), line breaks and lone surrogates included.

import { OPTION_FIELDS, parseOptionValue } from './options.js';

export const SESSION_FORMAT = 'copydesk-session';
/** The session format this page writes; it reads this one and every earlier one. */
export const SESSION_VERSION = 1;
/** The fragment's prefix for this format: `#v1.` then the payload. */
const LINK_PREFIX = `v${SESSION_VERSION}.`;
/**
 * Links longer than this (in characters, the whole address) are past what browsers reliably open:
 * Chromium stops at 2 MiB (2,097,152 characters), and others earlier; the page offers the file instead.
 */
export const LINK_LIMIT = 2_000_000;
/** A link or file that unpacks to more than this is refused rather than allowed to fill the memory. */
const MAX_SESSION_BYTES = 256 * 1024 * 1024;
/** The name every comparison file ends with; files.js recognises a dropped file by it or by its start. */
export const SESSION_FILE_SUFFIX = '.copydesk.json';

const SOURCES = new Set(['file', 'paste', 'example']);
const TABS = new Set(['side', 'inline']);

/** A link or file that cannot be opened; `message` says why, for the user. */
export class SessionError extends Error {
  name = 'SessionError';
}

/**
 * @typedef {{ name: string, text: string, source: 'file' | 'paste' | 'example', note: string }} SessionDocument
 * @typedef {{ format: string, version: number, documents: SessionDocument[], options: object,
 *   pair: number[] | null, document: number | null, tab: 'side' | 'inline' }} Session
 */

/**
 * The session of documents, options, pair and document view (as indices into `documents`) and tab.
 * @param {{ documents: SessionDocument[], options: object, pair?: number[] | null, document?: number | null,
 *   tab?: 'side' | 'inline' }} parts
 * @returns {Session}
 */
export function makeSession({ documents, options, pair = null, document = null, tab = 'side' }) {
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    documents: documents.map(({ name, text, source, note }) => ({ name, text, source, note })),
    options: { ...options },
    pair,
    document,
    tab,
  };
}

/**
 * Checks a parsed session and keeps what this page understands. Documents must be whole; an option
 * this page does not know is left out, and one with a value out of range is left out and named in
 * `problems`, so the caller falls back to its default.
 * @param {unknown} value
 * @param {string} what "link", "file": how messages name the carrier
 * @returns {{ session: Session, problems: string[] }}
 * @throws {SessionError}
 */
export function readSession(value, what) {
  if (!isObject(value) || value.format !== SESSION_FORMAT) {
    throw new SessionError(`This ${what} holds no copydesk comparison.`);
  }
  if (!Number.isInteger(value.version) || value.version < 1) {
    throw new SessionError(`This ${what} has no valid format version.`);
  }
  if (value.version > SESSION_VERSION) {
    throw new SessionError(
      `This ${what} was made by a newer copydesk (format ${value.version}); this page reads format ${SESSION_VERSION} and older. Reload the page to update it.`,
    );
  }
  if (!Array.isArray(value.documents) || !value.documents.every(isDocument)) {
    throw new SessionError(`This ${what} is damaged: its documents are incomplete.`);
  }
  const documents = value.documents.map(({ name, text, source, note }) => ({
    name,
    text,
    source: SOURCES.has(source) ? source : 'file',
    note: typeof note === 'string' ? note : '',
  }));
  const { options, problems } = readOptions(isObject(value.options) ? value.options : {}, what);
  return {
    session: makeSession({
      documents,
      options,
      pair: readPair(value.pair, documents.length),
      document: readIndex(value.document, documents.length),
      tab: TABS.has(value.tab) ? value.tab : 'side',
    }),
    problems,
  };
}

/**
 * The fragment (without '#') of a share link to `session`.
 * @param {Session} session
 */
export async function encodeLink(session) {
  const json = new TextEncoder().encode(JSON.stringify(session));
  const packed = await collect(new Blob([json]).stream().pipeThrough(new CompressionStream('gzip')), Infinity);
  return LINK_PREFIX + toBase64url(packed);
}

/**
 * Reads a share link's fragment (with or without its '#').
 * @returns {Promise<{ session: Session, problems: string[] }>}
 * @throws {SessionError} when the fragment is malformed, truncated, altered or of a later version
 */
export async function decodeLink(fragment) {
  const match = /^#?v(\d+)\.(.*)$/s.exec(fragment);
  if (!match)
    throw new SessionError(
      'This address does not hold a copydesk comparison: what follows “#” should start with “v1.”.',
    );
  const version = Number(match[1]);
  if (version > SESSION_VERSION) {
    throw new SessionError(
      `This link was made by a newer copydesk (link format ${version}); this page reads format ${SESSION_VERSION}. Reload the page to update it.`,
    );
  }
  if (version !== SESSION_VERSION) throw new SessionError(`This link has an unknown format (v${match[1]}).`);
  const packed = fromBase64url(match[2]);
  let json;
  try {
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
    json = new TextDecoder('utf-8', { fatal: true }).decode(await collect(stream, MAX_SESSION_BYTES));
  } catch (error) {
    if (error instanceof SessionError) throw error;
    throw new SessionError(
      'This link is incomplete or altered: its content does not match its checksum. Was it copied in full?',
    );
  }
  return readSession(parseJson(json, 'link'), 'link');
}

/** A comparison file's text: the session as JSON, readable and diffable. */
export function sessionFileText(session) {
  return `${JSON.stringify(session, null, 2)}\n`;
}

/**
 * Reads a comparison file's text.
 * @returns {{ session: Session, problems: string[] }}
 * @throws {SessionError}
 */
export function readSessionFile(text) {
  if (text.length > MAX_SESSION_BYTES) throw new SessionError('This comparison file is too large to open.');
  return readSession(parseJson(text, 'file'), 'file');
}

/** Whether a file is a comparison file: by its name, or by how its text starts (sessionFileText's order). */
export function isSessionFile(name, start) {
  return name.toLowerCase().endsWith(SESSION_FILE_SUFFIX) || /^\s*\{\s*"format"\s*:\s*"copydesk-session"/.test(start);
}

/** Whether two sessions hold the same documents (names and texts) and options. */
export function sameContent(x, y) {
  const content = ({ documents, options }) =>
    JSON.stringify([documents.map(({ name, text }) => [name, text]), options]);
  return content(x) === content(y);
}

function parseJson(text, what) {
  try {
    return JSON.parse(text);
  } catch {
    throw new SessionError(`This ${what} is damaged: it is not valid JSON.`);
  }
}

/** @returns {value is Record<string, any>} */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDocument(value) {
  return isObject(value) && typeof value.name === 'string' && typeof value.text === 'string';
}

function readOptions(raw, what) {
  const options = {};
  const problems = [];
  for (const field of OPTION_FIELDS) {
    if (!(field.name in raw)) continue;
    const value = raw[field.name];
    const parsed =
      typeof value === field.type ? parseOptionValue(field, String(value)) : { problem: `must be a ${field.type}` };
    if ('value' in parsed) options[field.name] = parsed.value;
    else problems.push(`The ${what}’s ${field.label} (${quoted(value)}) ${parsed.problem}; using the default instead.`);
  }
  return { options, problems };
}

/**
 * A wrong value as a message shows it: a list or an object by its kind (JSON.stringify throws a
 * RangeError on one nested a million deep), a string cut to a few words.
 */
function quoted(value) {
  if (isObject(value)) return 'an object';
  if (Array.isArray(value)) return 'a list';
  return JSON.stringify(
    typeof value === 'string' && value.length > 40 ? `${value.slice(0, 40).replace(/[\ud800-\udbff]$/, '')}…` : value,
  );
}

/** @returns {index is number} */
function isIndex(index, count) {
  return Number.isInteger(index) && index >= 0 && index < count;
}

function readPair(pair, count) {
  const valid = Array.isArray(pair) && pair.length === 2 && pair.every((i) => isIndex(i, count)) && pair[0] !== pair[1];
  return valid ? [pair[0], pair[1]] : null;
}

/** The document on show: an index into the documents, or null (none, or not one of them). */
function readIndex(index, count) {
  return isIndex(index, count) ? index : null;
}

/** Reads a byte stream to its end into one array; past `limit` bytes it stops and refuses. */
async function collect(stream, limit) {
  const chunks = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      throw new SessionError('This link unpacks to more than copydesk opens (256 MB).');
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

function toBase64url(bytes) {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromBase64url(text) {
  // A length of 4n + 1 cannot come from any bytes: the link lost or gained characters.
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw new SessionError(
      'This link is damaged: it has characters a copydesk link never has, or lost some. Was it copied in full?',
    );
  }
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
