import type { Page } from 'playwright-core';

export interface ScrollOptions {
  stepPx: number;
  delayMs: number;
  maxSteps: number;
}

/** Total scroll offset of the document and of any scroll container under the viewport centre. */
function scrollPosition(): number {
  let total = document.scrollingElement?.scrollTop ?? window.scrollY;
  for (let el = document.elementFromPoint(innerWidth / 2, innerHeight / 2); el; el = el.parentElement) {
    if (el !== document.scrollingElement) total += el.scrollTop;
  }
  return total;
}

/**
 * Scrolls down in steps with real wheel events (so scroll-jacking libraries and IntersectionObservers
 * react as they would for a person), calling `onStep` after each pause. Stops at the bottom, where
 * two steps in a row move nothing, or after `maxSteps`. Returns the number of steps taken.
 */
export async function scrollThrough(
  page: Page,
  options: ScrollOptions,
  onStep: () => Promise<void>,
): Promise<number> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  // NaN while the page is replacing its document, so a navigation never counts as a stall.
  const position = () => page.evaluate(scrollPosition).catch(() => NaN);
  const scrollBy = (dy: number) => page.evaluate((by) => window.scrollBy(0, by), dy).catch(() => undefined);
  await page.mouse.move(viewport.width / 2, viewport.height / 2);
  let last = await position();
  let stalled = 0;
  let steps = 0;
  while (steps < options.maxSteps && stalled < 2) {
    await page.mouse.wheel(0, options.stepPx);
    await page.waitForTimeout(options.delayMs);
    let now = await position();
    if (now === last) {
      await scrollBy(options.stepPx);
      await page.waitForTimeout(options.delayMs / 2);
      now = await position();
    }
    stalled = now === last ? stalled + 1 : 0;
    last = now;
    steps++;
    await onStep();
  }
  return steps;
}
