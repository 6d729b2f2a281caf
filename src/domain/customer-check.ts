/**
 * One check of the customer for both sides (DESIGN §10.3): the device's customer dialog
 * refuses what this refuses, and the server refuses it on the API (422 naming the field) or,
 * for a sale that already took money, drops the bad field and keeps the sale.
 *
 * The checks are deliberately plain, not RFC 5322 in full: an address the receipt can be
 * mailed to (one mailbox, no display name, no comments or quoted local part, nothing a mail
 * header could be split on), and a phone number as people write one.
 */
import type { Customer, CustomerField, CustomerInput } from './customer.ts';

export interface CustomerProblem {
  readonly field: CustomerField;
  readonly message: string;
}

export const CUSTOMER_LIMITS = {
  name: 200,
  /** RFC 5321's limit on a forward path, less its angle brackets. */
  email: 254,
  emailLocalPart: 64,
  emailLabel: 63,
  /** Characters as typed (spaces, dashes and an extension included). */
  phone: 40,
  /** E.164 allows at most 15 digits; 7 is the shortest subscriber number in use with a code. */
  phoneMinDigits: 7,
  phoneMaxDigits: 15,
} as const;

// Control characters (C0, DEL, C1) and the Unicode line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
/** RFC 5322 atext, plus letters and digits of any script (SMTPUTF8 addresses). */
const LOCAL_ATOM = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+$/u;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;
/** A top-level domain: letters (any script), or an IDNA A-label. */
const TOP_LABEL = /^(?:\p{L}{2,}|xn--[a-z0-9-]+)$/iu;
const PHONE_CHARS = /^\+?[0-9 ().\-/]+$/;
const PHONE_EXTENSION = /\s*(?:ext\.?|x|#)\s*(\d{1,6})$/i;

const clean = (value: string | null | undefined): string =>
  (value ?? '').normalize('NFC').trim().replace(/\s+/gu, ' ');

/** Why `email` is not an address a receipt can be sent to, or null when it is one. */
export function emailProblem(email: string): string | null {
  if (email.length > CUSTOMER_LIMITS.email) {
    return `must be at most ${CUSTOMER_LIMITS.email} characters`;
  }
  if (CONTROL.test(email) || /\s/u.test(email)) return 'must not contain spaces or line breaks';
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1 || email.indexOf('@') !== at) {
    return 'must be one address like name@example.com';
  }
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local.length > CUSTOMER_LIMITS.emailLocalPart) {
    return `must have at most ${CUSTOMER_LIMITS.emailLocalPart} characters before the @`;
  }
  if (!local.split('.').every((atom) => LOCAL_ATOM.test(atom))) {
    return 'has a character or a dot that an address cannot have before the @';
  }
  const labels = domain.split('.');
  const top = labels.at(-1) ?? '';
  if (
    labels.length < 2 ||
    !labels.every(
      (label) => label.length <= CUSTOMER_LIMITS.emailLabel && DOMAIN_LABEL.test(label),
    ) ||
    !TOP_LABEL.test(top)
  ) {
    return 'must end in a domain like example.com';
  }
  return null;
}

/** Why `phone` is not a phone number, or null when it is one. */
export function phoneProblem(phone: string): string | null {
  if (phone.length > CUSTOMER_LIMITS.phone) {
    return `must be at most ${CUSTOMER_LIMITS.phone} characters`;
  }
  const number = phone.replace(PHONE_EXTENSION, '');
  if (!PHONE_CHARS.test(number) || number.indexOf('+', 1) !== -1) {
    return 'may hold only digits, spaces, ( ) - . / and a leading +';
  }
  const digits = number.replace(/\D/g, '').replace(/^00/, '').length;
  if (digits < CUSTOMER_LIMITS.phoneMinDigits || digits > CUSTOMER_LIMITS.phoneMaxDigits) {
    return `must have ${CUSTOMER_LIMITS.phoneMinDigits} to ${CUSTOMER_LIMITS.phoneMaxDigits} digits`;
  }
  return null;
}

function nameProblem(name: string): string | null {
  if (name.length > CUSTOMER_LIMITS.name)
    return `must be at most ${CUSTOMER_LIMITS.name} characters`;
  if (CONTROL.test(name)) return 'must not contain control characters';
  return null;
}

/**
 * The customer as it is kept: each field trimmed (inner runs of white space made one space),
 * empty fields null, the e-mail's domain lower-cased (the part before the @ keeps its case,
 * which a mail server may honour). `problems` lists every field that is not acceptable;
 * those fields are null in `customer`, so a caller that must keep the sale can keep the rest.
 */
export function checkCustomer(input: CustomerInput): {
  customer: Customer;
  problems: CustomerProblem[];
} {
  const problems: CustomerProblem[] = [];
  const field = (
    name: CustomerField,
    value: string,
    problemOf: (text: string) => string | null,
  ): string | null => {
    if (value === '') return null;
    const problem = problemOf(value);
    if (problem === null) return value;
    problems.push({ field: name, message: problem });
    return null;
  };
  const rawEmail = clean(input.email);
  const at = rawEmail.lastIndexOf('@');
  const email = at < 0 ? rawEmail : rawEmail.slice(0, at) + rawEmail.slice(at).toLowerCase();
  return {
    customer: {
      name: field('name', clean(input.name), nameProblem),
      email: field('email', email, emailProblem),
      phone: field('phone', clean(input.phone), phoneProblem),
    },
    problems,
  };
}
