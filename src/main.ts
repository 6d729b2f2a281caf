/**
 * Bootstrap: open the device database, ask the browser to keep it (persistent storage, so a
 * full disk or a cleanup does not evict unsynced sales), register the service worker (offline
 * start, updates, Background Sync as a flush trigger) and hand the services to <pos-app>.
 * The worker's registration and update prompt are a lazy chunk (service-worker-start.ts),
 * loaded right after the shell has its services, to keep them off the first paint; so is
 * search by name, whose index of the stored catalog is built in the background from start.
 */
import { msg } from '@lit/localize';
import './app/pos-app.ts';
import { createServices } from './app/services.ts';
import { applyLanguage } from './i18n/localization.ts';
import { log } from './log.ts';

function showFatal(message: string): void {
  const main = document.createElement('main');
  main.setAttribute('role', 'alert');
  main.className = 'fatal';
  main.textContent = message;
  document.body.replaceChildren(main);
}

async function start(): Promise<void> {
  // The first screen speaks this device's language: its templates load while the database
  // opens (precached, so offline too), and the shell starts once both are there.
  const language = applyLanguage(null).catch((error: unknown) =>
    log.warn('the language could not be loaded', { error: String(error) }),
  );
  const services = createServices();
  try {
    await services.db.open();
  } catch (error) {
    log.error('cannot open the device database', error);
    showFatal(
      msg(
        'Aisle cannot open its storage on this device. Close other Aisle tabs, make sure the browser is not in private mode, then reload.',
      ),
    );
    return;
  }
  // Search by name indexes the stored catalog in the background while the till works.
  services.repos.catalog
    .searchIndex()
    .catch((error: unknown) => log.error('cannot load search by name', error));
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
  await language;
  app.services = services;
  // Offline-first stays intact: the installed worker precaches this chunk too.
  import('./app/service-worker-start.ts').then(
    ({ startUpdates }) => startUpdates(services),
    (error: unknown) => log.error('cannot load the service worker start', error),
  );
}

void start();
