// @vitest-environment node
// jose checks key and buffer types by realm; jsdom's globals would make every check fail for the wrong reason.
// Algorithm confusion: a forged HS256 token "signed" with the public key as the HMAC secret must never
// verify, however the public key was pasted (docs/security.md, "No forged verified").
import { execFileSync } from 'node:child_process';
import { createHmac, createPrivateKey, sign as nodeSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactSign, exportJWK, exportSPKI, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DecodedJwt } from '../../src/token';
import { looksLikeKeyMaterial } from '../../src/verify/parse-key';
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

const ENTRA_PAYLOAD = {
  aud: 'api://contoso-api',
  iss: 'https://sts.windows.net/00000000-1111-2222-3333-444444444444/',
  roles: ['Admin.All'],
  exp: 4102444800,
};

/** What an attacker makes: HS256 over header.payload with the exact pasted text as the HMAC key. */
function forge(secretText: string, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }) {
  const input = `${enc(header)}.${enc(ENTRA_PAYLOAD)}`;
  const mac = createHmac('sha256', Buffer.from(secretText.trim(), 'utf8')).update(input).digest('base64url');
  return decode(`${input}.${mac}`);
}

const codeOf = (r: SignatureCheck) => (r.ok ? 'ok' : r.error.code);
const messageOf = (r: SignatureCheck) => (r.ok ? '' : r.error.message);
const armourless = (pem: string) =>
  pem
    .split('\n')
    .filter((l) => !l.startsWith('-----'))
    .join('\n')
    .trim();

let rsa: { publicKey: CryptoKey; privateKey: CryptoKey; jwk: JWK; pem: string };
let ecPem = '';
let certPem = '';

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  rsa = { ...pair, jwk: await exportJWK(pair.publicKey), pem: await exportSPKI(pair.publicKey) };
  ecPem = await exportSPKI((await generateKeyPair('ES256', { extractable: true })).publicKey);
  // A real certificate, as a JWKS lists it in x5c: made with openssl (the browser tests need it too).
  const dir = mkdtempSync(join(tmpdir(), 'tokenscope-x5c-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=tokenscope-test'].concat([
        '-keyout',
        join(dir, 'k.pem'),
        '-out',
        join(dir, 'c.pem'),
      ]),
      { stdio: 'ignore' },
    );
    certPem = readFileSync(join(dir, 'c.pem'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('a forged HS256 token signed with the public key as the secret', () => {
  const shapes: [string, () => string][] = [
    ['the certificate from a JWKS x5c (one line of base64)', () => armourless(certPem).replace(/\n/g, '')],
    ['the certificate body, line-wrapped, without armour', () => armourless(certPem)],
    ['a bare base64 SPKI on one line', () => armourless(rsa.pem).replace(/\n/g, '')],
    ['a bare base64 SPKI, line-wrapped', () => armourless(rsa.pem)],
    ['the SPKI as base64url', () => Buffer.from(armourless(rsa.pem), 'base64').toString('base64url')],
    ['an EC P-256 SPKI body (MFkw…)', () => armourless(ecPem).replace(/\n/g, '')],
    ['the JWK "n" (RSA modulus)', () => rsa.jwk.n ?? ''],
    ['the SPKI as hex', () => Buffer.from(armourless(rsa.pem), 'base64').toString('hex')],
  ];

  it.each(shapes)('does not verify with %s, and says Entra never uses HS256', async (_name, keyText) => {
    const text = keyText();
    const result = await verifyTokenSignature(forge(text), text);
    expect(codeOf(result)).toBe('wrong-algorithm');
    expect(messageOf(result)).toMatch(/known forgery \(algorithm confusion\)/);
    expect(messageOf(result)).toMatch(/Entra ID never signs tokens with an HMAC algorithm \(HS256/);
  });

  it('still refuses the PEM public key itself, now also saying Entra never uses HS256', async () => {
    const result = await verifyTokenSignature(forge(rsa.pem), rsa.pem);
    expect(codeOf(result)).toBe('wrong-algorithm');
    expect(messageOf(result)).toMatch(/known attack.*Entra ID never signs tokens with an HMAC/s);
  });

  it.each([
    ['a pass phrase', 'correct horse battery staple, 32+'],
    ['a 32-byte secret in base64', Buffer.alloc(32, 7).toString('base64')],
    ['a 64-byte secret in base64url', Buffer.alloc(64, 9).toString('base64url')],
    ['a 32-byte secret in hex', Buffer.alloc(32, 5).toString('hex')],
    ['a secret that happens to start with MII', 'MII-is-not-enough-to-refuse'],
  ])('still verifies a genuine HMAC secret: %s', async (_name, secret) => {
    expect(looksLikeKeyMaterial(secret)).toBeNull();
    expect(codeOf(await verifyTokenSignature(forge(secret), secret))).toBe('ok');
  });
});

describe('what a verified signature does not settle', () => {
  async function rs256(payload: Record<string, unknown>) {
    const raw = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
      .setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .sign(rsa.privateKey);
    return decode(raw);
  }
  const jwks = () => JSON.stringify({ keys: [{ ...rsa.jwk, kid: 'k' }] });

  it('says a token that verifies has expired, with the time', async () => {
    const token = await rs256({ aud: 'api://x', exp: 1_700_000_000 });
    const result = await verifyTokenSignature(token, jwks(), { now: new Date('2026-06-01T00:00:00Z') });
    expect(result).toMatchObject({ ok: true, alg: 'RS256' });
    expect(result.ok ? result.notes : null).toEqual([
      'The token expired at 2023-11-14T22:13:20.000Z: the signature is genuine, but no API accepts an expired token. Request a new one.',
    ]);
  });

  it('adds no note to a token that has not expired', async () => {
    const token = await rs256({ aud: 'api://x', exp: 4_102_444_800 });
    const result = await verifyTokenSignature(token, jwks(), { now: new Date('2026-06-01T00:00:00Z') });
    expect(result.ok && result.notes).toBeUndefined();
  });

  it('says an HS256 token that claims an Entra issuer was not signed by Entra', async () => {
    const result = await verifyTokenSignature(
      forge('a shared secret of some length'),
      'a shared secret of some length',
    );
    expect(result.ok ? result.notes?.join(' ') : '').toMatch(
      /Entra ID never signs tokens with an HMAC algorithm/,
    );
  });
});

describe('a critical header the check does not understand', () => {
  it.each([
    [['x-tenant-policy'], '"x-tenant-policy"'],
    [['b64', 'urn:example:flag'], '"urn:example:flag"'],
  ])('names the unknown parameter of crit %j instead of calling the key bad', async (crit, named) => {
    const privateJwk = await exportJWK(rsa.privateKey);
    const input = `${enc({ alg: 'RS256', kid: 'k', crit })}.${enc({ aud: 'api://x' })}`;
    const key = createPrivateKey({ key: privateJwk as never, format: 'jwk' });
    const token = decode(`${input}.${nodeSign('sha256', Buffer.from(input), key).toString('base64url')}`);
    const result = await verifyTokenSignature(token, JSON.stringify({ keys: [{ ...rsa.jwk, kid: 'k' }] }));
    expect(codeOf(result)).toBe('unknown-critical-header');
    expect(messageOf(result)).toContain(`marks ${named}`);
    expect(messageOf(result)).not.toMatch(/could not be used/);
  });

  it('calls an empty crit list malformed', async () => {
    const token = forge('a shared secret of some length', { alg: 'HS256', crit: [] });
    expect(codeOf(await verifyTokenSignature(token, 'a shared secret of some length'))).toBe(
      'unknown-critical-header',
    );
  });
});
