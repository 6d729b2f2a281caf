/**
 * The device's open cart, kept in IndexedDB on every change so it survives a reload, a crash or
 * a flat battery. One open cart per device; it is created by the first scan and deleted when
 * its sale completes (see `sale-repository.ts`).
 */
import { minor } from '../domain/money.ts';
import { WireShippingTypes as ShippingTypes } from '../protocol/wire-constants.ts';
import type { AisleDb } from './db.ts';
import { DataError, DataErrorReasons } from './errors.ts';
import type { CartLineRecord, CartRecord, ProductRecord } from './types.ts';

/** Quantities above this are almost certainly a typing slip (a barcode typed into the field). */
export const MAX_LINE_QUANTITY = 999;

export interface OpenCart {
  readonly cart: CartRecord | null;
  readonly lines: readonly CartLineRecord[];
}

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
   * Adds one unit of a product. A non-serialized product already in the cart gets its quantity
   * raised; a serialized product always gets a line of its own (its unit will carry a serial).
   */
  async addProduct(deviceId: string, product: ProductRecord, now: string): Promise<CartLineRecord> {
    if (product.price === null) {
      throw new DataError(
        DataErrorReasons.notSellable,
        `${product.title} has no price, so it cannot be sold. Ask a manager to price it.`,
      );
    }
    const unitPrice = product.price;
    const db = this._db;
    return db.transaction('rw', [db.carts, db.cartLines], async () => {
      const cart = await this._openCart(deviceId, now);
      if (!product.serialized) {
        const existing = await db.cartLines
          .where('[cartId+productId]')
          .equals([cart.cartId, product.productId])
          .first();
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
        serial: null,
        serialCapture: null,
      };
      await db.cartLines.add(line);
      await db.carts.update(cart.cartId, { updatedAt: now });
      return line;
    });
  }

  /** Sets a line's quantity (1 … 999). Serialized lines stay at one unit each. */
  async setQuantity(lineId: string, quantity: number, now: string): Promise<void> {
    if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_LINE_QUANTITY) {
      throw new DataError(
        DataErrorReasons.invalid,
        `Quantity must be a whole number from 1 to ${MAX_LINE_QUANTITY}.`,
      );
    }
    const db = this._db;
    await db.transaction('rw', [db.carts, db.cartLines], async () => {
      const line = await db.cartLines.get(lineId);
      if (line === undefined) {
        throw new DataError(DataErrorReasons.notFound, 'That line is no longer in the cart.');
      }
      if (line.serialized && quantity !== 1) {
        throw new DataError(
          DataErrorReasons.invalid,
          'Each serialized unit is its own line: scan the product again to add another.',
        );
      }
      await db.cartLines.update(lineId, { quantity });
      await db.carts.update(line.cartId, { updatedAt: now });
    });
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

  private async _openCart(deviceId: string, now: string): Promise<CartRecord> {
    const existing = await this._db.carts.where('deviceId').equals(deviceId).first();
    if (existing !== undefined) return existing;
    const cart: CartRecord = { cartId: crypto.randomUUID(), deviceId, createdAt: now, updatedAt: now };
    await this._db.carts.add(cart);
    return cart;
  }
}
