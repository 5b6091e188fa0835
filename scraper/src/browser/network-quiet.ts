import type { Page } from 'playwright-core';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface NetworkWatch {
  /** Resolves once no request has been in flight for `quietMs`, or after `timeoutMs`; true when it went quiet. */
  waitForQuiet(quietMs: number, timeoutMs: number): Promise<boolean>;
}

/**
 * Counts the page's in-flight requests. Playwright's 'networkidle' fires only once per navigation,
 * so it cannot tell when the requests started by scrolling (lazy images, infinite lists) are done.
 */
export function watchNetwork(page: Page): NetworkWatch {
  const inFlight = new Set<unknown>();
  let lastChange = Date.now();
  const done = (request: unknown) => {
    inFlight.delete(request);
    lastChange = Date.now();
  };
  page.on('request', (request) => {
    inFlight.add(request);
    lastChange = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    async waitForQuiet(quietMs, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (inFlight.size === 0 && Date.now() - lastChange >= quietMs) return true;
        await sleep(50);
      }
      return false;
    },
  };
}
