import { describe, expect, it } from 'vitest';
import { ReadAcceptor, isSelfChecking } from '../../../src/scan/acceptance.ts';
import { normaliseRead } from '../../../src/scan/symbology.ts';
import type { Decoded, ScanFormat } from '../../../src/scan/scan-types.ts';

function read(format: ScanFormat, text: string, symbologyIdentifier = ''): Decoded {
  const decoded = normaliseRead({ format, text, symbologyIdentifier });
  if (decoded === null) throw new Error(`fixture ${format} ${text} is invalid`);
  return decoded;
}

const ean = read('ean13', '4006381333931', ']E0');
const serialLabel = read('code128', 'SN12345678', ']C0');
const serialLabelMisread = read('code128', 'SN12345679', ']C0');
const dataMatrix = read('data_matrix', '0109501101530003\x1d21ABC123', ']d2');

describe('acceptance rule', () => {
  it.each([
    ['EAN-13 (check digit)', ean, true],
    ['Data Matrix (error correction)', dataMatrix, true],
    ['QR (error correction)', read('qr', 'https://example.com'), true],
    ['ITF-14 with a valid GS1 check digit', read('itf', '10012345678902'), true],
    ['Code 128 serial label (no check digit we can verify)', serialLabel, false],
    ['Code 39', read('code39', 'ABC-123'), false],
    ['ITF that is not a GTIN', read('itf', '123456'), false],
  ])('%s: one frame is enough = %s', (_name, decoded, expected) => {
    expect(isSelfChecking(decoded)).toBe(expected);
  });

  it('never lets an EAN/UPC with a wrong check digit through', () => {
    expect(
      normaliseRead({ format: 'ean13', text: '4006381333932', symbologyIdentifier: ']E0' }),
    ).toBeNull();
    expect(
      normaliseRead({ format: 'upc_a', text: '036000291453', symbologyIdentifier: ']E0' }),
    ).toBeNull();
  });

  it('accepts an EAN on its first frame', () => {
    expect(new ReadAcceptor().offer([ean], 0)).toEqual([ean]);
  });

  it('accepts a Code 128 label only when a second frame agrees', () => {
    const acceptor = new ReadAcceptor();
    expect(acceptor.offer([serialLabel], 0)).toEqual([]);
    expect(acceptor.offer([serialLabel], 100)).toEqual([serialLabel]);
  });

  it('does not accept two frames that disagree', () => {
    const acceptor = new ReadAcceptor();
    expect(acceptor.offer([serialLabel], 0)).toEqual([]);
    expect(acceptor.offer([serialLabelMisread], 100)).toEqual([]);
  });

  it('does not pair frames that are too far apart', () => {
    const acceptor = new ReadAcceptor({ agreementWindowMs: 1000 });
    expect(acceptor.offer([serialLabel], 0)).toEqual([]);
    expect(acceptor.offer([serialLabel], 1500)).toEqual([]);
    expect(acceptor.offer([serialLabel], 1600)).toEqual([serialLabel]);
  });

  it('ignores a code held in view, and takes it again once it was away for the cooldown', () => {
    const acceptor = new ReadAcceptor({ cooldownMs: 1500 });
    expect(acceptor.offer([ean], 0)).toEqual([ean]);
    // Still under the camera: each sighting extends the cooldown.
    for (let t = 100; t <= 5000; t += 100) expect(acceptor.offer([ean], t)).toEqual([]);
    // Out of view for 1.5 s, then scanned again: a second item.
    expect(acceptor.offer([], 6000)).toEqual([]);
    expect(acceptor.offer([ean], 6600)).toEqual([ean]);
  });

  it('cooldown is per code: another product right after is accepted', () => {
    const acceptor = new ReadAcceptor();
    const other = read('ean13', '9780201379624', ']E0');
    expect(acceptor.offer([ean], 0)).toEqual([ean]);
    expect(acceptor.offer([other], 50)).toEqual([other]);
  });
});
