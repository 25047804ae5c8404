// Time helpers for claims. Pure: `now` always comes from the caller.

/**
 * The claims whose value is a NumericDate (seconds since 1970): the one list, which the claim explainer,
 * the claims table and the token comparison read.
 */
export const TIME_CLAIMS: ReadonlySet<string> = /* @__PURE__ */ new Set([
  'iat',
  'nbf',
  'exp',
  'auth_time',
  'xms_tcdt',
  'updated_at',
]);

/** A NumericDate claim (seconds since 1970) as a Date, or null when it is not a usable number. */
export function dateFromNumericDate(value: unknown): Date | null {
  const seconds = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : value;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date;
}

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * A duration in words at a sensible precision: "45 seconds", "42 minutes", "2 hours 5 minutes",
 * "3 days 4 hours", "73 years". Sign is ignored.
 */
export function formatDuration(totalSeconds: number): string {
  const s = Math.floor(Math.abs(totalSeconds));
  if (s < 60) return plural(s, 'second');
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24)
    return minutes % 60 === 0
      ? plural(hours, 'hour')
      : `${plural(hours, 'hour')} ${plural(minutes % 60, 'minute')}`;
  const days = Math.floor(hours / 24);
  if (days < 365)
    return hours % 24 === 0 || days >= 7
      ? plural(days, 'day')
      : `${plural(days, 'day')} ${plural(hours % 24, 'hour')}`;
  return plural(Math.floor(days / 365), 'year');
}

/** "2099-01-01T00:00:00Z": ISO 8601 in UTC, without milliseconds when they are zero. */
export function formatIsoUtc(date: Date): string {
  return date.toISOString().replace('.000Z', 'Z');
}

/** "2026-11-23 12:34:56 UTC": for people, in UTC, to the second. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
