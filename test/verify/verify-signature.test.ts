// @vitest-environment node
// jose checks key and buffer types by realm; jsdom's globals would make every check fail for the wrong reason.
import { beforeAll, describe, expect, it } from 'vitest';
import { CompactSign, exportJWK, exportSPKI, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import type { DecodedJwt } from '../../src/token';
import { verifyTokenSignature, type SignatureCheck } from '../../src/verify';

const enc = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function decode(raw: string): DecodedJwt {
  const [h = '', p = '', s = ''] = raw.split('.');
  const parse = (x: string) =>
    Object.assign(Object.create(null), JSON.parse(Buffer.from(x, 'base64url').toString())) as Record<
      string,
      unknown
    >;
  return { raw, header: parse(h), payload: parse(p), signature: s };
}

async function sign(
  header: Record<string, unknown>,
  key: CryptoKey | Uint8Array,
  payload: Record<string, unknown> = { sub: 'x', aud: 'api://demo' },
) {
  const raw = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader(header as { alg: string })
    .sign(key);
  return decode(raw);
}

const tamper = (t: DecodedJwt): DecodedJwt => {
  const [h, , s] = t.raw.split('.');
  return decode(`${h}.${enc({ sub: 'x', aud: 'api://demo', roles: ['Admin'] })}.${s}`);
};

const codeOf = (r: SignatureCheck) => (r.ok ? 'ok' : r.error.code);

interface Pair {
  publicKey: CryptoKey;
  privateKey: CryptoKey;
  jwk: JWK;
  pem: string;
}
const pairs: Record<string, Pair> = {};
const other: Record<string, Pair> = {};

beforeAll(async () => {
  for (const alg of ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA']) {
    for (const target of [pairs, other]) {
      const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
      target[alg] = {
        publicKey,
        privateKey,
        jwk: { ...(await exportJWK(publicKey)), kid: `${alg}-${target === pairs ? 'a' : 'b'}` },
        pem: await exportSPKI(publicKey),
      };
    }
  }
});

describe('verifyTokenSignature with asymmetric keys', () => {
  it.each(['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'])(
    'verifies a %s token against the JWKS that holds its kid',
    async (alg) => {
      const p = pairs[alg]!;
      const token = await sign({ alg, kid: p.jwk.kid }, p.privateKey);
      const jwks = JSON.stringify({ keys: [other[alg]!.jwk, p.jwk] });
      const result = await verifyTokenSignature(token, jwks);
      expect(result).toMatchObject({ ok: true, alg, kid: p.jwk.kid });
      expect(result.ok && result.keySummary).toMatch(/from a JWKS of 2 keys/);
    },
  );

  it.each(['RS256', 'PS256', 'ES256'])(
    'verifies a %s token against a single JWK, a PEM public key',
    async (alg) => {
      const p = pairs[alg]!;
      const token = await sign({ alg, kid: p.jwk.kid }, p.privateKey);
      expect(codeOf(await verifyTokenSignature(token, JSON.stringify(p.jwk)))).toBe('ok');
      const pem = await verifyTokenSignature(token, p.pem);
      expect(pem.ok && pem.keySummary).toMatch(/from a PEM public key/);
    },
  );

  it('names the key size of an RSA key', async () => {
    const p = pairs.RS256!;
    const result = await verifyTokenSignature(
      await sign({ alg: 'RS256', kid: p.jwk.kid }, p.privateKey),
      JSON.stringify(p.jwk),
    );
    expect(result.ok && result.keySummary).toBe('RSA 2048-bit public key (JWK)');
  });

  it.each(['RS256', 'ES256'])('reports a tampered %s token as a signature mismatch', async (alg) => {
    const p = pairs[alg]!;
    const token = tamper(await sign({ alg, kid: p.jwk.kid }, p.privateKey));
    const result = await verifyTokenSignature(token, JSON.stringify({ keys: [p.jwk] }));
    expect(result).toEqual({
      ok: false,
      error: { code: 'signature-mismatch', message: 'The signature does not match this key.' },
    });
  });

  it('reports a token signed by another key with the same kid as a mismatch', async () => {
    const token = await sign({ alg: 'RS256', kid: pairs.RS256!.jwk.kid }, other.RS256!.privateKey);
    expect(codeOf(await verifyTokenSignature(token, JSON.stringify({ keys: [pairs.RS256!.jwk] })))).toBe(
      'signature-mismatch',
    );
  });

  it('says which kids exist when none matches the token', async () => {
    const token = await sign({ alg: 'RS256', kid: 'rotated-away' }, pairs.RS256!.privateKey);
    const result = await verifyTokenSignature(
      token,
      JSON.stringify({ keys: [pairs.RS256!.jwk, other.RS256!.jwk] }),
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'no-key-for-kid',
        message:
          'The token names key "rotated-away", but the keys have kids "RS256-a", "RS256-b". The key may have been rotated, or this is the wrong tenant\'s or app\'s key set.',
      },
    });
  });

  it('matches a v1 token by x5t when the key set lists it', async () => {
    const jwk = { ...pairs.RS256!.jwk, kid: 'thumb', x5t: 'thumb' };
    const token = await sign({ alg: 'RS256', x5t: 'thumb' }, pairs.RS256!.privateKey);
    expect(await verifyTokenSignature(token, JSON.stringify({ keys: [jwk] }))).toMatchObject({
      ok: true,
      kid: 'thumb',
    });
  });

  it('finds the signing key of a token without kid among several keys', async () => {
    const token = await sign({ alg: 'RS256' }, pairs.RS256!.privateKey);
    const result = await verifyTokenSignature(
      token,
      JSON.stringify({ keys: [other.RS256!.jwk, pairs.RS256!.jwk] }),
    );
    expect(result).toMatchObject({ ok: true, kid: 'RS256-a' });
  });

  it('reports missing-kid when a token without kid matches none of several keys', async () => {
    const token = await sign({ alg: 'RS256' }, pairs.RS256!.privateKey);
    const result = await verifyTokenSignature(
      token,
      JSON.stringify({ keys: [other.RS256!.jwk, { ...other.RS256!.jwk, kid: 'c' }] }),
    );
    expect(result.ok ? null : result.error).toEqual({
      code: 'missing-kid',
      message:
        'The token has no kid, so it does not say which key signed it, and none of the 2 RS256 keys matches the signature.',
    });
  });

  it.each([
    ['ES256', 'RS256', /needs an RSA public key; the key "ES256-a" is an EC P-256 key/],
    ['RS256', 'ES256', /needs an EC P-256 public key; the key "RS256-a" is an RSA key/],
  ])('refuses a %s key for an %s token as the wrong algorithm', async (keyAlg, tokenAlg, message) => {
    const token = await sign({ alg: tokenAlg, kid: pairs[keyAlg]!.jwk.kid }, pairs[tokenAlg]!.privateKey);
    const result = await verifyTokenSignature(token, JSON.stringify({ keys: [pairs[keyAlg]!.jwk] }));
    expect(codeOf(result)).toBe('wrong-algorithm');
    expect(result.ok ? '' : result.error.message).toMatch(message);
  });

  it('refuses a PEM key of the wrong type as the wrong algorithm', async () => {
    const token = await sign({ alg: 'RS256' }, pairs.RS256!.privateKey);
    const result = await verifyTokenSignature(token, pairs.ES256!.pem);
    expect(result.ok ? null : result.error).toEqual({
      code: 'wrong-algorithm',
      message:
        'The token is signed with RS256, which needs an RSA public key; the PEM public key holds an EC P-256 key.',
    });
  });

  it('refuses a public key offered as the secret of an HS256 token', async () => {
    const token = await sign({ alg: 'HS256' }, new TextEncoder().encode('a-shared-secret-of-some-length!!'));
    const result = await verifyTokenSignature(token, pairs.RS256!.pem);
    expect(codeOf(result)).toBe('wrong-algorithm');
    expect(result.ok ? '' : result.error.message).toMatch(/known attack/);
  });
});

