/**
 * The sync layer wired to the device's repositories: the transport and its token refresh, the
 * outbox engine, the catalog pull, the scheduler that runs them, sign-in, the online serial
 * lookup and the store's shifts. Its own chunk, loaded by services.ts right after the shell
 * has painted: nothing the first screen shows needs the network, and the scheduler picks up
 * whatever waits in the outbox when it starts.
 */
import type { Repositories } from '../data/repositories.ts';
import { CatalogSync } from '../sync/catalog-sync.ts';
import { OutboxEngine } from '../sync/outbox-engine.ts';
import { SerialLookupClient } from '../sync/serial-lookup-client.ts';
import { ShiftClient } from '../sync/shift-client.ts';
import { SignInService } from '../sync/sign-in.ts';
import { SyncScheduler } from '../sync/sync-scheduler.ts';
import { TokenRefresher } from '../sync/token-refresh.ts';
import { HttpSyncTransport } from '../sync/transport.ts';
import type { SyncControls } from './contexts.ts';

/** Where the sync layer reads the signed-in session's token and device id, and keeps a new token. */
export interface SessionCredentials {
  token(): string | null;
  deviceId(): string | null;
  renewed(token: string): void;
}

export function createSyncServices(
  repos: Repositories,
  credentials: SessionCredentials,
): SyncControls {
  const refresher = new TokenRefresher({ sessions: repos.sessions });
  const http = {
    token: () => credentials.token(),
    refresh: async (refused: string) => {
      const renewed = await refresher.refresh(refused);
      if (renewed !== null) credentials.renewed(renewed);
      return renewed;
    },
  };
  const transport = new HttpSyncTransport(http);
  const serialLookup = new SerialLookupClient(http);
  const shiftClient = new ShiftClient(http);
  const engine = new OutboxEngine({
    outbox: repos.outbox,
    transport,
    deviceId: () => credentials.deviceId(),
  });
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
  return { scheduler, catalogSync, signIn, serialLookup, shiftClient };
}
