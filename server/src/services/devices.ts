/**
 * Device registration: a device (a browser profile on a till) belongs to one store and keeps
 * its own outbox sequence. Registering again with the same id is how a device that lost its
 * state learns where the server stands (`last_applied_seq`).
 */
import type { DeviceRegistered, DeviceRegistration } from '../../../src/protocol/sync-protocol.ts';
import { assertStoreAccess, newId, type Caller } from '../auth.ts';
import { inTransaction, type StoreDb } from '../db/database.ts';
import { ApiError } from '../errors.ts';

export interface RegistrationOutcome {
  created: boolean;
  device: DeviceRegistered;
}

export async function registerDevice(
  store: StoreDb,
  caller: Caller,
  input: DeviceRegistration,
): Promise<RegistrationOutcome> {
  assertStoreAccess(caller, input.store_id);
  return inTransaction(store, async (trx) => {
    const known = await trx
      .selectFrom('stores')
      .select('store_id')
      .where('store_id', '=', input.store_id)
      .executeTakeFirst();
    if (known === undefined) {
      throw new ApiError(422, 'unknown_store', `There is no store ${input.store_id}.`, [
        { field: 'store_id', message: `no store ${input.store_id} exists` },
      ]);
    }
    const now = new Date().toISOString();
    if (input.device_id !== undefined) {
      const existing = await trx
        .selectFrom('devices')
        .selectAll()
        .where('device_id', '=', input.device_id)
        .executeTakeFirst();
      if (existing !== undefined) {
        if (existing.store_id !== input.store_id) {
          throw new ApiError(
            409,
            'device_conflict',
            'This device id is registered to another store.',
            [{ field: 'device_id', message: 'belongs to another store' }],
          );
        }
        await trx
          .updateTable('devices')
          .set({ last_seen_at: now, name: input.name ?? existing.name })
          .where('device_id', '=', existing.device_id)
          .execute();
        return {
          created: false,
          device: {
            device_id: existing.device_id,
            store_id: existing.store_id,
            last_applied_seq: Number(existing.last_applied_seq),
          },
        };
      }
    }
    const deviceId = input.device_id ?? newId();
    await trx
      .insertInto('devices')
      .values({
        device_id: deviceId,
        store_id: input.store_id,
        name: input.name ?? null,
        last_applied_seq: 0,
        created_at: now,
        last_seen_at: now,
      })
      .execute();
    return {
      created: true,
      device: { device_id: deviceId, store_id: input.store_id, last_applied_seq: 0 },
    };
  });
}
