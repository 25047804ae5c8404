// @vitest-environment node
// Property tests: whatever is pasted, the pure layers return a typed value and never throw.
// 11,000+ generated inputs per run across extraction, decoding, classification, claim explanation, request
// parsing and error parsing (docs/security.md, "Hostile input").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyToken,
  describeExpiry,
  decodeToken,
  explainClaims,
  type DecodedJwt,
  type TokenErrorCode,
} from '../../src/token';
import { findTokens } from '../../src/token/find';
import { explainError, parseRequest, type RequestErrorCode } from '../../src/diagnose';

const TOKEN_ERRORS: Record<TokenErrorCode, true> = {
  empty: true,
  'too-large': true,
  'no-token-found': true,
  opaque: true,
  encrypted: true,
  'two-segments': true,
  'wrong-segment-count': true,
  'not-base64url': true,
  'not-json': true,
  'not-object': true,
};
const REQUEST_ERRORS: Record<RequestErrorCode, true> = {
  empty: true,
  'too-large': true,
  'no-url': true,
  'bad-url': true,
  'bad-method': true,
};
const NOW = new Date('2026-06-01T12:00:00Z');

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Claim names that have bitten JavaScript code before, and markup. */
const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'aud',
  'iss',
  'exp',
  'nbf',
  'iat',
  'scp',
  'roles',
  'wids',
  'groups',
  'appid',
  'azp',
  'tid',
  'oid',
  'idtyp',
  'ver',
  'nonce',
  'alg',
  'kid',
  'amr',
  '_claim_names',
  '_claim_sources',
  'xms_mirid',
  '<script>',
  'javascript:alert(1)',
);
const key = fc.oneof(hostileKey, fc.string({ maxLength: 12 }));
const leaf = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    'https://graph.microsoft.com',
    '00000003-0000-0000-c000-000000000000',
    'https://sts.windows.net/x/',
    '',
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const value = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  ),
})).node;
/** JSON text for an object, written by hand so "__proto__" survives as a plain key. */
const objectJson = fc
  .array(fc.tuple(key, value), { maxLength: 10 })
  .map(
    (entries) =>
      `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`,
  );
const segmentText = fc.oneof(
  { weight: 4, arbitrary: objectJson },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.json() },
);
const jwtLike = fc
  .tuple(
    segmentText,
    segmentText,
    fc.oneof(
      fc.constant(''),
      fc
        .base64String({ maxLength: 40 })
        .map((s) => s.replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '')),
    ),
  )
  .map(([h, p, s]) => `${b64(h)}.${b64(p)}.${s}`);
const wrapped = fc
  .tuple(
    fc.constantFrom(
      '',
      'Bearer ',
      'Authorization: Bearer ',
      'curl -H "Authorization: Bearer ',
      '#access_token=',
      'https://app.example/#id_token=',
      '{"access_token":"',
      '$token = "',
    ),
    jwtLike,
    fc.constantFrom('', '"', '"}', '&state=x', '\n', ' more text'),
  )
  .map(([a, b, c]) => `${a}${b}${c}`);
const pasted = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  wrapped,
  jwtLike,
);

function decodedToken(): fc.Arbitrary<DecodedJwt> {
  return jwtLike
    .chain((raw) => {
      const result = decodeToken(raw);
      return result.ok ? fc.constant(result.token) : fc.constant(null);
    })
    .filter((t): t is DecodedJwt => t !== null);
}

