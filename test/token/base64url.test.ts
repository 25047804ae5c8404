import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  decodeBase64Bytes,
  decodeBase64UrlBytes,
  decodeUtf8,
  encodeBase64Url,
  isBase64Url,
} from '../../src/token/base64url';

// Node 20 has neither Uint8Array.fromBase64 nor toBase64, so the fallback runs by default; the platform
// path is exercised with stand-ins that behave as the TC39 methods do (whitespace skipped, bad input throws).
function unpadded(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '=') end -= 1;
  return text.slice(0, end);
}

const fromBase64 = vi.fn((text: string, options: { alphabet: string }) => {
  const compact = text.replace(/[\t\n\f\r ]/g, '');
  const pattern = options.alphabet === 'base64url' ? /^[\w-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
  if (!pattern.test(compact) || unpadded(compact).length % 4 === 1) throw new SyntaxError('bad');
  return new Uint8Array(Buffer.from(compact, options.alphabet === 'base64url' ? 'base64url' : 'base64'));
});
const toBase64 = vi.fn(function (this: Uint8Array, options: { alphabet: string; omitPadding: boolean }) {
  const text = Buffer.from(this).toString(options.alphabet === 'base64url' ? 'base64url' : 'base64');
  return options.omitPadding ? unpadded(text) : text;
});

function usePlatform(): void {
  Object.defineProperty(Uint8Array, 'fromBase64', { value: fromBase64, configurable: true });
  Object.defineProperty(Uint8Array.prototype, 'toBase64', { value: toBase64, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(Uint8Array, 'fromBase64');
  Reflect.deleteProperty(Uint8Array.prototype, 'toBase64');
  fromBase64.mockClear();
  toBase64.mockClear();
});

const bytes = (...b: number[]) => b;
const utf8 = (text: string) => [...new TextEncoder().encode(text)];
/** The decoded bytes as plain numbers (jsdom's and Node's Uint8Array differ, so compare contents). */
const list = (b: Uint8Array | null) => (b === null ? null : [...b]);

const PATHS = [
  ['the fallback', () => undefined],
  ['the platform codec', usePlatform],
] as const;

describe.each(PATHS)('decodeBase64UrlBytes with %s', (_path, setUp) => {
  it.each<[string, string, number[] | null]>([
    ['empty text', '', bytes()],
    ['one byte', 'AA', bytes(0)],
    ['two bytes', 'AAE', bytes(0, 1)],
    ['three bytes', '-_-_', bytes(0xfb, 0xff, 0xbf)],
    ['UTF-8 JSON', 'eyJhIjoxfQ', utf8('{"a":1}')],
    ['padding tolerated', 'eyJhIjoxfQ==', utf8('{"a":1}')],
    ['excess padding tolerated', 'AA====', bytes(0)],
    ['an impossible length', 'AAAAA', null],
    ['standard base64 "+"', 'a+b/', null],
    ['a space inside (the platform would skip it)', 'eyJh IjoxfQ', null],
    ['a line break inside', 'eyJh\nIjoxfQ', null],
    ['padding in the middle', 'AA==AA', null],
    ['a non-ASCII character', 'AAé', null],
    ['a character above the lookup table', 'AA\u{1F600}', null],
  ])('%s', (_name, text, expected) => {
    setUp();
    expect(list(decodeBase64UrlBytes(text))).toEqual(expected);
    expect(isBase64Url(text)).toBe(expected !== null);
  });

  it('round-trips every byte value through encodeBase64Url', () => {
    setUp();
    const all = new Uint8Array(256).map((_, i) => i);
    for (let n = 0; n <= 5; n += 1) {
      const part = all.subarray(0, 250 + n);
      const text = encodeBase64Url(part);
      expect(text).toBe(Buffer.from(part).toString('base64url'));
      expect(list(decodeBase64UrlBytes(text))).toEqual([...part]);
    }
  });
});

describe.each(PATHS)('decodeBase64Bytes with %s', (_path, setUp) => {
  it.each<[string, string, number[] | null]>([
    ['standard base64 with padding', '+/8=', bytes(0xfb, 0xff)],
    ['base64url', '-_8', bytes(0xfb, 0xff)],
    ['JSON of a claims challenge', 'eyJhIjoxfQ==', utf8('{"a":1}')],
    ['a stray character', 'ab*c', null],
  ])('%s', (_name, text, expected) => {
    setUp();
    expect(list(decodeBase64Bytes(text))).toEqual(expected);
  });
});

describe('which codec decodes', () => {
  it('uses Uint8Array.fromBase64 (base64url alphabet) when the engine has it', () => {
    usePlatform();
    expect(list(decodeBase64UrlBytes('AAE=='))).toEqual([0, 1]);
    expect(fromBase64).toHaveBeenCalledWith('AAE', { alphabet: 'base64url' });
  });

  it('does not call the platform for text the scan refuses', () => {
    usePlatform();
    expect(decodeBase64UrlBytes('a b')).toBeNull();
    expect(fromBase64).not.toHaveBeenCalled();
  });

  it('uses toBase64 (base64url, no padding) when the engine has it', () => {
    usePlatform();
    expect(encodeBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(toBase64).toHaveBeenCalledWith({ alphabet: 'base64url', omitPadding: true });
  });

  it('decodes by hand without the platform codec', () => {
    expect(list(decodeBase64UrlBytes('AAE'))).toEqual([0, 1]);
    expect(fromBase64).not.toHaveBeenCalled();
  });
});

describe('decodeUtf8', () => {
  it.each<[string, number[], string | null]>([
    ['ASCII', bytes(0x61), 'a'],
    ['a two-byte character', bytes(0xc3, 0xa9), 'é'],
    ['a lone continuation byte', bytes(0x80), null],
  ])('%s', (_name, input, expected) => {
    expect(decodeUtf8(new Uint8Array(input))).toBe(expected);
  });
});
