/**
 * `POST /v0/d/import`: products, prices and availabilities, all or nothing. Every item is
 * checked first (schema, duplicates, identifier ownership, EAN/UPC check digits, price
 * precision, referenced products) and any failure refuses the whole batch listing every bad
 * item; only then are rows written, in one transaction, in chunked multi-row statements so a
 * 10 000-item batch is a few dozen round trips. Each import takes one catalog change number:
 * devices pull by (change number, product id), so a price change reaches them too.
 */
import { Type, type Static } from '@sinclair/typebox';
import { identifierKeys, toGtin14 } from '../../../src/domain/gtin.ts';
import { currencyDigits, fromDecimal } from '../../../src/domain/money.ts';
import {
  Id,
  PriceItem,
  ProductItem,
  type ErrorDetail,
  type ImportRequest,
  type ImportResponse,
} from '../../../src/protocol/schemas.ts';
import type { Trx } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { compileChecker } from '../validation.ts';
import { Counters, nextValue } from './counters.ts';

/** Stock per physical location (NewStore's availability file), kept simple. */
export const AvailabilityItem = Type.Object({
  fulfillment_node_id: Id,
  product_id: Id,
  quantity: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
});
export type AvailabilityItem = Static<typeof AvailabilityItem>;

const checkProduct = compileChecker(ProductItem);
const checkPrice = compileChecker(PriceItem);
const checkAvailability = compileChecker(AvailabilityItem);

/** Identifier types whose values are GS1 numbers and must carry a correct check digit. */
const GS1_TYPES = new Set([
  'ean13',
  'ean8',
  'ean',
  'upc',
  'upca',
  'upc_a',
  'upce',
  'upc_e',
  'gtin',
  'gtin8',
  'gtin12',
  'gtin13',
  'gtin14',
]);

