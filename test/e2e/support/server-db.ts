/**
 * Reads the e2e server's SQLite file directly (read-only), so a spec can state its invariant on
 * what the server really holds: every order a device sent, and the device's last applied seq.
 */
import Database from 'better-sqlite3';
import { E2E_DB_FILE } from './env.ts';

export interface ServerDeviceState {
  /** external_id of every order from this device, one entry per row (duplicates would show). */
  readonly orderExternalIds: string[];
  readonly lastAppliedSeq: number | null;
  readonly mutationLogRows: number;
}

export function readServerDevice(deviceId: string): ServerDeviceState {
  const db = new Database(E2E_DB_FILE, { readonly: true, fileMustExist: true });
  try {
    const orders = db
      .prepare('SELECT external_id FROM orders WHERE device_id = ? ORDER BY external_id')
      .all(deviceId) as Array<{ external_id: string }>;
    const device = db
      .prepare('SELECT last_applied_seq FROM devices WHERE device_id = ?')
      .get(deviceId) as { last_applied_seq: number } | undefined;
    const log = db
      .prepare('SELECT COUNT(*) AS n FROM mutation_log WHERE device_id = ?')
      .get(deviceId) as { n: number };
    return {
      orderExternalIds: orders.map((row) => row.external_id),
      lastAppliedSeq: device === undefined ? null : Number(device.last_applied_seq),
      mutationLogRows: log.n,
    };
  } finally {
    db.close();
  }
}
