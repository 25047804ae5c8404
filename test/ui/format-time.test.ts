import { describe, expect, it } from 'vitest';
import { dateFromSeconds, formatRelative, formatUtc } from '../../src/ui/format-time';

const now = new Date('2026-11-23T12:00:00Z');

describe('formatRelative', () => {
  it.each([
    ['2026-11-23T12:00:02Z', 'now'],
    ['2026-11-23T12:00:30Z', 'in 30 seconds'],
    ['2026-11-23T12:42:00Z', 'in 42 minutes'],
    ['2026-11-23T11:57:00Z', '3 minutes ago'],
    ['2026-11-23T09:00:00Z', '3 hours ago'],
    ['2026-11-26T12:00:00Z', 'in 3 days'],
  ])('says %s is %s', (at, expected) => {
    expect(formatRelative(new Date(at), now)).toBe(expected);
  });
});

describe('formatUtc and dateFromSeconds', () => {
  it.each([
    [1600000000, '2020-09-13 12:26:40 UTC'],
    [0, '1970-01-01 00:00:00 UTC'],
  ])('shows %i as %s', (seconds, expected) => {
    expect(formatUtc(dateFromSeconds(seconds)!)).toBe(expected);
  });

  it.each([['1600000000'], [Number.NaN], [Infinity], [1e20], [null]])('rejects %j', (value) => {
    expect(dateFromSeconds(value)).toBeNull();
  });
});
