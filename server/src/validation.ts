/**
 * Request validation with TypeBox's compiled checkers instead of Fastify's default Ajv.
 * Reasons: the protocol schemas are TypeBox already (one compiler for routes and for import
 * items / sync payloads), bodies are never type-coerced (a price sent as "19.99" is refused,
 * not silently converted), and every failure names its field as `items[2].price.item_price`.
 * Query strings and path params are converted first, since they only ever arrive as text.
 */
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { Value } from '@sinclair/typebox/value';
import type { FastifySchemaCompiler } from 'fastify';
import type { ErrorDetail } from '../../src/protocol/schemas.ts';
import { RequestValidationError } from './errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i;

if (!FormatRegistry.Has('uuid')) FormatRegistry.Set('uuid', (value) => UUID.test(value));
if (!FormatRegistry.Has('date-time')) {
  FormatRegistry.Set(
    'date-time',
    (value) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)),
  );
}

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checkerFor(schema: TSchema): TypeCheck<TSchema> {
  let check = compiled.get(schema);
  if (check === undefined) {
    check = TypeCompiler.Compile(schema);
    compiled.set(schema, check);
  }
  return check;
}

/** `/items/0/price/item_price` → `items[0].price.item_price`. */
export function pointerToField(pointer: string, prefix = ''): string {
  let field = prefix;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    field += /^\d+$/.test(part) ? `[${part}]` : field === '' ? part : `.${part}`;
  }
  return field === '' ? '(root)' : field;
}

const MAX_DETAILS = 50;

/**
 * A reusable checker: returns the field errors of `value` (empty when valid). The first error
 * per field is kept: a union reports each of its branches, which would only be noise.
 */
export function compileChecker(
  schema: TSchema,
): (value: unknown, prefix?: string) => ErrorDetail[] {
  const check = checkerFor(schema);
  return (value, prefix = '') => {
    if (check.Check(value)) return [];
    const details: ErrorDetail[] = [];
    const seen = new Set<string>();
    for (const error of check.Errors(value)) {
      const field = pointerToField(error.path, prefix);
      if (seen.has(field)) continue;
      seen.add(field);
      details.push({ field, message: error.message });
      if (details.length >= MAX_DETAILS) break;
    }
    return details;
  };
}

/**
 * The first field whose text holds a NUL character, or null. PostgreSQL cannot store NUL in
 * text and no identifier, title or serial needs one, so it is refused on both databases.
 */
export function findNulCharacter(value: unknown, field = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? field || '(root)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findNulCharacter(value[i], `${field}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findNulCharacter(item, field === '' ? key : `${field}.${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}

const nulScanExempt = new WeakSet<TSchema>();

/**
 * Lets a body schema through with NUL characters inside, for a route that refuses them item by
 * item instead (a sync push rejects one mutation; refusing the batch would block the queue).
 */
export function exemptFromNulScan(schema: TSchema): void {
  nulScanExempt.add(schema);
}

/** Fastify validator compiler: bodies strict, query strings and params converted from text. */
export const typeboxValidatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const checker = compileChecker(schema);
  const convert = httpPart !== 'body';
  const scanNul = !nulScanExempt.has(schema);
  return (input: unknown) => {
    const value = convert ? Value.Convert(schema, input) : input;
    const details = checker(value);
    const nul = details.length === 0 && scanNul ? findNulCharacter(value) : null;
    if (nul !== null) details.push({ field: nul, message: 'must not contain NUL characters' });
    if (details.length === 0) return { value };
    return { error: new RequestValidationError(httpPart ?? 'body', details) };
  };
};
