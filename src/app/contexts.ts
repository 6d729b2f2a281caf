/**
 * The app's contexts, one per concern, provided by `<pos-app>` and consumed by views:
 * repositories (data on the device), the signed-in session, the sync status for the status bar,
 * and the sync controls views use to ask for a flush or a pull.
 */
import { createContext } from '@lit/context';
import type { Repositories } from '../data/repositories.ts';
import type { SessionRecord, StoreRecord } from '../data/types.ts';
import type { CatalogSync } from '../sync/catalog-sync.ts';
import type { SerialLookupClient } from '../sync/serial-lookup-client.ts';
import type { ShiftClient } from '../sync/shift-client.ts';
import type { SignInService } from '../sync/sign-in.ts';
import type { SyncScheduler } from '../sync/sync-scheduler.ts';
import type { SyncStatus } from '../sync/sync-status.ts';

/** The device's repositories. */
export const repositoriesContext = createContext<Repositories>(Symbol('aisle-repositories'));

/** Who is signed in, at which store (currency, tax rate, locale). Undefined when signed out. */
export interface AppSession {
  readonly session: SessionRecord;
  readonly store: StoreRecord;
}
export const sessionContext = createContext<AppSession | undefined>(Symbol('aisle-session'));

/** What the status bar shows about sync. */
export const syncStatusContext = createContext<SyncStatus>(Symbol('aisle-sync-status'));

/** The sync services a view may drive: flush after a sale, pull the catalog, sign in. */
export interface SyncControls {
  readonly scheduler: SyncScheduler;
  readonly catalogSync: CatalogSync;
  readonly signIn: SignInService;
  readonly serialLookup: SerialLookupClient;
  readonly shiftClient: ShiftClient;
}
export const syncControlsContext = createContext<SyncControls>(Symbol('aisle-sync-controls'));
