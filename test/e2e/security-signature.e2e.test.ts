import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
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
