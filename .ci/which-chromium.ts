/**
 * Prints the Chromium the e2e harness will use, by the harness's own lookup
 * (test/e2e/support/chromium.ts: Playwright's browser, CHROMIUM_PATH, /usr/bin/chromium), so
 * .ci/run and the tests can never disagree. Exits 1 with the reason when there is none.
 */
import { resolveChromium } from '../test/e2e/support/chromium.ts';

try {
  const found = resolveChromium();
  console.log(`${found.executablePath} (${found.source})`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
