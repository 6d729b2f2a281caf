/**
 * Catalog reads: one product by id or by any external identifier (EAN/UPC in any of its forms,
 * through the same `identifierKeys` the import indexed), with its default price in a currency.
 */
import { identifierKeys } from '../../../src/domain/gtin.ts';
import { minor, toDecimal } from '../../../src/domain/money.ts';
import type { ExternalIdentifier, Product } from '../../../src/protocol/schemas.ts';
import type { StoreDb, Trx } from '../db/database.ts';
import type { ProductsTable } from '../db/tables.ts';

export const DEFAULT_PRICEBOOK = 'default';

/** Products, each joined with its default price in `currency` (`prices.*` null when none). */
export function productsWithPrice(db: StoreDb['db'] | Trx, currency: string) {
  return db
    .selectFrom('products')
    .leftJoin('prices', (join) =>
      join
        .onRef('prices.product_id', '=', 'products.product_id')
        .on('prices.pricebook', '=', DEFAULT_PRICEBOOK)
        .on('prices.currency', '=', currency),
    );
}

export function parseIdentifiers(json: string): ExternalIdentifier[] {
  return JSON.parse(json) as ExternalIdentifier[];
}

function toProduct(row: ProductsTable, price: number | null, currency: string | null): Product {
  return {
    product_id: row.product_id,
    title: row.title,
    brand: row.brand,
    variant_group_id: row.variant_group_id,
    external_identifiers: parseIdentifiers(row.identifiers_json),
    serialized_inventory: row.serialized === 1,
    extended_attributes: JSON.parse(row.attributes_json) as Product['extended_attributes'],
    price:
      price === null || currency === null
        ? null
        : { value: toDecimal(minor(price), currency), currency, pricebook: DEFAULT_PRICEBOOK },
  };
}

async function withPrice(
  store: StoreDb,
  row: ProductsTable,
  currency: string | null,
): Promise<Product> {
  let query = store.db
    .selectFrom('prices')
    .select(['amount_minor', 'currency'])
    .where('pricebook', '=', DEFAULT_PRICEBOOK)
    .where('product_id', '=', row.product_id);
  // Without a store (an admin token), any currency of the default price book will do.
  if (currency !== null) query = query.where('currency', '=', currency);
  const price = await query.orderBy('currency').executeTakeFirst();
  return toProduct(
    row,
    price === undefined ? null : Number(price.amount_minor),
    price?.currency ?? null,
  );
}

export async function findProductById(
  store: StoreDb,
  productId: string,
  currency: string | null,
): Promise<Product | null> {
  const row = await store.db
    .selectFrom('products')
    .selectAll()
    .where('product_id', '=', productId)
    .where('deleted', '=', 0)
    .executeTakeFirst();
  return row === undefined ? null : withPrice(store, row, currency);
}

export async function findProductByIdentifier(
  store: StoreDb,
  value: string,
  currency: string | null,
): Promise<Product | null> {
  const row = await store.db
    .selectFrom('product_identifiers')
    .innerJoin('products', 'products.product_id', 'product_identifiers.product_id')
    .selectAll('products')
    .where('product_identifiers.key', 'in', identifierKeys(value))
    .where('products.deleted', '=', 0)
    .executeTakeFirst();
  return row === undefined ? null : withPrice(store, row, currency);
}
