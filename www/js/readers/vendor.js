// The libraries only some files need (vendor/, copied from npm by `make dist`), loaded the first time one
// of those files arrives, so that the page's first load stays small. The service worker caches them with
// the rest of the site, so they load offline too.

import { FileProblem } from './problem.js';

/** @type {Map<string, Promise<any>>} */
const loading = new Map();

/**
 * Loads `vendor/<file>` once, as a classic script (one that defines a global) or, for `.mjs`, as a module.
 * @param {string} file
 * @param {string} what what the library is, for the message if it cannot be loaded ("The PDF reader")
 * @param {string} [global] the global a classic script defines, which the promise gives
 */
export function vendor(file, what, global) {
  const url = new URL(`../../vendor/${file}`, import.meta.url).href;
  if (!loading.has(url)) {
    const loaded = global ? classicScript(url).then(() => globalThis[global]) : import(url);
    loading.set(
      url,
      loaded.catch(() => {
        loading.delete(url);
        throw new FileProblem(`${what} (vendor/${file}) could not be loaded.`);
      }),
    );
  }
  return loading.get(url);
}

/** Runs the classic script at `url` once. */
function classicScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.addEventListener('load', resolve);
    script.addEventListener('error', () => {
      script.remove();
      reject(new Error(`${url} did not load`));
    });
    document.head.append(script);
  });
}
