/**
 * Reads the app's own IndexedDB database ('aisle') from a page, the way the app stored it:
 * the outbox, the sales and the device id. No hook in the app: the spec opens the database by
 * name with the plain IndexedDB API, read-only.
 */
import { expect, type Page } from '@playwright/test';

export interface DeviceOutboxEntry {
  readonly seq: number;
  readonly id: string;
  readonly type: string;
  readonly status: string;
  readonly ref: string | null;
}

export interface DeviceSale {
  readonly saleId: string;
  readonly seq: number;
  readonly deviceId: string;
  readonly sync: { readonly state: string; readonly orderId: string | null };
}

export interface DeviceState {
  readonly outbox: DeviceOutboxEntry[];
  readonly sales: DeviceSale[];
  readonly cartLines: number;
}

/** Everything the sync invariants are stated on, read in one transaction. */
export function readDevice(page: Page): Promise<DeviceState> {
  return page.evaluate(
    () =>
      new Promise<DeviceState>((resolve, reject) => {
        const open = indexedDB.open('aisle');
        open.onerror = () => reject(open.error ?? new Error('cannot open the aisle database'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['outbox', 'sales', 'cartLines'], 'readonly');
          const outbox = tx.objectStore('outbox').getAll();
          const sales = tx.objectStore('sales').getAll();
          const lines = tx.objectStore('cartLines').count();
          tx.oncomplete = () => {
            db.close();
            resolve({
              outbox: (outbox.result as DeviceOutboxEntry[]).map(
                ({ seq, id, type, status, ref }) => ({ seq, id, type, status, ref }),
              ),
              sales: (sales.result as DeviceSale[]).map(({ saleId, seq, deviceId, sync }) => ({
                saleId,
                seq,
                deviceId,
                sync: { state: sync.state, orderId: sync.orderId },
              })),
              cartLines: lines.result,
            });
          };
          tx.onerror = () => reject(tx.error ?? new Error('cannot read the aisle database'));
        };
      }),
  );
}

/** The device id of the signed-in session. */
export function readDeviceId(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('aisle');
        open.onerror = () => reject(open.error ?? new Error('cannot open the aisle database'));
        open.onsuccess = () => {
          const db = open.result;
          const request = db
            .transaction('session', 'readonly')
            .objectStore('session')
            .get('current');
          request.onsuccess = () => {
            db.close();
            const session = request.result as { deviceId?: string } | undefined;
            if (session?.deviceId === undefined) reject(new Error('no session on this device'));
            else resolve(session.deviceId);
          };
          request.onerror = () => reject(request.error ?? new Error('cannot read the session'));
        };
      }),
  );
}

/** Waits until the app's own database holds a record under that key in that table. */
export async function holdsRecord(page: Page, table: string, key: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          async ([name, id]) => {
            const open = indexedDB.open('aisle');
            const db = await new Promise<IDBDatabase>(
              (resolve) => (open.onsuccess = () => resolve(open.result)),
            );
            const found = await new Promise((resolve) => {
              const request = db.transaction(name).objectStore(name).get(id);
              request.onsuccess = () => resolve(request.result !== undefined);
            });
            db.close();
            return found;
          },
          [table, key] as const,
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
}
