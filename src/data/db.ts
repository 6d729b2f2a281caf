/**
 * Aisle's IndexedDB database. One versioned Dexie schema; repositories are the only code that
 * reads and writes these tables (and `src/sync/`, through repositories).
 *
 * Sale and outbox writes must survive a power cut right after "Complete", so transactions use
 * strict durability (Chromium otherwise acknowledges before flushing to disk).
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Minor } from '../domain/money.ts';
import type { TenderLine } from '../domain/tender.ts';
import type {
  ApproverRecord,
  CartLineRecord,
  CartRecord,
  ConfigRecord,
  HistoryOrderRecord,
  HistoryReturnRecord,
  MetaRecord,
  OutboxRecord,
  ProductRecord,
  SaleRecord,
  SessionRecord,
  StoreRecord,
} from './types.ts';
import type { FulfillmentRecord } from '../domain/fulfillment-records.ts';
import { historyRecordOfSale } from './history-records.ts';
import { saleSerialKeys } from './sale-serial-keys.ts';
import { identifierKeys } from '../domain/gtin.ts';
import type { RefusedConfigRecord, SerialExceptionRecord } from './serial-records.ts';
import type { ShiftRecord } from './shift-records.ts';

export const DEFAULT_DB_NAME = 'aisle';

/** How a sale was paid before split tender (Dexie versions 1–6). */
type LegacyTender =
  | { readonly method: 'cash'; readonly tendered: Minor; readonly change: Minor }
  | { readonly method: 'card'; readonly reference: string };

export class AisleDb extends Dexie {
  declare products: EntityTable<ProductRecord, 'productId'>;
  declare config: EntityTable<ConfigRecord, 'key'>;
  declare stores: EntityTable<StoreRecord, 'store_id'>;
  declare session: EntityTable<SessionRecord, 'key'>;
  declare meta: EntityTable<MetaRecord, 'key'>;
  declare carts: EntityTable<CartRecord, 'cartId'>;
  declare cartLines: EntityTable<CartLineRecord, 'lineId'>;
  declare sales: EntityTable<SaleRecord, 'saleId'>;
  declare outbox: EntityTable<OutboxRecord, 'seq'>;
  declare serialExceptions: EntityTable<SerialExceptionRecord, 'id'>;
  declare refusedConfig: EntityTable<RefusedConfigRecord, 'key'>;
  declare fulfillment: EntityTable<FulfillmentRecord, 'id'>;
  declare storeOrders: EntityTable<HistoryOrderRecord, 'externalId'>;
  declare storeReturns: EntityTable<HistoryReturnRecord, 'returnId'>;
  declare approvers: EntityTable<ApproverRecord, 'userId'>;
  declare shifts: EntityTable<ShiftRecord, 'shiftId'>;

