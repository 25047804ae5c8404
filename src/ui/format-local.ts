// Kept apart from format-time.ts: the summary (first load) needs only this, the relative times are for the
// lazy panels. Making an Intl formatter is costly, so the one local formatter is made on first use, after the
// first paint, and shared by every caller on the page.
let local: Intl.DateTimeFormat | null = null;

/**
 * The instant in the browser's locale and time zone, as `toLocaleString` with medium date and time styles.
 * Does not say which zone that is.
 */
export function formatLocal(date: Date): string {
  local ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return local.format(date);
}
