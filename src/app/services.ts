/**
 * The composition root: one database and its repositories now, and the sync services wired to
 * them (src/app/sync-services.ts) in a chunk of their own that `loadSync()` fetches once, right
 * after the first paint (DESIGN §8) — precached like every chunk, so an offline start has it
 * too. The bearer token and device id are kept here and read through `setSession`, so the
 * transport always sends the current ones without reading the database on every request.
 */
import { AisleDb, createRepositories, type Repositories } from '../data/repositories.ts';
import type { SessionRecord } from '../data/types.ts';
import type { SyncControls } from './contexts.ts';

export interface AppServices {
  readonly db: AisleDb;
  readonly repos: Repositories;
  /** The sync services once `loadSync()` has loaded them, else undefined. */
  readonly sync: SyncControls | undefined;
  /** Loads the sync services (once; a failed load is tried again on the next call). */
  loadSync(): Promise<SyncControls>;
  /** Points the transport at the signed-in session (or none). */
  setSession(session: SessionRecord | undefined): void;
}

export function createServices(dbName?: string): AppServices {
  const db = new AisleDb(dbName);
  const repos = createRepositories(db);
  let token: string | null = null;
  let deviceId: string | null = null;
  let sync: SyncControls | undefined;
  let loading: Promise<SyncControls> | null = null;
  return {
    db,
    repos,
    get sync() {
      return sync;
    },
    loadSync() {
      loading ??= import('./sync-services.ts').then(
        ({ createSyncServices }) => {
          sync = createSyncServices(repos, {
            token: () => token,
            deviceId: () => deviceId,
            renewed: (renewed) => {
              token = renewed;
            },
          });
          return sync;
        },
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    setSession(session) {
      token = session?.accessToken ?? null;
      deviceId = session?.deviceId ?? null;
    },
  };
}
