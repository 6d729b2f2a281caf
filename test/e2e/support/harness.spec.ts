/**
 * The e2e harness itself: the real server answers on a fresh database with the demo store,
 * the admin token of the `api` fixture is accepted and nothing else is, the built app is
 * served, and `signIn` gets the demo associate to the sell screen.
 */
import { DEMO_STORE, expect, signIn, test } from '../fixtures.ts';

test('the api fixture reaches the real server as an admin integration', async ({ api }) => {
  const health = await api.get('/healthz');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok', db: 'sqlite' });

  const stores = await api.get('/v0/stores');
  expect(stores.status()).toBe(200);
  const list = (await stores.json()) as { store_id: string; label: string }[];
  expect(list.map((store) => store.store_id)).toContain(DEMO_STORE.store_id);
});

test('a request without the admin token is refused', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const stores = await anonymous.get('/v0/stores');
  expect(stores.status()).toBe(401);
  await anonymous.dispose();
});

test('signIn takes the demo associate from the built app to the sell screen', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await signIn(page, 'associate');
  await expect(page.getByText('The cart is empty.')).toBeVisible({ timeout: 30_000 });
});
