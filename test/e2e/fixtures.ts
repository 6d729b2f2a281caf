/**
 * What every e2e spec starts from: `test` with an `api` fixture (the real server's HTTP API as
 * an admin integration), `signIn` through the real sign-in screen, and the demo store's ids
 * and users. Import `test` and `expect` from here instead of from @playwright/test.
 */
import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { E2E_ADMIN_TOKEN, E2E_BASE_URL } from './support/env.ts';

export { expect };
export { DEMO_STORE_ID, signIn, type DemoRole } from './support/sign-in.ts';
export {
  DEMO_CONFIG,
  DEMO_PRODUCTS,
  DEMO_SERIAL_INVALID,
  DEMO_SERIAL_REGEX,
  DEMO_SERIAL_SAMPLE,
  DEMO_STORE,
  DEMO_USERS,
  type DemoProduct,
} from '../../server/src/seed/demo-catalog.ts';

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
