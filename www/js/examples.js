// The built-in examples: our own texts (tests/fixtures/, copied to examples/ by `make dist` under the same
// paths), shown under the names of the invented agency and outlets that tests/fixtures/README.md and
// tests/fixtures/sets/README.md describe. `files` maps each file's path under examples/ to the name the
// page shows.

import { normalizeText } from './files.js';

export const EXAMPLES = [
  {
    id: 'wire',
    title: 'Wire story in five versions',
    description: 'An agency story and four outlets’ versions of it: reordered, re-quoted, edited.',
    files: {
      'wire/wire.txt': 'Coastline Wire Service (wire)',
      'wire/outlet-1.txt': 'The Coastal Courier',
      'wire/outlet-2.txt': 'Levant Observer',
      'wire/outlet-3.txt': 'Riviera Times',
      'wire/outlet-4.txt': 'Shipping Gazette',
    },
  },
  {
    id: 'ferry',
    title: 'Ferry aground: who copied whom',
    description: 'A wire story and four outlets, one of which copies another’s rewrite, each in its page chrome.',
    files: {
      'sets/wire/wire.txt': 'Coastline Wire Service (wire)',
      'sets/wire/herald.txt': 'The Aegean Herald',
      'sets/wire/post.txt': 'The Rhodes Post',
      'sets/wire/ledger.txt': 'Piraeus Ledger',
      'sets/wire/monitor.txt': 'Eastern Med Monitor',
    },
  },
  {
    id: 'short',
    title: 'Short pair',
    description: 'Two sentences about a forest fire: a quick look.',
    files: {
      'short/a.txt': 'Forest fire, version A',
      'short/b.txt': 'Forest fire, version B',
    },
  },
];

/**
 * Fetches an example's texts (from this site: examples/ next to js/, so it works under any base path).
 * @returns {Promise<{name: string, text: string, source: 'example', note: string}[]>}
 */
async function loadExample(example) {
  return Promise.all(
    Object.entries(example.files).map(async ([path, name]) => {
      const response = await fetch(new URL(`../examples/${path}`, import.meta.url));
      if (!response.ok) throw new Error(`the example file examples/${path} is missing (HTTP ${response.status})`);
      return { name, text: normalizeText(await response.text()), source: 'example', note: '' };
    }),
  );
}

/** Opens an example in place of the current documents (with an Undo if the user's own ones go). */
export async function openExample(store, example) {
  try {
    const documents = await loadExample(example);
    store.replaceDocuments(documents, `Opened the example “${example.title}” in place of your documents.`);
  } catch (error) {
    store.say({ tone: 'error', text: `Could not open the example: ${error.message}.` });
  }
}
