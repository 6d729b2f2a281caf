/**
 * What is wrong with a customer's field, as one sentence in the language shown. The check is
 * the domain's (`checkCustomer`, shared with the server, whose API answers keep its English
 * wording); each of its reasons is matched here and worded whole, so German need not glue a
 * label to an English phrase. A reason this table does not know is shown as the domain says it.
 */
import { msg, str } from '@lit/localize';
import type { CustomerField } from '../domain/customer.ts';

export function customerFieldLabel(field: CustomerField): string {
  switch (field) {
    case 'name':
      return msg('Name');
    case 'email':
      return msg('E-mail');
    case 'phone':
      return msg('Phone');
  }
}

type Wording = (label: string, numbers: readonly string[]) => string;

const PROBLEMS: ReadonlyArray<readonly [RegExp, Wording]> = [
  [
    /^must be at most (\d+) characters$/,
    (label, [n]) => msg(str`${label} must be at most ${n ?? ''} characters.`),
  ],
  [
    /^must not contain spaces or line breaks$/,
    (label) => msg(str`${label} must not contain spaces or line breaks.`),
  ],
  [
    /^must be one address like name@example\.com$/,
    (label) => msg(str`${label} must be one address like name@example.com.`),
  ],
  [
    /^must have at most (\d+) characters before the @$/,
    (label, [n]) => msg(str`${label} must have at most ${n ?? ''} characters before the @.`),
  ],
  [
    /^has a character or a dot that an address cannot have before the @$/,
    (label) =>
      msg(str`${label} has a character or a dot that an address cannot have before the @.`),
  ],
  [
    /^must end in a domain like example\.com$/,
    (label) => msg(str`${label} must end in a domain like example.com.`),
  ],
  [
    /^may hold only digits, spaces, \( \) - \. \/ and a leading \+$/,
    (label) => msg(str`${label} may hold only digits, spaces, ( ) - . / and a leading +.`),
  ],
  [
    /^must have (\d+) to (\d+) digits$/,
    (label, [min, max]) => msg(str`${label} must have ${min ?? ''} to ${max ?? ''} digits.`),
  ],
  [
    /^must not contain control characters$/,
    (label) => msg(str`${label} must not contain control characters.`),
  ],
];

/** "E-mail must end in a domain like example.com." for the domain's reason about a field. */
export function customerProblem(field: CustomerField, reason: string): string {
  const label = customerFieldLabel(field);
  for (const [pattern, wording] of PROBLEMS) {
    const match = pattern.exec(reason);
    if (match !== null) return wording(label, match.slice(1));
  }
  return `${label} ${reason}.`;
}
