import { describe, expect, it } from 'vitest';
import { hasCustomer } from '../../../src/domain/customer.ts';
import { checkCustomer, emailProblem, phoneProblem } from '../../../src/domain/customer-check.ts';

describe('emailProblem', () => {
  it.each([
    'ada@example.com',
    'Ada.Lovelace+receipts@mail.example.co.uk',
    "o'brien@example.ie",
    'x@xn--bcher-kva.example',
    'jürgen@münchen.de',
    'a@b.io',
    `${'l'.repeat(64)}@example.com`,
  ])('accepts %s', (email) => {
    expect(emailProblem(email)).toBeNull();
  });

  it.each([
    ['ada', 'must be one address like name@example.com'],
    ['ada@', 'must be one address like name@example.com'],
    ['@example.com', 'must be one address like name@example.com'],
    ['ada@b@example.com', 'must be one address like name@example.com'],
    ['ada@localhost', 'must end in a domain like example.com'],
    ['ada@example.c', 'must end in a domain like example.com'],
    ['ada@example..com', 'must end in a domain like example.com'],
    ['ada@-example.com', 'must end in a domain like example.com'],
    ['ada@example.123', 'must end in a domain like example.com'],
    ['.ada@example.com', 'has a character or a dot that an address cannot have before the @'],
    ['ada..l@example.com', 'has a character or a dot that an address cannot have before the @'],
    ['"ada"@example.com', 'has a character or a dot that an address cannot have before the @'],
    ['Ada <ada@example.com>', 'must not contain spaces or line breaks'],
    ['ada@example.com\r\nBcc: x@evil.test', 'must not contain spaces or line breaks'],
    ['ada@example.com,bob@example.com', 'must be one address like name@example.com'],
    ['ada,bob@example.com', 'has a character or a dot that an address cannot have before the @'],
    [`${'l'.repeat(65)}@example.com`, 'must have at most 64 characters before the @'],
    [`ada@${'d'.repeat(250)}.com`, 'must be at most 254 characters'],
    [`ada@${'d'.repeat(64)}.com`, 'must end in a domain like example.com'],
  ])('refuses %j: %s', (email, message) => {
    expect(emailProblem(email)).toBe(message);
  });
});

describe('phoneProblem', () => {
  it.each([
    '+1 555 010 4477',
    '(555) 010-4477',
    '555.010.4477',
    '0044 20 7946 0958',
    '+44 20 7946 0958 ext. 12',
    '555-0104 x7',
    '0301234567',
  ])('accepts %s', (phone) => {
    expect(phoneProblem(phone)).toBeNull();
  });

  it.each([
    ['555 01', 'must have 7 to 15 digits'],
    ['+1 555 010 4477 999 88', 'must have 7 to 15 digits'],
    ['call me', 'may hold only digits, spaces, ( ) - . / and a leading +'],
    ['555+0104477', 'may hold only digits, spaces, ( ) - . / and a leading +'],
    ['ada@example.com', 'may hold only digits, spaces, ( ) - . / and a leading +'],
    ['1'.repeat(41), 'must be at most 40 characters'],
  ])('refuses %j: %s', (phone, message) => {
    expect(phoneProblem(phone)).toBe(message);
  });
});

describe('checkCustomer', () => {
  it('trims, makes empty fields null and lower-cases only the domain', () => {
    expect(
      checkCustomer({ name: '  Ada   Lovelace ', email: ' Ada@Example.COM ', phone: '' }),
    ).toEqual({
      customer: { name: 'Ada Lovelace', email: 'Ada@example.com', phone: null },
      problems: [],
    });
  });

  it('names every bad field and keeps the good ones', () => {
    expect(checkCustomer({ name: 'Ada', email: 'ada@', phone: '12' })).toEqual({
      customer: { name: 'Ada', email: null, phone: null },
      problems: [
        { field: 'email', message: 'must be one address like name@example.com' },
        { field: 'phone', message: 'must have 7 to 15 digits' },
      ],
    });
  });

  it('refuses a name with a control character or past 200 characters', () => {
    expect(checkCustomer({ name: 'Ada\u0007' }).problems).toEqual([
      { field: 'name', message: 'must not contain control characters' },
    ]);
    expect(checkCustomer({ name: 'a'.repeat(201) }).problems).toEqual([
      { field: 'name', message: 'must be at most 200 characters' },
    ]);
  });

  it.each([
    [{ name: null, email: null, phone: null }, false],
    [{ name: 'Ada', email: null, phone: null }, true],
    [{ name: null, email: null, phone: '555 010 4477' }, true],
  ])('hasCustomer(%j) is %s', (customer, expected) => {
    expect(hasCustomer(customer)).toBe(expected);
  });
});
