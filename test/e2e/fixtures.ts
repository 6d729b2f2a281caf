/**
 * What every e2e spec starts from: `test` with an `api` fixture (the real server's HTTP API as
 * an admin integration), `signIn` through the real sign-in screen, and the demo store's ids
 * and users. Import `test` and `expect` from here instead of from @playwright/test.
 */
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { E2E_ADMIN_TOKEN, E2E_BASE_URL } from './support/env.ts';

export { expect };
export { DEMO_STORE_ID, DEMO_USERS, signIn, type DemoRole } from './support/sign-in.ts';

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
