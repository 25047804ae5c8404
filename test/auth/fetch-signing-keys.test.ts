import { describe, expect, it, vi } from 'vitest';
import { fetchSigningKeys, findMetadataUrl } from '../../src/auth/fetch-signing-keys';

const TID = '72f988bf-86f1-41af-91ab-2d7cd011db47';

describe('findMetadataUrl', () => {
  it.each([
    [
      `https://sts.windows.net/${TID}/`,
      `https://login.microsoftonline.com/${TID}/.well-known/openid-configuration`,
    ],
    [
      `https://login.microsoftonline.com/${TID}/v2.0`,
      `https://login.microsoftonline.com/${TID}/v2.0/.well-known/openid-configuration`,
    ],
    [
      `https://login.microsoftonline.us/${TID}/v2.0`,
      `https://login.microsoftonline.us/${TID}/v2.0/.well-known/openid-configuration`,
    ],
    [
      `https://login.microsoftonline.us/${TID}/`,
      `https://login.microsoftonline.us/${TID}/.well-known/openid-configuration`,
    ],
    [
      `https://sts.chinacloudapi.cn/${TID}/`,
      `https://login.chinacloudapi.cn/${TID}/.well-known/openid-configuration`,
    ],
    [
      `https://login.partner.microsoftonline.cn/${TID}/v2.0`,
      `https://login.partner.microsoftonline.cn/${TID}/v2.0/.well-known/openid-configuration`,
    ],
  ])('maps the Entra issuer %s to its metadata', (issuer, url) => {
    expect(findMetadataUrl(issuer)).toBe(url);
  });

  it.each([
    'https://accounts.google.com',
    `https://evil.example/${TID}/v2.0`,
    `http://sts.windows.net/${TID}/`,
    'https://sts.windows.net/common/',
    `https://sts.windows.net/${TID}/../../evil`,
    `https://login.microsoftonline.com/${TID}/v2.0?x=1`,
    `https://login.microsoftonline.com:8443/${TID}/v2.0`,
    `https://contoso.b2clogin.com/${TID}/v2.0/`,
    'not a url',
    '',
  ])('refuses %s', (issuer) => {
    expect(findMetadataUrl(issuer)).toBeNull();
  });
});

const json = (value: unknown, status = 200) => new Response(JSON.stringify(value), { status });

describe('fetchSigningKeys', () => {
  const issuer = `https://login.microsoftonline.com/${TID}/v2.0`;
  const jwksUri = `https://login.microsoftonline.com/${TID}/discovery/v2.0/keys`;

  it('loads the metadata, then the JWKS it names, without credentials or referrer', async () => {
    const fetchImpl = vi.fn(async (url: string, _init: RequestInit) =>
      url.endsWith('openid-configuration')
        ? json({ jwks_uri: jwksUri })
        : json({ keys: [{ kty: 'RSA', kid: 'a' }] }),
    );
    const result = await fetchSigningKeys(issuer, new AbortController().signal, fetchImpl);
    expect(result).toMatchObject({ ok: true, jwksUri });
    expect(result.ok && JSON.parse(result.jwksText)).toEqual({ keys: [{ kty: 'RSA', kid: 'a' }] });
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    expect(fetchImpl.mock.calls[0]?.[1]).toMatchObject({
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
    });
  });

  it('makes no request for an issuer that is not Entra', async () => {
    const fetchImpl = vi.fn();
    const result = await fetchSigningKeys(
      'https://accounts.google.com',
      new AbortController().signal,
      fetchImpl,
    );
    expect(result).toEqual({
      ok: false,
      message:
        '"https://accounts.google.com" is not an Entra ID issuer this app fetches keys for (public, US Government or China cloud). Paste the issuer\'s JWKS instead.',
    });
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it.each([
    [
      'a jwks_uri on another host',
      { jwks_uri: 'https://evil.example/keys' },
      /is not on login.microsoftonline.com; not fetched/,
    ],
    ['no jwks_uri', { issuer }, /names no jwks_uri/],
    ['a jwks_uri that is not a URL', { jwks_uri: 'nope' }, /is not a URL/],
  ])('refuses metadata with %s', async (_name, metadata, message) => {
    const fetchImpl = vi.fn(async () => json(metadata));
    const result = await fetchSigningKeys(issuer, new AbortController().signal, fetchImpl);
    expect(result.ok ? '' : result.message).toMatch(message);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['an HTTP error', async () => json({}, 404), /answered HTTP 404/],
    [
      'a network failure',
      async () => Promise.reject(new TypeError('Failed to fetch')),
      /Could not load the OpenID metadata .*Failed to fetch/,
    ],
    ['text that is not JSON', async () => new Response('<html>'), /is not JSON/],
  ])('reports %s as a message', async (_name, impl, message) => {
    const result = await fetchSigningKeys(issuer, new AbortController().signal, impl);
    expect(result.ok ? '' : result.message).toMatch(message);
  });

  it('reports a JWKS without keys', async () => {
    const fetchImpl = async (url: string) =>
      url.endsWith('openid-configuration') ? json({ jwks_uri: jwksUri }) : json({ nope: 1 });
    const result = await fetchSigningKeys(issuer, new AbortController().signal, fetchImpl);
    expect(result.ok ? '' : result.message).toMatch(/not a key set/);
  });

  it('says Cancelled when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await fetchSigningKeys(issuer, controller.signal, async () =>
      Promise.reject(new DOMException('aborted', 'AbortError')),
    );
    expect(result).toEqual({ ok: false, message: 'Cancelled.' });
  });
});
