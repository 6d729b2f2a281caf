/**
 * The service worker and its update prompt, loaded by main.ts once the shell has its services:
 * registration, Workbox's window library and the update toast are not needed to paint the first
 * screen, so they stay off the entry chunk (DESIGN §8). The worker itself precaches this chunk
 * like every other, so an offline start loads it from the cache.
 */
import { AppServiceWorker } from '../sw/register.ts';
import './pos-update-prompt.ts';
import { log } from '../log.ts';
import type { AppServices } from './services.ts';

/** Registers the worker; its Background Sync wake-ups only trigger the usual flush. */
function startServiceWorker(services: AppServices): AppServiceWorker {
  const worker = new AppServiceWorker();
  worker.onFlushRequest(() => services.sync?.scheduler.requestFlush());
  // Sales waiting and no network: ask Chromium to wake us when the network is back (even if
  // this tab is in the background by then). Only offline: registered while the browser is
  // online, the wake-up comes at once, and a server that is down would be asked again and
  // again with no backoff between.
  services.loadSync().then(
    ({ scheduler }) =>
      scheduler.subscribe((status) => {
        if ((status.pending ?? 0) > 0 && !status.online) void worker.requestBackgroundSync();
      }),
    (error: unknown) => log.warn('sw: no sync services to wake', { error: String(error) }),
  );
  void worker.register();
  return worker;
}

/**
 * Registers the worker and puts <pos-update-prompt> into the shell's notice row (its
 * `notice` slot, under the screen), or beside it when there is no shell.
 */
export function startUpdates(services: AppServices): void {
  const prompt = document.createElement('pos-update-prompt');
  prompt.worker = startServiceWorker(services);
  prompt.services = services;
  prompt.slot = 'notice';
  (document.querySelector('pos-app') ?? document.body).append(prompt);
}
