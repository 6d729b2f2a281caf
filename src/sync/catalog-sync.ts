/**
 * Pulls the catalog and the app configuration from the server, page by page. Each page is
 * written together with its cursor (see `CatalogRepository.applyPage`), so a first download
 * interrupted by a reload or a lost connection resumes at the page where it stopped.
 */
import type { CatalogRepository } from '../data/catalog-repository.ts';
import type { ConfigEnvelope } from '../protocol/schemas.ts';
import type { PulledProduct } from '../protocol/sync-protocol.ts';
import { isPullResponse } from './reply-guards.ts';
import { errorForStatus, SyncError, SyncErrorReasons } from './sync-errors.ts';
import type { SyncTransport } from './transport.ts';

/** Products per page: big enough that 100 000 products take ~100 requests. */
export const PULL_PAGE_SIZE = 1000;

export interface PullProgress {
  /** Products written on this device during this pull. */
  readonly received: number;
  /** Products the server still has to send. */
  readonly remaining: number;
}

export interface CatalogSyncOptions {
  readonly catalog: CatalogRepository;
  readonly transport: SyncTransport;
  readonly now?: () => string;
  readonly pageSize?: number;
}

/**
 * Why a pulled configuration's serial pattern cannot run on this device, or null. The checker
 * (re2js) loads only when a configuration actually arrives, keeping it off the first paint.
 */
async function configProblem(config: ConfigEnvelope | null): Promise<string | null> {
  const pattern = config?.config.capabilities?.serialized_inventory?.serial_number_regex;
  if (pattern === undefined || pattern === null || pattern === '') return null;
  const { serialPatternProblem } = await import('../domain/serial-pattern.ts');
  return serialPatternProblem(pattern);
}

export class CatalogSync {
  private readonly _options: CatalogSyncOptions;
  private _running: Promise<PullProgress> | null = null;

  constructor(options: CatalogSyncOptions) {
    this._options = options;
  }

  /** Pulls until the server has nothing more; concurrent calls share one pull. */
  pullAll(currency: string, onProgress?: (progress: PullProgress) => void): Promise<PullProgress> {
    this._running ??= this._pull(currency, onProgress).finally(() => {
      this._running = null;
    });
    return this._running;
  }

  private async _pull(
    currency: string,
    onProgress?: (progress: PullProgress) => void,
  ): Promise<PullProgress> {
    const { catalog, transport } = this._options;
    const now = this._options.now ?? (() => new Date().toISOString());
    let cursor = (await catalog.state()).cursor;
    let received = 0;
    for (;;) {
      const reply = await transport.pull(cursor, this._options.pageSize ?? PULL_PAGE_SIZE);
      if (reply.status < 200 || reply.status >= 300) throw errorForStatus(reply.status);
      if (!isPullResponse(reply.body)) {
        throw new SyncError(SyncErrorReasons.malformed, 'unreadable pull page');
      }
      const page = reply.body;
      const products: PulledProduct[] = page.products.map((product) => ({
        ...product,
        brand: product.brand ?? null,
      }));
      const config = page.config ?? null;
      await catalog.applyPage(
        {
          products,
          config,
          configProblem: await configProblem(config),
          serialExceptions: page.serial_exceptions ?? [],
          fulfillmentRequests: page.fulfillment_requests ?? [],
          storeOrders: page.store_orders ?? [],
          storeReturns: page.store_returns ?? [],
          ...(page.history_since === undefined ? {} : { historySince: page.history_since }),
          nextCursor: page.next_cursor,
          complete: !page.has_more,
        },
        currency,
        now(),
      );
      received += products.length;
      const progress = { received, remaining: page.has_more ? page.catalog_remaining : 0 };
      onProgress?.(progress);
      if (!page.has_more) return progress;
      cursor = page.next_cursor;
    }
  }
}
