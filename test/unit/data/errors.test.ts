import { describe, expect, it } from 'vitest';
import { DataError, dataErrorReason, describeDataError } from '../../../src/data/errors.ts';

const named = (name: string, inner?: unknown) => Object.assign(new Error(name), { name, inner });

describe('dataErrorReason', () => {
  it.each([
    [named('QuotaExceededError'), 'QUOTA_EXCEEDED'],
    // Dexie reports a full disk as an aborted transaction wrapping the real cause.
    [named('AbortError', named('QuotaExceededError')), 'QUOTA_EXCEEDED'],
    [named('ConstraintError'), 'CONSTRAINT'],
    [named('VersionError'), 'UPGRADE_BLOCKED'],
    [new DataError('EMPTY_CART', 'The cart is empty.'), 'EMPTY_CART'],
    [new Error('boom'), 'UNKNOWN'],
    ['not even an error', 'UNKNOWN'],
  ])('%o → %s', (error, reason) => {
    expect(dataErrorReason(error)).toBe(reason);
  });
});

describe('describeDataError', () => {
  it('tells the associate that storage is full, never the raw text', () => {
    const text = describeDataError(named('AbortError', named('QuotaExceededError')));
    expect(text).toContain('out of storage');
    expect(text).not.toContain('AbortError');
  });

  it('passes a repository sentence through', () => {
    expect(
      describeDataError(new DataError('TENDER_SHORT', 'The cash given is less than the total.')),
    ).toBe('The cash given is less than the total.');
  });

  it('hides unknown errors behind a generic sentence', () => {
    expect(describeDataError(new Error('SQL gibberish'))).not.toContain('gibberish');
  });
});
