/**
 * The device's open cart, kept in IndexedDB on every change so it survives a reload, a crash or
 * a flat battery. One open cart per device; it is created by the first scan and deleted when
 * its sale completes (see `sale-repository.ts`).
 *
 * Serialized units: one line per unit, each taking one serial. A serial is checked here, in
 * the write's transaction, against every other unit of the same product in the cart and in
 * this device's sales the server has not acknowledged yet; the pattern check happens before
 * (in the view, with the domain validator), so the repository stays free of re2js.
 */
import type { Customer, CustomerInput } from '../domain/customer.ts';
import { minor } from '../domain/money.ts';
import { SaleSyncStates, type CapturedSerial, type SerialCaptureInfo } from '../domain/sale.ts';
import { findSameSerial, serialKey } from '../domain/serial-rules.ts';
import type { ShippingType } from '../protocol/schemas.ts';
import type { Discount, PriceOverride } from '../domain/discounts.ts';
import { ShippingTypes } from '../protocol/wire-constants.ts';
import type { AisleDb } from './db.ts';
import { DataError, DataErrorReasons } from './errors.ts';
import type { CartLineRecord, CartRecord, ProductRecord } from './types.ts';
import { Messages } from '../i18n/messages.ts';
import { receiptNumber } from '../domain/receipt-number.ts';

/** A serial as captured: already cleaned and checked against the active pattern. */
export type SerialCaptureInput = CapturedSerial;

/**
 * Refuses a serial another unit of the same product already holds on this device: in the cart
 * (other than `exceptLineId`) or in a sale still waiting for the server. Call inside a
 * transaction over cartLines and sales.
 */
async function assertSerialFree(
  db: AisleDb,
  productId: string,
  title: string,
  serial: string,
  exceptLineId: string | null,
): Promise<void> {
  const lines = await db.cartLines.filter((line) => line.lineId !== exceptLineId).toArray();
  if (findSameSerial(lines, productId, serial) !== undefined) {
    throw new DataError(DataErrorReasons.serialDuplicate, Messages.serialInCart(serial, title));
  }
  const waiting = await db.sales
    .where('serialKeys')
    .equals(serialKey(productId, serial))
    .filter((sale) => sale.sync.state === SaleSyncStates.pending)
    .toArray();
  for (const sale of waiting) {
    if (findSameSerial(sale.lines, productId, serial) !== undefined) {
      throw new DataError(
        DataErrorReasons.serialDuplicate,
        Messages.serialSoldUnsent(serial, title, receiptNumber(sale.saleId)),
      );
    }
  }
}

function captureOf(input: SerialCaptureInput): SerialCaptureInfo {
  return {
    method: input.method,
    capturedAt: input.capturedAt,
    valid: input.valid,
    configVersion: input.configVersion,
  };
}

/** Quantities above this are almost certainly a typing slip (a barcode typed into the field). */
export const MAX_LINE_QUANTITY = 999;

export interface OpenCart {
  readonly cart: CartRecord | null;
  readonly lines: readonly CartLineRecord[];
}

/** Discounts and parked sales load on first use, off the first paint. */
const cartActions = () => import('./cart-actions.ts');

export class CartRepository {
  private readonly _db: AisleDb;

  constructor(db: AisleDb) {
    this._db = db;
  }

  /** The device's open cart and its lines in scan order (an empty cart when there is none). */
  async current(deviceId: string): Promise<OpenCart> {
    const cart = await this._db.carts.where('deviceId').equals(deviceId).first();
    if (cart === undefined) return { cart: null, lines: [] };
    return { cart, lines: await this.listLines(cart.cartId) };
  }

  async listLines(cartId: string): Promise<CartLineRecord[]> {
    const lines = await this._db.cartLines.where('cartId').equals(cartId).toArray();
    return lines.sort((a, b) => a.position - b.position);
  }

