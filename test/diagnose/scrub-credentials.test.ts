import { describe, expect, it } from 'vitest';
import { scrubCredentials } from '../../src/diagnose/scrub-credentials';
import { graphDelegatedV1, makeToken } from '../fixtures/make-token';

const jwt = makeToken(graphDelegatedV1());
const [h, p] = jwt.split('.') as [string, string];
const jwe = `${h}.zqEncryptedKeyPart0123456789.zqInitVector0123.zqCipherText0123456789abcdef.zqTagPart01234567`;
const refresh = `0.AXoAzqRefreshTokenBody-0123456789_abcdefghijklmnopqrstuvwxyz.AgABAAEAAAD`;

describe('scrubCredentials masks', () => {
  it.each([
    ['a JWT in prose', `the token ${jwt} failed`, jwt],
    ['a JWT in a path', `GET https://api.example/users/${jwt}/x`, jwt],
    ['an unsigned JWT', `t=${h}.${p}.`, `${h}.${p}`],
    ['a 5-part JWE', `got ${jwe}`, jwe],
    ['an Entra refresh token (0.A…)', `rt ${refresh} end`, refresh],
    ['an Entra refresh token (1.A…)', `rt ${refresh.replace('0.A', '1.A')}`, refresh.slice(3)],
    ['refresh_token=', 'grant_type=refresh_token&refresh_token=zqSecretRefresh&x=1', 'zqSecretRefresh'],
    ['"refresh_token": "…"', '{"refresh_token": "zqSecretRefresh"}', 'zqSecretRefresh'],
    ['code=', 'https://app.example/cb?code=zqAuthCode123&state=1', 'zqAuthCode123'],
    ['client_secret=', 'client_id=1&client_secret=zq~Secret.Value_9', 'zq~Secret.Value_9'],
    ['"client_secret":', '{"client_secret":"zqJsonSecret"}', 'zqJsonSecret'],
    ['client_assertion=', 'client_assertion=zqAssertionValue&a=b', 'zqAssertionValue'],
    ['an Authorization header', 'Authorization: Bearer zqOpaqueAccessToken', 'zqOpaqueAccessToken'],
    ['a Basic Authorization header', "-H 'Authorization: Basic enE6c2VjcmV0'", 'enE6c2VjcmV0'],
    ['a bare Bearer value', 'sent bearer zqOpaqueAccessToken0123456789', 'zqOpaqueAccessToken0123456789'],
    ['Ocp-Apim-Subscription-Key', 'Ocp-Apim-Subscription-Key: zq0123456789abcdef', 'zq0123456789abcdef'],
    ['subscription-key=', 'https://apim.example/x?subscription-key=zqKey0123', 'zqKey0123'],
    [
      'a SAS sig=',
      'https://acct.blob.core.windows.net/c/b?sv=2022&sig=zqSig%2Babc%3D&se=1',
      'zqSig%2Babc%3D',
    ],
    ['a password in a URL', 'https://user:zqPassw0rd@host.example/path', 'zqPassw0rd'],
    [
      'a base64-wrapped token',
      `blob ${Buffer.from(jwt).toString('base64')} end`,
      Buffer.from(jwt).toString('base64'),
    ],
    [
      'a base64-wrapped refresh_token=',
      Buffer.from('refresh_token=zqWrappedRT').toString('base64'),
      'zqWrappedRT',
    ],
    [
      'a percent-encoded code= in a redirect parameter',
      `redirect=${encodeURIComponent('https://x.example/cb?code=zqEncodedCode9')}`,
      'zqEncodedCode9',
    ],
    [
      'a fully percent-encoded token',
      [...jwt].map((c) => `%${c.charCodeAt(0).toString(16)}`).join(''),
      '%65%79',
    ],
  ])('%s', (_what, input, secret) => {
    const out = scrubCredentials(input);
    expect(out).toContain('[redacted]');
    expect(out).not.toContain(secret);
    for (const wrapped of [jwt, Buffer.from(jwt).toString('base64')]) expect(out).not.toContain(wrapped);
  });
});

describe('scrubCredentials keeps', () => {
  it.each([
    ['a JSON error code', '{"error":{"code":"Forbidden","message":"Insufficient privileges"}}'],
    ['a request', 'GET https://graph.microsoft.com/v1.0/security/alerts_v2?$top=5'],
    ['a GUID', 'request-id: 11111111-2222-3333-4444-555555555555'],
    ['prose about bearer tokens', 'Send the bearer token in the Authorization header.'],
    ['an AADSTS error', 'AADSTS65001: The user or administrator has not consented to use the application.'],
    ['a resource ID', '/subscriptions/…/resourcegroups/…/providers/Microsoft.ManagedIdentity/x/…'],
    ['a host with dots', 'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0'],
    ['error_code=', 'error_code=50076&x=1'],
  ])('%s', (_what, input) => {
    expect(scrubCredentials(input)).toBe(input);
  });

  it('keeps the header name and scheme of an Authorization header', () => {
    expect(scrubCredentials('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
  });

  it('keeps the user name of a URL with a password', () => {
    expect(scrubCredentials('https://me:pw@host/x')).toBe('https://me:[redacted]@host/x');
  });
});
