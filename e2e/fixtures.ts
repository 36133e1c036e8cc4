import { test as base } from '@playwright/test';
import fs from 'node:fs';
import { backendLog } from './paths';

export { expect } from '@playwright/test';
export type { Browser, Locator, Page } from '@playwright/test';

/** How much of a page's accessibility tree a failed test prints (the rest is cut). */
const SNAPSHOT_CHARS = 4_000;
/** How many of the backend's error, warning and 4xx/5xx lines a failed test prints. */
const LOG_LINES = 40;

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
/** A backend log line worth reading after a failure: an error, a warning or a 4xx/5xx answer. */
const NOTEWORTHY = /\b(error|warn)\b|" [45]\d\d /i;

function logSize() {
  try {
    return fs.statSync(backendLog).size;
  } catch {
    return 0;
  }
}

/** The backend log's noteworthy lines written since `offset` (the test's start). */
function backendLinesSince(offset: number): string[] {
  let text: string;
  try {
    const fd = fs.openSync(backendLog, 'r');
    try {
      const length = Math.max(0, fs.fstatSync(fd).size - offset);
      const buffer = Buffer.alloc(length);
      fs.readSync(fd, buffer, 0, length, offset);
      text = buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return [];
  }
  return text
    .replace(ANSI, '')
    .split('\n')
    .filter(line => NOTEWORTHY.test(line))
    .slice(-LOG_LINES)
    .map(line => (line.length > 400 ? `${line.slice(0, 400)} …` : line));
}

/**
 * Playwright's `test` with one automatic fixture: when a test fails, it prints where each open
 * page of the run's browser was and what it showed (URL and ARIA snapshot), and the backend's
 * errors, warnings and 4xx/5xx answers while the test ran, so that a failure in CI, whose
 * screenshots and logs go with its checkout, can still be read from CI's output.
 */
export const test = base.extend<{ failureContext: void }>({
  failureContext: [
    // On `context` so that the test's own context is still open when this looks (fixtures are
    // torn down in the reverse order of their set-up); contexts a test opened itself are there too.
    async ({ browser, context: _context }, use, testInfo) => {
      const logOffset = logSize();
      await use();
      if (testInfo.status === testInfo.expectedStatus) return;
      const pages = browser.contexts().flatMap(context => context.pages());
      const report = [`\n[failed: ${testInfo.title}]`];
      for (const [index, page] of pages.entries()) {
        const snapshot = await page
          .locator('body')
          .ariaSnapshot({ timeout: 5_000 })
          .catch(error => `(no snapshot: ${error})`);
        const cut =
          snapshot.length > SNAPSHOT_CHARS
            ? `${snapshot.slice(0, SNAPSHOT_CHARS)}\n… (${
                snapshot.length - SNAPSHOT_CHARS
              } more characters)`
            : snapshot;
        report.push(`page ${index + 1} of ${pages.length}: ${page.url()}`, cut);
      }
      const lines = backendLinesSince(logOffset);
      report.push(
        `backend log while the test ran (errors, warnings, 4xx/5xx; last ${LOG_LINES}):`,
        ...(lines.length ? lines : ['(none)']),
      );
      // eslint-disable-next-line no-console
      console.log(`${report.join('\n')}\n`);
    },
    { auto: true },
  ],
});
