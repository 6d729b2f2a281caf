/**
 * Live reads: re-run a repository query whenever the tables it read change, in this tab or
 * another. The one place that reaches Dexie's `liveQuery`, so controllers and views observe
 * data without importing Dexie.
 */
import { liveQuery } from 'dexie';

export interface LiveSubscription {
  unsubscribe(): void;
}

export function observeQuery<T>(
  query: () => Promise<T>,
  onValue: (value: T) => void,
  onError: (error: unknown) => void,
): LiveSubscription {
  return liveQuery(query).subscribe({ next: onValue, error: onError });
}
