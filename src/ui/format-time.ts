// The one relative-time formatter lives with the other time facts; this module is the UI's door to it.
export { formatRelative } from '../token/relative-time';

export { formatUtc } from '../token/time';

export { formatLocal } from './format-local';

/** A NumericDate claim (seconds since 1970) as a Date, or null when it is not a usable number. */
export function dateFromSeconds(value: unknown): Date | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const date = new Date(value * 1000);
  return Number.isNaN(date.getTime()) ? null : date;
}
