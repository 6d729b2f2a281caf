/**
 * The GS1 Application Identifiers Aisle understands, with their data formats, after the
 * GS1 General Specifications (section 3) and the GS1 Barcode Syntax Dictionary: enough to
 * split element strings from GS1-128, GS1 DataMatrix, GS1 QR and Digital Link URIs and to
 * check each value. Retail serials need (01) GTIN and (21) serial; the rest is here so a
 * label carrying batch, expiry, weights or internal data still parses.
 */

/** Character sets: N digits, X the 82-character set (CSET 82), Y the 39-character set. */
export type Gs1Charset = 'N' | 'X' | 'Y';

/** One component of an AI's value, e.g. `N14` or `X..20`; check = GS1 mod-10 check digit. */
export interface Gs1Component {
  readonly charset: Gs1Charset;
  readonly min: number;
  readonly max: number;
  readonly check?: boolean;
  /** YYMMDD (DD may be 00 when only the month is known). */
  readonly date?: boolean;
}

export interface Gs1AiSpec {
  readonly ai: string;
  readonly title: string;
  readonly components: readonly Gs1Component[];
}

const n = (len: number, extra: Partial<Gs1Component> = {}): Gs1Component => ({
  charset: 'N',
  min: len,
  max: len,
  ...extra,
});
const nv = (max: number, min = 1): Gs1Component => ({ charset: 'N', min, max });
const xv = (max: number, min = 1): Gs1Component => ({ charset: 'X', min, max });
const date = n(6, { date: true });

const entries: [string, string, Gs1Component[]][] = [
  ['00', 'SSCC', [n(18, { check: true })]],
  ['01', 'GTIN', [n(14, { check: true })]],
  ['02', 'CONTENT', [n(14, { check: true })]],
  ['10', 'BATCH/LOT', [xv(20)]],
  ['11', 'PROD DATE', [date]],
  ['12', 'DUE DATE', [date]],
  ['13', 'PACK DATE', [date]],
  ['15', 'BEST BEFORE or BEST BY', [date]],
  ['16', 'SELL BY', [date]],
  ['17', 'USE BY or EXPIRY', [date]],
  ['20', 'VARIANT', [n(2)]],
  ['21', 'SERIAL', [xv(20)]],
  ['22', 'CPV', [xv(20)]],
  ['235', 'TPX', [xv(28)]],
  ['240', 'ADDITIONAL ID', [xv(30)]],
  ['241', 'CUST. PART No.', [xv(30)]],
  ['242', 'MTO VARIANT', [nv(6)]],
  ['243', 'PCN', [xv(20)]],
  ['250', 'SECONDARY SERIAL', [xv(30)]],
  ['251', 'REF. TO SOURCE', [xv(30)]],
  ['253', 'GDTI', [n(13, { check: true }), xv(17, 0)]],
  ['254', 'GLN EXTENSION COMPONENT', [xv(20)]],
  ['255', 'GCN', [n(13, { check: true }), nv(12, 0)]],
  ['30', 'VAR. COUNT', [nv(8)]],
  ['37', 'COUNT', [nv(8)]],
  ['400', 'ORDER NUMBER', [xv(30)]],
  ['401', 'GINC', [xv(30)]],
  ['402', 'GSIN', [n(17, { check: true })]],
  ['403', 'ROUTE', [xv(30)]],
  ['410', 'SHIP TO LOC', [n(13, { check: true })]],
  ['411', 'BILL TO', [n(13, { check: true })]],
  ['412', 'PURCHASE FROM', [n(13, { check: true })]],
  ['413', 'SHIP FOR LOC', [n(13, { check: true })]],
  ['414', 'LOC No.', [n(13, { check: true })]],
  ['415', 'PAY TO', [n(13, { check: true })]],
  ['416', 'PROD/SERV LOC', [n(13, { check: true })]],
  ['417', 'PARTY', [n(13, { check: true })]],
  ['420', 'SHIP TO POST', [xv(20)]],
  ['421', 'SHIP TO POST', [n(3), xv(9)]],
  ['422', 'ORIGIN', [n(3)]],
  ['423', 'COUNTRY - INITIAL PROCESS', [n(3), nv(12, 0)]],
  ['424', 'COUNTRY - PROCESS', [n(3)]],
  ['425', 'COUNTRY - DISASSEMBLY', [n(3), nv(12, 0)]],
  ['426', 'COUNTRY - FULL PROCESS', [n(3)]],
  ['427', 'ORIGIN SUBDIVISION', [xv(3)]],
  ['7001', 'NSN', [n(13)]],
  ['7002', 'MEAT CUT', [xv(30)]],
  ['7003', 'EXPIRY TIME', [n(10)]],
  ['7004', 'ACTIVE POTENCY', [nv(4)]],
  ['7006', 'FIRST FREEZE DATE', [date]],
  ['7007', 'HARVEST DATE', [nv(12, 6)]],
  ['8001', 'DIMENSIONS', [n(14)]],
  ['8002', 'CMT No.', [xv(20)]],
  ['8003', 'GRAI', [n(14), xv(16, 0)]],
  ['8004', 'GIAI', [xv(30)]],
  ['8005', 'PRICE PER UNIT', [n(6)]],
  ['8006', 'ITIP', [n(14, { check: true }), n(4)]],
  ['8007', 'IBAN', [xv(34)]],
  ['8008', 'PROD TIME', [n(8), nv(4, 0)]],
  ['8010', 'CPID', [{ charset: 'Y', min: 1, max: 30 }]],
  ['8011', 'CPID SERIAL', [nv(12)]],
  ['8012', 'VERSION', [xv(20)]],
  ['8013', 'GMN', [xv(25)]],
  ['8017', 'GSRN - PROVIDER', [n(18, { check: true })]],
  ['8018', 'GSRN - RECIPIENT', [n(18, { check: true })]],
  ['8019', 'SRIN', [nv(10)]],
  ['8020', 'REF No.', [xv(25)]],
  ['8200', 'PRODUCT URL', [xv(70)]],
  ['90', 'INTERNAL', [xv(30)]],
];
for (let k = 91; k <= 99; k += 1) entries.push([String(k), 'INTERNAL', [xv(90)]]);