  /**
   * Adds one unit of a product. A non-serialized product already in the cart (taken now) gets
   * its quantity raised; a serialized product always gets a line of its own, with `serial`
   * when the scan carried one (a GS1 code): then the unit and its serial are added together,
   * or neither is.
   */
  async addProduct(
    deviceId: string,
    product: ProductRecord,
    now: string,
    serial?: SerialCaptureInput,
  ): Promise<CartLineRecord> {
    if (serial !== undefined && !product.serialized) {
      throw new DataError(DataErrorReasons.invalid, Messages.notSerialized(product.title));
    }
    if (product.price === null) {
      throw new DataError(DataErrorReasons.notSellable, Messages.notSellable(product.title));
    }
    const unitPrice = product.price;
    const db = this._db;
    return db.transaction('rw', [db.carts, db.cartLines, db.sales], async () => {
      if (serial !== undefined) {
        await assertSerialFree(db, product.productId, product.title, serial.serial, null);
      }
      const cart = await this._openCart(deviceId, now);
      if (!product.serialized) {
        const existing = (
          await db.cartLines
            .where('[cartId+productId]')
            .equals([cart.cartId, product.productId])
            .toArray()
        ).find((line) => line.shippingType === ShippingTypes.inStoreHandover);
        if (existing !== undefined && existing.serial === null) {
          const quantity = Math.min(existing.quantity + 1, MAX_LINE_QUANTITY);
          await db.cartLines.update(existing.lineId, { quantity });
          await db.carts.update(cart.cartId, { updatedAt: now });
          return { ...existing, quantity };
        }
      }
      const lines = await db.cartLines.where('cartId').equals(cart.cartId).toArray();
      const line: CartLineRecord = {
        lineId: crypto.randomUUID(),
        cartId: cart.cartId,
        position: lines.reduce((max, other) => Math.max(max, other.position), 0) + 1,
        addedAt: now,
        productId: product.productId,
        title: product.title,
        unitPrice: minor(unitPrice),
        quantity: 1,
        serialized: product.serialized,
        shippingType: ShippingTypes.inStoreHandover,
        serial: serial?.serial ?? null,
        serialCapture: serial === undefined ? null : captureOf(serial),
        ...(product.warrantyMonths == null ? {} : { warrantyMonths: product.warrantyMonths }),
      };
      await db.cartLines.add(line);
      await db.carts.update(cart.cartId, { updatedAt: now });
      return line;
    });
  }

