// What the share_link target feeds www/js/session-format.js, as fast-check arbitraries: sessions built to come back
// exact (texts with astral characters, lone surrogates, ZWJ sequences, right-to-left marks, CRLF), links
// made of them and then damaged (truncated, characters flipped, inserted or deleted, two links spliced,
// the version prefix changed, gzip bytes flipped, other bytes appended), and JSON recompressed into a
// link with a valid checksum, or handed over as a comparison file, that is hostile: wrong types, huge
// numbers, deep nesting, `__proto__` keys, million-element arrays.
//
// Each case is plain data that fast-check can shrink; `inputOf` turns it into the one string the decoder
// gets, so a failure is saved, and replayed, as that string.

import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { OPTION_FIELDS } from '../../www/js/options.js';
import { makeSession, sessionFileText } from '../../www/js/session-format.js';

const FIXTURES = [
  'short/a.txt',
  'short/b.txt',
  'wire/wire.txt',
  'wire/outlet-1.txt',
  'russian/a.txt',
  'chinese/b.txt',
].map((path) => readFileSync(new URL(`../../tests/fixtures/${path}`, import.meta.url), 'utf8'));

/** Pieces of text that have broken text handling elsewhere: line ends, joiners, bidi controls, surrogates. */
const PIECES = [
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '\t',
  ' ',
  '\u00a0',
  '\u200d',
  '\u200b',
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\u2028',
  '\u2029',
  '\0',
  '👩🏿‍💻',
  '🇸🇾',
  '👨‍👩‍👧‍👦',
  '𝕏',
  'e\u0301',
  'عربي',
  'עברית',
  'Ελληνικά',
  '港口',
  'Tartús',
  '“',
  '”',
  '‘',
  '"',
  '\\',
  '</script>',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\udc00\ud800',
  'the port of Tartus',
];
const textUnit = fc.oneof(
  { arbitrary: fc.constantFrom(...PIECES), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), weight: 3 },
  // Any code point, lone surrogates included (not fc.string's 'binary' unit: it maps every code point first, 1.5 s).
  { arbitrary: fc.integer({ min: 0, max: 0x10ffff }).map((code) => String.fromCodePoint(code)), weight: 2 },
);
const shortText = fc.string({ unit: textUnit, maxLength: 12 });
const text = fc.oneof(
  { arbitrary: fc.string({ unit: textUnit, maxLength: 400 }), weight: 4 },
  // A slice of a news fixture, cut anywhere (inside a surrogate pair too).
  {
    arbitrary: fc
      .tuple(fc.constantFrom(...FIXTURES), fc.nat(), fc.nat())
      .map(([all, a, b]) => all.slice(a % all.length, b % all.length)),
    weight: 1,
  },
  { arbitrary: fc.constantFrom(...FIXTURES), weight: 1 },
);

const document = fc.record({
  name: shortText,
  text,
  source: fc.constantFrom('file', 'paste', 'example'),
  note: fc.oneof(fc.constant(''), shortText),
});
const validOption = (field) =>
  field.type === 'number' ? fc.integer({ min: field.min, max: field.max }) : fc.boolean();
const options = fc.record(Object.fromEntries(OPTION_FIELDS.map((field) => [field.name, validOption(field)])), {
  requiredKeys: [],
});

/** A session this page could have written: every field valid, so it must come back exactly. */
const session = fc
  .record({
    documents: fc.array(document, { maxLength: 6 }),
    options,
    pair: fc.option(fc.tuple(fc.nat(), fc.nat())),
    tab: fc.constantFrom('side', 'inline'),
  })
  .map(({ documents, options, pair, tab }) => {
    const valid = pair && documents.length >= 2 && pair[0] % documents.length !== pair[1] % documents.length;
    return makeSession({ documents, options, pair: valid ? pair.map((i) => i % documents.length) : null, tab });
  });

// --- hostile JSON ----------------------------------------------------------------------------------

