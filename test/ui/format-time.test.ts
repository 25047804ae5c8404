import { afterEach, describe, expect, it, vi } from 'vitest';
import { dateFromSeconds, formatRelative, formatUtc } from '../../src/ui/format-time';
import type * as FormatTimeModule from '../../src/ui/format-time';

const now = new Date('2026-11-23T12:00:00Z');
type FormatTime = typeof FormatTimeModule;

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

describe('Intl formatters: none at load, one of each on first use', () => {
  const real = { relative: Intl.RelativeTimeFormat, dateTime: Intl.DateTimeFormat };
  /** Intl's constructors are read-only properties: replaced (and put back) through their descriptors. */
  const replace = (name: 'RelativeTimeFormat' | 'DateTimeFormat', value: unknown) =>
    Object.defineProperty(Intl, name, { value, writable: true, configurable: true });
  afterEach(() => {
    replace('RelativeTimeFormat', real.relative);
    replace('DateTimeFormat', real.dateTime);
  });

  /** A fresh copy of the module, with the formatters made through the two Intl constructors counted. */
  async function loadCounting() {
    const made = { relative: 0, dateTime: 0 };
    replace(
      'RelativeTimeFormat',
      class extends real.relative {
        constructor(...args: ConstructorParameters<typeof Intl.RelativeTimeFormat>) {
          super(...args);
          made.relative += 1;
        }
      },
    );
    replace(
      'DateTimeFormat',
      class extends real.dateTime {
        constructor(...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
          super(...args);
          made.dateTime += 1;
        }
      },
    );
    vi.resetModules();
    const module = await import('../../src/ui/format-time');
    return { module, made };
  }

  it('makes no formatter when the module loads', async () => {
    const { made } = await loadCounting();
    expect(made).toEqual({ relative: 0, dateTime: 0 });
  });

  it.each([
    [
      'formatRelative',
      'relative' as const,
      (m: FormatTime) => m.formatRelative(new Date('2026-11-26T12:00:00Z'), now),
    ],
    ['formatLocal', 'dateTime' as const, (m: FormatTime) => m.formatLocal(now)],
  ])('%s makes its formatter on first use, once, shared by later calls', async (_name, which, call) => {
    const { module, made } = await loadCounting();
    const first = call(module);
    expect(made[which]).toBe(1);
    expect(call(module)).toBe(first);
    call(module);
    expect(made[which]).toBe(1);
  });

  it('formatLocal says what toLocaleString says with medium date and time styles', async () => {
    const { module } = await loadCounting();
    for (const at of [now, new Date('1999-12-31T23:59:59Z'), new Date(0)])
      expect(module.formatLocal(at)).toBe(
        at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }),
      );
  });
});
