/**
 * Bootstrap: open the device database, ask the browser to keep it (persistent storage, so a
 * full disk or a cleanup does not evict unsynced sales), and hand the services to <pos-app>.
 * The service worker is registered here by a later issue.
 */
import './app/pos-app.ts';
import { createServices } from './app/services.ts';
import { log } from './log.ts';

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
}

void start();