/** Rows per multi-row statement: far below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const refuse = (details: ErrorDetail[], total: number): ApiError => {
  const bad = new Set(details.map((d) => d.index)).size;
  details.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  return new ApiError(
    422,
    'invalid_items',
    `${bad} of ${total} items are not valid; nothing was imported.`,
    details,
  );
};

const at = (index: number, details: ErrorDetail[]): ErrorDetail[] =>
  details.map((detail) => ({ ...detail, index }));

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

interface Counts {
  imported: number;
  deleted: number;
}

async function existingProductIds(trx: Trx, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(ids)) {
    const rows = await trx
      .selectFrom('products')
      .select('product_id')
      .where('product_id', 'in', part)
      .where('deleted', '=', 0)
      .execute();
    for (const row of rows) found.add(row.product_id);
  }
  return found;
}

// ---------------------------------------------------------------- products

interface KeyOwner {
  index: number;
  identifier: number;
  productId: string;
}

async function importProducts(trx: Trx, request: ImportRequest, now: string): Promise<Counts> {
  const details: ErrorDetail[] = [];
  const products: ProductItem[] = [];
  const seenIds = new Map<string, number>();
  const keyOwners = new Map<string, KeyOwner>();
  const keysByProduct = new Map<string, string[]>();

  request.items.forEach((raw, index) => {
    const errors = checkProduct(raw, `items[${index}]`);
    if (errors.length > 0) {
      details.push(...at(index, errors));
      return;
    }
    const item = raw as ProductItem;
    const first = seenIds.get(item.product_id);
    if (first !== undefined) {
      details.push({
        index,
        field: `items[${index}].product_id`,
        message: `duplicates the product_id of items[${first}]`,
      });
      return;
    }
    seenIds.set(item.product_id, index);
    const keys = new Set<string>();
    item.external_identifiers.forEach((identifier, j) => {
      const field = `items[${index}].external_identifiers[${j}].value`;
      if (GS1_TYPES.has(identifier.type.toLowerCase()) && toGtin14(identifier.value) === null) {
        details.push({
          index,
          field,
          message: `is not a valid ${identifier.type} (length or check digit)`,
        });
        return;
      }
      for (const key of identifierKeys(identifier.value)) {
        const owner = keyOwners.get(key);
        if (owner !== undefined && owner.productId !== item.product_id) {
          details.push({
            index,
            field,
            message: `is already an identifier of items[${owner.index}]`,
          });
          return;
        }
        keyOwners.set(key, { index, identifier: j, productId: item.product_id });
        keys.add(key);
      }
    });
    keysByProduct.set(item.product_id, [...keys]);
    products.push(item);
  });

  // Another product (not re-imported here) may already own one of these identifiers.
  const reported = new Set<string>();
  for (const part of chunks([...keyOwners.keys()])) {
    const rows = await trx
      .selectFrom('product_identifiers')
      .select(['key', 'product_id'])
      .where('key', 'in', part)
      .execute();
    for (const row of rows) {
      const owner = keyOwners.get(row.key);
      if (owner === undefined || seenIds.has(row.product_id)) continue;
      // One value has several keys (as typed, GTIN-14): report the identifier once.
      const field = `items[${owner.index}].external_identifiers[${owner.identifier}].value`;
      if (reported.has(field)) continue;
      reported.add(field);
      details.push({
        index: owner.index,
        field,
        message: `already belongs to product ${row.product_id}`,
      });
    }
  }
  if (details.length > 0) throw refuse(details, request.items.length);

  const changeNo = await nextValue(trx, Counters.catalogChange);
  for (const part of chunks(products)) {
    await trx
      .insertInto('products')
      .values(
        part.map((item) => ({
          product_id: item.product_id,
          title: item.title,
          brand: item.brand ?? null,
          variant_group_id: item.variant_group_id ?? null,
          serialized: item.serialized_inventory === true ? 1 : 0,
          identifiers_json: JSON.stringify(item.external_identifiers),
          attributes_json: JSON.stringify(item.extended_attributes ?? []),
          change_no: changeNo,
          deleted: 0,
          updated_at: now,
        })),
      )
      .onConflict((conflict) =>
        conflict.column('product_id').doUpdateSet((eb) => ({
          title: eb.ref('excluded.title'),
          brand: eb.ref('excluded.brand'),
          variant_group_id: eb.ref('excluded.variant_group_id'),
          serialized: eb.ref('excluded.serialized'),
          identifiers_json: eb.ref('excluded.identifiers_json'),
          attributes_json: eb.ref('excluded.attributes_json'),
          change_no: eb.ref('excluded.change_no'),
          deleted: 0,
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
    await trx
      .deleteFrom('product_identifiers')
      .where(
        'product_id',
        'in',
        part.map((item) => item.product_id),
      )
      .execute();
  }
  const keyRows = [...keysByProduct].flatMap(([productId, keys]) =>
    keys.map((key) => ({ key, product_id: productId })),
  );
  for (const part of chunks(keyRows, 1000)) {
    await trx.insertInto('product_identifiers').values(part).execute();
  }

  let deleted = 0;
  if (request.mode === 'full') {
    const live = await trx
      .selectFrom('products')
      .select('product_id')
      .where('deleted', '=', 0)
      .execute();
    const gone = live.map((row) => row.product_id).filter((id) => !seenIds.has(id));
    for (const part of chunks(gone)) {
      // Kept as tombstones with the new change number: devices learn of the deletion on pull.
      await trx
        .updateTable('products')
        .set({ deleted: 1, change_no: changeNo, updated_at: now })
        .where('product_id', 'in', part)
        .execute();
      await trx.deleteFrom('product_identifiers').where('product_id', 'in', part).execute();
      await trx.deleteFrom('prices').where('product_id', 'in', part).execute();
    }
    deleted = gone.length;
  }
  return { imported: products.length, deleted };
}

// ---------------------------------------------------------------- prices

/** True when `value` has no more decimals than the currency has minor digits. */
function fitsCurrency(value: number, currency: string): boolean {
  const scaled = value * 10 ** currencyDigits(currency);
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

async function importPrices(trx: Trx, request: ImportRequest, now: string): Promise<Counts> {
  const currency = request.head.currency;
  if (currency === undefined) {
    throw new ApiError(422, 'invalid_request', 'A price import needs head.currency.', [
      { field: 'head.currency', message: 'is required for prices' },
    ]);
  }
  const pricebook = request.head.pricebook ?? 'default';
  const details: ErrorDetail[] = [];
  const prices: PriceItem[] = [];
  const seen = new Map<string, number>();

  request.items.forEach((raw, index) => {
    const errors = checkPrice(raw, `items[${index}]`);
    if (errors.length > 0) {
      details.push(...at(index, errors));
      return;
    }
    const item = raw as PriceItem;
    const first = seen.get(item.product_id);
    if (first !== undefined) {
      details.push({
        index,
        field: `items[${index}].product_id`,
        message: `duplicates the product_id of items[${first}]`,
      });
      return;
    }
    seen.set(item.product_id, index);
    if (!fitsCurrency(item.value, currency)) {
      details.push({
        index,
        field: `items[${index}].value`,
        message: `has more than ${currencyDigits(currency)} decimals for ${currency}`,
      });
      return;
    }
    prices.push(item);
  });

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
  if (details.length > 0) throw refuse(details, request.items.length);

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
): Promise<Counts> {
  const details: ErrorDetail[] = [];
  const rows: AvailabilityItem[] = [];
  const seen = new Map<string, number>();
  request.items.forEach((raw, index) => {
    const errors = checkAvailability(raw, `items[${index}]`);
    if (errors.length > 0) {
      details.push(...at(index, errors));
      return;
    }
    const item = raw as AvailabilityItem;
    const key = `${item.fulfillment_node_id}\u0000${item.product_id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      details.push({
        index,
        field: `items[${index}].product_id`,
        message: `duplicates items[${first}] for this fulfillment node`,
      });
      return;
    }
    seen.set(key, index);
    rows.push(item);
  });
  if (details.length > 0) throw refuse(details, request.items.length);

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
