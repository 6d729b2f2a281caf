/**
 * What every e2e spec starts from: `test` with an `api` fixture (the real server's HTTP API as
 * an admin integration), `signIn` through the real sign-in screen, and the demo store's ids
 * and users. Import `test` and `expect` from here instead of from @playwright/test.
 */
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN_TOKEN, E2E_BASE_URL } from './support/env.ts';

export { expect };

/** Seeded when the server starts with AISLE_DEMO=1 (serve.ts sets it). */
export const DEMO_STORE_ID = 'demo-store';

export const DEMO_USERS = {
  associate: { username: 'associate', password: 'associate123' },
  manager: { username: 'manager', password: 'manager123' },
} as const;
export type DemoRole = keyof typeof DEMO_USERS;

export interface AisleFixtures {
  /** The server's API with the admin bearer token (AISLE_ADMIN_TOKEN), baseURL set. */
  api: APIRequestContext;
}

export const test = base.extend<AisleFixtures>({
  api: async ({ playwright }, use) => {
    const api = await playwright.request.newContext({
      baseURL: E2E_BASE_URL,
      extraHTTPHeaders: { authorization: `Bearer ${E2E_ADMIN_TOKEN}` },
    });
    await use(api);
    await api.dispose();
  },
});

/**
 * Signs in through the UI as a demo user, the way an associate does, and waits until the
 * sign-in form is gone (the app has taken the token and moved on).
 */
export async function signIn(page: Page, role: DemoRole = 'associate'): Promise<void> {
  const { username, password } = DEMO_USERS[role];
  if (page.url() === 'about:blank') await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  const submit = page.getByRole('button', { name: 'Sign in' });
  await submit.click();
  await expect(submit).toBeHidden();
}
