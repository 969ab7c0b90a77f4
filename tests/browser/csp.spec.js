// The page's Content-Security-Policy (a meta tag in index.html): scripts, styles and connections only from
// the site itself, no inline script or handler, no eval, nothing embedded, no form sent anywhere. The
// policy is read and checked directive by directive, the pages are checked for anything inline it would
// refuse, and then it is put to the test: what it must refuse is tried in the page, and refused.
//
// The engine's worker is bound by it too: a worker started from its own file would run under the policy
// of that file's response, which a static host (GitHub Pages, Python's server) sends without one, so the
// page starts it from a blob: URL, which inherits the page's policy. The policy allows what that needs,
// blob: workers and 'wasm-unsafe-eval' (compiling wasm, not eval). The service worker (sw.js, our own
// code, which only caches the site's files) cannot start that way; what a host that can send headers
// should send for it is SERVICE_WORKER_POLICY below, checked here to work.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SITE_DIR, expect, openPage, test, watchProblems } from './helpers.js';

const WWW = fileURLToPath(new URL('../../www', import.meta.url));
/** No such host exists; requests to it are answered by the test, so any that gets out is counted. */
const ELSEWHERE = 'https://elsewhere.example';

/** For the service worker (sw.js): it fetches the site's files and nothing else. */
const SERVICE_WORKER_POLICY = "default-src 'none'; connect-src 'self'";

/** A policy's directives: name -> sources. */
function parsePolicy(text) {
  return new Map(
    text
      .split(';')
      .map((directive) => directive.trim())
      .filter(Boolean)
      .map((directive) => {
        const [name, ...sources] = directive.split(/\s+/);
        return [name.toLowerCase(), sources];
      }),
  );
}

/** Which directive governs each kind of fetch when it is not given itself (CSP Level 3). */
const FALLBACKS = {
  'script-src-elem': ['script-src'],
  'script-src-attr': ['script-src'],
  'style-src-elem': ['style-src'],
  'style-src-attr': ['style-src'],
  'worker-src': ['child-src', 'script-src'],
  'frame-src': ['child-src'],
  'img-src': [],
  'connect-src': [],
  'font-src': [],
  'media-src': [],
  'object-src': [],
  'manifest-src': [],
  'child-src': [],
};

/** The sources that apply to a kind of fetch: its own directive, else its fallbacks, else default-src. */
function effectiveSources(policy, directive) {
  const name = [directive, ...FALLBACKS[directive], 'default-src'].find((candidate) => policy.has(candidate));
  return name ? policy.get(name) : ['*'];
}

/** Every HTML file of the built site and of www/ (the site's source). */
function htmlFiles() {
  const walk = (folder) =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name.endsWith('.html') ? [path] : [];
    });
  return [join(SITE_DIR, 'index.html'), ...walk(WWW)];
}

