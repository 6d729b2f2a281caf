/**
 * The cart's counter tools (issue 13), loaded on first use through `CartRepository`: a line's
 * discount or price override, the whole sale's discount, parking a sale for its associate
 * (its serials stay held on this device: the cart's serial check reads every cart's lines) and
 * recalling it, and the sale's customer.
 */
import { checkCustomer } from '../domain/customer-check.ts';
import { hasCustomer, type Customer, type CustomerInput } from '../domain/customer.ts';
import type { Discount, PriceOverride } from '../domain/discounts.ts';
import { CounterMessages } from '../i18n/counter-messages.ts';
import { Messages } from '../i18n/messages.ts';
import { openCart } from './cart-repository.ts';
import type { AisleDb } from './db.ts';
import { DataError, DataErrorReasons } from './errors.ts';
import type { CartLineRecord, CartRecord } from './types.ts';

/** A discount never takes more than the price, nor less than nothing. */
function assertDiscountFits(discount: Discount, base: number): void {
  const fits =
    Number.isFinite(discount.value) &&
    discount.value >= 0 &&
    (discount.kind === 'percentage' ? discount.value <= 100 : discount.value <= base);
  if (!fits) throw new DataError(DataErrorReasons.invalid, CounterMessages.discountInvalid());
}

async function lineOf(db: AisleDb, lineId: string): Promise<CartLineRecord> {
  const line = await db.cartLines.get(lineId);
  if (line === undefined) throw new DataError(DataErrorReasons.notFound, Messages.lineGone());
  return line;
}

/** Sets (or with null removes) a line's discount; the view checks limits and approvals. */
export async function setLineDiscount(
  db: AisleDb,
  lineId: string,
  discount: Discount | null,
  now: string,
): Promise<CartLineRecord> {
  return db.transaction('rw', [db.carts, db.cartLines], async () => {
    const line = await lineOf(db, lineId);
    if (discount !== null)
      assertDiscountFits(discount, (line.priceOverride?.price ?? line.unitPrice) * line.quantity);
    await db.cartLines.update(lineId, { discount });
    await db.carts.update(line.cartId, { updatedAt: now });
    return { ...line, discount };
  });
}

/** A manager's price for a line's units instead of the catalog's (null: back to catalog). */
export async function setPriceOverride(
  db: AisleDb,
  lineId: string,
  override: PriceOverride | null,
  now: string,
): Promise<CartLineRecord> {
  return db.transaction('rw', [db.carts, db.cartLines], async () => {
    const line = await lineOf(db, lineId);
    if (override !== null && (!Number.isSafeInteger(override.price) || override.price < 0)) {
      throw new DataError(DataErrorReasons.invalid, CounterMessages.discountInvalid());
    }
    await db.cartLines.update(lineId, { priceOverride: override });
    await db.carts.update(line.cartId, { updatedAt: now });
    return { ...line, priceOverride: override };
  });
}

/** Sets (or with null removes) the discount on the device's whole open sale. */
export async function setOrderDiscount(
  db: AisleDb,
  deviceId: string,
  discount: Discount | null,
  now: string,
): Promise<void> {
  await db.transaction('rw', [db.carts, db.cartLines], async () => {
    const cart = await db.carts.where('deviceId').equals(deviceId).first();
    if (cart === undefined) throw new DataError(DataErrorReasons.emptyCart, Messages.cartEmpty());
    if (discount !== null) {
      const lines = await db.cartLines.where('cartId').equals(cart.cartId).toArray();
      assertDiscountFits(
        discount,
        lines.reduce(
          (sum, line) => sum + (line.priceOverride?.price ?? line.unitPrice) * line.quantity,
          0,
        ),
      );
    }
    await db.carts.update(cart.cartId, { orderDiscount: discount, updatedAt: now });
  });
}

/**
 * Parks the device's open sale for its associate: it leaves the till (its serials stay held
 * on this device) and comes back only for the same associate. Null when the cart is empty.
 */
export async function park(
  db: AisleDb,
  deviceId: string,
  who: { readonly associateId: string; readonly associateName: string },
  now: string,
): Promise<string | null> {
  return db.transaction('rw', [db.carts, db.cartLines], async () => {
    const cart = await db.carts.where('deviceId').equals(deviceId).first();
    if (cart === undefined) return null;
    if ((await db.cartLines.where('cartId').equals(cart.cartId).count()) === 0) {
      await db.carts.delete(cart.cartId);
      return null;
    }
    // Without a deviceId the cart leaves the device's open-cart index.
    await db.carts.update(cart.cartId, {
      deviceId: undefined,
      parked: { deviceId, ...who, at: now },
      updatedAt: now,
    });
    return cart.cartId;
  });
}

/** Brings a parked sale back to the till; refused while another sale is open there. */
export async function recall(
  db: AisleDb,
  cartId: string,
  deviceId: string,
  associateId: string,
  now: string,
): Promise<void> {
  await db.transaction('rw', [db.carts, db.cartLines], async () => {
    const parked = await db.carts.get(cartId);
    if (parked?.parked === undefined || parked.parked.deviceId !== deviceId) {
      throw new DataError(DataErrorReasons.notFound, CounterMessages.parkedGone());
    }
    if (parked.parked.associateId !== associateId) {
      throw new DataError(
        DataErrorReasons.invalid,
        CounterMessages.parkedByOther(parked.parked.associateName),
      );
    }
    const open = await db.carts.where('deviceId').equals(deviceId).first();
    if (open !== undefined) {
      if ((await db.cartLines.where('cartId').equals(open.cartId).count()) > 0) {
        throw new DataError(DataErrorReasons.invalid, CounterMessages.parkOpenSaleFirst());
      }
      await db.carts.delete(open.cartId);
    }
    await db.carts.update(cartId, { deviceId, parked: undefined, updatedAt: now });
  });
}

/**
 * Attaches the customer to the device's open sale (an empty cart is opened for it, so it can
 * come before the first scan), replaces it, or with null removes it. Checked again here, the
 * last guard before it travels with the sale; a bad field refuses the whole change.
 */
export async function setCustomer(
  db: AisleDb,
  deviceId: string,
  input: CustomerInput | null,
  now: string,
): Promise<Customer | null> {
  const { customer, problems } = checkCustomer(input ?? {});
  if (problems.length > 0) {
    throw new DataError(DataErrorReasons.invalid, CounterMessages.customerInvalid(problems));
  }
  const kept = hasCustomer(customer) ? customer : null;
  return db.transaction('rw', [db.carts], async () => {
    const { customer: _before, ...cart }: CartRecord = await openCart(db, deviceId, now);
    await db.carts.put({ ...cart, updatedAt: now, ...(kept === null ? {} : { customer: kept }) });
    return kept;
  });
}
