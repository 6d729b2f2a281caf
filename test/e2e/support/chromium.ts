/**
 * Finds the Chromium the e2e specs and benches run in, and launches extra browsers for specs
 * that need launch flags of their own (a fake camera video is a launch flag: one browser per
 * video). Order (DESIGN §9): Playwright's own browser when installed, else CHROMIUM_PATH, else
 * Debian's /usr/bin/chromium. Nothing found fails at once with how to get one, instead of
 * timing out on the first page.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from '@playwright/test';

/**
 * Root in a container needs --no-sandbox; the rest keeps a headless run quiet and
 * deterministic (no GPU process, no /dev/shm limits, no update or sync traffic, no QUIC that
 * page.route and setOffline would not see).
 */
export const BASE_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface ResolvedChromium {
  executablePath: string;
  source: 'playwright' | 'CHROMIUM_PATH' | 'system';
}

const HOW_TO_GET_CHROMIUM =
  'Install one with `apt-get install chromium` (Debian, as root) or `npx playwright install ' +
  'chromium`, or set CHROMIUM_PATH to a Chromium/Chrome executable.';

/** What resolveChromium looks at, replaceable so its order can be tested without browsers. */
export interface ChromiumLookup {
  /** Playwright's own browser, when it is installed. */
  bundledPath(): string | undefined;
  exists(path: string): boolean;
}

const realLookup: ChromiumLookup = {
  bundledPath() {
    try {
      const path = chromium.executablePath();
      return path !== '' && existsSync(path) ? path : undefined;
    } catch {
      // Playwright throws when its browser registry does not know this platform.
      return undefined;
    }
  },
  exists: existsSync,
};

export function resolveChromium(
  env: NodeJS.ProcessEnv = process.env,
  lookup: ChromiumLookup = realLookup,
): ResolvedChromium {
  const bundled = lookup.bundledPath();
  if (bundled !== undefined) return { executablePath: bundled, source: 'playwright' };

  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!lookup.exists(fromEnv)) {
      throw new Error(
        `CHROMIUM_PATH is set to "${fromEnv}" but no file is there. ${HOW_TO_GET_CHROMIUM}`,
      );
    }
    return { executablePath: fromEnv, source: 'CHROMIUM_PATH' };
  }

  if (lookup.exists(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, source: 'system' };
  throw new Error(`No Chromium found for the tests. ${HOW_TO_GET_CHROMIUM}`);
}

/** Flags that make Chromium play a y4m/mjpeg file as the camera and grant the permission. */
export function fakeCameraArgs(videoFile: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${videoFile}`,
  ];
}

/** A headless Chromium with BASE_ARGS plus `extraArgs`; the caller closes it. */
export async function launchChromium(
  extraArgs: readonly string[] = [],
  options: Omit<LaunchOptions, 'executablePath' | 'args'> = {},
): Promise<Browser> {
  const { executablePath } = resolveChromium();
  return chromium.launch({
    headless: true,
    ...options,
    executablePath,
    args: [...BASE_ARGS, ...extraArgs],
  });
}
