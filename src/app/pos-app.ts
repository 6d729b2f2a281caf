/**
 * The app shell: provides the contexts, follows the session (signed out → sign-in, first
 * download → setup, else the routed screen), starts and stops sync with the session, and shows
 * the header with the store, the associate, the sync status and sign-out. Also the lock: the
 * PIN is chosen after a password sign-in, and after the idle time the app locks over whatever
 * screen is open (made inert, so the cart stays exactly as it was) until the PIN unlocks it.
 */
import { provide } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/pos-sync-status.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { APP_UNLOCKED_EVENT, IdleController } from '../controllers/idle-controller.ts';
import { LiveQueryController } from '../controllers/live-query-controller.ts';
import { describeDataError } from '../data/errors.ts';
import type { Repositories } from '../data/repositories.ts';
import { log } from '../log.ts';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../sync/sync-status.ts';
import '../views/pos-view-sell.ts';
import '../views/pos-view-sign-in.ts';
import {
  repositoriesContext,
  sessionContext,
  syncControlsContext,
  syncStatusContext,
  type AppSession,
  type SyncControls,
} from './contexts.ts';
import { appStyles } from './pos-app.styles.ts';
import { navigate, RouterController } from './router.ts';
import type { AppServices } from './services.ts';

/** Screens loaded on first use, to keep the first paint small. */
const LAZY_SCREENS = {
  setup: () => import('../views/pos-view-setup.ts'),
  receipt: () => import('../views/pos-view-receipt.ts'),
  orders: () => import('../views/pos-view-orders.ts'),
  settings: () => import('../views/pos-view-settings.ts'),
  exceptions: () => import('../views/pos-view-exceptions.ts'),
  pick: () => import('../views/pos-view-pick.ts'),
  status: () => import('../views/pos-view-status.ts'),
  // Loaded as soon as someone is signed in; until it arrives the screen under it is inert.
  lock: () => import('../views/pos-view-lock.ts'),
} as const;
type LazyScreen = keyof typeof LAZY_SCREENS;

/** Managers (and admins) see the store's serial exceptions and resolve them. */
const isManager = (app: AppSession | undefined): boolean =>
  app?.session.role === 'manager' || app?.session.role === 'admin';

interface ShellState {
  readonly app: AppSession | undefined;
  readonly catalogReady: boolean;
  readonly idleMinutes: number;
}

async function readShellState(repos: Repositories): Promise<ShellState> {
  const [session, lock] = await Promise.all([
    repos.sessions.current(),
    repos.sessions.lockSettings(),
  ]);
  const idleMinutes = lock.idleMinutes;
  if (session === undefined) return { app: undefined, catalogReady: false, idleMinutes };
  const [store, catalog] = await Promise.all([
    repos.sessions.store(session.storeId),
    repos.catalog.state(),
  ]);
  if (store === undefined) return { app: undefined, catalogReady: false, idleMinutes };
  return {
    app: { session, store },
    catalogReady: catalog.complete && catalog.storeId === session.storeId,
    idleMinutes,
  };
}

@customElement('pos-app')
export class PosApp extends LitElement {
  static override styles = [controlStyles, appStyles];

  /** Set once by main.ts after the database opened. */
  @property({ attribute: false }) services?: AppServices;

  @provide({ context: repositoriesContext })
  @state()
  private _repos?: Repositories;

  @provide({ context: sessionContext })
  @state()
  private _app?: AppSession;

  @provide({ context: syncStatusContext })
  @state()
  private _syncStatus: SyncStatus = INITIAL_SYNC_STATUS;

  @provide({ context: syncControlsContext })
  @state()
  // Read by the context provider only, hence not private (noUnusedLocals).
  protected _controls?: SyncControls;

  @state() private _banner = '';
  @state() private _locked = false;
  private _lockShown = false;
  private readonly _loadedScreens = new Set<LazyScreen>();
  private readonly _loadingScreens = new Set<LazyScreen>();

  private readonly _router = new RouterController(this);
  private _syncingStore: string | null = null;
  private _unsubscribeStatus: (() => void) | null = null;

  private readonly _shell = new LiveQueryController(this, {
    args: () => (this._repos === undefined ? undefined : ([this._repos] as const)),
    query: (repos) => readShellState(repos),
  });

