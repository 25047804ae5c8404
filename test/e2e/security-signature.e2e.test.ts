import { execFileSync } from 'node:child_process';
import { createHmac, createPrivateKey, sign as nodeSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setUpBrowser } from './support/shared-browser';

const fixtures = new URL('../fixtures/', import.meta.url);
const tokens = JSON.parse(readFileSync(new URL('tokens.json', fixtures), 'utf8')) as Record<string, string>;
const key = (name: string) => readFileSync(new URL(`keys/${name}`, fixtures), 'utf8');
const JWKS = key('jwks.json');
const PEM = key('rs256.public.pem');
const SECRET = key('hs256.secret.txt');
const TENANT = '00000000-1111-2222-3333-444444444444';

const browser = setUpBrowser();

const region = (page: Page) => page.getByRole('region', { name: 'Signature' });

async function verify(page: Page, keyText: string): Promise<string> {
  await region(page).getByLabel('Signing key').fill(keyText);
  await region(page).getByRole('button', { name: 'Verify' }).click();
  const status = region(page).getByRole('status');
  await expect
    .poll(() => status.textContent(), { timeout: 10_000 })
    .toMatch(/Signature (verified|not verified)/);
  return (await status.textContent()) ?? '';
}

describe('verifying signatures in the browser', () => {
  const KEYS: Record<string, string> = {
    'the JWKS': JWKS,
    'the PEM key': PEM,
    'the secret': SECRET,
    'a wrong secret': 'not-the-secret',
    'a JWKS without its kid': JSON.stringify({ keys: JSON.parse(JWKS).keys.slice(1) }),
  };
  it.each([
    ['rs256', 'the JWKS', 'Signature verified (RS256, kid test-rs256)'],
    ['ps256', 'the JWKS', 'Signature verified (PS256, kid test-ps256)'],
    ['es256', 'the JWKS', 'Signature verified (ES256, kid test-es256)'],
    ['hs256', 'the secret', 'Signature verified (HS256, kid test-hs256) with the HMAC secret'],
    ['rs256', 'the PEM key', 'from a PEM public key'],
    ['no-kid', 'the JWKS', 'Signature verified (RS256, kid test-rs256)'],
    ['rs256-tampered', 'the JWKS', 'Signature not verified: Signature does not match.'],
    ['ps256-tampered', 'the JWKS', 'Signature not verified: Signature does not match.'],
    ['es256-tampered', 'the JWKS', 'Signature not verified: Signature does not match.'],
    ['hs256-tampered', 'the secret', 'Signature not verified: Signature does not match.'],
    ['es256', 'the PEM key', 'Signature not verified: Wrong kind of key.'],
    ['hs256', 'a wrong secret', 'Signature not verified: Signature does not match.'],
    ['rs256', 'a JWKS without its kid', 'Signature not verified: No key with this kid.'],
  ])('%s with %s: %s', async (name, keyName, expected) => {
    const app = await browser.open(`/#token=${tokens[name]}`);
    expect(await verify(app.page, KEYS[keyName]!)).toContain(expected);
    expect(app.pageErrors).toEqual([]);
    expect(app.offLoopback).toEqual([]);
    await app.close();
  });

  it('explains a Graph token (header nonce) instead of calling it invalid', async () => {
    const app = await browser.open(`/#token=${tokens['graph-with-nonce']}`);
    await expect.poll(() => region(app.page).textContent()).toContain('A Microsoft Graph token.');
    expect(await verify(app.page, JWKS)).toContain('Only Microsoft Graph can verify this token');
    expect(await region(app.page).textContent()).not.toMatch(/invalid signature/i);
    await app.close();
  });

  it('says an alg none token is unsigned', async () => {
    const app = await browser.open(`/#token=${tokens['alg-none']}`);
    await expect.poll(() => region(app.page).textContent()).toContain('Unsigned token.');
    await app.close();
  });

  it('fetches keys only when asked, from the Entra sign-in host, and verifies with them', async () => {
    const app = await browser.open(`/#token=${tokens.rs256}`);
    const { page, context } = app;
    const seen: string[] = [];
    // Stands in for Entra: registered after openApp's blocking route, so it answers these two URLs first.
    await context.route(/^https:\/\/login\.microsoftonline\.com\//, (route) => {
      const url = route.request().url();
      seen.push(url);
      const headers = { 'access-control-allow-origin': '*', 'content-type': 'application/json' };
      if (url === `https://login.microsoftonline.com/${TENANT}/.well-known/openid-configuration`) {
        return route.fulfill({
          headers,
          body: JSON.stringify({
            issuer: `https://sts.windows.net/${TENANT}/`,
            jwks_uri: 'https://login.microsoftonline.com/common/discovery/keys',
          }),
        });
      }
      if (url === 'https://login.microsoftonline.com/common/discovery/keys')
        return route.fulfill({ headers, body: JWKS });
      return route.fulfill({ status: 404, headers, body: '{}' });
    });
    await region(page).getByRole('button', { name: 'Fetch keys' }).waitFor();
    await page.waitForTimeout(300);
    expect(seen).toEqual([]);
    expect(app.offLoopback).toEqual([]);
    await region(page).getByRole('button', { name: 'Fetch keys' }).click();
    await expect
      .poll(() => region(page).getByRole('status').textContent(), { timeout: 10_000 })
      .toContain('Signature verified (RS256, kid test-rs256)');
    expect(seen).toEqual([
      `https://login.microsoftonline.com/${TENANT}/.well-known/openid-configuration`,
      'https://login.microsoftonline.com/common/discovery/keys',
    ]);
    expect(await region(page).textContent()).toContain(
      'Keys loaded from https://login.microsoftonline.com/common/discovery/keys',
    );
    expect(app.offLoopback).toEqual([]);
    await app.close();
  });

  it('offers no Fetch keys for an issuer that is not Entra', async () => {
    const app = await browser.open(`/#token=${tokens.b2c}`);
    await region(app.page).getByRole('button', { name: 'Verify' }).waitFor();
    expect(await region(app.page).getByRole('button', { name: 'Fetch keys' }).count()).toBe(0);
    await app.close();
  });
});

