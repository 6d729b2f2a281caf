/**
 * Installable (issue 5): Chromium's own installability check finds nothing missing once the
 * service worker controls the page, and the manifest has the name, display mode, theme and a
 * maskable icon. A persistent profile, since Chromium never offers to install from an
 * incognito context (what Playwright's ordinary contexts are).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { BASE_ARGS, resolveChromium } from './support/chromium.ts';
import { E2E_BASE_URL } from './support/env.ts';
import { waitForServiceWorker } from './support/sell.ts';

interface ManifestReply {
  readonly url: string;
  readonly errors: readonly { message: string }[];
  readonly parsed?: {
    readonly name?: string;
    readonly display?: string;
    readonly themeColor?: number;
    readonly icons?: readonly { src: string; purpose: readonly string[] }[];
  };
}

test('Chromium finds the app installable, with a maskable icon', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'aisle-install-'));
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: resolveChromium().executablePath,
    args: [...BASE_ARGS],
    baseURL: E2E_BASE_URL,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await waitForServiceWorker(page);
    await checkInstallable(page);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

async function checkInstallable(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);

  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: readonly { errorId: string }[];
  };
  expect(installabilityErrors.map((error) => error.errorId)).toEqual([]);

  const manifest = (await cdp.send('Page.getAppManifest', {})) as unknown as ManifestReply;
  expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  expect(manifest.errors).toEqual([]);
  const sent = (await (await page.request.get(manifest.url)).json()) as {
    name: string;
    display: string;
    theme_color: string;
    icons: { src: string; sizes: string; purpose?: string }[];
  };
  expect(sent).toMatchObject({ name: 'Aisle — point of sale', display: 'standalone' });
  expect(sent.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  const maskable = sent.icons.find((icon) => icon.purpose === 'maskable');
  expect(maskable).toMatchObject({ sizes: '512x512' });
  const icon = await page.request.get(maskable!.src);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/png');
}