const memo = new Map();
/** JSON texts for hostile values, the large ones made once. */
function hostile(name) {
  if (!memo.has(name)) memo.set(name, HOSTILE[name]());
  return memo.get(name);
}
const nested = (open, close, depth) => open.repeat(depth) + (open === '[' ? '' : '0') + close.repeat(depth);
const HOSTILE = {
  null: () => 'null',
  true: () => 'true',
  false: () => 'false',
  zero: () => '0',
  'minus zero': () => '-0',
  one: () => '1',
  two: () => '2',
  'minus one': () => '-1',
  fraction: () => '1.5',
  huge: () => '1e308',
  'minus huge': () => '-1e308',
  tiny: () => '5e-324',
  overflow: () => '1e400',
  'minus overflow': () => '-1e400',
  'past safe integers': () => '9007199254740993',
  'four hundred digits': () => `1${'0'.repeat(400)}`,
  'empty string': () => '""',
  'string one': () => '"1"',
  'string true': () => '"true"',
  'string side': () => '"side"',
  'escaped lone surrogate': () => '"\\ud800"',
  'escaped NUL': () => '"\\u0000"',
  'megabyte string': () => JSON.stringify('x'.repeat(1 << 20)),
  'empty list': () => '[]',
  'empty object': () => '{}',
  pair: () => '[0,1]',
  'pair reversed': () => '[1,0]',
  'pair equal': () => '[0,0]',
  triple: () => '[0,1,2]',
  'pair of fractions': () => '[0.5,1]',
  'pair of strings': () => '["0","1"]',
  'pair with minus zero': () => '[-0,1]',
  'pair past the end': () => '[0,99]',
  'nested lists 1,000 deep': () => nested('[', ']', 1_000),
  'nested lists 100,000 deep': () => nested('[', ']', 100_000),
  'nested lists 1,000,000 deep': () => nested('[', ']', 1_000_000),
  'nested objects 100,000 deep': () => nested('{"a":', '}', 100_000),
  'a million zeros': () => `[${new Array(1_000_000).fill('0').join(',')}]`,
  // A million documents would open too, but their five round trips take 10 s and more: a tenth of that.
  'a hundred thousand documents': () => `[${new Array(100_000).fill('{"name":"","text":""}').join(',')}]`,
  'a document': () => '{"name":"a.txt","text":"The port of Tartus."}',
  'a document with a numeric name': () => '{"name":1,"text":"b"}',
  'proto session': () => '{"__proto__":{"format":"copydesk-session","version":1,"documents":[]}}',
  'proto null': () => '{"__proto__":null}',
  'proto options': () => '{"__proto__":{"min_words":5,"polluted":true}}',
  'constructor prototype': () => '{"constructor":{"prototype":{"polluted":true}}}',
};
/** The values that take a parse of megabytes (about 0.1 to 1 s an input): rare, or they would be most of the run. */
const LARGE = new Set([
  'nested lists 1,000,000 deep',
  'a million zeros',
  'a hundred thousand documents',
  'megabyte string',
]);
const hostileName = fc.oneof(
  { arbitrary: fc.constantFrom(...Object.keys(HOSTILE).filter((name) => !LARGE.has(name))), weight: 200 },
  { arbitrary: fc.constantFrom(...LARGE), weight: 1 },
);
/** Keys that mean something to JavaScript objects, or repeat a key the session already has (the last one wins). */
const EXTRA_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'format',
  'version',
  'documents',
  'options',
  'pair',
  'min_words',
  'fold_case',
];

/** An edit of a JSON text; each leaves the text as it is when it does not apply. */
const jsonEdit = fc.oneof(
  // Some value (picked among the text's values) becomes a hostile one.
  { arbitrary: fc.record({ edit: fc.constant('value'), at: fc.nat(), value: hostileName }), weight: 6 },
  // An object gets one more key, last.
  {
    arbitrary: fc.record({
      edit: fc.constant('key'),
      at: fc.nat(),
      key: fc.constantFrom(...EXTRA_KEYS),
      value: hostileName,
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ edit: fc.constant('whole'), value: hostileName }), weight: 1 },
  { arbitrary: fc.record({ edit: fc.constant('json'), value: fc.json() }), weight: 1 },
  {
    arbitrary: fc.record({
      edit: fc.constant('characters'),
      at: fc.nat(),
      remove: fc.nat({ max: 4 }),
      insert: fc.string({ unit: fc.constantFrom(...'{}[]",:0-1e.\\ u\ud800'), maxLength: 4 }),
    }),
    weight: 2,
  },
);

