/**
 * A generated catalog for the benches: N products with valid, unique EAN-13s in GS1's
 * restricted-circulation range (prefix 2, never a real product nor a demo one), a SKU, a
 * price, every 20th product serialized, and a title and brand made of a shop's words
 * ("Wireless Charger Q42, Graphite" by Voltra) so search by name meets words as common and
 * as rare as a real electronics catalog's. Deterministic for a given seed.
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

const list = (words: string): readonly string[] => words.split(', ');

/** The words titles are made of: about 1 in 40 products is a charger, 1 in 16 is black. */
export const CATALOG_WORDS = {
  brands: list(
    'Voltra, Lumen, Orbis, Northwind, Sonance, Shellcraft, Kairo, Datavault, Aerix, ' +
      'Brightline, Corvid, Dynacore, Everpeak, Fluxon, Gridwave, Helix, Ionic, Jetstream, ' +
      'Kestrel, Lynx, Meridian, Nimbus, Onyx, Pioneer, Quasar, Radiant, Solace, Tundra, ' +
      'Umbra, Vertex',
  ),
  kinds: list(
    'Charger, Cable, Power Bank, Headphones, Earbuds, Speaker, Case, Screen Protector, ' +
      'Keyboard, Mouse, Monitor, Webcam, Microphone, Router, Adapter, Hub, Dock, Stand, ' +
      'Tripod, Smartwatch, Fitness Band, Tablet, Laptop Sleeve, Backpack, Memory Card, SSD, ' +
      'Hard Drive, Flash Drive, Light Bulb, Smart Plug, Thermostat, Doorbell, Camera, Lens, ' +
      'Drone, Game Controller, Console, Projector, Soundbar, E-Reader',
  ),
  features: list(
    'Wireless, USB-C, Magnetic, Braided, Fast, Compact, Portable, Waterproof, ' +
      'Noise-Cancelling, Ergonomic, Slim, Rugged, Dual-Port, 65 W, 20 W, 4K, 1080p, ' +
      'Bluetooth, Wi-Fi, Smart, Mini, Pro, Ultra, Foldable, Rechargeable, Gaming, Travel, ' +
      'Desktop, Car, Kids',
  ),
  colours: list(
    'Black, White, Silver, Graphite, Navy, Red, Green, Rose Gold, Midnight, Starlight, ' +
      'Blue, Grey, Sand, Olive, Crème, Écru',
  ),
  series: list('A, M, Q, S, X, Z'),
};

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A title such as "Wireless Charger Q42, Graphite" or "Rugged Slim Case A17 Pro, Black". */
function productTitle(random: () => number): string {
  const words = CATALOG_WORDS;
  const features = [pick(words.features, random)];
  if (random() < 0.3) features.push(pick(words.features, random));
  const model = `${pick(words.series, random)}${10 + Math.floor(random() * 90)}`;
  return `${[...new Set(features)].join(' ')} ${pick(words.kinds, random)} ${model}, ${pick(words.colours, random)}`;
}

export function generateCatalog(count: number, seed = 20261127): GeneratedProduct[] {
  const random = seededRandom(seed);
  const products: GeneratedProduct[] = [];
  for (let i = 0; i < count; i++) {
    const ean13 = benchEan13(i);
    const productId = `bench-${String(i).padStart(6, '0')}`;
    // Whole cents between 0.50 and 999.99, as the wire carries them.
    const cents = 50 + Math.floor(random() * 99_950);
    const title = productTitle(random);
    products.push({
      ean13,
      product: {
        product_id: productId,
        title,
        brand: pick(CATALOG_WORDS.brands, random),
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
