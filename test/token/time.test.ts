import { describe, expect, it } from 'vitest';
import { explainClaims, formatDuration, formatRelative, TIME_CLAIMS } from '../../src/token';

describe('formatDuration', () => {
  it.each([
    [0, '0 seconds'],
    [1, '1 second'],
    [59, '59 seconds'],
    [60, '1 minute'],
    [119, '1 minute'],
    [42 * 60 + 59, '42 minutes'],
    [3600, '1 hour'],
    [3600 + 60, '1 hour 1 minute'],
    [23 * 3600 + 59 * 60, '23 hours 59 minutes'],
    [86400, '1 day'],
    [86400 + 3600, '1 day 1 hour'],
    [6 * 86400 + 5 * 3600, '6 days 5 hours'],
    [7 * 86400 + 5 * 3600, '7 days'],
    [364 * 86400, '364 days'],
    [365 * 86400, '1 year'],
    [-90, '1 minute'],
  ])('says %s seconds is %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it.each([
    ['2026-11-23T12:42:00Z', 'in 42 minutes'],
    ['2026-11-23T11:57:00Z', '3 minutes ago'],
    ['2026-11-23T12:00:00Z', 'now'],
    ['2026-11-25T12:00:00Z', 'in 2 days'],
  ])('says %s is %s', (iso, text) => {
    expect(formatRelative(new Date(iso), now)).toBe(text);
  });
});

describe('TIME_CLAIMS: the one list of NumericDate claims', () => {
  const NOW = new Date('2026-01-01T00:00:00Z');
  const payload = Object.fromEntries([...TIME_CLAIMS].map((name) => [name, 1_600_000_000]));
  const rows = explainClaims(
    { raw: '', header: {}, payload: { ...payload, other: 1_600_000_000 }, signature: '' },
    NOW,
  );

  it.each([...TIME_CLAIMS])('the claims explainer shows %s as a time', (name) => {
    const row = rows.find((r) => r.name === name);
    expect(row?.display).toBe('2020-09-13T12:26:40Z (5 years ago)');
    expect(row?.time).toEqual(new Date(1_600_000_000_000));
  });

  it('shows a number in a claim that is not a time as the number', () => {
    expect(rows.find((r) => r.name === 'other')?.display).toBe('1600000000');
  });
});
