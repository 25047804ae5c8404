import { describe, expect, it } from 'vitest';
import { checkClientId, checkRedirectUri, checkTenant } from '../../src/consent';

describe('checkTenant', () => {
  it.each([
    ['a tenant ID', '00000000-1111-2222-3333-444444444444', '00000000-1111-2222-3333-444444444444'],
    [
      'a tenant ID in upper case, lower-cased',
      'AAAAAAAA-1111-2222-3333-444444444444',
      'aaaaaaaa-1111-2222-3333-444444444444',
    ],
    ['a verified domain', 'contoso.onmicrosoft.com', 'contoso.onmicrosoft.com'],
    ['a custom domain with a hyphen', 'fabrikam-corp.co.uk', 'fabrikam-corp.co.uk'],
    ['organizations', 'organizations', 'organizations'],
    ['Organizations in any case', 'Organizations', 'organizations'],
    ['a value with spaces around it', '  contoso.com ', 'contoso.com'],
  ])('accepts %s', (_name, input, expected) => {
    expect(checkTenant(input)).toEqual({ ok: true, tenant: expected });
  });

  it.each([
    ['an empty value', '', 'required', 'Enter the tenant ID'],
    ['common', 'common', 'tenant-common', 'personal Microsoft account'],
    ['COMMON', 'COMMON', 'tenant-common', 'Admin consent needs a tenant'],
    ['consumers', 'consumers', 'tenant-consumers', 'personal Microsoft accounts, which have no admins'],
    ['a bare word', 'contoso', 'tenant-invalid', '"contoso" is not a tenant ID'],
    ['a URL', 'https://contoso.com', 'tenant-invalid', 'is not a tenant ID'],
    ['a path', 'contoso.com/v2.0', 'tenant-invalid', 'is not a tenant ID'],
    [
      'a GUID with a missing digit',
      '0000000-1111-2222-3333-444444444444',
      'tenant-invalid',
      'is not a tenant ID',
    ],
  ])('refuses %s', (_name, input, code, message) => {
    const result = checkTenant(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe('tenant');
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(message);
  });

  it('allows common when asked to (user consent)', () => {
    expect(checkTenant('common', true)).toEqual({ ok: true, tenant: 'common' });
  });
});

describe('checkClientId', () => {
  it('accepts a GUID and lower-cases it', () => {
    expect(checkClientId(' 00001111-AAAA-2222-bbbb-3333cccc4444 ')).toEqual({
      ok: true,
      clientId: '00001111-aaaa-2222-bbbb-3333cccc4444',
    });
  });

  it.each([
    ['an empty value', '', 'required', 'Enter the application (client) ID'],
    ['an app name', 'My App', 'client-id-not-guid', 'must be a GUID'],
    ['an api:// URI', 'api://00001111-aaaa-2222-bbbb-3333cccc4444', 'client-id-not-guid', 'must be a GUID'],
    ['a GUID in braces', '{00001111-aaaa-2222-bbbb-3333cccc4444}', 'client-id-not-guid', 'must be a GUID'],
  ])('refuses %s', (_name, input, code, message) => {
    const result = checkClientId(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ field: 'clientId', code });
    expect(result.error.message).toContain(message);
  });
});

describe('checkRedirectUri', () => {
  it.each([
    ['an https address', 'https://app.contoso.com/consent-done'],
    ['an https address with its own query', 'https://app.contoso.com/cb?tenant=a&x=1'],
    ['http on localhost with a port', 'http://localhost:3000/callback'],
    ['http on 127.0.0.1', 'http://127.0.0.1/cb'],
  ])('accepts %s, unchanged', (_name, input) => {
    expect(checkRedirectUri(input)).toEqual({ ok: true, redirectUri: input });
  });

  it.each([
    ['an empty value', '', 'required', 'Enter a redirect URI'],
    [
      'javascript:',
      'javascript:alert(1)',
      'redirect-unsafe-scheme',
      'A "javascript:" address cannot be a redirect URI',
    ],
    ['JavaScript: in mixed case', 'JavaScript:alert(1)', 'redirect-unsafe-scheme', '"javascript:"'],
    ['data:', 'data:text/html,<b>x</b>', 'redirect-unsafe-scheme', 'A "data:" address'],
    ['a relative path', '/callback', 'redirect-not-url', 'is not an absolute URL'],
    [
      'http on another host',
      'http://app.contoso.com/cb',
      'redirect-not-https',
      'http is only allowed for localhost',
    ],
    ['a custom scheme', 'msauth://callback', 'redirect-not-https', 'must be an https address'],
    ['a fragment', 'https://app.contoso.com/cb#done', 'redirect-fragment', 'cannot contain a fragment'],
    ['a wildcard', 'https://*.contoso.com/cb', 'redirect-wildcard', 'cannot contain a wildcard'],
    [
      'more than 256 characters',
      `https://app.contoso.com/${'a'.repeat(240)}`,
      'redirect-too-long',
      'at most 256 characters',
    ],
  ])('refuses %s', (_name, input, code, message) => {
    const result = checkRedirectUri(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ field: 'redirectUri', code });
    expect(result.error.message).toContain(message);
  });
});
