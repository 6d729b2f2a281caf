// Which units ask for a serial, how a serial-prompt scan is read, when an unknown scan is
// answered with "scan the product barcode first", and what counts as the same serial.
import { describe, expect, it } from 'vitest';
import {
  findSameSerial,
  looksLikeSerial,
  requiresSerialAtCheckout,
  serialKey,
} from '../../../src/domain/serial-rules.ts';
import { readSerialScan } from '../../../src/domain/serial-scan.ts';
import { createSerialValidator } from '../../../src/domain/serial-validation.ts';

describe('requiresSerialAtCheckout', () => {
  it.each([
    [true, 'in_store_handover', true],
    [true, 'traditional_carrier', false],
    [true, 'in_store_pick_up', false],
    [false, 'in_store_handover', false],
  ])('serialized=%s, %s → %s', (serialized, shippingType, expected) => {
    expect(requiresSerialAtCheckout({ serialized, shippingType })).toBe(expected);
  });
});

describe('readSerialScan', () => {
  it.each([
    [']C1SN-0001\r', 'SN-0001', null, ']C1'],
    ['abc123', 'abc123', null, null],
    [']d20109506000134352\x1d21XyZ9', 'XyZ9', '09506000134352', ']d2'],
    ['(01)09506000134352(21)SER77', 'SER77', '09506000134352', null],
    ['https://id.gs1.org/01/09506000134352/21/Q-1', 'Q-1', '09506000134352', null],
    // A GS1 code without AI 21 carries no serial: the text is taken as typed.
    ['(01)09506000134352(10)LOT', '(01)09506000134352(10)LOT', null, null],
  ])('%j → serial %j, gtin %j', (raw, serial, gtin, symbologyId) => {
    expect(readSerialScan(raw)).toEqual({ serial, gtin, symbologyId });
  });
});

describe('looksLikeSerial', () => {
  const validator = createSerialValidator('^[A-Z0-9]{14}$');

  it.each([
    ['A1B2C3D4E5F6G7', true],
    [']C1A1B2C3D4E5F6G7\r\n', true],
    ['4006381333931', false],
    ['a1b2c3d4e5f6g7', false],
  ])('%j → %s', (code, expected) => {
    expect(looksLikeSerial(code, validator)).toBe(expected);
  });

  it('is false with no pattern (nothing tells a serial from an unknown code)', () => {
    expect(looksLikeSerial('A1B2C3D4E5F6G7', createSerialValidator(null))).toBe(false);
  });

  it('is false with an unusable pattern', () => {
    expect(looksLikeSerial('AAA', createSerialValidator('(?=A)A+'))).toBe(false);
  });
});

describe('serialKey and findSameSerial', () => {
  it('keeps case: ABC and abc are different serials', () => {
    expect(serialKey('p1', 'ABC')).not.toBe(serialKey('p1', 'abc'));
  });

  it('ignores scanner additions', () => {
    expect(serialKey('p1', ']C1ABC\r\n')).toBe(serialKey('p1', 'ABC'));
  });

  it('never mixes the product and serial parts', () => {
    expect(serialKey('p1', '2x')).not.toBe(serialKey('p12', 'x'));
  });

  it('finds the unit already holding a serial of the same product only', () => {
    const units = [
      { id: 1, productId: 'p1', serial: 'S1' },
      { id: 2, productId: 'p2', serial: 'S2' },
      { id: 3, productId: 'p1', serial: null },
    ];
    expect(findSameSerial(units, 'p1', 'S1\r')?.id).toBe(1);
    expect(findSameSerial(units, 'p2', 'S1')).toBeUndefined();
    expect(findSameSerial(units, 'p1', 's1')).toBeUndefined();
  });
});