const VALUE = '\u0001value\u0001';
const KEY = '\u0001key\u0001';

/** Applies `edit` to a JSON text. */
function editJson(json, edit) {
  if (edit.edit === 'whole') return hostile(edit.value);
  if (edit.edit === 'json') return edit.value;
  if (edit.edit === 'characters') {
    const at = edit.at % (json.length + 1);
    return json.slice(0, at) + edit.insert + json.slice(at + edit.remove);
  }
  let value;
  try {
    value = JSON.parse(json);
  } catch {
    return json;
  }
  // The places near the top (a text already edited may nest a million deep).
  const places = [];
  const walk = (node, parent, key, depth) => {
    if (places.length >= 200 || depth > 6) return;
    const container = typeof node === 'object' && node !== null;
    if (edit.edit === 'value' ? parent !== null : container && !Array.isArray(node)) places.push([node, parent, key]);
    if (container) for (const [k, child] of Object.entries(node).slice(0, 20)) walk(child, node, k, depth + 1);
  };
  walk(value, null, null, 0);
  if (edit.edit === 'value' && places.length === 0) return hostile(edit.value);
  if (places.length === 0) return json;
  const [node, parent, key] = places[edit.at % places.length];
  let marked;
  if (edit.edit === 'value') parent[key] = VALUE;
  else node[KEY] = VALUE;
  try {
    marked = JSON.stringify(value);
  } catch {
    return json; // too deep for JSON.stringify: leave it
  }
  return edit.edit === 'value'
    ? marked.replace(JSON.stringify(VALUE), () => hostile(edit.value))
    : marked.replace(
        `${JSON.stringify(KEY)}:${JSON.stringify(VALUE)}`,
        () => `${JSON.stringify(edit.key)}:${hostile(edit.value)}`,
      );
}

// --- links -----------------------------------------------------------------------------------------

/** The link this page writes, made here with Node's zlib (same format, synchronous). */
function linkOf(value) {
  return `v1.${gzipSync(Buffer.from(JSON.stringify(value))).toString('base64url')}`;
}

const BASE64URL = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'];
const linkCharacter = fc.oneof(
  { arbitrary: fc.constantFrom(...BASE64URL), weight: 4 },
  { arbitrary: fc.constantFrom('=', '+', '/', '%', '.', '#', ' ', '\n', 'é', '٣', '\ud800', '🙂'), weight: 1 },
);
/** What may stand before the first '.' instead of `v1`. */
const PREFIXES = [
  '',
  '#',
  'v',
  'v1',
  '#v1',
  'v2',
  'v0',
  'v01',
  'v001',
  'V1',
  'v1.',
  'v-1',
  ' v1',
  'v1 ',
  'v٣',
  'v1e0',
  'v99999999999999999999999',
  `v${'9'.repeat(400)}`,
];

