import { test as base } from '@playwright/test';

export { expect } from '@playwright/test';
export type { Browser, Locator, Page } from '@playwright/test';

/** How much of a page's accessibility tree a failed test prints (the rest is cut). */
const SNAPSHOT_CHARS = 4_000;

/**
 * Playwright's `test` with one automatic fixture: when a test fails, it prints where each open
 * page of the run's browser was and what it showed (URL and ARIA snapshot), so a failure in CI,
 * whose screenshots are gone with the checkout, can still be read from the log.
 */
export const test = base.extend<{ failureContext: void }>({
  failureContext: [
    // On `context` so that the test's own context is still open when this looks (fixtures are
    // torn down in the reverse order of their set-up); contexts a test opened itself are there too.
    async ({ browser, context: _context }, use, testInfo) => {
      await use();
      if (testInfo.status === testInfo.expectedStatus) return;
      const pages = browser.contexts().flatMap(context => context.pages());
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
        // eslint-disable-next-line no-console
        console.log(
          `\n[failed: ${testInfo.title}] page ${index + 1} of ${
            pages.length
          }: ${page.url()}\n${cut}\n`,
        );
      }
    },
    { auto: true },
  ],
});
