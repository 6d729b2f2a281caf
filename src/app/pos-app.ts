/**
 * The app shell: provides the contexts, follows the session (signed out → sign-in, first
 * download → setup, else the routed screen), starts and stops sync with the session, and shows
 * the header with the store, the associate, the sync status and sign-out. Also the lock: the
 * PIN is chosen after a password sign-in, and after the idle time the app locks over whatever
 * screen is open (made inert, so the cart stays exactly as it was) until the PIN unlocks it.
 */
import { localized, msg } from '@lit/localize';
import { provide } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/pos-sync-status.ts';
import type { PosEvent } from '../components/events.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { HeaderFitController } from '../controllers/header-fit-controller.ts';
import { APP_UNLOCKED_EVENT, IdleController } from '../controllers/idle-controller.ts';
import { LiveQueryController } from '../controllers/live-query-controller.ts';
import { describeDataError } from '../data/errors.ts';
import type { Repositories } from '../data/repositories.ts';
import { screenLocale } from '../i18n/format.ts';
import { applyLanguage, shownLanguage } from '../i18n/localization.ts';
import { log } from '../log.ts';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../sync/sync-status.ts';
import '../views/pos-view-sell.ts';
import {
  repositoriesContext,
  sessionContext,
  syncControlsContext,
  syncStatusContext,
  type AppSession,
  type SyncControls,
} from './contexts.ts';
import { appStyles } from './pos-app.styles.ts';
import { navigate, RouterController, type Route } from './router.ts';
import { mayOpen, navLinks, navOwner, routeEntry, type RouteName } from './routes.ts';
import type { AppServices } from './services.ts';
import { SessionSyncController } from './session-sync-controller.ts';