  private readonly _idle = new IdleController(this, {
    timeoutMs: () => (this._shell.value?.idleMinutes ?? 5) * 60_000,
    onIdle: () => {
      // Before the session is read (idle already at start) lock anyway: the lock shows only
      // once there is a PIN to ask for. With a session but no PIN, keep watching.
      if (this._shell.status === 'complete' && this._app?.session.pin === undefined) {
        this._idle.reset();
      } else {
        this._locked = true;
      }
    },
  });

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('services') && this.services !== undefined) {
      const { repos, scheduler, catalogSync, signIn } = this.services;
      this._repos = repos;
      this._controls = { scheduler, catalogSync, signIn };
      this._unsubscribeStatus?.();
      this._unsubscribeStatus = scheduler.subscribe((status) => {
        this._syncStatus = status;
      });
    }
    const next = this._shell.value?.app;
    if (next !== undefined && JSON.stringify(next) !== JSON.stringify(this._app)) this._app = next;
    if (next === undefined && this._app !== undefined) this._app = undefined;
    this._followSession();
    if (this._app !== undefined) this._loadScreen('lock');
    if (this._app !== undefined && this._shell.status === 'complete') {
      const screen = this._screen(this._router.route);
      // The receipt must open after a sale made offline: its module loads with the sell screen.
      this._loadScreen(screen === 'sell' ? 'receipt' : screen);
    }
  }

  override updated(): void {
    const shown = this.renderRoot.querySelector('pos-view-lock') !== null;
    // Only now is the screen no longer inert, so only now can focus go back into it.
    if (this._lockShown && !shown) window.dispatchEvent(new Event(APP_UNLOCKED_EVENT));
    this._lockShown = shown;
  }

  override disconnectedCallback(): void {
    this._unsubscribeStatus?.();
    this._unsubscribeStatus = null;
    this.services?.scheduler.stop();
    this._syncingStore = null;
    super.disconnectedCallback();
  }

  override render() {
    if (this.services === undefined || this._shell.status === 'pending') {
      return html`<main class="splash" aria-busy="true"><p>Starting Aisle…</p></main>`;
    }
    if (this._shell.status === 'error') {
      return html`<main class="splash">
        <p role="alert">Aisle could not read its data on this device. Reload the app.</p>
      </main>`;
    }
    const app = this._app;
    const route = this._router.route;
    if (app === undefined) {
      return html`<main class="full"><pos-view-sign-in></pos-view-sign-in></main>`;
    }
    if (
      route.name === 'sign-in' ||
      (app.session.expired && route.name !== 'sell' && route.name !== 'receipt')
    ) {
      return html`<main class="full">
        <pos-view-sign-in
          ?session-ended=${app.session.expired}
          username=${app.session.username}
        ></pos-view-sign-in>
      </main>`;
    }
    const lock = this._lockMode(app);
    return html`
      <div class="screen" ?inert=${lock !== null}>${this._renderSignedIn(app, route)}</div>
      ${
        lock === null
          ? nothing
          : html`<pos-view-lock
              mode=${lock}
              username=${app.session.username}
              display-name=${app.session.displayName}
              @pos-unlocked=${this._onUnlocked}
            ></pos-view-lock>`
      }
    `;
  }

  /** The lock to show: choose a PIN first, then unlock after idling; null = none. */
  private _lockMode(app: AppSession): 'set' | 'unlock' | null {
    if (app.session.pin === undefined) return app.session.expired ? null : 'set';
    return this._locked ? 'unlock' : null;
  }

  private readonly _onUnlocked = (): void => {
    this._locked = false;
    this._idle.reset();
  };

  private _renderSignedIn(app: AppSession, route: RouterController['route']) {
    return html`
      ${this._renderHeader(app)}
      ${
        app.session.expired
          ? html`<div class="banner warn" role="alert">
              Your session ended: sales are kept but not sent.
              <button @click=${() => navigate({ name: 'sign-in' })}>Sign in again</button>
            </div>`
          : nothing
      }
      ${
        this._banner === ''
          ? nothing
          : html`<div class="banner" role="alert">
              <span>${this._banner}</span>
              <button class="quiet" @click=${() => (this._banner = '')}>Dismiss</button>
            </div>`
      }
      <main>${this._renderScreen(route)}</main>
    `;
  }

  private _renderHeader(app: AppSession) {
    return html`<header>
      <div class="brand">
        <span class="logo" aria-hidden="true">A</span>
        <span class="store">${app.store.label}</span>
      </div>
      <pos-sync-status .status=${this._syncStatus} locale=${app.store.locale}></pos-sync-status>
      ${this._renderNav(app)}
      <div class="who">
        <span class="name">${app.session.displayName}</span>
        <button class="quiet on-dark" @click=${this._onSignOut}>Sign out</button>
      </div>
    </header>`;
  }

  private _renderNav(app: AppSession) {
    const route = this._router.route.name;
    // One request being picked is still the Pick screen.
    const current = route === 'pick-request' ? 'pick' : route;
    const link = (name: 'sell' | LazyScreen, label: string) =>
      html`<a href="#/${name}" aria-current=${current === name ? 'page' : 'false'}>${label}</a>`;
    return html`<nav aria-label="Screens">
      ${link('sell', 'Sell')} ${link('pick', 'Pick')} ${link('orders', 'Orders')}
      ${link('settings', 'Settings')} ${isManager(app) ? link('exceptions', 'Exceptions') : nothing}
    </nav>`;
  }

  /** The screen the shell shows now, signed in. */
  private _screen(route: RouterController['route']): 'sell' | LazyScreen {
    if (this._shell.value?.catalogReady !== true) return 'setup';
    if (route.name === 'exceptions' && !isManager(this._app)) return 'sell';
    if (route.name === 'pick-request') return 'pick';
    const lazy: readonly string[] = [
      'receipt',
      'orders',
      'settings',
      'exceptions',
      'pick',
      'status',
    ];
    return lazy.includes(route.name) ? (route.name as LazyScreen) : 'sell';
  }

  private _renderScreen(route: RouterController['route']) {
    const screen = this._screen(route);
    if (screen !== 'sell' && !this._loadedScreens.has(screen)) {
      return html`<p class="splash" role="status">Opening…</p>`;
    }
    if (screen === 'setup') return html`<pos-view-setup></pos-view-setup>`;
    if (screen === 'receipt' && route.name === 'receipt') {
      return html`<pos-view-receipt sale-id=${route.saleId}></pos-view-receipt>`;
    }
    if (screen === 'orders') return html`<pos-view-orders></pos-view-orders>`;
    if (screen === 'settings') return html`<pos-view-settings></pos-view-settings>`;
    if (screen === 'status') return html`<pos-view-status></pos-view-status>`;
    if (screen === 'exceptions') return html`<pos-view-exceptions></pos-view-exceptions>`;
    if (screen === 'pick') {
      const requestId = route.name === 'pick-request' ? route.requestId : '';
      return html`<pos-view-pick request-id=${requestId}></pos-view-pick>`;
    }
    return html`<pos-view-sell></pos-view-sell>`;
  }

  /** Loads a lazy screen's module once; a failure (offline, no cached chunk) is said plainly. */
  private _loadScreen(screen: LazyScreen): void {
    if (this._loadedScreens.has(screen) || this._loadingScreens.has(screen)) return;
    this._loadingScreens.add(screen);
    LAZY_SCREENS[screen]().then(
      () => {
        this._loadedScreens.add(screen);
        this.requestUpdate();
      },
      (error: unknown) => {
        log.error('shell: cannot load a screen', error, { screen });
        this._loadingScreens.delete(screen);
        this._banner =
          'This screen could not be loaded. Check the connection, then reload the app.';
      },
    );
  }

  /** Starts sync for the signed-in store, stops it on sign-out. */
  private _followSession(): void {
    const services = this.services;
    if (services === undefined) return;
    const app = this._app;
    services.setSession(app?.session);
    const storeId =
      app?.session.expired === false && this._shell.value?.catalogReady ? app.store.store_id : null;
    if (storeId === this._syncingStore) return;
    this._syncingStore = storeId;
    if (storeId === null || app === undefined) {
      services.scheduler.stop();
    } else {
      services.scheduler.start(app.store.currency);
      services.scheduler.refreshCatalog();
    }
  }

  private readonly _onSignOut = async (): Promise<void> => {
    const repos = this._repos;
    if (repos === undefined) return;
    try {
      await repos.sessions.signOut();
      this._banner = '';
      navigate({ name: 'sell' }, { replace: true });
    } catch (error) {
      log.warn('shell: sign-out refused', { error: String(error) });
      this._banner = describeDataError(error);
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-app': PosApp;
  }
}
