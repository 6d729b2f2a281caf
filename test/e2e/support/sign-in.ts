/**
 * Signing in through the app's real sign-in screen as a demo user. Plain Playwright (no test
 * runner), so the benches use it too; the e2e fixtures re-export it.
 */
import type { Page } from '@playwright/test';
import { DEMO_STORE, DEMO_USERS, DEMO_USERS_DE } from '../../../server/src/seed/demo-catalog.ts';

/** Seeded when the server starts with the demo store (serve.ts and the benches do). */
export const DEMO_STORE_ID = DEMO_STORE.store_id;
export type DemoRole = keyof typeof DEMO_USERS;

/** The unlock PIN the helper chooses after a password sign-in (the app asks for one). */
export const DEMO_PIN = '2468';

/**
 * Fills the form and submits it, waits until the form is gone (the app took the token and
 * moved on), then chooses the PIN the app asks for after every password sign-in. Opens the
 * app first when the page is still blank.
 */
export async function signIn(
  page: Page,
  role: DemoRole = 'associate',
  timeoutMs = 15_000,
  options: { openShift?: boolean } = {},
): Promise<void> {
  const { username, password } = DEMO_USERS[role];
  if (page.url() === 'about:blank') await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  const submit = page.getByRole('button', { name: 'Sign in' });
  await submit.click();
  await submit.waitFor({ state: 'hidden', timeout: timeoutMs });
  await choosePin(page, DEMO_PIN, timeoutMs);
  if (options.openShift ?? true) await openShift(page, '0', timeoutMs);
}

/** The Shift screen's words the helper looks for, in the language the till shows. */
export interface ShiftWords {
  readonly open: string;
  readonly report: string;
  readonly float: string;
}
export const SHIFT_WORDS_EN: ShiftWords = {
  open: 'Open shift',
  report: 'X report',
  float: 'Opening float',
};
export const SHIFT_WORDS_DE: ShiftWords = {
  open: 'Schicht öffnen',
  report: 'X-Bericht',
  float: 'Anfangsbestand',
};

/**
 * Opens the till's shift as an associate does at the start of the day (no sale without one):
 * on the Shift screen, the counted float, "Open shift"; then back to the sell screen. Does
 * nothing when this device already has an open shift.
 */
export async function openShift(
  page: Page,
  float: string,
  timeoutMs = 15_000,
  words: ShiftWords = SHIFT_WORDS_EN,
): Promise<void> {
  await page.evaluate(() => {
    location.hash = '#/shift';
  });
  const open = page.getByRole('button', { name: words.open });
  const report = page.getByRole('heading', { name: words.report });
  await open.or(report).first().waitFor({ timeout: timeoutMs });
  if (await open.isVisible()) {
    await page.getByLabel(words.float).fill(float);
    await open.click();
    await report.waitFor({ timeout: timeoutMs });
  }
  await page.evaluate(() => {
    location.hash = '#/sell';
  });
}

/** Answers the "Choose a PIN" dialog shown after a password sign-in. */
export async function choosePin(page: Page, pin: string, timeoutMs = 15_000): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Choose a PIN' });
  await dialog.getByLabel('New PIN').fill(pin, { timeout: timeoutMs });
  await dialog.getByLabel('Repeat the PIN').fill(pin);
  await dialog.getByRole('button', { name: 'Save PIN' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: timeoutMs });
}

/**
 * Signs the Berlin store's associate in on a new device, as a German till does: the sign-in
 * screen is still English (no store known yet), the PIN dialog and the Shift screen German.
 */
export async function signInBerlin(page: Page, timeoutMs = 20_000): Promise<void> {
  const { username, password } = DEMO_USERS_DE.associate;
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const pin = page.getByRole('dialog', { name: 'PIN festlegen' });
  await pin.getByLabel('Neue PIN').fill(DEMO_PIN, { timeout: timeoutMs });
  await pin.getByLabel('PIN wiederholen').fill(DEMO_PIN);
  await pin.getByRole('button', { name: 'PIN speichern' }).click();
  await openShift(page, '0', timeoutMs, SHIFT_WORDS_DE);
}
