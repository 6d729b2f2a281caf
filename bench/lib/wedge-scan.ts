/**
 * Times keyboard-wedge scans on the sell screen: a hardware scanner types the digits and
 * Enter, and the page measures with performance.now() from the scan's first keydown to the DOM
 * change that shows it in the cart (page-scan-watch.ts). Needs the page probe injected.
 */
import type { Page } from '@playwright/test';
import type { AisleBenchProbe } from './page-probe.ts';

/** The element that renders one cart line (src/components/). */
export const CART_LINE_TAG = 'pos-cart-line';

/** Scans each code (digits, then Enter); returns first-keydown → cart-change ms per code. */
export async function timeWedgeScans(
  page: Page,
  codes: readonly string[],
  lineTag = CART_LINE_TAG,
  timeoutMs = 5_000,
): Promise<number[]> {
  const times: number[] = [];
  for (const code of codes) {
    await page.evaluate(
      (tag) => (window.aisleBench as AisleBenchProbe).scanWatch(tag).arm(),
      lineTag,
    );
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    times.push(
      await page.evaluate(
        ([tag, ms]) => (window.aisleBench as AisleBenchProbe).scanWatch(tag).result(ms),
        [lineTag, timeoutMs] as const,
      ),
    );
  }
  return times;
}
