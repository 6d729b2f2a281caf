/**
 * Product import: checks every item (schema, duplicate ids, EAN/UPC check digits, identifier
 * values owned by one product only — compared by their normalised keys, in the batch and
 * against the stored catalog), then upserts products and their lookup keys in chunks under
 * one new catalog change number. `full` turns products missing from the batch into
 * tombstones, which devices receive through pull.
 */
import { identifierKeys, toGtin14 } from '../../../src/domain/gtin.ts';
import {
  ProductItem,
  type ErrorDetail,
  type ImportRequest,
} from '../../../src/protocol/schemas.ts';
import type { Trx } from '../db/database.ts';
import { compileChecker } from '../validation.ts';
import { Counters, nextValue } from './counters.ts';
import { chunks, refuseBatch, uniqueItems, type ImportCounts } from './import-batches.ts';

const checkProduct = compileChecker(ProductItem);

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

interface KeyOwner {
  index: number;
  identifier: number;
  productId: string;
}

export async function importProducts(
  trx: Trx,
  request: ImportRequest,
  now: string,
): Promise<ImportCounts> {
  const details: ErrorDetail[] = [];
  const keyOwners = new Map<string, KeyOwner>();
  const keysByProduct = new Map<string, string[]>();

  /** Records the item's identifier keys: the problems of its identifiers (none: all taken). */
  const identifierProblems = (item: ProductItem, index: number): ErrorDetail[] => {
    const problems: ErrorDetail[] = [];
    const keys = new Set<string>();
    item.external_identifiers.forEach((identifier, j) => {
      const field = `items[${index}].external_identifiers[${j}].value`;
      if (GS1_TYPES.has(identifier.type.toLowerCase()) && toGtin14(identifier.value) === null) {
        problems.push({
          index,
          field,
          message: `is not a valid ${identifier.type} (length or check digit)`,
        });
        return;
      }
      for (const key of identifierKeys(identifier.value)) {
        const owner = keyOwners.get(key);
        if (owner !== undefined && owner.productId !== item.product_id) {
          problems.push({
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
    return problems;
  };

  const { taken: products, seen: seenIds } = uniqueItems<ProductItem>(
    request.items,
    {
      check: checkProduct,
      keyOf: (item) => item.product_id,
      duplicate: (first) => `duplicates the product_id of items[${first}]`,
      more: identifierProblems,
    },
    details,
  );

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
  if (details.length > 0) throw refuseBatch(details, request.items.length);

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
