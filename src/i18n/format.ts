/**
 * The one date and time formatter of the app: every screen shows a moment the same way for
 * the device's locale — "Mar 3, 2026, 10:15 AM" (en-US), "03.03.2026, 10:15" (de-DE) — or,
 * where `today` is asked for and the moment is today, its time alone. Formatters are made once
 * per locale (Intl.DateTimeFormat is costly to build).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

type Shape = 'time' | 'date-time' | 'day' | 'calendar-day';

const OPTIONS: Record<Shape, Intl.DateTimeFormatOptions> = {
  time: { timeStyle: 'short' },
  'date-time': { dateStyle: 'medium', timeStyle: 'short' },
  day: { dateStyle: 'medium' },
  // A calendar day (a warranty's end) has no time zone: it is read as the day it names.
  'calendar-day': { dateStyle: 'medium', timeZone: 'UTC' },
};

function formatter(locale: string, shape: Shape): Intl.DateTimeFormat {
  const key = `${locale}|${shape}`;
  let made = formatters.get(key);
  if (made === undefined) {
    made = new Intl.DateTimeFormat(locale, OPTIONS[shape]);
    formatters.set(key, made);
  }
  return made;
}

export interface DateTimeOptions {
  /** A moment of today is shown as its time alone ("10:15 AM"). */
  readonly today?: boolean;
  /** What "today" is measured against (tests). */
  readonly now?: Date;
}

/**
 * The locale the screens format for: the page's `lang`, which src/i18n/localization.ts sets
 * from the language shown and the store's locale (en-US where there is no page: Node tests).
 */
export function screenLocale(): string {
  return typeof document === 'undefined' ? 'en-US' : document.documentElement.lang || 'en-US';
}

/** A moment (ISO 8601) for people; an unreadable one is shown as it came. */
export function formatDateTime(
  iso: string,
  locale: string = screenLocale(),
  options: DateTimeOptions = {},
): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const now = options.now ?? new Date();
  const timeOnly = options.today === true && date.toDateString() === now.toDateString();
  return formatter(locale, timeOnly ? 'time' : 'date-time').format(date);
}

/** The day of a moment (ISO 8601) as it was here, or a calendar day (`2027-03-03`) as itself. */
export function formatDay(iso: string, locale: string = screenLocale()): string {
  const calendarDay = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(calendarDay ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(locale, calendarDay ? 'calendar-day' : 'day').format(date);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A percentage off as the screens write it: "10 %", "12,5 %" (the app's spaced style). */
export function percentOff(value: number, locale: string = screenLocale()): string {
  let made = numberFormats.get(locale);
  if (made === undefined) {
    made = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, made);
  }
  return `${made.format(value)} %`;
}

/** An amount as a person types it here: "21.59" (en-US), "21,59" (de-DE), no grouping. */
export function amountForInput(
  minorUnits: number,
  digits: number,
  locale: string = screenLocale(),
): string {
  return new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(minorUnits / 10 ** digits);
}