const mutation = fc.oneof(
  fc.record({ op: fc.constant('truncate'), at: fc.nat() }),
  fc.record({ op: fc.constant('delete'), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({
    op: fc.constant('insert'),
    at: fc.nat(),
    text: fc.string({ unit: linkCharacter, minLength: 1, maxLength: 4 }),
  }),
  fc.record({ op: fc.constant('replace'), at: fc.nat(), text: linkCharacter }),
  fc.record({ op: fc.constant('prefix'), prefix: fc.constantFrom(...PREFIXES) }),
  // In the gzip bytes under the base64url: the checksum or the deflate stream has to catch these.
  fc.record({ op: fc.constant('flip bit'), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({
    op: fc.constant('append bytes'),
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 16 }),
      session.map((s) => gzipSync(JSON.stringify(s))),
    ),
  }),
  // Head of this link, tail of another.
  fc.record({ op: fc.constant('splice'), other: session, at: fc.nat(), from: fc.nat() }),
  // The JSON inside changed and compressed again, checksum and all: as text, or a bit of its UTF-8.
  { arbitrary: fc.record({ op: fc.constant('recompress'), edit: jsonEdit }), weight: 4 },
  fc.record({ op: fc.constant('recompress flipped'), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
);

function mutate(link, change) {
  const at = (n) => n % (link.length + 1);
  switch (change.op) {
    case 'truncate':
      return link.slice(0, at(change.at));
    case 'delete':
      return link.slice(0, at(change.at)) + link.slice(at(change.at) + change.length);
    case 'insert':
      return link.slice(0, at(change.at)) + change.text + link.slice(at(change.at));
    case 'replace':
      return link.slice(0, at(change.at)) + change.text + link.slice(at(change.at) + 1);
    case 'prefix':
      return change.prefix + (link.includes('.') ? link.slice(link.indexOf('.')) : `.${link}`);
    case 'splice': {
      const other = linkOf(change.other);
      return link.slice(0, at(change.at)) + other.slice(change.from % (other.length + 1));
    }
    default:
      return mutatePayload(link, change);
  }
}

/** Mutations of the bytes under the base64url (after the first '.'). */
function mutatePayload(link, change) {
  const dot = link.indexOf('.');
  if (dot < 0) return link;
  let bytes = Buffer.from(link.slice(dot + 1), 'base64url');
  if (change.op === 'flip bit') {
    flip(bytes, change);
  } else if (change.op === 'append bytes') {
    bytes = Buffer.concat([bytes, change.bytes]);
  } else {
    let json;
    try {
      json = gunzipSync(bytes);
    } catch {
      return link;
    }
    if (change.op === 'recompress') json = Buffer.from(editJson(json.toString('utf8'), change.edit));
    else flip(json, change);
    bytes = gzipSync(json);
  }
  return link.slice(0, dot + 1) + bytes.toString('base64url');
}

function flip(bytes, { at, bit }) {
  if (bytes.length > 0) bytes[at % bytes.length] ^= 1 << bit;
}

// --- cases -----------------------------------------------------------------------------------------

/**
 * The fuzz cases, over the corpus read at the start (`links` and `files`, strings):
 * - `round trip`: a valid session, to go through encodeLink and decodeLink, and through the file.
 * - `link`: a link (of a session, from the corpus, or any string) with one to four mutations.
 * - `file`: a comparison file's text (of a session, from the corpus, or any JSON) with up to three edits.
 */
export function fuzzCase({ links, files }) {
  const fromCorpus = (pool) => fc.nat().map((i) => pool[i % pool.length]);
  const linkBase = fc.oneof(
    { arbitrary: session.map(linkOf), weight: 4 },
    ...(links.length ? [{ arbitrary: fromCorpus(links), weight: 3 }] : []),
    { arbitrary: fc.string({ unit: linkCharacter, maxLength: 40 }), weight: 1 },
  );
  const fileBase = fc.oneof(
    { arbitrary: session.map(sessionFileText), weight: 4 },
    ...(files.length ? [{ arbitrary: fromCorpus(files), weight: 3 }] : []),
    { arbitrary: fc.json(), weight: 1 },
  );
  return fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('round trip'), session }), weight: 2 },
    {
      arbitrary: fc.record({
        kind: fc.constant('link'),
        base: linkBase,
        mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
      }),
      weight: 6,
    },
    {
      arbitrary: fc.record({ kind: fc.constant('file'), base: fileBase, edits: fc.array(jsonEdit, { maxLength: 3 }) }),
      weight: 2,
    },
  );
}

/**
 * What a case hands the checks: `{kind, text}`, `text` being a link's fragment (kind `link`), a
 * comparison file's text (`file`), or the session to round-trip as its file's text (`session`).
 */
export function inputOf(item) {
  if (item.kind === 'round trip') return { kind: 'session', text: sessionFileText(item.session) };
  if (item.kind === 'link') return { kind: 'link', text: item.mutations.reduce(mutate, item.base) };
  return { kind: 'file', text: item.edits.reduce(editJson, item.base) };
}
