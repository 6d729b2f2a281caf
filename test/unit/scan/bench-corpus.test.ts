/**
 * The scan bench reads any folder tree in the blackbox layout and judges reads the way the
 * ZXing reference tests do (with GTIN and GS1 normalisation).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCorpus } from '../../../bench/scan/corpus.ts';
import { judgeRead } from '../../../bench/scan/score.ts';

const root = mkdtempSync(join(tmpdir(), 'aisle-corpus-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, content: string | Buffer = 'x'): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), content);
}

file('ean13-9/1.png');
file('ean13-9/1.txt', '4006381333931');
file('ean13-9/2.JPG');
file('ean13-9/2.txt', '9780201379624');
file('ean13-9/3.png'); // no ground truth: cannot be judged
file('retail/upce-9/a.b.gif'); // base name is up to the first dot
file('retail/upce-9/a.txt', '01234565');
file('code128-9/latin.png');
file('code128-9/latin.bin', Buffer.from([0xf3, 0x31]));
file('falsepositives-9/photo.jpeg');
file(
  'thresholds.json',
  JSON.stringify({ folders: { 'ean13-9': { images: 2, javaMustPass: [1, 2] } } }),
);

describe('scan bench corpus', () => {
  const folders = readCorpus(root);

  it('finds every image folder at any depth, with ground truth and thresholds', () => {
    expect(folders.map((f) => [f.name, f.images.length, f.falsePositives, f.javaMustPass])).toEqual(
      [
        ['code128-9', 1, false, null],
        ['ean13-9', 2, false, [1, 2]],
        ['falsepositives-9', 1, true, null],
        ['retail/upce-9', 1, false, null],
      ],
    );
    const expected = folders.flatMap((f) => f.images.map((i) => i.expected));
    expect(expected).toEqual(['ó1', '4006381333931', '9780201379624', null, '01234565']);
  });

  it.each([
    ['exact text', '4006381333931', { text: '4006381333931', gtin14: '04006381333931' }, 'decoded'],
    [
      'UPC-A as 13 digits',
      '036000291452',
      { text: '0036000291452', gtin14: '00036000291452' },
      'decoded',
    ],
    [
      'UPC-E read as its expansion',
      '01234565',
      { text: '01234565', gtin14: '00012345000065' },
      'decoded',
    ],
    [
      'GS1 separators the reference drops',
      '0109501101530003' + '10LOT',
      { text: '0109501101530003\x1d10LOT', gtin14: null },
      'decoded',
    ],
    [
      'wrong digits',
      '4006381333931',
      { text: '9780201379624', gtin14: '09780201379624' },
      'misread',
    ],
    ['nothing read', '4006381333931', undefined, 'missed'],
    [
      'a read where there is no barcode',
      null,
      { text: '12345670', gtin14: '00000012345670' },
      'falsePositive',
    ],
    ['nothing read where there is no barcode', null, undefined, 'clean'],
  ] as const)('%s → %s', (_name, expected, read, verdict) => {
    expect(judgeRead(expected, read)).toBe(verdict);
  });
});
