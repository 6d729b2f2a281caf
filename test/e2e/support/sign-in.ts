/**
 * Signing in through the app's real sign-in screen as a demo user. Plain Playwright (no test
 * runner), so the benches use it too; the e2e fixtures re-export it.
 */
import type { Page } from '@playwright/test';
import { DEMO_STORE, DEMO_USERS } from '../../../server/src/seed/demo-catalog.ts';

/** Seeded when the server starts with the demo store (serve.ts and the benches do). */
export const DEMO_STORE_ID = DEMO_STORE.store_id;
export type DemoRole = keyof typeof DEMO_USERS;

/**
 * Fills the form and submits it, then waits until the form is gone (the app took the token
 * and moved on). Opens the app first when the page is still blank.
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
}
