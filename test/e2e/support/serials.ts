/**
 * What the serial specs share: demo products by kind, fresh serials the demo pattern
 * (`^[A-Z0-9]{14}$`) accepts — unique per run, since the server's registry outlives a spec —
 * a keyboard-wedge scan, and the serial prompt.
 */
import type { Locator, Page } from '@playwright/test';
import { DEMO_PRODUCTS, type DemoProduct } from '../../../server/src/seed/demo-catalog.ts';
import { seededRandom, type SeededRandom } from './seeded-random.ts';

export const serializedProducts: readonly DemoProduct[] = DEMO_PRODUCTS.filter((p) => p.serialized);

export function serializedProduct(index = 0): DemoProduct {
  const product = serializedProducts[index];
  if (product === undefined) throw new Error('the demo catalog lacks serialized products');
  return product;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A serial of `length` characters from the demo pattern's alphabet, unique in practice. */
export function freshSerial(length = 14): string {
  let out = '';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/**
 * Serials from a seeded generator, for specs whose camera videos carry them. The seed (from
 * AISLE_TEST_SEED, else fresh) is drawn and printed at the first serial, inside the test
 * that uses it rather than when the spec file is collected.
 */
export function seededSerials(label: string): () => string {
  let random: SeededRandom | null = null;
  return () => {
    random ??= seededRandom(label);
    const from = random;
    return Array.from({ length: 14 }, () => ALPHABET[from.int(ALPHABET.length)]).join('');
  };
}

/** The product's GTIN-14 (what a GS1 AI (01) carries). */
export const gtin14 = (product: DemoProduct): string => product.barcode.padStart(14, '0');

/** A hardware scanner: characters typed fast into whatever has focus, then Enter. */
export async function wedgeScan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

export const serialPrompt = (page: Page): Locator =>
  page.getByRole('dialog', { name: 'Serial number' });

export const cartLines = (page: Page): Locator =>
  page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem');

/** Types a serial into the open serial prompt and submits it (as an associate would type it). */
export async function enterSerial(page: Page, serial: string): Promise<void> {
  const field = serialPrompt(page).getByLabel('Serial number');
  await field.fill(serial);
  await field.press('Enter');
}
