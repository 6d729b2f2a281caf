/**
 * Both languages are whole: every `msg()` of the app has a German translation in
 * src/i18n/xliff/de.xlf with the same placeholders, and src/i18n/locales/de.ts — the chunk the
 * app loads — is what `npm run i18n:build` makes of that file today (a stale one would show
 * English for the newest sentences). Uses @lit/localize-tools' own analysis of the sources.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readConfigFileAndWriteSchema } from '@lit/localize-tools/lib/config.js';
import { RuntimeLitLocalizer } from '@lit/localize-tools/lib/modes/runtime.js';
import type { Message } from '@lit/localize-tools/lib/messages.js';
import type { Locale } from '@lit/localize-tools/lib/types/locale.js';
import type { RuntimeOutputConfig } from '@lit/localize-tools/lib/types/modes.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const config = readConfigFileAndWriteSchema(join(root, 'lit-localize.json'));
const output = config.output as RuntimeOutputConfig;
const localizer = new RuntimeLitLocalizer({ ...config, output });

/** A message's English, its placeholders as written in the source (`${title}`). */
const textOf = (message: Message): string =>
  message.contents.map((part) => (typeof part === 'string' ? part : part.untranslatable)).join('');

describe('translations', () => {
  // The whole client is analysed with TypeScript once: slow, so shared by the tests.
  let sources: ReturnType<RuntimeLitLocalizer['extractSourceMessages']>;
  beforeAll(() => {
    sources = localizer.extractSourceMessages();
  }, 120_000);

  it('finds the messages of the app', () => {
    expect(sources.errors).toEqual([]);
    const texts = sources.messages.map(textOf);
    expect(texts).toEqual(expect.arrayContaining(['Sign out', 'Language on this device']));
    expect(sources.messages.length).toBeGreaterThan(50);
  });

  it('has a German translation of every message, with the same placeholders', () => {
    const german = new Map(
      (localizer.readTranslationsSync().translations.get('de' as Locale) ?? []).map((message) => [
        message.name,
        message,
      ]),
    );
    const untranslated = sources.messages
      .filter((message) => !german.has(message.name))
      .map(textOf);
    expect(untranslated).toEqual([]);
    // Placeholders missing, added or changed in a translation.
    expect(localizer.validateTranslations().errors).toEqual([]);
  });

  describe('the German chunk', () => {
    const built = mkdtempSync(join(tmpdir(), 'aisle-i18n-'));
    afterAll(() => rmSync(built, { recursive: true, force: true }));

    it('is built from the translations as they are now', async () => {
      const fresh = new RuntimeLitLocalizer({
        ...config,
        output: { ...output, outputDir: built, localeCodesModule: undefined },
      });
      await fresh.build();
      const committed = readFileSync(join(root, output.outputDir, 'de.ts'), 'utf8');
      expect(readFileSync(join(built, 'de.ts'), 'utf8')).toBe(committed);
    }, 120_000);
  });
});