describe('verifyTokenSignature with HMAC secrets', () => {
  const secret = 'correct horse battery staple, 32+';

  it('verifies an HS256 token with the secret as text', async () => {
    const token = await sign({ alg: 'HS256' }, new TextEncoder().encode(secret));
    expect(await verifyTokenSignature(token, `${secret}\n`)).toEqual({
      ok: true,
      alg: 'HS256',
      kid: null,
      keySummary: 'HMAC secret (33 bytes, used as text)',
    });
  });

  it('verifies an HS512 token whose secret was pasted base64-encoded', async () => {
    const bytes = new Uint8Array(64).map((_, i) => (i * 7) % 256);
    const token = await sign({ alg: 'HS512' }, bytes);
    const result = await verifyTokenSignature(token, Buffer.from(bytes).toString('base64'));
    expect(result).toMatchObject({ ok: true, keySummary: 'HMAC secret (64 bytes, base64-decoded)' });
  });

  it('verifies an HS256 token against an oct JWK', async () => {
    const bytes = new TextEncoder().encode(secret);
    const token = await sign({ alg: 'HS256', kid: 'k1' }, bytes);
    const jwk = { kty: 'oct', kid: 'k1', k: Buffer.from(bytes).toString('base64url') };
    expect(await verifyTokenSignature(token, JSON.stringify({ keys: [jwk] }))).toMatchObject({
      ok: true,
      kid: 'k1',
    });
  });

  it('reports the wrong secret as a mismatch', async () => {
    const token = await sign({ alg: 'HS256' }, new TextEncoder().encode(secret));
    expect(codeOf(await verifyTokenSignature(token, 'not the secret'))).toBe('signature-mismatch');
  });
});

