/**
 * The customer an associate may attach to a sale (DESIGN §10.3): a name, an e-mail address
 * and a phone number, each optional. Its check is `customer-check.ts` (a chunk of its own on
 * the device, loaded with the customer dialog).
 */

export interface Customer {
  readonly name: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

export interface CustomerInput {
  readonly name?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
}

export type CustomerField = 'name' | 'email' | 'phone';

export const hasCustomer = (customer: Customer | null | undefined): customer is Customer =>
  customer != null &&
  (customer.name !== null || customer.email !== null || customer.phone !== null);
