/**
 * Times keyboard-wedge scans on the sell screen: a hardware scanner types the digits and
 * Enter, and the page measures with performance.now() from the scan's first keydown to the DOM
 * change that shows it in the cart (page-scan-watch.ts). Needs the page probe injected.
 *
 * Keys go through the DevTools protocol as one pipelined burst, the way a scanner sends them
 * (test/e2e/support/key-burst.ts).
 */
import type { Page } from '@playwright/test';
import { sendBurst } from '../../test/e2e/support/key-burst.ts';
import type { AisleBenchProbe } from './page-probe.ts';
import type { ScanTiming } from './page-scan-watch.ts';

/** The element that renders one cart line (src/components/). */
export const CART_LINE_TAG = 'pos-cart-line';

/**
 * Scans each code (digits, then Enter) and returns the timings of each scan; the cart is
 * cleared through the sell screen after every `cartSize` scans.
 */
export async function timeWedgeScans(
  page: Page,
  codes: readonly string[],
  cartSize = 10,
  lineTag = CART_LINE_TAG,
  timeoutMs = 5_000,
): Promise<ScanTiming[]> {
  const times: ScanTiming[] = [];
  const cdp = await page.context().newCDPSession(page);
  for (const [index, code] of codes.entries()) {
    // A till's cart holds a handful of lines; a 100-line cart would time its rendering.
    if (index > 0 && index % cartSize === 0) await clearCart(page);
    await page.evaluate(
      (tag) => (window.aisleBench as AisleBenchProbe).scanWatch(tag).arm(),
      lineTag,
    );
    await sendBurst(cdp, code);
    times.push(
      await page.evaluate(
        ([tag, ms]) => (window.aisleBench as AisleBenchProbe).scanWatch(tag).result(ms),
        [lineTag, timeoutMs] as const,
      ),
    );
  }
  await cdp.detach();
  return times;
}

/**
 * The sell screen's own two-tap "Clear cart", then the empty-cart text. The confirmation
 * lapses after a few seconds, which a busy machine can miss: tap again until the cart is empty.
 */
export async function clearCart(page: Page, attempts = 3): Promise<void> {
  const empty = page.getByText('The cart is empty.');
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await page.getByRole('button', { name: 'Clear cart' }).click();
    await page.getByRole('button', { name: 'Tap again to clear the cart' }).click();
    try {
      await empty.waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === attempts) throw error;
    }
  }
}