describe('the token layer never throws', () => {
  it('findTokens: 2,500 pastes give tokens or a typed error', () => {
    fc.assert(
      fc.property(pasted, (text) => {
        const result = findTokens(text);
        if (result.ok) expect(Array.isArray(result.tokens)).toBe(true);
        else expect(TOKEN_ERRORS[result.error.code]).toBe(true);
      }),
      { numRuns: 2500 },
    );
  });

  it('decodeToken: 2,500 token-shaped strings give a token or a typed error', () => {
    fc.assert(
      fc.property(fc.oneof(jwtLike, fc.string({ maxLength: 120 })), (raw) => {
        const result = decodeToken(raw);
        if (result.ok) {
          expect(typeof result.token.header).toBe('object');
          expect(Object.getPrototypeOf(result.token.payload)).toBeNull();
        } else {
          expect(TOKEN_ERRORS[result.error.code]).toBe(true);
          expect(result.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2500 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('classifyToken, describeExpiry and explainClaims: 2,000 decoded tokens with hostile claims', () => {
    fc.assert(
      fc.property(decodedToken(), (token) => {
        const c = classifyToken(token);
        expect(['access', 'id', 'unknown']).toContain(c.kind);
        expect(['valid', 'expired', 'not-yet-valid', 'unknown']).toContain(
          describeExpiry(token.payload, NOW).state,
        );
        const rows = explainClaims(token, NOW);
        for (const row of rows) expect(typeof row.display).toBe('string');
      }),
      { numRuns: 2000 },
    );
    expect(Object.prototype).not.toHaveProperty('polluted');
  }, 30_000);

  it('the whole pipeline: 1,000 pastes found, decoded, classified and explained', () => {
    fc.assert(
      fc.property(pasted, fc.nat({ max: 3 }), (text, selected) => {
        const found = findTokens(text);
        expect(typeof found.ok).toBe('boolean');
        const value = found.ok ? found.tokens[Math.min(selected, found.tokens.length - 1)]?.value : undefined;
        const decoded = value === undefined ? null : decodeToken(value);
        if (decoded?.ok) {
          expect(classifyToken(decoded.token).kind).toMatch(/^(access|id|unknown)$/);
          expect(typeof describeExpiry(decoded.token.payload, NOW).text).toBe('string');
          expect(explainClaims(decoded.token, NOW)).toBeInstanceOf(Array);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

const requestText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc
    .tuple(
      fc.constantFrom(
        'GET ',
        'POST ',
        'PATCH ',
        'DELETE ',
        'FOO ',
        '',
        'curl -X PUT ',
        'Invoke-RestMethod -Method Post -Uri ',
        'get ',
      ),
      fc.constantFrom(
        'https://graph.microsoft.com/v1.0/',
        'https://api.security.microsoft.com/api/',
        'https://graph.microsoft.com/beta/',
        'https://',
        '/',
        'http://[::1',
        'https://management.azure.com/',
      ),
      fc.string({ maxLength: 60 }),
      fc.constantFrom('', '?$filter=x eq 1', '?%', '#frag', ' HTTP/1.1\nAuthorization: Bearer x'),
    )
    .map((parts) => parts.join('')),
);
const errorText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json(),
  fc
    .tuple(
      fc.constantFrom(
        'Forbidden',
        'Authorization_RequestDenied',
        'AADSTS65001',
        'AADSTS',
        'DisabledFeature',
        '__proto__',
      ),
      fc.string({ maxLength: 60 }),
    )
    .map(([code, message]) =>
      JSON.stringify({ error: { code, message, innerError: { 'request-id': message, date: message } } }),
    ),
  fc
    .tuple(fc.constantFrom('AADSTS', 'AADSTS5', 'AADSTS99999999999'), fc.string({ maxLength: 40 }))
    .map(([a, b]) => `${a}${b}`),
  objectJson,
);

describe('the diagnose layer never throws', () => {
  it('parseRequest: 2,000 request texts give a request or a typed error', () => {
    fc.assert(
      fc.property(requestText, (text) => {
        const result = parseRequest(text);
        if (!result.ok) expect(REQUEST_ERRORS[result.error.code]).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('explainError: 2,000 error texts give an explanation or a typed error', () => {
    fc.assert(
      fc.property(errorText, (text) => {
        const result = explainError(text);
        if (!result.ok) expect(['empty', 'too-large']).toContain(result.error.code);
        else expect(Array.isArray(result.requiredRoles)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
