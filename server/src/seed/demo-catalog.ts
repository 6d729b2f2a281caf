/**
 * The demo store's catalog and people, as data: the seed imports it, and tests and e2e specs
 * import it for known barcodes, prices and serialized flags. Barcodes are real GS1 numbers
 * with computed check digits (EAN-13 and UPC-A mixed); prices are decimals in USD.
 * Pure data and arithmetic: safe to import from the browser-side test code too.
 */
import { gs1CheckDigit } from '../../../src/domain/gtin.ts';

export const DEMO_STORE = {
  store_id: 'demo-store',
  label: 'Aisle Demo Store',
  currency: 'USD',
  tax_rate: 0.08,
  locale: 'en-US',
  timezone: 'America/New_York',
  address: '100 Main Street, New York, NY 10001',
} as const;

/**
 * The second demo store, in Germany (issue 15): euros, prices that include the 19 % VAT, the
 * German locale — so the app's German and its tax-included totals are exercised by signing in
 * with one of its people. Same catalog, its own euro prices.
 */
export const DEMO_STORE_DE = {
  store_id: 'demo-store-de',
  label: 'Aisle Filiale Berlin',
  currency: 'EUR',
  tax_rate: 0.19,
  price_method: 'tax_included',
  locale: 'de-DE',
  timezone: 'Europe/Berlin',
  address: 'Friedrichstraße 100, 10117 Berlin',
} as const;

export const DEMO_USERS = {
  associate: {
    username: 'associate',
    password: 'associate123',
    display_name: 'Alex Associate',
    role: 'associate',
  },
  manager: {
    username: 'manager',
    password: 'manager123',
    display_name: 'Morgan Manager',
    role: 'manager',
  },
} as const;

export const DEMO_USERS_DE = {
  associate: {
    username: 'verkauf',
    password: 'verkauf123',
    display_name: 'Vera Verkauf',
    role: 'associate',
  },
  manager: {
    username: 'leitung',
    password: 'leitung123',
    display_name: 'Lena Leitung',
    role: 'manager',
  },
} as const;

export const DEMO_SERIAL_REGEX = '^[A-Z0-9]{14}$';
export const DEMO_CONFIG = {
  capabilities: {
    offline_mode: true,
    serialized_inventory: { serial_number_regex: DEMO_SERIAL_REGEX },
  },
};
/** A serial the demo pattern accepts, and one it refuses (13 characters). */
export const DEMO_SERIAL_SAMPLE = 'SN4K7Q2M9X1B3C';
export const DEMO_SERIAL_INVALID = 'SN4K7Q2M9X1B3';

export interface DemoProduct {
  product_id: string;
  title: string;
  brand: string;
  /** The barcode printed on the box: 13 digits (EAN-13) or 12 digits (UPC-A). */
  barcode: string;
  barcode_type: 'ean13' | 'upc';
  sku: string;
  /** USD, tax excluded. */
  price: number;
  serialized: boolean;
}

const withCheck = (body: string): string => `${body}${gs1CheckDigit(body)}`;

