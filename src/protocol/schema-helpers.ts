/**
 * Small TypeBox builders the schema modules share: a nullable field, and a union of literals
 * made from one of the constant objects of `wire-constants.ts` (so each value is written once).
 */
import { Type, type TLiteral, type TSchema, type TUnion } from '@sinclair/typebox';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** `{a: 'x', b: 'y'}` → a schema accepting exactly `'x' | 'y'`. */
export function literalUnion<const V extends string>(
  values: Readonly<Record<string, V>>,
): TUnion<TLiteral<V>[]> {
  return Type.Union(Object.values(values).map((value) => Type.Literal(value)));
}
