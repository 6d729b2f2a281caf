/**
 * The device's copy of the catalog: products found offline by any form of any of their
 * identifiers (a UPC-A typed as 12 digits, read as a 13-digit EAN, or its GTIN-14), by product
 * id, or by the words of their name (`catalog-search.ts`, loaded on first use); and the
 * application of pulled pages, each page with its cursor in one transaction so an interrupted
 * first download resumes where it stopped.
 */
import { identifierKeys } from '../domain/gtin.ts';
import { fromDecimal } from '../domain/money.ts';
import type { ReturnRecord } from '../protocol/returns.ts';
import type { ConfigEnvelope, Order } from '../protocol/schemas.ts';
import type { SerialException } from '../protocol/serials.ts';
import type { PulledProduct } from '../protocol/sync-protocol.ts';
import type { FulfillmentRequest } from '../protocol/fulfillment.ts';
import type { CatalogSearch } from './catalog-search.ts';
import type { AisleDb } from './db.ts';
import { applyPulledRequests } from './fulfillment-repository.ts';
import type { SerialExceptionRecord } from './serial-records.ts';
import { MetaKeys, type ConfigRecord, type ProductRecord } from './types.ts';

export interface PulledPage {
  readonly products: readonly PulledProduct[];
  readonly config: ConfigEnvelope | null;
  /**
   * Why `config`'s serial pattern cannot run (the sync layer checks it), or null/absent when
   * it can: an unusable configuration is set aside and the last good one stays active.
   */
  readonly configProblem?: string | null;
  /** The store's serial exceptions opened or resolved since the previous page. */
  readonly serialExceptions?: readonly SerialException[];
  /** The store's fulfilment requests created or changed since the previous page. */
  readonly fulfillmentRequests?: readonly FulfillmentRequest[];
  /** The store's recent orders and returns recorded since the previous page (DESIGN §10.5). */
  readonly storeOrders?: readonly Order[];
  readonly storeReturns?: readonly ReturnRecord[];
  /** The start of the server's history window: older copies leave the device. */
  readonly historySince?: string;
  readonly nextCursor: string;
  readonly complete: boolean;
}

export interface CatalogState {
  readonly cursor: string | null;
  readonly complete: boolean;
  readonly storeId: string | null;
}

/** Every lookup key of a product's identifiers, without repeats. */
export function productLookupKeys(product: Pick<PulledProduct, 'external_identifiers'>): string[] {
  const keys = new Set<string>();
  for (const identifier of product.external_identifiers) {
    for (const key of identifierKeys(identifier.value)) keys.add(key);
  }
  return [...keys];
}

export function toProductRecord(product: PulledProduct, currency: string): ProductRecord {
  return {
    productId: product.product_id,
    title: product.title,
    brand: product.brand,
    serialized: product.serialized_inventory,
    price: product.price === null ? null : fromDecimal(product.price, currency),
    identifiers: product.external_identifiers,
    lookupKeys: productLookupKeys(product),
    warrantyMonths: product.warranty_months ?? null,
  };
}

export class CatalogRepository {
  private readonly _db: AisleDb;
  private _search: Promise<CatalogSearch> | null = null;
  /** The index once loaded: pulled pages feed it as they commit. */
  private _searchIndex: CatalogSearch | null = null;

  constructor(db: AisleDb) {
    this._db = db;
  }

  /**
   * The product a scanned or typed code names: by identifier first (barcodes, SKUs), then by
   * product id. Undefined when nothing matches.
   */
  async findByCode(code: string): Promise<ProductRecord | undefined> {
    const text = code.trim();
    if (text === '') return undefined;
    const byIdentifier = await this._db.products
      .where('lookupKeys')
      .anyOf(identifierKeys(text))
      .first();
    return byIdentifier ?? (await this._db.products.get(text));
  }

  /**
   * Search by name over this catalog: its index (a chunk of its own, off the first paint),
   * whose build from the stored catalog starts on the first call and runs in the background,
   * `pause` between reads (an idle moment unless the first caller says otherwise).
   */
  searchIndex(pause?: () => Promise<void>): Promise<CatalogSearch> {
    this._search ??= import('./catalog-search.ts').then(
      ({ CatalogSearch }) => {
        const index = (this._searchIndex = new CatalogSearch(this._db));
        void index.build(pause);
        return index;
      },
      (error: unknown) => {
        this._search = null;
        throw error;
      },
    );
    return this._search;
  }

  get(productId: string): Promise<ProductRecord | undefined> {
    return this._db.products.get(productId);
  }

  count(): Promise<number> {
    return this._db.products.count();
  }

  async state(): Promise<CatalogState> {
    const [cursor, complete, storeId] = await this._db.meta.bulkGet([
      MetaKeys.pullCursor,
      MetaKeys.catalogComplete,
      MetaKeys.catalogStoreId,
    ]);
    return {
      cursor: typeof cursor?.value === 'string' ? cursor.value : null,
      complete: complete?.value === true,
      storeId: typeof storeId?.value === 'string' ? storeId.value : null,
    };
  }

