/**
 * GS1 Digital Link URIs (`https://id.gs1.org/01/09506000134352/21/ABC123?17=261231`), as QR
 * codes on products carry them: any host, an optional path prefix, then a primary key and its
 * qualifiers as path pairs, and further AIs in the query. A GTIN written with 8, 12 or 13
 * digits is padded to 14. Element values are checked by `gs1.ts`.
 */
import type { Gs1Element, Gs1Failure } from './gs1.ts';
import { GS1_AIS } from './gs1-ai-table.ts';

/** Primary keys a Digital Link path may start with. */
const PRIMARY_KEYS = new Set([
  '00',
  '01',
  '253',
  '255',
  '401',
  '402',
  '414',
  '417',
  '8003',
  '8004',
  '8006',
  '8010',
  '8013',
  '8017',
  '8018',
]);

/** Key qualifiers of the GTIN, in the order the path must give them. */
const GTIN_QUALIFIERS = ['22', '10', '21'] as const;

/** Short names from Digital Link 1.0, still seen on older labels. */
const ALIASES: Readonly<Record<string, string>> = {
  gtin: '01',
  cpv: '22',
  lot: '10',
  ser: '21',
  exp: '17',
  sscc: '00',
  gln: '414',
};

const failure = (message: string): Gs1Failure => ({ ok: false, error: 'not_gs1', message });

const keyToAi = (key: string): string | undefined => {
  const ai = ALIASES[key] ?? key;
  return GS1_AIS.has(ai) ? ai : undefined;
};

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** Path pairs from `segments[start]` to the end, or null when they are not all AI/value. */
function readPathPairs(segments: readonly string[], start: number): Gs1Element[] | null {
  if ((segments.length - start) % 2 !== 0) return null;
  const elements: Gs1Element[] = [];
  for (let i = start; i < segments.length; i += 2) {
    const ai = keyToAi(segments[i] as string);
    const value = decode(segments[i + 1] as string);
    if (ai === undefined || value === null || value === '') return null;
    elements.push({ ai, value });
  }
  return elements;
}

/** The elements a Digital Link URI carries, or why it is not one. */
export function parseDigitalLink(uri: string): { ok: true; elements: Gs1Element[] } | Gs1Failure {
  const parts = /^https?:\/\/[^/?#\s]+(\/[^?#]*)?(?:\?([^#]*))?(?:#.*)?$/i.exec(uri);
  if (parts === null) return failure('Not a GS1 Digital Link URL');
  const segments = (parts[1] ?? '').split('/').filter((s) => s !== '');
  let elements: Gs1Element[] | null = null;
  // The first position from which the rest of the path reads as key/value pairs headed by a
  // primary key: anything before it is the resolver's own path prefix.
  for (let start = 0; start < segments.length && elements === null; start += 1) {
    const ai = keyToAi(segments[start] as string);
    if (ai !== undefined && PRIMARY_KEYS.has(ai)) elements = readPathPairs(segments, start);
  }
  if (elements === null) return failure('The URL carries no GS1 key (such as /01/ and a GTIN)');
  const gtin = elements[0]?.ai === '01' ? elements[0].value : null;
  if (gtin !== null && /^(\d{8}|\d{12}|\d{13})$/.test(gtin)) {
    elements[0] = { ai: '01', value: gtin.padStart(14, '0') };
  }
  for (const pair of (parts[2] ?? '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const ai = keyToAi(eq < 0 ? pair : pair.slice(0, eq));
    // Non-AI parameters (linkType, context, tracking) belong to the resolver, not the item.
    if (ai === undefined || eq < 0) continue;
    const value = decode(pair.slice(eq + 1));
    if (value === null)
      return failure(`The value of ${ai} in the URL is not valid percent-encoding`);
    elements.push({ ai, value });
  }
  return { ok: true, elements };
}

/**
 * A Digital Link URI for elements holding a GTIN: the GTIN and its qualifiers (22, 10, 21)
 * in the path, every other AI in the query.
 */
export function formatGs1DigitalLink(
  elements: readonly Gs1Element[],
  base = 'https://id.gs1.org',
): string | null {
  const gtin = elements.find((e) => e.ai === '01');
  if (gtin === undefined) return null;
  let path = `/01/${encodeURIComponent(gtin.value)}`;
  for (const qualifier of GTIN_QUALIFIERS) {
    const element = elements.find((e) => e.ai === qualifier);
    if (element !== undefined) path += `/${qualifier}/${encodeURIComponent(element.value)}`;
  }
  const query = elements
    .filter((e) => e.ai !== '01' && !(GTIN_QUALIFIERS as readonly string[]).includes(e.ai))
    .map((e) => `${e.ai}=${encodeURIComponent(e.value)}`)
    .join('&');
  return `${base.replace(/\/+$/, '')}${path}${query === '' ? '' : `?${query}`}`;
}
