// The share-link decoder and the comparison-file reader in Node, on www/js/session-format.js itself (no page):
// what the share_link fuzz target (fuzz/js/share_link.fuzz.js) found, each test named after what broke.

import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { decodeLink, readSessionFile } from '../../www/js/session-format.js';

/** A session with no documents whose options are `options`, a JSON text (so it may be any JSON at all). */
const sessionWithOptions = (options) => `{"format":"copydesk-session","version":1,"documents":[],"options":${options}}`;
const linkOf = (json) => `v1.${gzipSync(json).toString('base64url')}`;

/** Opens `json` as a link and as a file; both must give the same problems and options. */
async function openBoth(json) {
  const fromLink = await decodeLink(linkOf(json));
  const fromFile = readSessionFile(json);
  expect(fromFile.session.options).toEqual(fromLink.session.options);
  return { session: fromLink.session, problems: fromLink.problems, fileProblems: fromFile.problems };
}

test('an option value nested a million lists deep is reported, not thrown as a RangeError', async () => {
  // JSON.parse takes it; JSON.stringify, which quoted the value in the problem, overflowed the stack.
  const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
  const { session, problems, fileProblems } = await openBoth(
    sessionWithOptions(`{"min_words":${deep},"fold_case":false}`),
  );
  expect(session.options).toEqual({ fold_case: false });
  expect(problems).toEqual(['The link’s Shortest passage (a list) must be a number; using the default instead.']);
  expect(fileProblems).toEqual(['The file’s Shortest passage (a list) must be a number; using the default instead.']);
});

test('an option value of a megabyte is cut to a few words in the problem, not quoted whole', async () => {
  // 39 letters, then an emoji across the cut at 40 code units: its high surrogate must not be left alone.
  const long = `${'x'.repeat(39)}😀${'y'.repeat(1 << 20)}`;
  const { problems } = await openBoth(
    sessionWithOptions(JSON.stringify({ fold_case: long, max_edits: { nested: [1] } })),
  );
  expect(problems).toEqual([
    `The link’s Edits bridged (an object) must be a number; using the default instead.`,
    `The link’s Ignore case ("${'x'.repeat(39)}…") must be a boolean; using the default instead.`,
  ]);
});

/** A session of three documents, with `fields` added (any JSON values). */
const sessionOfThree = (fields) =>
  JSON.stringify({
    format: 'copydesk-session',
    version: 1,
    documents: ['a', 'b', 'c'].map((name) => ({ name, text: `text ${name}`, source: 'file', note: '' })),
    options: {},
    ...fields,
  });

test('the document on show comes back from a link and a file; one from before it opens without', async () => {
  for (const fromBefore of [{}, { pair: [2, 0], tab: 'inline' }]) {
    const { session, problems } = await openBoth(sessionOfThree(fromBefore));
    expect(problems).toEqual([]);
    expect(session.document).toBeNull();
    expect(session.pair).toEqual(fromBefore.pair ?? null);
    expect(Object.keys(session)).toEqual(['format', 'version', 'documents', 'options', 'pair', 'document', 'tab']);
  }
  const { session } = await openBoth(sessionOfThree({ pair: [1, 2], document: 1 }));
  expect(session).toMatchObject({ pair: [1, 2], document: 1 });
  expect(readSessionFile(sessionOfThree({ document: 2 })).session.document).toBe(2);
});

test('a document on show that is not one of the documents is left out, and the rest opens', async () => {
  for (const document of [3, -1, 1.5, '1', [1], { index: 1 }, true, null]) {
    const { session, problems, fileProblems } = await openBoth(sessionOfThree({ document, pair: [0, 1] }));
    expect(session.document, JSON.stringify(document)).toBeNull();
    expect(session.pair).toEqual([0, 1]);
    expect(session.documents).toHaveLength(3);
    expect([problems, fileProblems]).toEqual([[], []]);
  }
});
