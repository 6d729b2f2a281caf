// One formatter for every date and time on the screens, per locale.
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from '../../../src/i18n/format.ts';

describe('formatDateTime', () => {
  const now = new Date('2026-03-03T18:00:00');
  it.each([
    ['en-US', 'Mar 3, 2026, 10:15 AM'],
    ['de-DE', '03.03.2026, 10:15'],
  ])('formats a moment for %s', (locale, text) => {
    expect(formatDateTime('2026-03-03T10:15:00', locale, { now })).toBe(text);
  });

  it('shows a moment of today as its time alone when asked', () => {
    expect(formatDateTime('2026-03-03T10:15:00', 'en-US', { now, today: true })).toBe('10:15 AM');
    expect(formatDateTime('2026-03-02T10:15:00', 'de-DE', { now, today: true })).toBe(
      '02.03.2026, 10:15',
    );
  });

  it('shows an unreadable moment as it came', () => {
    expect(formatDateTime('not a date', 'en-US')).toBe('not a date');
  });
});

describe('formatDay', () => {
  it('shows a calendar day as the day it names, in any time zone', () => {
    expect(formatDay('2027-03-03', 'en-US')).toBe('Mar 3, 2027');
    expect(formatDay('2027-03-03', 'de-DE')).toBe('03.03.2027');
  });
});