describe('verifyTokenSignature refusals', () => {
  const unsigned = (header: Record<string, unknown>, signature = 'c2ln'): DecodedJwt =>
    decode(`${enc(header)}.${enc({ sub: 'x' })}.${signature}`);

  it.each([
    ['alg-none', unsigned({ alg: 'none' }, ''), 'k'],
    ['alg-none', unsigned({ alg: 'None' }), 'k'],
    ['missing-alg', unsigned({ typ: 'JWT' }), 'k'],
    ['unsupported-algorithm', unsigned({ alg: 'RSA-OAEP' }), 'k'],
    ['graph-nonce', unsigned({ alg: 'RS256', nonce: 'abc', kid: 'x' }), '{"keys":[]}'],
    ['no-signature', unsigned({ alg: 'RS256' }, ''), 'k'],
    ['empty-key', unsigned({ alg: 'RS256' }), '   \n'],
    ['key-too-large', unsigned({ alg: 'RS256' }), 'x'.repeat(300_000)],
    ['bad-key', unsigned({ alg: 'RS256' }), 'just some text'],
    ['bad-key', unsigned({ alg: 'RS256' }), '{"keys": 5}'],
    ['bad-key', unsigned({ alg: 'RS256' }), '{not json'],
    ['bad-key', unsigned({ alg: 'RS256' }), '{"hello":"world"}'],
    [
      'bad-key',
      unsigned({ alg: 'RS256' }),
      '-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----',
    ],
    [
      'bad-key',
      unsigned({ alg: 'RS256' }),
      '-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----',
    ],
    [
      'bad-key',
      unsigned({ alg: 'RS256' }),
      '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----',
    ],
    [
      'private-key',
      unsigned({ alg: 'RS256' }),
      '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----',
    ],
    ['private-key', unsigned({ alg: 'RS256' }), '{"kty":"RSA","n":"AQAB","e":"AQAB","d":"AQAB"}'],
    [
      'bad-key',
      unsigned({ alg: 'RS256', kid: 'a' }),
      '{"keys":[{"kty":"RSA","kid":"a","n":"AQAB","e":"AQAB"}]}',
    ],
    ['bad-key', unsigned({ alg: 'RS256' }), '{"__proto__":{"polluted":true},"kty":"RSA"}'],
  ])('returns %s for a refused input', async (code, token, key) => {
    const result = await verifyTokenSignature(token, key);
    expect(codeOf(result)).toBe(code);
    expect(result.ok ? '' : result.error.message.length).toBeGreaterThan(10);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('explains a Graph token instead of calling it invalid', async () => {
    const result = await verifyTokenSignature(unsigned({ alg: 'RS256', nonce: 'n', kid: 'k' }), 'anything');
    expect(result.ok ? '' : result.error.message).toMatch(
      /only Graph can verify its signature.*not a sign the token is invalid/,
    );
  });
});