// [title, brand, price, serialized]
const ROWS: ReadonlyArray<readonly [string, string, number, boolean]> = [
  ['Pixel Nova 8 Smartphone 128 GB, Obsidian', 'Lumen', 699.0, true],
  ['Pixel Nova 8 Pro Smartphone 256 GB, Porcelain', 'Lumen', 999.0, true],
  ['Galaxy Arc S24 Smartphone 256 GB, Graphite', 'Orbis', 859.99, true],
  ['Tab Air 11" Tablet Wi-Fi 128 GB', 'Orbis', 549.0, true],
  ['SlatePad 10 Tablet 64 GB, Silver', 'Lumen', 329.0, true],
  ['AeroBook 14 Laptop, 16 GB RAM, 512 GB SSD', 'Northwind', 1199.0, true],
  ['AeroBook 16 Pro Laptop, 32 GB RAM, 1 TB SSD', 'Northwind', 2149.0, true],
  ['Pulse Watch 5 Smartwatch 44 mm, Black', 'Orbis', 329.99, true],
  ['Pulse Watch SE Smartwatch 40 mm, Starlight', 'Orbis', 249.0, true],
  ['PlayDeck Portable Game Console, OLED', 'Kairo', 349.99, true],
  ['StudioSound ANC Over-Ear Headphones, Black', 'Sonance', 349.0, false],
  ['StudioSound ANC Over-Ear Headphones, Silver', 'Sonance', 349.0, false],
  ['BudsFit True Wireless Earbuds, White', 'Sonance', 129.99, false],
  ['BudsFit Pro Noise-Cancelling Earbuds', 'Sonance', 199.0, false],
  ['Wired Earphones with USB-C', 'Lumen', 19.99, false],
  ['USB-C to USB-C Cable 1 m, Braided', 'Voltra', 14.99, false],
  ['USB-C to USB-C Cable 2 m, Braided', 'Voltra', 19.99, false],
  ['USB-C to Lightning Cable 1 m', 'Voltra', 17.99, false],
  ['USB-A to USB-C Cable 1 m', 'Voltra', 9.99, false],
  ['HDMI 2.1 Cable 2 m, 8K', 'Voltra', 24.99, false],
  ['20 W USB-C Wall Charger', 'Voltra', 19.0, false],
  ['65 W GaN Dual-Port Charger', 'Voltra', 49.99, false],
  ['100 W GaN Four-Port Desktop Charger', 'Voltra', 89.99, false],
  ['15 W Magnetic Wireless Charger', 'Voltra', 39.99, false],
  ['3-in-1 Wireless Charging Stand', 'Voltra', 79.0, false],
  ['Car Charger 45 W, USB-C + USB-A', 'Voltra', 24.99, false],
  ['10 000 mAh Power Bank, USB-C PD', 'Voltra', 39.99, false],
  ['20 000 mAh Power Bank, 65 W', 'Voltra', 69.99, false],
  ['Pixel Nova 8 Clear Case', 'Shellcraft', 29.99, false],
  ['Pixel Nova 8 Leather Folio Case, Brown', 'Shellcraft', 49.99, false],
  ['Galaxy Arc S24 Rugged Case, Black', 'Shellcraft', 34.99, false],
  ['Tab Air 11" Smart Folio, Navy', 'Shellcraft', 59.0, false],
  ['AeroBook 14 Sleeve, Felt Grey', 'Shellcraft', 39.0, false],
  ['Tempered Glass Screen Protector, Pixel Nova 8 (2-pack)', 'Shellcraft', 19.99, false],
  ['Tempered Glass Screen Protector, Galaxy Arc S24', 'Shellcraft', 17.99, false],
  ['Pulse Watch Sport Band 44 mm, Midnight', 'Orbis', 49.0, false],
  ['Pulse Watch Magnetic Charging Cable', 'Orbis', 29.0, false],
  ['PlayDeck Pro Controller', 'Kairo', 69.99, false],
  ['PlayDeck Carrying Case', 'Kairo', 24.99, false],
  ['microSD Card 256 GB, UHS-I', 'Datavault', 34.99, false],
  ['Portable SSD 1 TB, USB-C', 'Datavault', 109.99, false],
  ['USB-C Hub 7-in-1 with HDMI', 'Voltra', 44.99, false],
  ['Wireless Mouse, Silent Click', 'Northwind', 29.99, false],
  ['Compact Bluetooth Keyboard', 'Northwind', 59.99, false],
  ['Bluetooth Speaker Mini, Waterproof', 'Sonance', 59.0, false],
  ['Smart Speaker with Voice Assistant', 'Sonance', 99.0, false],
  ['Phone Tripod with Bluetooth Remote', 'Kairo', 27.99, false],
  ['Laptop Stand, Aluminium', 'Northwind', 45.0, false],
  ['Screen Cleaning Kit', 'Shellcraft', 9.99, false],
  ['Gift Wrap Service', 'Aisle', 4.99, false],
];

export const DEMO_PRODUCTS: readonly DemoProduct[] = ROWS.map(
  ([title, brand, price, serialized], i) => {
    const n = String(i + 1).padStart(3, '0');
    // Every other product carries a 12-digit UPC-A, the rest a 13-digit EAN-13.
    const upc = i % 2 === 1;
    return {
      product_id: `demo-${n}`,
      title,
      brand,
      barcode: upc ? withCheck(`08496300${n}`) : withCheck(`400638100${n}`),
      barcode_type: upc ? 'upc' : 'ean13',
      sku: `AIS-${n}`,
      price,
      serialized,
    };
  },
);

/** The demo products as `POST /v0/d/import` product items. */
export const demoProductItems = (): Array<Record<string, unknown>> =>
  DEMO_PRODUCTS.map((product) => ({
    product_id: product.product_id,
    title: product.title,
    brand: product.brand,
    external_identifiers: [
      { type: product.barcode_type, value: product.barcode },
      { type: 'sku', value: product.sku },
    ],
    serialized_inventory: product.serialized,
    // Serialized devices carry a warranty the receipt and the serial lookup show.
    ...(product.serialized
      ? { extended_attributes: [{ name: 'warranty_months', value: '24' }] }
      : {}),
  }));

export const demoPriceItems = (): Array<Record<string, unknown>> =>
  DEMO_PRODUCTS.map((product) => ({ product_id: product.product_id, value: product.price }));

/**
 * A product's euro price in the German store, VAT included: about 9 % above the dollar
 * price before tax, ending in ,99 as German shelf prices do (699.00 USD → 761,99 €).
 */
export const demoEuroPrice = (product: DemoProduct): number =>
  Math.max(0.99, Math.round(product.price * 1.09) - 0.01);

export const demoEuroPriceItems = (): Array<Record<string, unknown>> =>
  DEMO_PRODUCTS.map((product) => ({
    product_id: product.product_id,
    value: Number(demoEuroPrice(product).toFixed(2)),
  }));
