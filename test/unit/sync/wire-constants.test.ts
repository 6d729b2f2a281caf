import { describe, expect, it } from 'vitest';
import { ShippingTypes } from '../../../src/protocol/schemas.ts';
import { MutationTypes, PROTOCOL_VERSION } from '../../../src/protocol/sync-protocol.ts';
import {
  WIRE_PROTOCOL_VERSION,
  WireMutationTypes,
  WireShippingTypes,
} from '../../../src/protocol/wire-constants.ts';

describe('wire constants used by the client bundle', () => {
  it('match the protocol modules', () => {
    expect(WIRE_PROTOCOL_VERSION).toBe(PROTOCOL_VERSION);
    expect(WireShippingTypes).toEqual(ShippingTypes);
    expect(WireMutationTypes).toEqual(MutationTypes);
  });
});
