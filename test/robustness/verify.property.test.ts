// @vitest-environment node
// Whatever key text and header arrive, the signature check resolves to a typed value and never rejects.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecodedJwt } from '../../src/token';
import { VERIFY_ERROR_TITLES, verifyTokenSignature } from '../../src/verify';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

const header = fc.record(
  {
    alg: fc.oneof(
      fc.constantFrom('RS256', 'PS256', 'ES256', 'ES512', 'HS256', 'EdDSA', 'none', 'NONE', 'dir', ''),
      fc.string({ maxLength: 8 }),
      fc.integer(),
    ),
    kid: fc.oneof(fc.string({ maxLength: 8 }), fc.constant('__proto__'), fc.integer()),
    nonce: fc.string({ maxLength: 8 }),
    x5t: fc.string({ maxLength: 8 }),
  },
  { requiredKeys: [] },
);
const keyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.json(),
  fc.constantFrom(
    '{"keys":[]}',
    '{"keys":[{"kty":"RSA","n":"","e":""}]}',
    '{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}',
    '{"kty":"oct","k":"%%%"}',
    '[{"kty":"OKP"}]',
    '{"__proto__":{"kty":"RSA"}}',
    '-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----',
    '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
    '-----BEGIN PUBLIC KEY-----',
  ),
  fc
    .array(
      fc.record(
        {
          kty: fc.constantFrom('RSA', 'EC', 'OKP', 'oct', 'x'),
          kid: fc.string({ maxLength: 6 }),
          alg: fc.constantFrom('RS256', 'ES256', 'HS256'),
          n: fc.base64String({ maxLength: 20 }),
          e: fc.constant('AQAB'),
          crv: fc.constantFrom('P-256', 'Ed25519'),
          x: fc.base64String({ maxLength: 20 }),
          k: fc.base64String({ maxLength: 20 }),
        },
        { requiredKeys: ['kty'] },
      ),
      { maxLength: 3 },
    )
    .map((keys) => JSON.stringify({ keys })),
);

describe('verifyTokenSignature never throws', () => {
  it('resolves 400 random headers and key texts to a typed result', async () => {
    await fc.assert(
      fc.asyncProperty(header, fc.string({ maxLength: 40 }), keyText, async (h, signature, key) => {
        const raw = `${b64(JSON.stringify(h))}.${b64('{"sub":"x"}')}.${signature}`;
        const token: DecodedJwt = {
          raw,
          header: Object.assign(Object.create(null), h),
          payload: Object.create(null),
          signature,
        };
        const result = await verifyTokenSignature(token, key);
        if (!result.ok) expect(VERIFY_ERROR_TITLES[result.error.code]).toBeTypeOf('string');
      }),
      { numRuns: 400 },
    );
  });
});
