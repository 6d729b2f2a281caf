/**
 * Both engines decode generated symbols of every POS format to the same normalised reads:
 * the real zxing-wasm binary and the real @zxing/library, no mocks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { createZxingJsDecoder } from '../../../src/scan/engines/zxing-js-engine.ts';
import { createZxingWasmDecoder } from '../../../src/scan/engines/zxing-wasm-engine.ts';
import type { BarcodeDecoder } from '../../../src/scan/scan-types.ts';
import { barcodeFrame, emptyFrame, type BarcodeSpec } from '../../fixtures/barcodes/barcodes.ts';

const require = createRequire(import.meta.url);
const wasmFile = require.resolve('zxing-wasm/reader/zxing_reader.wasm');

const engines: Record<string, BarcodeDecoder> = {};
beforeAll(async () => {
  const bytes = readFileSync(wasmFile);
  engines['zxing-wasm'] = await createZxingWasmDecoder({
    wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
  engines['zxing-js'] = createZxingJsDecoder();
});

const GS = '\x1d';

// spec, expected read, engines that can decode it
const cases: [string, BarcodeSpec, Record<string, unknown>, string[]][] = [
  [
    'EAN-13',
    { bcid: 'ean13', text: '4006381333931' },
    { format: 'ean13', text: '4006381333931', gtin14: '04006381333931' },
    ['zxing-wasm', 'zxing-js'],
  ],
  [
    'UPC-A',
    { bcid: 'upca', text: '036000291452' },
    { format: 'upc_a', text: '036000291452', gtin14: '00036000291452' },
    ['zxing-wasm', 'zxing-js'],
  ],
  [
    'EAN-8',
    { bcid: 'ean8', text: '96385074' },
    { format: 'ean8', text: '96385074', gtin14: '00000096385074' },
    ['zxing-wasm', 'zxing-js'],
  ],
  // zxing-js cannot read UPC-E at all (zxing-js/library#573): wasm only.
  [
    'UPC-E',
    { bcid: 'upce', text: '01234565' },
    { format: 'upc_e', text: '01234565', gtin14: '00012345000065' },
    ['zxing-wasm'],
  ],
  [
    'Code 128 serial label',
    { bcid: 'code128', text: 'SN-A1B2C3D4E5', scale: 2 },
    { format: 'code128', text: 'SN-A1B2C3D4E5', symbologyIdentifier: ']C0', gs1: false },
    ['zxing-wasm', 'zxing-js'],
  ],
  [
    'GS1-128 with GTIN and serial',
    { bcid: 'gs1-128', text: '(01)09501101530003(21)ABC123(10)LOT7', scale: 2 },
    {
      format: 'code128',
      text: `010950110153000321ABC123${GS}10LOT7`,
      symbologyIdentifier: ']C1',
      gs1: true,
    },
    ['zxing-wasm', 'zxing-js'],
  ],
  [
    'Code 39',
    { bcid: 'code39', text: 'ABC-1234', scale: 2 },
    { format: 'code39', text: 'ABC-1234' },
    ['zxing-wasm', 'zxing-js'],
  ],
  [
    'GS1 DataMatrix',
    { bcid: 'gs1datamatrix', text: '(01)09501101530003(21)SERIAL0042(17)271231', scale: 4 },
    {
      format: 'data_matrix',
      text: `010950110153000321SERIAL0042${GS}17271231`,
      raw: `]d2010950110153000321SERIAL0042${GS}17271231`,
      gs1: true,
    },
    ['zxing-wasm', 'zxing-js'],
  ],
  [
    'QR',
    { bcid: 'qrcode', text: 'https://aisle.example/p/123', scale: 4 },
    { format: 'qr', text: 'https://aisle.example/p/123' },
    ['zxing-wasm', 'zxing-js'],
  ],
];

describe.each(['zxing-wasm', 'zxing-js'])('%s engine', (engineName) => {
  it.each(cases.filter(([, , , who]) => who.includes(engineName)))(
    'decodes %s',
    async (_name, spec, expected) => {
      const frame = await barcodeFrame(spec, 640, 480);
      const reads = await (engines[engineName] as BarcodeDecoder).decode(frame);
      expect(reads[0]).toMatchObject(expected);
    },
  );

  it.runIf(engineName === 'zxing-wasm')('reads an EAN-13 held sideways (rotated 90°)', async () => {
    const frame = await barcodeFrame(
      { bcid: 'ean13', text: '4006381333931', extra: { rotate: 'R' } },
      640,
      480,
    );
    const reads = await (engines[engineName] as BarcodeDecoder).decode(frame);
    expect(reads[0]).toMatchObject({ format: 'ean13', gtin14: '04006381333931' });
  });

  it('reports nothing on a frame without a barcode', async () => {
    expect(await (engines[engineName] as BarcodeDecoder).decode(emptyFrame(640, 480))).toEqual([]);
  });
});