const enc = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const armourless = (pem: string) =>
  pem
    .split('\n')
    .filter((l) => !l.startsWith('-----'))
    .join('')
    .trim();

/** An attacker's token: HS256 over an Entra-looking payload, with the pasted public key text as the secret. */
function forgeHs256(secretText: string): string {
  const input = `${enc({ alg: 'HS256', typ: 'JWT', kid: 'test-rs256' })}.${enc({
    aud: 'api://contoso-api',
    iss: `https://sts.windows.net/${TENANT}/`,
    roles: ['Admin.All'],
    exp: 4102444800,
  })}`;
  const mac = createHmac('sha256', Buffer.from(secretText.trim(), 'utf8')).update(input).digest('base64url');
  return `${input}.${mac}`;
}

/** An RS256 token signed with the fixture key (kid test-rs256), with the header and payload given. */
function signRs256(header: Record<string, unknown>, payload: Record<string, unknown>): string {
  const jwk = JSON.parse(key('rs256.private.jwk.json')) as Record<string, unknown>;
  const input = `${enc({ alg: 'RS256', kid: 'test-rs256', ...header })}.${enc(payload)}`;
  const signature = nodeSign(
    'sha256',
    Buffer.from(input),
    createPrivateKey({ key: jwk as never, format: 'jwk' }),
  );
  return `${input}.${signature.toString('base64url')}`;
}

describe('no forged "verified"', () => {
  let certBody = '';
  beforeAll(() => {
    // A real certificate, as a JWKS lists it in x5c.
    const dir = mkdtempSync(join(tmpdir(), 'tokenscope-e2e-x5c-'));
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=tokenscope-e2e'].concat(
          ['-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem')],
        ),
        { stdio: 'ignore' },
      );
      certBody = armourless(readFileSync(join(dir, 'c.pem'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const SHAPES: [string, () => string][] = [
    ['a bare base64 SPKI', () => armourless(PEM)],
    ['an x5c certificate', () => certBody],
    ['the JWK n', () => (JSON.parse(JWKS) as { keys: { n?: string }[] }).keys[0]!.n!],
  ];

  it.each(SHAPES)(
    'a forged HS256 token with %s as the secret is not verified, and Entra never signs with HS256',
    async (_name, keyText) => {
      const text = keyText();
      expect(text.length).toBeGreaterThan(100);
      const app = await browser.open(`/#token=${forgeHs256(text)}`);
      const status = await verify(app.page, text);
      expect(status).toContain('Signature not verified');
      expect(status).not.toContain('Signature verified');
      expect(await region(app.page).textContent()).toMatch(
        /Entra ID never signs tokens with an HMAC algorithm \(HS256/,
      );
      expect(app.pageErrors).toEqual([]);
      await app.close();
    },
  );

  it('an expired token whose signature is genuine says it has expired', async () => {
    const token = signRs256(
      {},
      { aud: 'api://x', iss: `https://sts.windows.net/${TENANT}/`, exp: 1_700_000_000 },
    );
    const app = await browser.open(`/#token=${token}`);
    expect(await verify(app.page, JWKS)).toContain('Signature verified (RS256, kid test-rs256)');
    await expect
      .poll(() => region(app.page).textContent())
      .toContain('The token expired at 2023-11-14T22:13:20.000Z: the signature is genuine');
    await app.close();
  });

  it('a crit header names the parameter it does not understand', async () => {
    const token = signRs256(
      { crit: ['x-tenant-policy'], 'x-tenant-policy': 1 },
      { aud: 'api://x', exp: 4102444800 },
    );
    const app = await browser.open(`/#token=${token}`);
    const status = await verify(app.page, JWKS);
    expect(status).toContain('Signature not verified');
    expect(await region(app.page).textContent()).toContain('"x-tenant-policy"');
    expect(await region(app.page).textContent()).not.toMatch(/could not be used/);
    await app.close();
  });
});
