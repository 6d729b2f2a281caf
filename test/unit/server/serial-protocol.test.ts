// The serial wire constants the client bundle uses match the schemas the server validates with.
import { describe, expect, it } from 'vitest';
import { SerialException, SerialExceptionResolve } from '../../../src/protocol/serials.ts';
import {
  WireSerialExceptionKinds,
  WireSerialResolutions,
} from '../../../src/protocol/wire-constants.ts';

const literals = (schema: { anyOf?: Array<{ const?: unknown }> }): unknown[] =>
  (schema.anyOf ?? []).map((branch) => branch.const).sort();

describe('serial wire constants', () => {
  it('list every exception kind and resolution the schemas allow, and nothing else', () => {
    expect(Object.values(WireSerialExceptionKinds).sort()).toEqual(
      literals(SerialException.properties.kind),
    );
    expect(Object.values(WireSerialResolutions).sort()).toEqual(
      literals(SerialExceptionResolve.properties.resolution),
    );
  });
});
