/**
 * Bootstrap: open the device database, ask the browser to keep it (persistent storage, so a
 * full disk or a cleanup does not evict unsynced sales), register the service worker (offline
 * start, updates, Background Sync as a flush trigger) and hand the services to <pos-app>.
 */
import './app/pos-app.ts';
import './app/pos-update-prompt.ts';
import { createServices, type AppServices } from './app/services.ts';
import { log } from './log.ts';
import { AppServiceWorker } from './sw/register.ts';

function showFatal(message: string): void {
  const main = document.createElement('main');
  main.setAttribute('role', 'alert');
  main.className = 'fatal';
  main.textContent = message;
  document.body.replaceChildren(main);
}

async function start(): Promise<void> {
  const services = createServices();
  try {
    await services.db.open();
  } catch (error) {
    log.error('cannot open the device database', error);
    showFatal(
      'Aisle cannot open its storage on this device. Close other Aisle tabs, make sure the browser is not in private mode, then reload.',
    );
    return;
  }
  if (navigator.storage?.persist !== undefined) {
    navigator.storage
      .persist()
      .then((granted) => log.info('persistent storage', { granted }))
      .catch((error: unknown) =>
        log.warn('persistent storage request failed', { error: String(error) }),
      );
  }
  let app = document.querySelector('pos-app');
  if (app === null) {
    app = document.createElement('pos-app');
    document.body.append(app);
  }
  app.services = services;
  const prompt = document.createElement('pos-update-prompt');
  prompt.worker = startServiceWorker(services);
  prompt.services = services;
  document.body.append(prompt);
}

/** Registers the worker; its Background Sync wake-ups only trigger the usual flush. */
function startServiceWorker(services: AppServices): AppServiceWorker {
  const worker = new AppServiceWorker();
  worker.onFlushRequest(() => services.scheduler.requestFlush());
  // Sales waiting and the last attempt failed: ask Chromium to wake us when the network is
  // back (even if this tab is in the background by then).
  services.scheduler.subscribe((status) => {
    if (status.pending > 0 && status.phase === 'retrying') void worker.requestBackgroundSync();
  });
  void worker.register();
  return worker;
}

void start();
