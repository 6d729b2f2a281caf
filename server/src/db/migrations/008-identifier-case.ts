/**
 * Product codes are found regardless of letter case (issue 15): `identifierKeys` now also
 * yields each identifier in capitals. Products imported before get those keys here; a key
 * another product already holds stays with it (the import refuses such clashes from now on).
 */
import type { Kysely, Migration } from 'kysely';
import { identifierKeys } from '../../../../src/domain/gtin.ts';

interface Row {
  product_id: string;
  identifiers_json: string;
}

const PAGE = 500;

export const identifierCaseMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    const typed = db as unknown as Kysely<{
      products: Row;
      product_identifiers: { key: string; product_id: string };
    }>;
    let after = '';
    for (;;) {
      const rows = await typed
        .selectFrom('products')
        .select(['product_id', 'identifiers_json'])
        .where('product_id', '>', after)
        .orderBy('product_id')
        .limit(PAGE)
        .execute();
      if (rows.length === 0) return;
      const keys = rows.flatMap((row) => {
        const identifiers = JSON.parse(row.identifiers_json) as { value?: unknown }[];
        return identifiers.flatMap((identifier) =>
          typeof identifier.value === 'string'
            ? identifierKeys(identifier.value).map((key) => ({ key, product_id: row.product_id }))
            : [],
        );
      });
      if (keys.length > 0) {
        await typed
          .insertInto('product_identifiers')
          .values(keys)
          .onConflict((conflict) => conflict.column('key').doNothing())
          .execute();
      }
      after = rows.at(-1)?.product_id ?? after;
    }
  },
  async down(): Promise<void> {
    // The extra keys are harmless to an older server: nothing to undo.
  },
};