  constructor(name = DEFAULT_DB_NAME) {
    super(name, { chromeTransactionDurability: 'strict' });
    // Version 1: the foundation sale. Later versions add fulfillment and serialExceptions.
    this.version(1).stores({
      products: 'productId, *lookupKeys',
      config: 'key',
      stores: 'store_id',
      session: 'key',
      meta: 'key',
      carts: 'cartId, deviceId',
      cartLines: 'lineId, cartId, [cartId+productId]',
      sales: 'saleId, &seq, createdAt, sync.state',
      outbox: 'seq, &id, status, ref',
    });
    // Version 2 (serialized inventory): the store's serial exceptions as pulled, and the newest
    // configuration the device refused (its pattern cannot run), kept beside the last good one.
    this.version(2).stores({
      serialExceptions: 'id, state, orderExternalId',
      refusedConfig: 'key',
    });
    // Version 3 (fulfilment): the store's requests cached for offline picking, listed by the
    // state the associate sees.
    this.version(3).stores({
      fulfillment: 'id, localState',
    });
    // Version 4: sales indexed by the serials they hold, so the same-serial check at checkout
    // reads the one matching sale instead of every unsent sale (a long offline day queues
    // hundreds, and the check runs inside the checkout transaction).
    this.version(4)
      .stores({ sales: 'saleId, &seq, createdAt, sync.state, *serialKeys' })
      .upgrade((trx) =>
        trx
          .table<SaleRecord, 'saleId'>('sales')
          .toCollection()
          .modify((sale) => {
            sale.serialKeys = saleSerialKeys(sale.lines);
          }),
      );
    // Version 5: outbox entries whose answer is recorded but not yet on the record it concerns
    // (the disk was full) are indexed by `unsettled`, so any feature's records catch up, not
    // only sales. The upgrade marks the sales that were left waiting that way before.
    this.version(5)
      .stores({ outbox: 'seq, &id, status, ref, unsettled' })
      .upgrade(async (trx) => {
        const waiting = await trx
          .table<SaleRecord, 'saleId'>('sales')
          .where('sync.state')
          .equals('pending')
          .toArray();
        const outbox = trx.table<OutboxRecord, number>('outbox');
        for (const sale of waiting) {
          const entry = await outbox.get(sale.seq);
          if (entry !== undefined && entry.ref === sale.saleId && entry.status !== 'pending') {
            await outbox.update(sale.seq, { unsettled: 1 });
          }
        }
      });
    // Version 6 (returns, split tender): the store's recent orders and returns (this device's
    // own and the pulled ones), found by receipt number and by serial, so a sale is returned
    // and a serial looked up offline on any device; and the managers who may approve on this
    // device. The upgrade turns each sale's single tender into its list of tenders, then
    // copies this device's sales into the history.
    this.version(6)
      .stores({
        storeOrders: 'externalId, receipt, placedAt, *serials',
        storeReturns: 'returnId, orderExternalId, returnedAt, *serials',
        approvers: 'userId, storeId',
      })
      .upgrade(async (trx) => {
        // Split tender (same release): a sale stored with the single `tender` of earlier
        // versions gets it as its one tender, for the whole total.
        const table = trx.table<SaleRecord & { tender?: LegacyTender }, string>('sales');
        await table.toCollection().modify((sale) => {
          if (sale.tender === undefined) return;
          const amount = sale.totals.total;
          (sale as { tenders: readonly TenderLine[] }).tenders = [
            sale.tender.method === 'cash'
              ? {
                  method: 'cash',
                  amount,
                  tendered: sale.tender.tendered,
                  change: sale.tender.change,
                }
              : { method: 'card', amount, reference: sale.tender.reference },
          ];
          delete sale.tender;
        });
        const sales = await table.toArray();
        await trx
          .table<HistoryOrderRecord, string>('storeOrders')
          .bulkPut(sales.map((sale) => historyRecordOfSale(sale)));
      });
    // Version 7: product codes are found regardless of letter case. `identifierKeys` now adds
    // each identifier in capitals; products stored before get those keys (only a code with a
    // small letter changes; a catalog of barcodes and capital SKUs is left as it is).
    this.version(7)
      .stores({ products: 'productId, *lookupKeys' })
      .upgrade((trx) =>
        trx
          .table<ProductRecord, 'productId'>('products')
          .toCollection()
          .modify(
            (product: {
              lookupKeys: readonly string[];
              identifiers: ProductRecord['identifiers'];
            }) => {
              if (product.lookupKeys.every((key) => key === key.toUpperCase())) return;
              product.lookupKeys = [
                ...new Set(product.identifiers.flatMap((id) => identifierKeys(id.value))),
              ];
            },
          ),
      );
    // Version 8 (shifts): the till's shifts, and the sales and returns of each, by shift.
    this.version(8).stores({
      shifts: 'shiftId, state, openedAt',
      sales: 'saleId, &seq, createdAt, sync.state, *serialKeys, shiftId',
      storeReturns: 'returnId, orderExternalId, returnedAt, *serials, shiftId',
    });
  }
}
