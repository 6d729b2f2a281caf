/**
 * Signing in through the app's real sign-in screen as a demo user. Plain Playwright (no test
 * runner), so the benches use it too; the e2e fixtures re-export it.
 */
import type { Page } from '@playwright/test';
import { DEMO_STORE, DEMO_USERS } from '../../../server/src/seed/demo-catalog.ts';

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
): Promise<void> {
  const { username, password } = DEMO_USERS[role];
  if (page.url() === 'about:blank') await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  const submit = page.getByRole('button', { name: 'Sign in' });
  await submit.click();
  await submit.waitFor({ state: 'hidden', timeout: timeoutMs });
  await choosePin(page, DEMO_PIN, timeoutMs);
}

/** Answers the "Choose a PIN" dialog shown after a password sign-in. */
export async function choosePin(page: Page, pin: string, timeoutMs = 15_000): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Choose a PIN' });
  await dialog.getByLabel('New PIN').fill(pin, { timeout: timeoutMs });
  await dialog.getByLabel('Repeat the PIN').fill(pin);
  await dialog.getByRole('button', { name: 'Save PIN' }).click();
  await dialog.waitFor({ state: 'hidden', timeout: timeoutMs });
}
