// The wasm route of `make bench-many`: the page's module (pkg/) under Node compares one set with
// `compareMany`, in a process of its own so that its memory is the set's alone.
//
//   node benches/many-wasm.mjs PKG_DIR SET.json   # SET.json: {"documents": [{"name", "text"}]}
//
// Prints one JSON object: the call's time in milliseconds, how much the module's memory grew during it
// (wasm memory never shrinks, so this is its peak above what the request needed), and what the scorers
// read: each document's stretches (UTF-16 offsets, other documents, boilerplate) and the stories.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkg, setFile] = process.argv.slice(2);
const glue = await import(pathToFileURL(resolve(pkg, 'copydesk.js')).href);
const wasm = glue.initSync({ module: readFileSync(join(pkg, 'copydesk_bg.wasm')) });
const request = JSON.parse(readFileSync(setFile, 'utf8'));

const before = wasm.memory.buffer.byteLength;
const start = performance.now();
const result = glue.compareMany(request);
const ms = performance.now() - start;
const grown = wasm.memory.buffer.byteLength - before;

const documents = result.documents.map((document) =>
  document.stretches.map((stretch) => [stretch.start, stretch.end, stretch.documents, stretch.boilerplate]),
);
process.stdout.write(JSON.stringify({ ms, grown, documents, stories: result.stories }));