  /** Sets a line's quantity (1 … 999). Serialized lines stay at one unit each. */
  async setQuantity(lineId: string, quantity: number, now: string): Promise<void> {
    if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
      throw new DataError(DataErrorReasons.invalid, Messages.quantityRange(MAX_LINE_QUANTITY));
    }
    const db = this._db;
    await db.transaction('rw', [db.carts, db.cartLines], async () => {
      const line = await db.cartLines.get(lineId);
      if (line === undefined) {
        throw new DataError(DataErrorReasons.notFound, Messages.lineGone());
      }
      if (line.serialized && quantity !== 1) {
        throw new DataError(DataErrorReasons.invalid, Messages.serializedLineQuantity());
      }
      await db.cartLines.update(lineId, { quantity });
      await db.carts.update(line.cartId, { updatedAt: now });
    });
  }

  /**
   * Records the serial of a serialized unit taken now (replacing one captured before). A unit
   * to be shipped takes no serial at checkout; a serial already held on this device is refused.
   */
  async setSerial(
    lineId: string,
    capture: SerialCaptureInput,
    now: string,
  ): Promise<CartLineRecord> {
    const db = this._db;
    return db.transaction('rw', [db.carts, db.cartLines, db.sales], async () => {
      const line = await this._line(lineId);
      if (!line.serialized) {
        throw new DataError(DataErrorReasons.invalid, Messages.notSerialized(line.title));
      }
      if (line.shippingType !== ShippingTypes.inStoreHandover) {
        throw new DataError(DataErrorReasons.invalid, Messages.shippedTakesNoSerial(line.title));
      }
      await assertSerialFree(db, line.productId, line.title, capture.serial, line.lineId);
      const changes = { serial: capture.serial, serialCapture: captureOf(capture) };
      await db.cartLines.update(lineId, changes);
      await db.carts.update(line.cartId, { updatedAt: now });
      return { ...line, ...changes };
    });
  }

  /**
   * Switches a line between taken now (`in_store_handover`) and shipped to the customer
   * (`traditional_carrier`). A shipped unit is not in hand, so its serial is dropped.
   */
  async setShipping(
    lineId: string,
    shippingType: ShippingType,
    now: string,
  ): Promise<CartLineRecord> {
    const db = this._db;
    return db.transaction('rw', [db.carts, db.cartLines], async () => {
      const line = await this._line(lineId);
      const changes =
        shippingType === ShippingTypes.inStoreHandover
          ? { shippingType }
          : { shippingType, serial: null, serialCapture: null };
      await db.cartLines.update(lineId, changes);
      await db.carts.update(line.cartId, { updatedAt: now });
      return { ...line, ...changes };
    });
  }

  /** Sets (or with null removes) a line's discount; the view checks limits and approvals. */
  async setLineDiscount(
    lineId: string,
    discount: Discount | null,
    now: string,
  ): Promise<CartLineRecord> {
    return (await cartActions()).setLineDiscount(this._db, lineId, discount, now);
  }

  /** A manager's price for a line's units instead of the catalog's (null: back to catalog). */
  async setPriceOverride(
    lineId: string,
    override: PriceOverride | null,
    now: string,
  ): Promise<CartLineRecord> {
    return (await cartActions()).setPriceOverride(this._db, lineId, override, now);
  }

  /** Sets (or with null removes) the discount on the device's whole open sale. */
  async setOrderDiscount(deviceId: string, discount: Discount | null, now: string): Promise<void> {
    return (await cartActions()).setOrderDiscount(this._db, deviceId, discount, now);
  }

  async removeLine(lineId: string, now: string): Promise<void> {
    const db = this._db;
    await db.transaction('rw', [db.carts, db.cartLines], async () => {
      const line = await db.cartLines.get(lineId);
      if (line === undefined) return;
      await db.cartLines.delete(lineId);
      await db.carts.update(line.cartId, { updatedAt: now });
    });
  }

  /** Parks the device's open sale for its associate (see cart-actions.ts); null: nothing to park. */
  async park(
    deviceId: string,
    who: { readonly associateId: string; readonly associateName: string },
    now: string,
  ): Promise<string | null> {
    return (await cartActions()).park(this._db, deviceId, who, now);
  }

  /** The sales this associate parked on this device, newest first, with their lines. */
  async parked(deviceId: string, associateId: string): Promise<OpenCart[]> {
    const carts = await this._db.carts
      .filter(
        (cart) => cart.parked?.deviceId === deviceId && cart.parked.associateId === associateId,
      )
      .toArray();
    carts.sort((a, b) => (b.parked?.at ?? '').localeCompare(a.parked?.at ?? ''));
    return Promise.all(
      carts.map(async (cart) => ({ cart, lines: await this.listLines(cart.cartId) })),
    );
  }

  /** Brings a parked sale back to the till; refused while another sale is open there. */
  async recall(cartId: string, deviceId: string, associateId: string, now: string): Promise<void> {
    return (await cartActions()).recall(this._db, cartId, deviceId, associateId, now);
  }

  /**
   * Attaches the customer to the open sale (opening an empty cart when there is none, so it
   * can be done before the first scan), replaces one attached before, or with null removes it
   * (see cart-actions.ts).
   */
  async setCustomer(
    deviceId: string,
    input: CustomerInput | null,
    now: string,
  ): Promise<Customer | null> {
    return (await cartActions()).setCustomer(this._db, deviceId, input, now);
  }

  /** Empties the device's cart (the associate voids the sale before payment). */
  async clear(deviceId: string): Promise<void> {
    const db = this._db;
    await db.transaction('rw', [db.carts, db.cartLines], async () => {
      const carts = await db.carts.where('deviceId').equals(deviceId).toArray();
      for (const cart of carts) {
        await db.cartLines.where('cartId').equals(cart.cartId).delete();
        await db.carts.delete(cart.cartId);
      }
    });
  }

  private async _line(lineId: string): Promise<CartLineRecord> {
    const line = await this._db.cartLines.get(lineId);
    if (line === undefined) {
      throw new DataError(DataErrorReasons.notFound, Messages.lineGone());
    }
    return line;
  }

  private _openCart(deviceId: string, now: string): Promise<CartRecord> {
    return openCart(this._db, deviceId, now);
  }
}

/** The device's open cart, made when there is none; call inside a transaction over carts. */
export async function openCart(db: AisleDb, deviceId: string, now: string): Promise<CartRecord> {
  const existing = await db.carts.where('deviceId').equals(deviceId).first();
  if (existing !== undefined) return existing;
  const cart: CartRecord = {
    cartId: crypto.randomUUID(),
    deviceId,
    createdAt: now,
    updatedAt: now,
  };
  await db.carts.add(cart);
  return cart;
}
