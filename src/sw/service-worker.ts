/**
 * Aisle's service worker (vite-plugin-pwa, injectManifest). It precaches the app shell, every
 * lazy chunk (screens, the camera scanner and its decoder Worker) and zxing-wasm's `.wasm`, so
 * after one visit the app starts and sells with no network at all.
 *
 * - Navigations fall back to the cached index.html, except the API and health check.
 * - The API is never cached here: the outbox in IndexedDB is the offline store of sales, and a
 *   cached answer would hide what the server really holds.
 * - A new version waits until the page sends SKIP_WAITING (the associate agreed and no sale
 *   is open); it never takes over on its own.
 * - Background Sync is a trigger only: the `sync` event asks open pages to flush.
 */
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { isSwMessage, SW_SYNC_TAG, SwMessageTypes } from './messages.ts';

type PrecacheEntry = { url: string; revision: string | null } | string;

/** The parts of ServiceWorkerGlobalScope used here (the client tsconfig has no WebWorker lib). */
interface WorkerEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface WorkerMessageEvent extends WorkerEvent {
  readonly data: unknown;
}
interface WorkerSyncEvent extends WorkerEvent {
  readonly tag: string;
}
/** A rule of the Service Worker Static Routing API (Chromium 123+). */
interface StaticRoute {
  readonly condition: { readonly urlPattern: { readonly pathname: string } };
  readonly source: 'network';
}
interface WorkerInstallEvent extends WorkerEvent {
  readonly addRoutes?: (rules: readonly StaticRoute[]) => Promise<void>;
}
interface WorkerClient {
  postMessage(message: unknown): void;
}
interface WorkerScope {
  readonly __WB_MANIFEST: PrecacheEntry[];
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<WorkerClient[]>;
  };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install', listener: (event: WorkerInstallEvent) => void): void;
  addEventListener(type: 'activate', listener: (event: WorkerEvent) => void): void;
  addEventListener(type: 'message', listener: (event: WorkerMessageEvent) => void): void;
  addEventListener(type: 'sync', listener: (event: WorkerSyncEvent) => void): void;
}

declare const self: WorkerScope;

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/^\/v0(\/|$)/, /^\/healthz$/, /^\/docs(\/|$)/],
  }),
);

// The API and the health check go straight to the network, never through this worker (the
// Static Routing API, where the browser has it): no worker start-up in the way of a sale's
// push, and the request is the page's own, as the browser and its tools see it. Without the
// API, the routes above still leave them to the network.
self.addEventListener('install', (event) => {
  const routes = event.addRoutes?.(
    ['/v0/*', '/healthz'].map((pathname) => ({
      condition: { urlPattern: { pathname } },
      source: 'network' as const,
    })),
  );
  if (routes !== undefined) event.waitUntil(routes.catch(() => undefined));
});

// Claiming on activation makes the very first visit controlled (offline-ready without a
// reload). An update only activates after SKIP_WAITING or once no page runs the old version,
// so claiming then never swaps the code under an open sale.
self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

self.addEventListener('message', (event) => {
  if (isSwMessage(event.data, SwMessageTypes.skipWaiting)) {
    event.waitUntil(self.skipWaiting());
  }
});

self.addEventListener('sync', (event) => {
  if (event.tag !== SW_SYNC_TAG) return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((clients) => {
      for (const client of clients) client.postMessage({ type: SwMessageTypes.flushOutbox });
    }),
  );
});
