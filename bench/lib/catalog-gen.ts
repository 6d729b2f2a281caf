/**
 * A generated catalog for the benches: N products with valid, unique EAN-13s in GS1's
 * restricted-circulation range (prefix 2, never a real product nor a demo one), a SKU, a
 * price, and every 20th product serialized. Deterministic for a given seed.
 */
import { gs1CheckDigit } from '../../src/domain/gtin.ts';
import type { PriceItem, ProductItem } from '../../src/protocol/schemas.ts';
import { seededRandom } from '../../test/fixtures/seeded-random.ts';

export { seededRandom };

export interface GeneratedProduct {
  product: ProductItem;
  price: PriceItem;
  ean13: string;
}

/** EAN-13 number `index` of the bench range: "29" + 10 digits + check digit. */
export function benchEan13(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= 10_000_000_000) {
    throw new Error(`bench EAN index out of range: ${index}`);
  }
  const body = `29${String(index).padStart(10, '0')}`;
  return body + String(gs1CheckDigit(body));
}

export function generateCatalog(count: number, seed = 20261127): GeneratedProduct[] {
  const random = seededRandom(seed);
  const products: GeneratedProduct[] = [];
  for (let i = 0; i < count; i++) {
    const ean13 = benchEan13(i);
    const productId = `bench-${String(i).padStart(6, '0')}`;
    // Whole cents between 0.50 and 999.99, as the wire carries them.
    const cents = 50 + Math.floor(random() * 99_950);
    products.push({
      ean13,
      product: {
        product_id: productId,
        title: `Bench product ${i}`,
        brand: `Brand ${i % 97}`,
        external_identifiers: [
          { type: 'ean13', value: ean13 },
          { type: 'sku', value: `SKU-${productId}` },
        ],
        serialized_inventory: i % 20 === 0,
      },
      price: { product_id: productId, value: cents / 100 },
    });
  }
  return products;
}