test('the page’s policy allows only the site’s own files, no inline script and no eval', async ({ page }) => {
  await openPage(page);
  const metas = page.locator('meta[http-equiv="Content-Security-Policy" i]');
  await expect(metas).toHaveCount(1);
  const policy = parsePolicy(await metas.getAttribute('content'));

  // Scripts: the site's files only, and compiling wasm (the engine's worker inherits this policy).
  for (const directive of ['script-src-elem', 'script-src-attr']) {
    expect(effectiveSources(policy, directive), directive).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  }
  expect(effectiveSources(policy, 'worker-src')).toEqual(["'self'", 'blob:']);
  const extra = {
    'img-src': ['data:'],
    'worker-src': ['blob:'],
    'script-src-elem': ["'wasm-unsafe-eval'"],
    'script-src-attr': ["'wasm-unsafe-eval'"],
  };
  for (const directive of Object.keys(FALLBACKS)) {
    const allowed = ["'self'", "'none'", ...(extra[directive] ?? [])];
    expect(
      effectiveSources(policy, directive).filter((source) => !allowed.includes(source)),
      directive,
    ).toEqual([]);
  }
  expect(effectiveSources(policy, 'connect-src')).toEqual(["'self'"]);
  expect(effectiveSources(policy, 'object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  expect(policy.get('form-action')).toEqual(["'none'"]);
  // Nothing that would let inline code in, and no reports, which would be requests.
  const everySource = [...policy.values()].flat();
  expect(
    everySource.filter((source) =>
      /unsafe-inline|^'unsafe-eval|unsafe-hashes|strict-dynamic|^'nonce-|^'sha/.test(source),
    ),
  ).toEqual([]);
  expect([...policy.keys()].filter((name) => /^report-/.test(name))).toEqual([]);
});

test('no page of the site has inline script, inline handlers or inline style', async ({ page }) => {
  await page.goto('about:blank');
  for (const path of htmlFiles()) {
    const found = await page.evaluate(
      (html) => {
        // An inert document: nothing in it runs or loads, and about:blank has no policy to report to.
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const elements = [...doc.querySelectorAll('*')];
        const attributes = (test) =>
          elements.flatMap((element) =>
            [...element.attributes].filter(test).map(({ name }) => `${element.localName} ${name}`),
          );
        const policy = doc.querySelector('meta[http-equiv="Content-Security-Policy" i]');
        return {
          policyFirst:
            Boolean(policy) &&
            elements
              .filter((element) => ['script', 'link', 'style'].includes(element.localName))
              .every((element) => policy.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING),
          inlineScripts: [...doc.querySelectorAll('script:not([src])')].map((script) => script.outerHTML),
          foreignScripts: [...doc.querySelectorAll('script[src]')]
            .map((script) => script.getAttribute('src'))
            .filter((src) => /^([a-z]+:|\/\/)/i.test(src)),
          styles: [...doc.querySelectorAll('style, [style]')].map((element) => element.outerHTML.slice(0, 100)),
          handlers: attributes(({ name }) => /^on/i.test(name)),
          scriptUrls: attributes(({ value }) => /^(javascript|vbscript):/i.test(value.replace(/[\0-\x20]/g, ''))),
        };
      },
      readFileSync(path, 'utf8'),
    );
    expect(found, path).toEqual({
      policyFirst: true,
      inlineScripts: [],
      foreignScripts: [],
      styles: [],
      handlers: [],
      scriptUrls: [],
    });
  }
});

test('the policy refuses inline script, eval and every request to another origin', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const elsewhere = [];
  const failed = [];
  context.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure().errorText}`));
  await context.route(`${ELSEWHERE}/**`, (route) => {
    elsewhere.push(`${route.request().method()} ${route.request().url()}`);
    return route.fulfill({ status: 200, body: '' });
  });
  await context.addInitScript(() => {
    window.__ran = [];
    window.__refused = [];
    addEventListener('securitypolicyviolation', (event) => window.__refused.push(event.effectiveDirective), true);
  });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await openPage(page);

  // Run from a task of the page's own: code the test evaluates directly may use eval, as a debugger may.
  const outcomes = await page.evaluate(
    (elsewhere) =>
      new Promise((resolve) =>
        setTimeout(async () => {
          const attempt = (run) => {
            try {
              run();
              return 'ran';
            } catch (error) {
              return error.name;
            }
          };
          const add = (parent, tag, properties) =>
            parent.append(Object.assign(document.createElement(tag), properties));
          add(document.body, 'script', { textContent: '__ran.push("inline script")' });
          const image = document.createElement('img');
          image.setAttribute('onerror', '__ran.push("inline handler")');
          image.src = 'data:,';
          document.body.append(image);
          add(document.body, 'a', { href: 'javascript:__ran.push("javascript: URL")' });
          document.body.lastElementChild.click();
          const outcomes = {
            eval: attempt(() => eval('__ran.push("eval")')),
            Function: attempt(() => new Function('__ran.push("Function")')()),
            fetch: await fetch(`${elsewhere}/fetch`).then(
              () => 'fetched',
              (error) => error.name,
            ),
          };
          // These are refused later, so what they return says nothing: the reports below do.
          navigator.sendBeacon(`${elsewhere}/beacon`, 'text');
          attempt(() => new Worker('data:text/javascript,postMessage("worker")'));
          setTimeout('__ran.push("setTimeout with a string")');
          attempt(() => new WebSocket(`${elsewhere.replace('https', 'wss')}/socket`));
          attempt(() => new EventSource(`${elsewhere}/events`));
          new Image().src = `${elsewhere}/image.png`;
          add(document.head, 'script', { src: `${elsewhere}/script.js` });
          add(document.head, 'link', { rel: 'stylesheet', href: `${elsewhere}/style.css` });
          add(document.body, 'iframe', { src: `${elsewhere}/frame.html` });
          add(document.body, 'object', { data: `${elsewhere}/object` });
          add(document.body, 'audio', { src: `${elsewhere}/sound.mp3` });
          add(document.head, 'base', { href: `${elsewhere}/` });
          outcomes.base = document.baseURI === location.href ? 'ignored' : document.baseURI;
          add(document.body, 'form', { method: 'post', action: `${elsewhere}/form` });
          document.body.lastElementChild.submit();
          resolve(outcomes);
        }),
      ),
    ELSEWHERE,
  );

  expect(outcomes).toEqual({
    eval: 'EvalError',
    Function: 'EvalError',
    fetch: 'TypeError',
    base: 'ignored',
  });
  // Every attempt is refused and reported: once all the reports are in, none of them has run.
  const expected = [
    'script-src-elem',
    'script-src-attr',
    'script-src',
    'connect-src',
    'worker-src',
    'img-src',
    'style-src-elem',
    'frame-src',
    'object-src',
    'media-src',
    'base-uri',
    'form-action',
  ];
  await expect.poll(() => page.evaluate(() => [...new Set(window.__refused)].sort())).toEqual([...expected].sort());
  expect(await page.evaluate(() => window.__ran)).toEqual([]);
  // None reached the network (the test answers for the other origin); those the browser began, the policy stopped.
  expect(elsewhere).toEqual([]);
  expect(failed.filter((failure) => !failure.endsWith(' csp'))).toEqual([]);
  expect(await page.evaluate(() => location.href)).toBe(baseURL);
  // The console says what the policy refused, and nothing else.
  expect(problems.filter((problem) => !/Content Security Policy|Refused to/.test(problem))).toEqual([]);
  await context.close();
});

/** Opens the page with `headers` added to the responses for the given paths (as a host could send them). */
async function openWithHeaders(browser, headers) {
  const context = await browser.newContext();
  for (const [path, policy] of Object.entries(headers)) {
    await context.route(`**/${path}`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
    });
  }
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto('./');
  return { context, page, problems };
}

/** What eval does in a worker, run from one of its own tasks. */
function evalIn(worker) {
  return worker.evaluate(
    () =>
      new Promise((resolve) =>
        setTimeout(() => {
          try {
            resolve(`ran: ${(0, eval)('1 + 1')}`);
          } catch (error) {
            resolve(error.name);
          }
        }),
      ),
  );
}

test("the engine's worker runs under the page's policy, on a host that sends none", async ({ browser }) => {
  const context = await browser.newContext();
  const elsewhere = [];
  await context.route(`${ELSEWHERE}/**`, (route) => {
    elsewhere.push(route.request().url());
    return route.fulfill({ status: 200, body: '' });
  });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await openPage(page);
  await expect(page.locator('[data-matrix] button[data-row]', { hasText: '…' })).toHaveCount(0);
  await page.locator('[data-matrix] tbody button[data-row]').first().click();
  await expect(page.locator('[data-side="a"] mark[data-passage]').first()).toBeVisible();
  const [worker] = page.workers();
  expect(worker.url()).toMatch(/^blob:/);
  expect(await evalIn(worker)).toBe('EvalError');
  const fetched = await worker.evaluate(
    (url) =>
      fetch(url).then(
        () => 'fetched',
        (error) => error.name,
      ),
    `${ELSEWHERE}/from-worker`,
  );
  expect(fetched).toBe('TypeError');
  expect(elsewhere).toEqual([]);
  expect(problems.filter((problem) => !/Content Security Policy|Refused to/.test(problem))).toEqual([]);
  await context.close();
});

test('the service worker works under the policy a host should send for it', async ({ browser }) => {
  const { context, page, problems } = await openWithHeaders(browser, { 'sw.js': SERVICE_WORKER_POLICY });
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.waitForFunction(async () =>
    Boolean((await navigator.serviceWorker.ready) && navigator.serviceWorker.controller),
  );
  expect(await evalIn(context.serviceWorkers()[0])).toBe('EvalError');
  expect(problems).toEqual([]);
  await context.close();
});

test("without 'wasm-unsafe-eval' in the page's policy the engine cannot start, and says so", async ({ browser }) => {
  const context = await browser.newContext();
  await context.route('**/', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(" 'wasm-unsafe-eval'", '');
    await route.fulfill({ response, body });
  });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto('./');
  const message = page.locator('[data-message="error"]', { hasText: 'The comparison engine could not start' });
  await expect(message).toContainText('WebAssembly');
  await expect(message).toContainText(/[^.]\. Reload the page to try again\./);
  expect(problems.filter((problem) => !/Content Security Policy/.test(problem))).toEqual([]);
  await context.close();
});
