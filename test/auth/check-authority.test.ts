import { describe, expect, it, vi } from 'vitest';
import { checkAuthority, openIdConfigurationUrl } from '../../src/auth';

const AAD = { authority: 'https://login.microsoftonline.com/organizations', protocolMode: 'AAD' as const };

describe('openIdConfigurationUrl', () => {
  it.each([
    [AAD, 'https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration'],
    [
      { authority: 'https://op.test/', protocolMode: 'OIDC' as const },
      'https://op.test/.well-known/openid-configuration',
    ],
  ])('for %o is %s', (settings, url) => {
    expect(openIdConfigurationUrl(settings)).toBe(url);
  });
});

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });

describe('checkAuthority', () => {
  it.each([
    {
      name: 'an OpenID configuration',
      fetch: async () => json({ issuer: 'https://x', authorization_endpoint: 'https://x/a' }),
      code: null,
    },
    { name: 'HTTP 404', fetch: async () => json({}, 404), code: 'authority-not-openid' },
    {
      name: 'a page that is not one',
      fetch: async () => new Response('<html>'),
      code: 'authority-not-openid',
    },
    {
      name: 'a refused connection',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      code: 'authority-unreachable',
    },
    {
      name: 'no answer',
      fetch: (_url: RequestInfo | URL, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
      code: 'authority-timeout',
    },
  ])('answers $code for $name', async ({ fetch, code }) => {
    const result = await checkAuthority(AAD, { fetch: fetch as typeof globalThis.fetch, timeoutMs: 50 });
    expect(result.ok ? null : result.error.code).toBe(code);
  });

  it('says offline without asking when the browser knows it has no network', async () => {
    const fetch = vi.fn();
    const result = await checkAuthority(AAD, { fetch, online: () => false });
    expect(result.ok ? null : result.error.code).toBe('offline');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('asks without credentials for the configuration URL', async () => {
    const fetch = vi.fn(async () => json({ issuer: 'i', authorization_endpoint: 'a' }));
    await checkAuthority(AAD, { fetch });
    expect(fetch).toHaveBeenCalledWith(
      'https://login.microsoftonline.com/organizations/v2.0/.well-known/openid-configuration',
      expect.objectContaining({ credentials: 'omit' }),
    );
  });
});
