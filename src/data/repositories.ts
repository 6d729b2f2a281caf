/**
 * The set of repositories over one database, as views receive them through context.
 */
import { CartRepository } from './cart-repository.ts';
import { CatalogRepository } from './catalog-repository.ts';
import { AisleDb } from './db.ts';
import { FulfillmentRepository } from './fulfillment-repository.ts';
import { OutboxRepository } from './outbox-repository.ts';
import { SaleRepository } from './sale-repository.ts';
import { SerialRepository } from './serial-repository.ts';
import { SessionRepository } from './session-repository.ts';

export interface Repositories {
  readonly catalog: CatalogRepository;
  readonly carts: CartRepository;
  readonly sales: SaleRepository;
  readonly outbox: OutboxRepository;
  readonly sessions: SessionRepository;
  readonly serials: SerialRepository;
  readonly fulfillment: FulfillmentRepository;
}

export function createRepositories(db: AisleDb): Repositories {
  return {
    catalog: new CatalogRepository(db),
    carts: new CartRepository(db),
    sales: new SaleRepository(db),
    outbox: new OutboxRepository(db),
    sessions: new SessionRepository(db),
    serials: new SerialRepository(db),
    fulfillment: new FulfillmentRepository(db),
  };
}

export { AisleDb };
