/**
 * The set of repositories over one database, as views receive them through context.
 */
import type { AnswerHandlers } from './answer-handlers.ts';
import { ApprovalRepository } from './approval-repository.ts';
import { CartRepository } from './cart-repository.ts';
import { CatalogRepository } from './catalog-repository.ts';
import { AisleDb } from './db.ts';
import { fulfillmentAnswerHandlers, FulfillmentRepository } from './fulfillment-repository.ts';
import { OutboxRepository } from './outbox-repository.ts';
import { returnAnswerHandlers, ReturnRepository } from './return-repository.ts';
import { saleAnswerHandlers, SaleRepository } from './sale-repository.ts';
import { serialAnswerHandlers, SerialRepository } from './serial-repository.ts';
import { SessionRepository } from './session-repository.ts';
import { shiftAnswerHandlers, ShiftRepository } from './shift-repository.ts';

export interface Repositories {
  readonly catalog: CatalogRepository;
  readonly carts: CartRepository;
  readonly sales: SaleRepository;
  readonly outbox: OutboxRepository;
  readonly sessions: SessionRepository;
  readonly serials: SerialRepository;
  readonly fulfillment: FulfillmentRepository;
  readonly returns: ReturnRepository;
  readonly approvals: ApprovalRepository;
  readonly shifts: ShiftRepository;
}

/**
 * Each mutation type's answer handler, from the module that writes that type: the type makes a
 * new mutation type a compile error here until its owner provides one.
 */
export const answerHandlers: AnswerHandlers = {
  ...saleAnswerHandlers,
  ...fulfillmentAnswerHandlers,
  ...serialAnswerHandlers,
  ...returnAnswerHandlers,
  ...shiftAnswerHandlers,
};

export function createRepositories(db: AisleDb): Repositories {
  return {
    catalog: new CatalogRepository(db),
    carts: new CartRepository(db),
    sales: new SaleRepository(db),
    outbox: new OutboxRepository(db, answerHandlers),
    sessions: new SessionRepository(db),
    serials: new SerialRepository(db),
    fulfillment: new FulfillmentRepository(db),
    returns: new ReturnRepository(db),
    approvals: new ApprovalRepository(db),
    shifts: new ShiftRepository(db),
  };
}

export { AisleDb };
