/**
 * The composition root: one database, its repositories, and the sync services wired to them.
 * The bearer token and device id are read through `setSession` so the transport always sends
 * the current ones without the sync layer reading the database on every request.
 */
import { AisleDb, createRepositories, type Repositories } from '../data/repositories.ts';
import type { SessionRecord } from '../data/types.ts';
import { CatalogSync } from '../sync/catalog-sync.ts';
import { OutboxEngine } from '../sync/outbox-engine.ts';
import { SerialLookupClient } from '../sync/serial-lookup-client.ts';
import { SignInService } from '../sync/sign-in.ts';
import { SyncScheduler } from '../sync/sync-scheduler.ts';
import { TokenRefresher } from '../sync/token-refresh.ts';
import { HttpSyncTransport } from '../sync/transport.ts';

export interface AppServices {
  readonly db: AisleDb;
  readonly repos: Repositories;
  readonly scheduler: SyncScheduler;
  readonly catalogSync: CatalogSync;
  readonly signIn: SignInService;
  readonly serialLookup: SerialLookupClient;
  /** Points the transport at the signed-in session (or none). */
  setSession(session: SessionRecord | undefined): void;
}

export function createServices(dbName?: string): AppServices {
  const db = new AisleDb(dbName);
  const repos = createRepositories(db);
  let token: string | null = null;
  let deviceId: string | null = null;
  const refresher = new TokenRefresher({ sessions: repos.sessions });
  const http = {
    token: () => token,
    refresh: async (refused: string) => {
      const renewed = await refresher.refresh(refused);
      if (renewed !== null) token = renewed;
      return renewed;
    },
  };
  const transport = new HttpSyncTransport(http);
  const serialLookup = new SerialLookupClient(http);
  const engine = new OutboxEngine({ outbox: repos.outbox, transport, deviceId: () => deviceId });
  const catalogSync = new CatalogSync({ catalog: repos.catalog, transport });
  const scheduler = new SyncScheduler({
    engine,
    outbox: repos.outbox,
    catalogSync,
    onSessionRefused: () => repos.sessions.markExpired(),
  });
  const signIn = new SignInService({
    sessions: repos.sessions,
    catalog: repos.catalog,
    deviceName: `Aisle on ${navigator.platform || 'a device'}`,
  });
  return {
    db,
    repos,
    scheduler,
    catalogSync,
    signIn,
    serialLookup,
    setSession(session) {
      token = session?.accessToken ?? null;
      deviceId = session?.deviceId ?? null;
    },
  };
}
