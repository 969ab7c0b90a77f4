// Browser tests: Debian's Chromium (a test tool's own browser download cannot reach its host here)
// against the built site (dist/, or COPYDESK_DIST), served on localhost by Python's static server.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.COPYDESK_TEST_PORT ?? 8123);

/** Debian's Chromium, quiet: no sandbox (containers), no GPU, no calls home. The benchmarks launch it so too. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
const site = process.env.COPYDESK_DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/browser',
  // A measurement rather than a check (make bench-link-limit), so the test run does not list it.
  testIgnore: process.env.COPYDESK_MEASURE_LINKS ? [] : ['**/link-limit.spec.js'],
  outputDir: 'test-results/playwright',
  reporter: 'line',
  workers: 2,
  timeout: 60_000,
  // How long an expectation waits for the page to get there, not a time limit on the page: saving to
  // IndexedDB on a loaded two-core machine has taken over 5 s (the default).
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    launchOptions: CHROMIUM,
  },
  webServer: {
    command: `python3 -m http.server --bind 127.0.0.1 --directory ${site} ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    // Python's server logs every request on stderr; the tests say what failed.
    stderr: 'ignore',
  },
});
