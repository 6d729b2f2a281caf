import { describe, expect, it } from 'vitest';
import {
  BASE_ARGS,
  fakeCameraArgs,
  resolveChromium,
  SYSTEM_CHROMIUM,
  type ChromiumLookup,
} from '../../e2e/support/chromium.ts';

const lookup = (bundled: string | undefined, files: string[]): ChromiumLookup => ({
  bundledPath: () => bundled,
  exists: (path) => files.includes(path),
});

describe('resolveChromium', () => {
  it.each([
    {
      case: "Playwright's own browser first, even when CHROMIUM_PATH is set",
      bundled: '/pw/chrome',
      env: { CHROMIUM_PATH: '/opt/chrome' },
      files: ['/opt/chrome', SYSTEM_CHROMIUM],
      expected: { executablePath: '/pw/chrome', source: 'playwright' },
    },
    {
      case: 'then CHROMIUM_PATH',
      bundled: undefined,
      env: { CHROMIUM_PATH: '/opt/chrome' },
      files: ['/opt/chrome', SYSTEM_CHROMIUM],
      expected: { executablePath: '/opt/chrome', source: 'CHROMIUM_PATH' },
    },
    {
      case: 'then the system Chromium; an empty CHROMIUM_PATH counts as unset',
      bundled: undefined,
      env: { CHROMIUM_PATH: '' },
      files: [SYSTEM_CHROMIUM],
      expected: { executablePath: SYSTEM_CHROMIUM, source: 'system' },
    },
  ])('$case', ({ bundled, env, files, expected }) => {
    expect(resolveChromium(env, lookup(bundled, files))).toEqual(expected);
  });

  it('refuses a CHROMIUM_PATH that points at nothing instead of falling back', () => {
    expect(() =>
      resolveChromium({ CHROMIUM_PATH: '/nope/chrome' }, lookup(undefined, [SYSTEM_CHROMIUM])),
    ).toThrow('CHROMIUM_PATH is set to "/nope/chrome" but no file is there');
  });

  it('says how to get a browser when there is none', () => {
    expect(() => resolveChromium({}, lookup(undefined, []))).toThrow(
      /No Chromium found.*apt-get install chromium.*npx playwright install chromium.*CHROMIUM_PATH/,
    );
  });
});

describe('launch arguments', () => {
  it('run as root headless without sandbox, GPU or background traffic', () => {
    expect(BASE_ARGS).toEqual(
      expect.arrayContaining(['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']),
    );
    expect(BASE_ARGS).toContain('--disable-quic');
  });

  it('play a video file as a granted camera', () => {
    expect(fakeCameraArgs('/tmp/ean.y4m')).toEqual([
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--use-file-for-fake-video-capture=/tmp/ean.y4m',
    ]);
  });
});
