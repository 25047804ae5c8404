import { describe, expect, it } from 'vitest';
import { decodeToken, type TokenErrorCode } from '../../src/token';
import { DUMMY_SIGNATURE, encodeBase64Url, graphDelegatedV1, makeToken } from '../fixtures/make-token';
import tokens from '../fixtures/tokens.json';

const b64 = (value: unknown): string => encodeBase64Url(JSON.stringify(value));
const header = b64({ alg: 'RS256', typ: 'JWT' });
const payload = b64({ sub: 'x' });

describe('decodeToken', () => {
  it('decodes header, payload and signature of a JWT', () => {
    const result = decodeToken(makeToken({ sub: 'abc', n: 1 }, { alg: 'RS256', kid: 'k' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect({ ...result.token.header }).toEqual({ alg: 'RS256', kid: 'k' });
    expect({ ...result.token.payload }).toEqual({ sub: 'abc', n: 1 });
    expect(result.token.signature).toBe(DUMMY_SIGNATURE);
    expect(result.findings).toEqual([]);
  });

  it('trims whitespace around the token', () => {
    const raw = makeToken({ sub: 'abc' });
    const result = decodeToken(`  ${raw}\n`);
    expect(result.ok && result.token.raw).toBe(raw);
  });

  it('decodes UTF-8 names', () => {
    const result = decodeToken(makeToken({ name: 'Zoë Ångström 日本語 🙂' }));
    expect(result.ok && result.token.payload['name']).toBe('Zoë Ångström 日本語 🙂');
  });

  it('decodes the signed utf8-name fixture', () => {
    const result = decodeToken(tokens['utf8-name']);
    expect(result.ok && result.token.payload['name']).toBe('Zoë Ångström 日本語 🙂');
  });

  it('tolerates base64 padding', () => {
    const result = decodeToken(`${header}==.${payload}=.${DUMMY_SIGNATURE}`);
    expect(result.ok).toBe(true);
  });

  it('keeps __proto__ and constructor as plain keys without polluting prototypes', () => {
    const raw = `${header}.${encodeBase64Url('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"x":1}},"sub":"s"}')}.${DUMMY_SIGNATURE}`;
    const result = decodeToken(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.token.payload)).toBeNull();
    expect(Object.keys(result.token.payload)).toEqual(['__proto__', 'constructor', 'sub']);
    expect(result.token.payload['__proto__']).toEqual({ polluted: 'yes' });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('builds nested objects with a null prototype too', () => {
    const result = decodeToken(tokens['group-overage']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.token.payload['_claim_sources'])).toBeNull();
  });

  type ErrorRow = [
    name: string,
    raw: string,
    code: TokenErrorCode,
    message: string | RegExp,
    segment?: string,
  ];
  const errors: ErrorRow[] = [
    ['an empty string', '', 'empty', 'The token is empty.'],
    ['only whitespace', '  \n ', 'empty', 'The token is empty.'],
    [
      'two segments',
      `${header}.${payload}`,
      'two-segments',
      'This has two parts; a JWT has three (header.payload.signature). The end was probably cut off when copying.',
    ],
    [
      'four segments',
      `${header}.${payload}.a.b`,
      'wrong-segment-count',
      'This has 4 parts; a JWT has three (header.payload.signature) and an encrypted token five.',
    ],
    [
      'one short segment',
      'hello',
      'wrong-segment-count',
      'This is not a JWT: a JWT has three parts separated by dots, and this has no dots.',
    ],
    ['five segments without a JSON header', 'a.b.c.d.e', 'wrong-segment-count', /^This has 5 parts/],
    ['a five-segment JWE', tokens.jwe, 'encrypted', /^This is an encrypted token \(JWE, five parts\)/],
    [
      'an opaque EwB token',
      `EwB${'A1b2C3'.repeat(20)}==`,
      'opaque',
      /^This is an opaque token, not a JWT: only the service that issued it can read it\./,
    ],
    ['an opaque refresh token', `1.AXkA${'q'.repeat(60)}`, 'opaque', /^This is an opaque token/],
    [
      'a long random string',
      'Zx81kPq7Lm02Rt5Vw9Yb3Nc6Hd4Jf1Gs8Ka2Ue0Io7Ph',
      'opaque',
      /^This is an opaque token/,
    ],
    [
      'a header with a space',
      `ey J.${payload}.`,
      'not-base64url',
      'The header (first part) is not base64url: it contains " ", which base64url never uses.',
      'header',
    ],
    [
      'a header in standard base64',
      `${header}+/.${payload}.`,
      'not-base64url',
      'The header (first part) is not base64url: it contains "+", which base64url never uses.',
      'header',
    ],
    [
      'a header of impossible length',
      `eyJhb.${payload}.`,
      'not-base64url',
      'The header (first part) is not base64url: its length is impossible for base64url.',
      'header',
    ],
    [
      'a payload with a bad character',
      `${header}.${payload}!.`,
      'not-base64url',
      'The payload (second part) is not base64url: it contains "!", which base64url never uses.',
      'payload',
    ],
    [
      'a signature with a bad character',
      `${header}.${payload}.ab*cd`,
      'not-base64url',
      'The signature (third part) is not base64url.',
      'signature',
    ],
    ['an empty header', `.${payload}.`, 'not-json', 'The header (first part) is empty.', 'header'],
    ['an empty payload', `${header}..sig`, 'not-json', 'The payload (second part) is empty.', 'payload'],
    [
      'a header that is not JSON',
      `${encodeBase64Url('not json')}.${payload}.`,
      'not-json',
      /^The header \(first part\) decodes, but not to JSON \(.+\)\.$/,
      'header',
    ],
    [
      'a payload that is not JSON',
      `${header}.${encodeBase64Url('{"a":')}.`,
      'not-json',
      /^The payload \(second part\) decodes, but not to JSON/,
      'payload',
    ],
    [
      'a payload that is not UTF-8',
      `${header}.${btoa('\xff\xfe\xfd').replace(/\//g, '_').replace(/\+/g, '-')}.`,
      'not-json',
      'The payload (second part) does not decode to UTF-8 text, so it is not JSON.',
      'payload',
    ],
    [
      'a payload nested too deeply',
      `${header}.${encodeBase64Url('['.repeat(100) + ']'.repeat(100))}.`,
      'not-json',
      /nested deeper than 64 levels/,
      'payload',
    ],
    [
      'a header that is an array',
      `${b64([1, 2])}.${payload}.`,
      'not-object',
      'The header (first part) is JSON an array, not a JSON object.',
      'header',
    ],
    [
      'a payload that is a string',
      `${header}.${b64('hello')}.`,
      'not-object',
      'The payload (second part) is JSON a string, not a JSON object.',
      'payload',
    ],
    [
      'a payload that is null',
      `${header}.${b64(null)}.`,
      'not-object',
      'The payload (second part) is JSON null, not a JSON object.',
      'payload',
    ],
    [
      'a payload that is a number',
      `${header}.${b64(42)}.`,
      'not-object',
      'The payload (second part) is JSON a number, not a JSON object.',
      'payload',
    ],
  ];

  it.each(errors)('rejects %s', (_name, raw, code, message, segment) => {
    const result = decodeToken(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    if (typeof message === 'string') expect(result.error.message).toBe(message);
    else expect(result.error.message).toMatch(message);
    expect(result.error.segment).toBe(segment);
  });

  it.each([
    ['alg none', tokens['alg-none'], ['alg-none', 'unsigned']],
    ['alg NONE in capitals', makeToken({ sub: 'x' }, { alg: 'NONE' }), ['alg-none']],
    ['an empty signature', `${header}.${payload}.`, ['unsigned']],
    ['a Graph header nonce', tokens['graph-with-nonce'], ['graph-nonce']],
    ['a normal RS256 token', tokens['graph-delegated-v1'], []],
  ])('flags %s', (_name, raw, codes) => {
    const result = decodeToken(raw);
    expect(result.ok && result.findings.map((f) => f.code)).toEqual(codes);
  });

  it('explains alg none as an error with a fix', () => {
    const result = decodeToken(tokens['alg-none']);
    expect(result.ok && result.findings[0]).toEqual({
      code: 'alg-none',
      severity: 'error',
      evidence: { alg: 'none' },
      message: expect.stringMatching(/^The header says "alg": "none"/),
      fix: { text: expect.any(String), actions: [] },
    });
  });

  it('explains the Graph nonce as info, not a failure', () => {
    const result = decodeToken(tokens['graph-with-nonce']);
    expect(result.ok && result.findings[0]).toEqual({
      code: 'graph-nonce',
      severity: 'info',
      evidence: { nonce: 'FAKE-graph-header-nonce-0000000000000000000' },
      message: expect.stringContaining('only Graph can check their signature'),
      fix: null,
    });
  });

  it('decodes a payload with hostile claim names and values as plain data', () => {
    const result = decodeToken(tokens['hostile-claims']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.token.payload['name']).toBe('<img src=x onerror=alert(1)>');
    expect(result.token.payload['<script>alert(1)</script>']).toBe('claim name with markup');
    expect(Object.hasOwn(result.token.payload, '__proto__')).toBe(true);
  });

  it('does not throw on a non-string argument', () => {
    expect(decodeToken(undefined as unknown as string)).toEqual({
      ok: false,
      error: { code: 'empty', message: 'The token is empty.' },
    });
  });

  it('keeps the payload of a fixture builder intact', () => {
    const result = decodeToken(makeToken(graphDelegatedV1()));
    expect(result.ok && { ...result.token.payload }).toEqual(graphDelegatedV1());
  });
});