/** The lock loads as soon as someone is signed in; until it arrives the screen is inert. */
const loadLock = () => import('../views/pos-view-lock.ts');
type Loadable = RouteName | 'lock';

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
@localized()
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
  /** Units of the open sale while the sign-out asks to park or clear it (0: not asking). */
  @state() private _openUnits = 0;
  private _lockShown = false;
  private _menuRoute = '';
  /** The store locale the language was last applied for. */
  private _languageFor: string | null | undefined;
  private readonly _loaded = new Set<Loadable>();
  private readonly _loading = new Set<Loadable>();

  private readonly _router = new RouterController(this);
  private _unsubscribeStatus: (() => void) | null = null;

  private readonly _shell = new LiveQueryController(this, {
    args: () => (this._repos === undefined ? undefined : ([this._repos] as const)),
    query: (repos) => readShellState(repos),
  });

  protected readonly _sync = new SessionSyncController(this, {
    services: () => this.services,
    app: () => this._app,
    catalogReady: () => this._shell.value?.catalogReady === true,
  });

  private readonly _headerFit = new HeaderFitController(this, {
    header: () => this.renderRoot.querySelector('header'),
    key: () => `${shownLanguage()}|${this._app?.session.role ?? ''}`,
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
      const services = this.services;
      this._repos = services.repos;
      // The sync layer arrives in its own chunk, after this first paint.
      services.loadSync().then(
        (sync) => {
          if (this.services !== services) return;
          this._controls = sync;
          this._unsubscribeStatus?.();
          this._unsubscribeStatus = sync.scheduler.subscribe((status) => {
            this._syncStatus = status;
          });
        },
        (error: unknown) => {
          log.error('shell: cannot load the sync services', error);
          this._banner = msg(
            'Sales cannot be sent: part of the app could not be loaded. Check the connection, then reload the app.',
          );
        },
      );
    }
    const next = this._shell.value?.app;
    if (next !== undefined && JSON.stringify(next) !== JSON.stringify(this._app)) this._app = next;
    // The screens speak the store's language (or this device's choice); the page's lang
    // follows, for screen readers, hyphenation and dates.
    const storeLocale = next?.store.locale ?? null;
    if (this._shell.status === 'complete' && storeLocale !== this._languageFor) {
      this._languageFor = storeLocale;
      applyLanguage(storeLocale).catch((error: unknown) =>
        log.warn('shell: the language could not be loaded', { error: String(error) }),
      );
    }
    if (next === undefined && this._app !== undefined) this._app = undefined;
  }

  /** Signed out, asked for, or the session ended on a screen that needs it. */
  private _signInShown(app: AppSession | undefined, route: Route): boolean {
    return (
      app === undefined ||
      route.name === 'sign-in' ||
      (app.session.expired && route.name !== 'sell' && route.name !== 'receipt')
    );
  }

  override updated(): void {
    if (this._shell.status === 'complete' && this._signInShown(this._app, this._router.route)) {
      this._load('sign-in');
    }
    // The phone's menu closes once a screen was chosen from it.
    const route = JSON.stringify(this._router.route);
    if (route !== this._menuRoute) {
      this._menuRoute = route;
      const menu = this.renderRoot.querySelector<HTMLElement>('#app-menu');
      if (menu?.matches(':popover-open') === true) menu.hidePopover();
    }
    if (this._app !== undefined) {
      this._load('lock');
      if (this._shell.status === 'complete') {
        const screen = this._screen(this._router.route).name;
        for (const name of [screen, ...(routeEntry(screen).preload ?? [])]) this._load(name);
      }
    }
    const shown = this.renderRoot.querySelector('pos-view-lock') !== null;
    // Only now is the screen no longer inert, so only now can focus go back into it.
    if (this._lockShown && !shown) window.dispatchEvent(new Event(APP_UNLOCKED_EVENT));
    this._lockShown = shown;
  }

  override disconnectedCallback(): void {
    this._unsubscribeStatus?.();
    this._unsubscribeStatus = null;
    super.disconnectedCallback();
  }

  override render() {
    // The update notice (service-worker-start.ts slots it in) takes its own row under the
    // screen: it never covers the total, Pay or the cart's last line.
    return html`${this._renderContent()}<slot name="notice"></slot>`;
  }

  private _renderContent() {
    if (this.services === undefined || this._shell.status === 'pending') {
      return html`<main class="splash" aria-busy="true"><p>${msg('Starting Aisle…')}</p></main>`;
    }
    if (this._shell.status === 'error') {
      return html`<main class="splash">
        <p role="alert">${msg('Aisle could not read its data on this device. Reload the app.')}</p>
      </main>`;
    }
    const app = this._app;
    const route = this._router.route;
    if (this._signInShown(app, route) && !this._loaded.has('sign-in')) {
      return html`<main class="splash" aria-busy="true"><p>${msg('Starting Aisle…')}</p></main>`;
    }
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
              ${msg('Your session ended: sales are kept but not sent.')}
              <button @click=${() => navigate({ name: 'sign-in' })}>${msg('Sign in again')}</button>
            </div>`
          : nothing
      }
      ${
        this._banner === ''
          ? nothing
          : html`<div class="banner" role="alert">
              <span>${this._banner}</span>
              <button class="quiet" @click=${() => (this._banner = '')}>${msg('Dismiss')}</button>
            </div>`
      }
      <main>${this._renderScreen(route)}</main>
      <pos-sign-out-dialog
        ?open=${this._openUnits > 0}
        units=${this._openUnits}
        @pos-sign-out-choice=${this._onSignOutChoice}
      ></pos-sign-out-dialog>
    `;
  }

  private _renderHeader(app: AppSession) {
    const { displayName } = app.session;
    return html`<header class=${this._headerFit.compact ? 'compact' : ''}>
        <div class="brand">
          <span class="logo" aria-hidden="true">A</span>
          <span class="who-where">
            <span class="store">${app.store.label}</span>
            <span class="name" data-testid="app.associate">${displayName}</span>
          </span>
        </div>
        <pos-sync-status .status=${this._syncStatus} locale=${screenLocale()}></pos-sync-status>
        <nav class="links" aria-label=${msg('Screens')}>${this._renderLinks(app)}</nav>
        <button class="quiet on-dark sign-out" @click=${this._onSignOut}>${msg('Sign out')}</button>
        <button
          class="quiet on-dark menu-toggle"
          popovertarget="app-menu"
          aria-controls="app-menu"
          data-testid="app.menu"
        >
          <span class="burger" aria-hidden="true"></span>${msg('Menu')}
        </button>
      </header>
      <div id="app-menu" class="menu" popover>
        <p class="menu-who">
          <strong>${displayName}</strong><br /><span class="menu-store">${app.store.label}</span>
        </p>
        <nav aria-label=${msg('Screens')}>${this._renderLinks(app)}</nav>
        <button class="sign-out" @click=${this._onSignOut}>${msg('Sign out')}</button>
      </div>`;
  }

  private _renderLinks(app: AppSession) {
    const current = navOwner(this._router.route.name);
    return navLinks(app.session.role).map(
      ({ name, label }) =>
        html`<a href="#/${name}" aria-current=${current === name ? 'page' : 'false'}>${label}</a>`,
    );
  }

  /** The route the shell shows now, signed in: setup until the catalog is on the device. */
  private _screen(route: Route): Route {
    if (this._shell.value?.catalogReady !== true) return { name: 'setup' };
    const role = this._app?.session.role ?? 'associate';
    if (route.name === 'sign-in' || !mayOpen(route.name, role)) return { name: 'sell' };
    return route;
  }

  private _renderScreen(route: Route) {
    const screen = this._screen(route);
    const entry = routeEntry(screen.name);
    if (entry.load !== undefined && !this._loaded.has(screen.name)) {
      return html`<p class="splash" role="status">${msg('Opening…')}</p>`;
    }
    return entry.render(screen);
  }

  /** Loads a screen's module once; a failure (offline, no cached chunk) is said plainly. */
  private _load(name: Loadable): void {
    const load = name === 'lock' ? loadLock : routeEntry(name).load;
    if (load === undefined || this._loaded.has(name) || this._loading.has(name)) return;
    this._loading.add(name);
    load().then(
      () => {
        this._loaded.add(name);
        this.requestUpdate();
      },
      (error: unknown) => {
        log.error('shell: cannot load a screen', error, { screen: name });
        this._loading.delete(name);
        this._banner = msg(
          'This screen could not be loaded. Check the connection, then reload the app.',
        );
      },
    );
  }

  private readonly _onSignOut = async (): Promise<void> => {
    const repos = this._repos;
    const app = this._app;
    if (repos === undefined || app === undefined) return;
    // The next person never inherits this cart: park it or clear it first.
    const open = await repos.carts.current(app.session.deviceId);
    const units = open.lines.reduce((sum, line) => sum + line.quantity, 0);
    if (units > 0) {
      await import('../components/pos-sign-out-dialog.ts');
      this._openUnits = units;
      return;
    }
    // A sale with no item yet may still hold a customer: it leaves with the associate.
    if (open.cart !== null) await repos.carts.clear(app.session.deviceId);
    await this._signOutNow();
  };

  private readonly _onSignOutChoice = async (
    event: PosEvent<'pos-sign-out-choice'>,
  ): Promise<void> => {
    const repos = this._repos;
    const app = this._app;
    this._openUnits = 0;
    if (repos === undefined || app === undefined || event.detail.choice === 'cancel') return;
    const { deviceId, associateId, displayName } = app.session;
    if (event.detail.choice === 'park') {
      await repos.carts.park(
        deviceId,
        { associateId, associateName: displayName },
        new Date().toISOString(),
      );
    } else {
      await repos.carts.clear(deviceId);
    }
    await this._signOutNow();
  };

  private async _signOutNow(): Promise<void> {
    const repos = this._repos;
    if (repos === undefined) return;
    const menu = this.renderRoot.querySelector<HTMLElement>('#app-menu');
    if (menu?.matches(':popover-open') === true) menu.hidePopover();
    try {
      await repos.sessions.signOut();
      this._banner = '';
      navigate({ name: 'sell' }, { replace: true });
    } catch (error) {
      log.warn('shell: sign-out refused', { error: String(error) });
      this._banner = describeDataError(error);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-app': PosApp;
  }
}
