/**
 * The one date and time formatter of the app: every screen shows a moment the same way for
 * the device's locale — "Mar 3, 2026, 10:15 AM" (en-US), "03.03.2026, 10:15" (de-DE) — or,
 * where `today` is asked for and the moment is today, its time alone. Formatters are made once
 * per locale (Intl.DateTimeFormat is costly to build).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeOnly: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${timeOnly ? 't' : 'dt'}`;
  let made = formatters.get(key);
  if (made === undefined) {
    made = new Intl.DateTimeFormat(
      locale,
      timeOnly ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
    );
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

/** The locale the screens format for: the document's language (set from the store's locale). */
export function screenLocale(): string {
  return document.documentElement.lang || 'en-US';
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
  return formatter(locale, timeOnly).format(date);
}
