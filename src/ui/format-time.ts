// Making an Intl formatter is costly (one RelativeTimeFormat took ~35 ms of a page load, issue 16), so none is
// made when this module loads: each is made on first use, once, and shared by every caller on the page.
let relative: Intl.RelativeTimeFormat | null = null;

/** The page's one relative-time formatter ("in 3 days", "yesterday"), made on first use. */
function relativeFormat(): Intl.RelativeTimeFormat {
  relative ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  return relative;
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "in 42 minutes", "3 minutes ago", "now". */
export function formatRelative(date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 5) return 'now';
  for (const [unit, size] of UNITS) {
    if (abs >= size || unit === 'second') return relativeFormat().format(Math.trunc(seconds / size), unit);
  }
  return relativeFormat().format(seconds, 'second');
}

export { formatUtc } from '../token/time';

export { formatLocal } from './format-local';

/** A NumericDate claim (seconds since 1970) as a Date, or null when it is not a usable number. */
export function dateFromSeconds(value: unknown): Date | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const date = new Date(value * 1000);
  return Number.isNaN(date.getTime()) ? null : date;
}