  activeConfig(): Promise<ConfigRecord | undefined> {
    return this._db.config.get('active');
  }

  /** Writes one pulled page and its cursor atomically: a reload never skips or repeats a page. */
  async applyPage(page: PulledPage, currency: string, now: string): Promise<void> {
    const db = this._db;
    // The store history's wire shapes are read by their own module, off the first paint;
    // loaded before the transaction (awaiting anything else inside it would commit it early).
    const history =
      (page.storeOrders?.length ?? 0) + (page.storeReturns?.length ?? 0) > 0
        ? await import('./history-wire.ts')
        : null;
    const upserts = page.products
      .filter((product) => !product.deleted)
      .map((product) => toProductRecord(product, currency));
    const deletions = page.products
      .filter((product) => product.deleted)
      .map((product) => product.product_id);
    await db.transaction(
      'rw',
      [
        db.products,
        db.config,
        db.refusedConfig,
        db.serialExceptions,
        db.fulfillment,
        db.storeOrders,
        db.storeReturns,
        db.outbox,
        db.meta,
      ],
      async () => {
        if (upserts.length > 0) await db.products.bulkPut(upserts);
        if (deletions.length > 0) await db.products.bulkDelete(deletions);
        if (page.config !== null) {
          const problem = page.configProblem ?? null;
          if (problem === null) {
            await db.config.put({ key: 'active', envelope: page.config, fetchedAt: now });
            await db.refusedConfig.clear();
          } else {
            await db.refusedConfig.put({
              key: 'latest',
              envelope: page.config,
              reason: problem,
              receivedAt: now,
            });
          }
        }
        if (page.serialExceptions !== undefined && page.serialExceptions.length > 0) {
          await this._putExceptions(page.serialExceptions);
        }
        await applyPulledRequests(db, page.fulfillmentRequests ?? []);
        if (history !== null) {
          await history.putHistory(db, page.storeOrders ?? [], page.storeReturns ?? []);
        }
        if (page.historySince !== undefined) await pruneHistory(db, page.historySince);
        await db.meta.put({ key: MetaKeys.pullCursor, value: page.nextCursor });
        // A pulled page is a successful exchange with the server too (the status bar shows it).
        await db.meta.put({ key: MetaKeys.lastSyncAt, value: now });
        if (page.complete) await db.meta.put({ key: MetaKeys.catalogComplete, value: true });
      },
    );
    // Committed: search by name finds them from now on (an index not loaded yet reads them).
    this._searchIndex?.applied(upserts, deletions);
  }

  /**
   * Replaces the device's copy of each pulled exception. A resolution queued here stays noted
   * while the exception is still open; once the server says resolved, it is settled.
   */
  private async _putExceptions(exceptions: readonly SerialException[]): Promise<void> {
    const db = this._db;
    const known = await db.serialExceptions.bulkGet(exceptions.map((exception) => exception.id));
    const records = exceptions.map((exception, index): SerialExceptionRecord => ({
      ...exception,
      orderExternalId: exception.order.external_id,
      pendingResolution:
        exception.state === 'open' ? (known[index]?.pendingResolution ?? null) : null,
    }));
    await db.serialExceptions.bulkPut(records);
  }

  /**
   * Forgets the catalog when the device is signed in to another store: its products, prices
   * and configuration are not this store's.
   */
  async resetForStore(storeId: string): Promise<void> {
    const db = this._db;
    const tables = [
      db.products,
      db.config,
      db.refusedConfig,
      db.serialExceptions,
      db.fulfillment,
      db.meta,
    ];
    const reset = await db.transaction('rw', tables, async () => {
      const current = await db.meta.get(MetaKeys.catalogStoreId);
      if (current?.value === storeId) return false;
      await db.products.clear();
      await db.config.clear();
      await db.refusedConfig.clear();
      await db.serialExceptions.clear();
      await db.fulfillment.clear();
      await db.meta.bulkDelete([MetaKeys.pullCursor, MetaKeys.catalogComplete]);
      await db.meta.put({ key: MetaKeys.catalogStoreId, value: storeId });
      return true;
    });
    if (reset) this._searchIndex?.cleared();
  }
}

/**
 * The store's history older than the server's window leaves the device (DESIGN §10.5), by
 * index, so a device keeps about `history_days` of sales however long it runs. What this
 * device made and has not had confirmed yet stays: its own copies are the ones it sends.
 */
async function pruneHistory(db: AisleDb, since: string): Promise<void> {
  await db.storeOrders
    .where('placedAt')
    .below(since)
    .filter((order) => order.source === 'server')
    .delete();
  await db.storeReturns
    .where('returnedAt')
    .below(since)
    .filter((record) => record.sync.state === 'synced')
    .delete();
}
