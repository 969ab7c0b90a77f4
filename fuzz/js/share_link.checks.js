// The properties the share_link target holds www/js/session-format.js to. For any link fragment (decodeLink) and
// any comparison file's text (readSessionFile): it opens a session that readSession accepts as it is and
// that comes back the same through its own link and its own file, or it is refused with a SessionError
// whose message is one sentence for the person who opened it; nothing else is ever thrown. A session
// the page could have written comes back exactly, to the code unit, through both carriers. Time and
// memory are the runner's to watch (share_link.fuzz.js); `checkLimits` holds the size limit.

import { createGzip } from 'node:zlib';
import {
  SessionError,
  decodeLink,
  encodeLink,
  readSession,
  readSessionFile,
  sameContent,
  sessionFileText,
} from '../../www/js/session-format.js';

/** A property that does not hold; the message says which. */
export class Finding extends Error {
  name = 'Finding';
}

/**
 * Checks one input (see inputOf in share_link.inputs.js) and returns what became of it: "opened", or
 * the refusal with its numbers left out, so the runner can keep one input of each in the corpus.
 * @param {{ kind: 'link' | 'file' | 'session', text: string }} input
 * @throws {Finding}
 */
export async function check({ kind, text }) {
  if (kind === 'session') {
    await expectRoundTrip(JSON.parse(text));
    return 'round trip';
  }
  let result;
  try {
    result = kind === 'link' ? await decodeLink(text) : readSessionFile(text);
  } catch (error) {
    if (!(error instanceof SessionError))
      throw new Finding(`the ${kind} threw ${describe(error)} instead of a SessionError`);
    if (!isSentence(error.message) || /undefined|NaN|\[object /.test(error.message)) {
      throw new Finding(
        `the ${kind} was refused with a message that is not a sentence for its reader: ${quote(error.message)}`,
      );
    }
    return `refused: ${error.message.replace(/\d+/g, 'N')}`;
  }
  await expectSound(result, kind);
  return result.problems.length ? 'opened, with problems' : 'opened';
}

/** What decodeLink or readSessionFile opened: readSession keeps it as it is, and it travels. */
async function expectSound({ session, problems }, what) {
  const odd = Array.isArray(problems) ? problems.find((problem) => !isSentence(problem)) : problems;
  if (odd !== undefined)
    throw new Finding(`the ${what} opened with a problem that is not a sentence for its reader: ${quote(odd)}`);
  let again;
  try {
    again = readSession(session, what);
  } catch (error) {
    throw new Finding(`readSession refuses the session the ${what} opened: ${describe(error)}`);
  }
  if (again.problems.length || differs(again.session, session)) {
    throw new Finding(
      `readSession changes the session the ${what} opened (${differs(again.session, session) || again.problems[0]})`,
    );
  }
  await expectRoundTrip(session);
}

/** A session comes back the same, exactly, from its own link and its own file. */
async function expectRoundTrip(session) {
  const link = await encodeLink(session);
  if (!/^v1\.[A-Za-z0-9_-]*$/.test(link))
    throw new Finding(`encodeLink wrote a link a copydesk link never is: ${quote(link)}`);
  const carriers = { link: () => decodeLink(link), file: () => readSessionFile(sessionFileText(session)) };
  for (const [carrier, open] of Object.entries(carriers)) {
    let back;
    try {
      back = await open();
    } catch (error) {
      throw new Finding(`a session's own ${carrier} does not open: ${describe(error)}`);
    }
    const difference =
      differs(back.session, session) || (sameContent(back.session, session) ? '' : 'sameContent says no');
    if (difference || back.problems.length) {
      throw new Finding(`a session's own ${carrier} opens as another session (${difference || back.problems[0]})`);
    }
  }
}

/** The first part of the session where `x` and `y` differ (compared as JSON: exact to the code unit), or ''. */
function differs(x, y) {
  for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
    if (
      key === 'documents' &&
      Array.isArray(x.documents) &&
      Array.isArray(y.documents) &&
      x.documents.length === y.documents.length
    ) {
      const index = x.documents.findIndex((document, i) => JSON.stringify(document) !== JSON.stringify(y.documents[i]));
      if (index >= 0) return `document ${index}`;
    } else if (JSON.stringify(x[key]) !== JSON.stringify(y[key])) {
      return key;
    }
  }
  return '';
}

/** One line that starts with a capital and ends a sentence, short enough to read. */
function isSentence(text) {
  return (
    typeof text === 'string' && text.length <= 400 && /^[A-Z]/.test(text) && /[.?!]$/.test(text) && !/[\n\r]/.test(text)
  );
}

function describe(error) {
  return error instanceof Error
    ? `${error.name}: ${quote(error.message)}`
    : `a ${typeof error} (${quote(String(error))})`;
}

function quote(value) {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text);
}

// --- the size limit --------------------------------------------------------------------------------

/** More than session-format.js's MAX_SESSION_BYTES (256 MiB), which it does not export. */
const OVER_LIMIT = 257 * 1024 * 1024;
/** The highest the process's resident memory may have been after the bomb: the limit, and Node with the harness. */
const MEMORY_AFTER_BOMB = 768 * 1024 * 1024;
const EMPTY_SESSION = '{"format":"copydesk-session","version":1,"documents":[]}';

/**
 * The inputs every run starts with, each `{name, input, run}`: a link and a file over the size limit,
 * each a valid session (so without the limit they would open), which must be refused, the link without
 * being inflated past the limit.
 */
export async function limitCases() {
  const bomb = `v1.${(await gzipped(EMPTY_SESSION.slice(0, -1), ' ', OVER_LIMIT, '}')).toString('base64url')}`;
  return [
    {
      name: 'a link that unpacks to 257 MiB (a decompression bomb)',
      input: { kind: 'link', text: bomb },
      async run() {
        await expectRefused(() => decodeLink(bomb), 'link');
        const peak = process.resourceUsage().maxRSS * 1024;
        if (peak > MEMORY_AFTER_BOMB)
          throw new Finding(
            `the bomb was refused, but only after the memory reached ${Math.round(peak / 2 ** 20)} MiB`,
          );
      },
    },
    {
      name: 'a comparison file of 257 MiB',
      input: { kind: 'file', text: '(257 MiB: a valid session and spaces)' },
      run: () => expectRefused(() => readSessionFile(EMPTY_SESSION + ' '.repeat(OVER_LIMIT)), 'file'),
    },
  ];
}

async function expectRefused(open, what) {
  try {
    await open();
  } catch (error) {
    if (error instanceof SessionError) return;
    throw new Finding(`the ${what} over the size limit threw ${describe(error)} instead of a SessionError`);
  }
  throw new Finding(`a ${what} over the size limit was opened instead of refused`);
}

/** gzip of `head`, `size` bytes of `fill`, `tail`, made a mebibyte at a time. */
function gzipped(head, fill, size, tail) {
  return new Promise((resolve, reject) => {
    const gzip = createGzip({ level: 9 });
    const chunks = [];
    gzip
      .on('data', (chunk) => chunks.push(chunk))
      .on('end', () => resolve(Buffer.concat(chunks)))
      .on('error', reject);
    const block = Buffer.alloc(1 << 20, fill);
    gzip.write(head);
    let left = size;
    const more = () => {
      while (left > 0) {
        const piece = left >= block.length ? block : block.subarray(0, left);
        left -= piece.length;
        if (!gzip.write(piece)) return void gzip.once('drain', more);
      }
      gzip.end(tail);
    };
    more();
  });
}
