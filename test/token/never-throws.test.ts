import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyToken,
  decodeToken,
  explainClaims,
  describeExpiry,
  type DecodedJwt,
} from '../../src/token';
import { findTokens } from '../../src/token/find';
import { encodeBase64Url, graphDelegatedV1, makeToken } from '../fixtures/make-token';

// Generous timeouts: the properties run in ~100 ms alone, but CI machines are shared.
// Nothing in the token layer may throw into the UI, whatever is pasted or whatever a token contains.
const json = fc.jsonValue({ maxDepth: 4 });
const claimsObject = fc.dictionary(
  fc.oneof(
    fc.string(),
    fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      'exp',
      'iat',
      'nbf',
      'aud',
      'amr',
      'scp',
      'roles',
      'wids',
      'idp',
      'acct',
      'iss',
      'ver',
      'xms_mirid',
      'oid',
      'sub',
    ),
  ),
  fc.oneof(json, fc.double(), fc.constant(undefined)),
);
const dates = fc.oneof(fc.date(), fc.constant(new Date(Number.NaN)));

/** Text that is token-ish: fragments of real shapes glued with noise. */
const pasteLike = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        'Bearer ',
        'Authorization: ',
        'curl -H "',
        '$token = "',
        '#access_token=',
        '?token=',
        '"access_token":"',
        '.',
        '\n',
        ' ',
        'eyJ',
        'EwB',
        '1.A',
        '%',
        '"',
        "'",
      ),
      fc.constant(makeToken(graphDelegatedV1())),
      fc.base64String(),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

const asDecoded = (header: unknown, payload: unknown): DecodedJwt =>
  ({ raw: 'x', header, payload, signature: '' }) as unknown as DecodedJwt;

describe('the token layer never throws', () => {
  it('findTokens on arbitrary and paste-like strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), pasteLike),
        (text) => {
          const result = findTokens(text);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
    );
  }, 30_000);

  it('decodeToken on arbitrary strings and on segments of arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), pasteLike), (text) => {
        expect(typeof decodeToken(text).ok).toBe('boolean');
      }),
    );
    fc.assert(
      fc.property(json, json, fc.string(), (h, p, s) => {
        expect(
          typeof decodeToken(
            `${encodeBase64Url(JSON.stringify(h) ?? '')}.${encodeBase64Url(JSON.stringify(p) ?? '')}.${s}`,
          ).ok,
        ).toBe('boolean');
      }),
    );
  }, 30_000);

  it('classifyToken and explainClaims on arbitrary claim objects', () => {
    fc.assert(
      fc.property(claimsObject, claimsObject, dates, (header, payload, now) => {
        const decoded = decodeToken(makeToken(payload, header));
        if (!decoded.ok) return;
        expect(classifyToken(decoded.token).kind).toMatch(/^(access|id|unknown)$/);
        expect(describeExpiry(decoded.token.payload, now).state).toMatch(
          /^(valid|expired|not-yet-valid|unknown)$/,
        );
        expect(explainClaims(decoded.token, now).length).toBe(Object.keys(decoded.token.payload).length);
      }),
    );
  }, 30_000);

  it('classifyToken and explainClaims on objects that did not come from decodeToken', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), dates, (header, payload, now) => {
        expect(() => classifyToken(asDecoded(header, payload))).not.toThrow();
        expect(() => describeExpiry(asDecoded(header, payload).payload, now)).not.toThrow();
        expect(() => explainClaims(asDecoded(header, payload), now)).not.toThrow();
      }),
    );
  }, 30_000);

  it('the whole pipeline on arbitrary strings and times', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), pasteLike), dates, (text, now) => {
        const found = findTokens(text);
        for (const token of found.ok ? found.tokens : []) {
          const decoded = decodeToken(token.value);
          if (!decoded.ok) continue;
          expect(classifyToken(decoded.token).kind).toMatch(/^(access|id|unknown)$/);
          expect(typeof describeExpiry(decoded.token.payload, now).text).toBe('string');
          expect(explainClaims(decoded.token, now)).toBeInstanceOf(Array);
        }
      }),
    );
  }, 30_000);
});
