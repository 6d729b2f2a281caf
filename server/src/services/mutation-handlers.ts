/**
 * What the server does with each sync mutation type, as one table keyed by the types of
 * `src/protocol/mutations.ts`. The push engine (`sync-push.ts`) has already validated the
 * payload against its type's schema when a handler runs; a handler throws an `ApiError` for a
 * refusal (the push turns it into a `rejected` answer) and returns the type's result body.
 */
import type { MutationPayload, MutationResultBody } from '../../../src/protocol/mutations.ts';
import { MutationTypes, type MutationType } from '../../../src/protocol/wire-constants.ts';
import type { Caller } from '../auth.ts';
import type { StoreDb, Trx } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { pickFulfillmentRequest, shipFulfillmentRequest } from './fulfillment-pick.ts';
import { createOrder, type OrderStore } from './orders.ts';
import { createReturn } from './returns.ts';
import { resolveSerialException } from './serial-exceptions.ts';
import { closeShift, openShift, recordCashMovement, type ShiftActor } from './shifts.ts';
import type { ReceiptEmailPolicy } from './receipt-email-queue.ts';
import type { SerialMemo } from './serial-registry.ts';

/** Where a push's mutations land: read once per push, not once per mutation. */
export interface PushTarget {
  readonly deviceId: string;
  readonly associateId: string | null;
  readonly store: OrderStore;
  /** The pushing token, for mutations that need a role (a manager resolving an exception). */
  readonly caller: Caller;
  readonly db: StoreDb;
  /** Serial registry reads shared by this push's sales (one transaction). */
  readonly serialMemo: SerialMemo;
  /** Set when this server e-mails receipts (see `OrderContext`). */
  readonly receiptEmail: ReceiptEmailPolicy | null;
}

export interface MutationHandler<T extends MutationType> {
  /** How a refusal names the payload: "The order is not valid: …". */
  readonly what: string;
  apply(trx: Trx, payload: MutationPayload<T>, target: PushTarget): Promise<MutationResultBody<T>>;
}

/** A push acts for its device's store only, whatever else the token could reach. */
const deviceCaller = (target: PushTarget): Caller => ({
  ...target.caller,
  storeId: target.store.store_id,
});

/** Fulfilment from a device: an admin token acts as the store's manager would. */
const fulfillmentCaller = (target: PushTarget): Caller => ({
  ...deviceCaller(target),
  role: target.caller.role === 'admin' ? 'manager' : target.caller.role,
});

/** A shift is the pushing till's, in its store, opened by the token's user. */
const shiftActor = (target: PushTarget): ShiftActor => ({
  storeId: target.store.store_id,
  currency: target.store.currency,
  deviceId: target.deviceId,
  associateId: target.associateId,
});

export const MutationHandlers: { readonly [T in MutationType]: MutationHandler<T> } = {
  [MutationTypes.orderCreate]: {
    what: 'The order',
    async apply(trx, payload, target) {
      if (payload.store_id !== target.store.store_id) {
        throw new ApiError(
          403,
          'forbidden',
          `This device belongs to ${target.store.store_id}, not ${payload.store_id}.`,
          [{ field: 'payload.store_id', message: 'is not the store of this device' }],
        );
      }
      const outcome = await createOrder(trx, payload, {
        source: 'sync',
        // The pushing device and its token's user, whatever the payload says (flagged if other).
        sender: {
          deviceId: target.deviceId,
          associateId: target.associateId,
          trusted: target.caller.role === 'admin',
          role: target.caller.role,
        },
        knownStore: target.store,
        serialMemo: target.serialMemo,
        receiptEmail: target.receiptEmail,
      });
      return outcome.order;
    },
  },

  // A request cancelled, shipped or picked otherwise meanwhile is refused with that reason.
  [MutationTypes.fulfillmentPick]: {
    what: 'The pick',
    async apply(trx, { request_id: id, ...body }, target) {
      return pickFulfillmentRequest(trx, target.db, fulfillmentCaller(target), id, body, {
        source: 'sync',
        deviceId: target.deviceId,
      });
    },
  },

  [MutationTypes.fulfillmentShip]: {
    what: 'The shipment',
    async apply(trx, { request_id: id, ...body }, target) {
      return shipFulfillmentRequest(trx, target.db, fulfillmentCaller(target), id, body);
    },
  },

  // A manager's resolution made on a device, maybe offline.
  [MutationTypes.serialExceptionResolve]: {
    what: 'The resolution',
    async apply(trx, { exception_id: id, ...body }, target) {
      return resolveSerialException(trx, target.db, deviceCaller(target), id, body);
    },
  },

  // A return paid out on a device, maybe offline: kept and flagged rather than refused when
  // the money already left the till (see returns.ts).
  [MutationTypes.orderReturn]: {
    what: 'The return',
    async apply(trx, payload, target) {
      const context = {
        source: 'sync' as const,
        dialect: target.db.dialect,
        storeId: target.store.store_id,
        deviceId: target.deviceId,
        associateId: target.associateId,
      };
      const input =
        'order_id' in payload
          ? (() => {
              const { order_id: orderKey, ...body } = payload;
              return { kind: 'order' as const, orderKey, body };
            })()
          : { kind: 'blind' as const, body: payload };
      return (await createReturn(trx, input, context)).record;
    },
  },

  // The till's shift (DESIGN §10.4): each refused with its reason, nothing written.
  [MutationTypes.shiftOpen]: {
    what: 'The shift opening',
    async apply(trx, payload, target) {
      return openShift(trx, payload, shiftActor(target));
    },
  },

  [MutationTypes.shiftCashMovement]: {
    what: 'The cash movement',
    async apply(trx, payload, target) {
      return recordCashMovement(trx, payload, shiftActor(target));
    },
  },

  [MutationTypes.shiftClose]: {
    what: 'The shift close',
    async apply(trx, payload, target) {
      return closeShift(trx, payload, shiftActor(target));
    },
  },
};
