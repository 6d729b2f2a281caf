/**
 * `POST /v0/d/import`: products, prices and availabilities, all or nothing. Every item is
 * checked first (schema, duplicates, identifier ownership, EAN/UPC check digits, price
 * precision, referenced products) and any failure refuses the whole batch listing every bad
 * item; only then are rows written, in one transaction, in chunked multi-row statements so a
 * 10 000-item batch is a few dozen round trips. Each import takes one catalog change number:
 * devices pull by (change number, product id), so a price change reaches them too.
 * Products are in `product-import.ts`; prices and availabilities are here.
 */
import { Type, type Static } from '@sinclair/typebox';
import { currencyDigits, fromDecimal } from '../../../src/domain/money.ts';
import {
  Id,
  PriceItem,
  type ErrorDetail,
  type ImportRequest,
  type ImportResponse,
} from '../../../src/protocol/schemas.ts';
import type { Trx } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { compileChecker } from '../validation.ts';
import { Counters, nextValue } from './counters.ts';
import {
  chunks,
  existingProductIds,
  refuseBatch,
  uniqueItems,
  type ImportCounts,
} from './import-batches.ts';
import { importProducts } from './product-import.ts';

/** Stock per physical location (NewStore's availability file), kept simple. */
export const AvailabilityItem = Type.Object({
  fulfillment_node_id: Id,
  product_id: Id,
  quantity: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
});
export type AvailabilityItem = Static<typeof AvailabilityItem>;

const checkPrice = compileChecker(PriceItem);
const checkAvailability = compileChecker(AvailabilityItem);

export async function runImport(trx: Trx, request: ImportRequest): Promise<ImportResponse> {
  const now = new Date().toISOString();
  const counts =
    request.entity === 'products'
      ? await importProducts(trx, request, now)
      : request.entity === 'prices'
        ? await importPrices(trx, request, now)
        : await importAvailabilities(trx, request, now);
  return { entity: request.entity, mode: request.mode, ...counts };
}

// ---------------------------------------------------------------- prices

/** True when `value` has no more decimals than the currency has minor digits. */
function fitsCurrency(value: number, currency: string): boolean {
  const scaled = value * 10 ** currencyDigits(currency);
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

async function importPrices(trx: Trx, request: ImportRequest, now: string): Promise<ImportCounts> {
  const currency = request.head.currency;
  if (currency === undefined) {
    throw new ApiError(422, 'invalid_request', 'A price import needs head.currency.', [
      { field: 'head.currency', message: 'is required for prices' },
    ]);
  }
  const pricebook = request.head.pricebook ?? 'default';
  const details: ErrorDetail[] = [];
  const { taken: prices, seen } = uniqueItems<PriceItem>(
    request.items,
    {
      check: checkPrice,
      keyOf: (item) => item.product_id,
      duplicate: (first) => `duplicates the product_id of items[${first}]`,
      more: (item, index) =>
        fitsCurrency(item.value, currency)
          ? []
          : [
              {
                index,
                field: `items[${index}].value`,
                message: `has more than ${currencyDigits(currency)} decimals for ${currency}`,
              },
            ],
    },
    details,
  );

  const known = await existingProductIds(trx, [...seen.keys()]);
  for (const [productId, index] of seen) {
    if (!known.has(productId)) {
      details.push({
        index,
        field: `items[${index}].product_id`,
        message: `no product ${productId} exists`,
      });
    }
  }
  if (details.length > 0) throw refuseBatch(details, request.items.length);

  const changeNo = await nextValue(trx, Counters.catalogChange);
  for (const part of chunks(prices)) {
    await trx
      .insertInto('prices')
      .values(
        part.map((item) => ({
          pricebook,
          currency,
          product_id: item.product_id,
          amount_minor: fromDecimal(item.value, currency),
          updated_at: now,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['pricebook', 'currency', 'product_id']).doUpdateSet((eb) => ({
          amount_minor: eb.ref('excluded.amount_minor'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    await bumpProducts(
      trx,
      part.map((item) => item.product_id),
      changeNo,
      now,
    );
  }

  let deleted = 0;
  if (request.mode === 'full') {
    const rows = await trx
      .selectFrom('prices')
      .select('product_id')
      .where('pricebook', '=', pricebook)
      .where('currency', '=', currency)
      .execute();
    const gone = rows.map((row) => row.product_id).filter((id) => !seen.has(id));
    for (const part of chunks(gone)) {
      await trx
        .deleteFrom('prices')
        .where('pricebook', '=', pricebook)
        .where('currency', '=', currency)
        .where('product_id', 'in', part)
        .execute();
      await bumpProducts(trx, part, changeNo, now);
    }
    deleted = gone.length;
  }
  return { imported: prices.length, deleted };
}

/** A new price is a catalog change for devices: give the product the new change number. */
async function bumpProducts(
  trx: Trx,
  productIds: string[],
  changeNo: number,
  now: string,
): Promise<void> {
  if (productIds.length === 0) return;
  await trx
    .updateTable('products')
    .set({ change_no: changeNo, updated_at: now })
    .where('product_id', 'in', productIds)
    .execute();
}

// ---------------------------------------------------------------- availabilities

async function importAvailabilities(
  trx: Trx,
  request: ImportRequest,
  now: string,
): Promise<ImportCounts> {
  const details: ErrorDetail[] = [];
  const { taken: rows, seen } = uniqueItems<AvailabilityItem>(
    request.items,
    {
      check: checkAvailability,
      keyOf: (item) => `${item.fulfillment_node_id}\u0000${item.product_id}`,
      duplicate: (first) => `duplicates items[${first}] for this fulfillment node`,
    },
    details,
  );
  if (details.length > 0) throw refuseBatch(details, request.items.length);

  let deleted = 0;
  if (request.mode === 'full') {
    // Full replaces the whole stock picture: count what leaves, then rewrite it.
    const before = await trx
      .selectFrom('availabilities')
      .select(['fulfillment_node_id', 'product_id'])
      .execute();
    deleted = before.filter(
      (row) => !seen.has(`${row.fulfillment_node_id}\u0000${row.product_id}`),
    ).length;
    await trx.deleteFrom('availabilities').execute();
  }
  for (const part of chunks(rows)) {
    await trx
      .insertInto('availabilities')
      .values(part.map((item) => ({ ...item, updated_at: now })))
      .onConflict((conflict) =>
        conflict.columns(['fulfillment_node_id', 'product_id']).doUpdateSet((eb) => ({
          quantity: eb.ref('excluded.quantity'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
  return { imported: rows.length, deleted };
}
