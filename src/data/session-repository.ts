/**
 * Who is signed in on this device, for which store, and the device's own identity. Kept in
 * IndexedDB so a reload (or a night with the tablet off) stays signed in; sign-out is refused
 * while sales are still waiting for the server, because their token is needed to send them.
 */
import type { AisleDb } from './db.ts';
import { DataError, DataErrorReasons } from './errors.ts';
import { MetaKeys, OutboxStatuses, type SessionRecord, type StoreRecord } from './types.ts';

export interface SignInRecord {
  readonly session: SessionRecord;
  readonly store: StoreRecord;
  /** What the server says it already applied for this device (re-registration). */
  readonly lastAppliedSeq: number;
}

export class SessionRepository {
  private readonly _db: AisleDb;

  constructor(db: AisleDb) {
    this._db = db;
  }

  current(): Promise<SessionRecord | undefined> {
    return this._db.session.get('current');
  }

  store(storeId: string): Promise<StoreRecord | undefined> {
    return this._db.stores.get(storeId);
  }

  /** The device's UUID, made at its first sign-in and kept across sign-outs. */
  async deviceId(): Promise<string | null> {
    const record = await this._db.meta.get(MetaKeys.deviceId);
    return typeof record?.value === 'string' ? record.value : null;
  }

  async saveSignIn({ session, store, lastAppliedSeq }: SignInRecord): Promise<void> {
    const db = this._db;
    await db.transaction('rw', [db.session, db.stores, db.meta], async () => {
      await db.session.put(session);
      await db.stores.put(store);
      await db.meta.put({ key: MetaKeys.deviceId, value: session.deviceId });
      const counter = await db.meta.get(MetaKeys.lastSeq);
      const current = typeof counter?.value === 'number' ? counter.value : 0;
      // Never hand out a seq the server already holds for this device.
      if (lastAppliedSeq > current) {
        await db.meta.put({ key: MetaKeys.lastSeq, value: lastAppliedSeq });
      }
    });
  }

  /** The server refused the token: keep everything, ask the associate to sign in again. */
  async markExpired(): Promise<void> {
    await this._db.session.update('current', { expired: true });
  }

  async signOut(): Promise<void> {
    const db = this._db;
    await db.transaction('rw', [db.session, db.outbox], async () => {
      const pending = await db.outbox.where('status').equals(OutboxStatuses.pending).count();
      if (pending > 0) {
        throw new DataError(
          DataErrorReasons.unsyncedSales,
          pending === 1
            ? '1 sale has not reached the server yet. Connect to the network and wait for it to sync before signing out.'
            : `${pending} sales have not reached the server yet. Connect to the network and wait for them to sync before signing out.`,
        );
      }
      await db.session.delete('current');
    });
  }
}
