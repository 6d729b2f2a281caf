import { describe, expect, it } from 'vitest';
import {
  addMinor,
  currencyDigits,
  formatMoney,
  fromDecimal,
  minor,
  parseAmount,
  taxOn,
  toDecimal,
} from '../../../src/domain/money.ts';

describe('currencyDigits', () => {
  it.each([
    ['USD', 2],
    ['EUR', 2],
    ['JPY', 0],
    ['KWD', 3],
  ])('%s has %i minor digits', (currency, digits) => {
    expect(currencyDigits(currency)).toBe(digits);
  });
});

describe('fromDecimal / toDecimal', () => {
  it.each([
    [19.99, 'USD', 1999],
    [0.1 + 0.2, 'USD', 30],
    [1.15, 'USD', 115],
    [0, 'USD', 0],
    [1500, 'JPY', 1500],
    [1.234, 'KWD', 1234],
    [999999.99, 'USD', 99999999],
  ])('%d %s is %i minor units', (decimal, currency, expected) => {
    expect(fromDecimal(decimal, currency)).toBe(expected);
  });

  it.each([
    [1999, 'USD', 19.99],
    [5, 'USD', 0.05],
    [1500, 'JPY', 1500],
    [1234, 'KWD', 1.234],
  ])('%i minor %s travels as %d', (amount, currency, expected) => {
    expect(toDecimal(minor(amount), currency)).toBe(expected);
  });
});

describe('parseAmount', () => {
  it.each([
    ['20', 'USD', 2000],
    ['20.5', 'USD', 2050],
    ['20,50', 'USD', 2050],
    [' 7.05 ', 'USD', 705],
    ['0', 'USD', 0],
    ['1500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
  ])('reads %j in %s as %i', (text, currency, expected) => {
    expect(parseAmount(text, currency)).toBe(expected);
  });

  it.each([
    ['', 'USD'],
    ['abc', 'USD'],
    ['-5', 'USD'],
    ['20.555', 'USD'],
    ['15.5', 'JPY'],
    ['1e3', 'USD'],
  ])('refuses %j in %s', (text, currency) => {
    expect(parseAmount(text, currency)).toBeNull();
  });
});

describe('taxOn', () => {
  it.each([
    // amount, rate, expected: half up on the exact product
    [1000, 0.0825, 83], // 82.5 → 83
    [100, 0.0825, 8], // 8.25 → 8
    [1999, 0.08, 160], // 159.92
    [1250, 0.08, 100], // exactly 100
    [1, 0.5, 1], // 0.5 → 1
    [1, 0.49, 0],
    [0, 0.2, 0],
    [1500, 0.1, 150], // JPY, no minor digits
    [333, 0.07, 23], // 23.31
    [-1000, 0.0825, -83], // a refund rounds away from zero like a sale
  ])('tax on %i at %d is %i', (amount, rate, expected) => {
    expect(taxOn(minor(amount), rate)).toBe(expected);
  });
});

describe('addMinor', () => {
  it('sums integer amounts', () => {
    expect(addMinor(minor(1999), minor(1), minor(0))).toBe(2000);
  });

  it('refuses a non-integer amount', () => {
    expect(() => minor(19.99)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it.each([
    [1999, 'USD', 'en-US', '$19.99'],
    [123450, 'USD', 'en-US', '$1,234.50'],
    [1500, 'JPY', 'ja-JP', '￥1,500'],
    [1999, 'EUR', 'de-DE', '19,99\u00a0€'],
  ])('%i %s in %s reads %j', (amount, currency, locale, expected) => {
    expect(formatMoney(minor(amount), currency, locale)).toBe(expected);
  });
});