// Measures with an implied decimal point: the last digit of the AI says where it goes.
const measureFamilies = [
  '310',
  '311',
  '312',
  '313',
  '314',
  '315',
  '316',
  '320',
  '321',
  '322',
  '323',
  '324',
  '325',
  '326',
  '327',
  '328',
  '329',
  '330',
  '331',
  '332',
  '333',
  '334',
  '335',
  '336',
  '337',
  '340',
  '341',
  '342',
  '343',
  '344',
  '345',
  '346',
  '347',
  '348',
  '349',
  '350',
  '351',
  '352',
  '353',
  '354',
  '355',
  '356',
  '357',
  '360',
  '361',
  '362',
  '363',
  '364',
  '365',
  '366',
  '367',
  '368',
  '369',
];
for (const family of measureFamilies) {
  for (let d = 0; d <= 5; d += 1) entries.push([`${family}${d}`, 'MEASURE', [n(6)]]);
}
for (let d = 0; d <= 9; d += 1) {
  entries.push([`390${d}`, 'AMOUNT', [nv(15)]]);
  entries.push([`391${d}`, 'AMOUNT', [n(3), nv(15)]]);
  entries.push([`392${d}`, 'PRICE', [nv(15)]]);
  entries.push([`393${d}`, 'PRICE', [n(3), nv(15)]]);
}
for (let d = 0; d <= 3; d += 1) entries.push([`394${d}`, 'PRCNT OFF', [n(4)]]);
for (let d = 0; d <= 5; d += 1) entries.push([`395${d}`, 'PRICE/UoM', [n(6)]]);

export const GS1_AIS: ReadonlyMap<string, Gs1AiSpec> = new Map(
  entries.map(([ai, title, components]) => [ai, { ai, title, components }]),
);

/**
 * AIs whose first two digits are in this set never take a FNC1/GS separator after their
 * value (the "predefined length" table of the General Specifications, figure 7.8.5-2).
 */
const PREDEFINED_LENGTH_PREFIXES = new Set([
  '00',
  '01',
  '02',
  '03',
  '04',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '20',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '41',
]);

export function hasPredefinedLength(ai: string): boolean {
  return PREDEFINED_LENGTH_PREFIXES.has(ai.slice(0, 2));
}

/** The AI the digits at the start of `text` name (2, 3 or 4 digits), or undefined. */
export function matchAi(text: string): Gs1AiSpec | undefined {
  for (const len of [2, 3, 4]) {
    const spec = GS1_AIS.get(text.slice(0, len));
    if (spec !== undefined) return spec;
  }
  return undefined;
}

/** Shortest and longest value an AI takes. */
export function valueLengthRange(spec: Gs1AiSpec): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const c of spec.components) {
    min += c.min;
    max += c.max;
  }
  return { min, max };
}

/** Whether the value has the same length whatever it holds. */
export function isFixedLength(spec: Gs1AiSpec): boolean {
  const { min, max } = valueLengthRange(spec);
  return min === max;
}
