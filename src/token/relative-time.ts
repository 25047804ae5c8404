// The page's one relative-time wording. Its own module so that only the lazy panels that show relative times
// (claims, compare) load it: the first module, which shares src/token/time.ts, stays without Intl code.

// Making an Intl formatter is costly (one RelativeTimeFormat took ~35 ms of a page load), so none is made
// when this module loads: it is made on first use, once, and shared by every caller on the page.
let relative: Intl.RelativeTimeFormat | null = null;

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/**
 * "in 42 minutes", "3 minutes ago", "now": the page's one relative-time wording (English
 * `Intl.RelativeTimeFormat`, made on first use). Does not read the clock: `now` comes from the caller.
 */
export function formatRelative(date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 5) return 'now';
  relative ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const [unit, size] = UNITS.find(([, s]) => abs >= s) ?? ['second', 1];
  return relative.format(Math.trunc(seconds / size), unit);
}
