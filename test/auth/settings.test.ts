import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIGN_IN_SETTINGS,
  SIGN_IN_SETTINGS_KEY,
  loadSignInSettings,
  redirectUriFor,
  saveSignInSettings,
  validateSignInSettings,
  type SignInSettings,
} from '../../src/auth';

const CLIENT = '3f8a2c1e-9d4b-4a7e-8c6f-1b2d3e4f5a60';
const valid: SignInSettings = { ...DEFAULT_SIGN_IN_SETTINGS, clientId: CLIENT };

describe('validateSignInSettings', () => {
  it.each([
    [
      'an empty client ID',
      { clientId: '' },
      'clientId',
      'client-id-missing',
      'Enter the application (client) ID',
    ],
    [
      'a client ID that is not a GUID',
      { clientId: 'my-app' },
      'clientId',
      'client-id-not-guid',
      'The client ID is a GUID',
    ],
    [
      'an empty authority',
      { authority: '  ' },
      'authority',
      'authority-missing',
      'Enter a tenant or an authority URL.',
    ],
    [
      'a tenant with spaces',
      { authority: 'contoso tenant' },
      'authority',
      'tenant-invalid',
      'is not a tenant',
    ],
    [
      'an http authority',
      { authority: 'http://127.0.0.1:4443/t' },
      'authority',
      'authority-insecure',
      'must be an https URL',
    ],
    ['a malformed URL', { authority: 'https://' }, 'authority', 'authority-not-url', 'is not a valid URL'],
    ['no scopes', { scopes: ' , ' }, 'scopes', 'scopes-missing', 'Enter at least one scope'],
    ['a bare .default', { scopes: '.default' }, 'scopes', 'scope-bare-default', 'Say whose .default'],
    [
      '.default mixed with named scopes',
      { scopes: 'https://graph.microsoft.com/.default User.Read' },
      'scopes',
      'scope-default-mixed',
      'AADSTS70011',
    ],
    ['a scope with a quote', { scopes: 'User."Read' }, 'scopes', 'scope-invalid', 'is not a valid scope'],
  ] as const)('rejects %s', (_name, change, field, code, message) => {
    const result = validateSignInSettings({ ...valid, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(
      expect.objectContaining({ field, code, message: expect.stringContaining(message) }),
    );
  });

  it('reports every broken field at once', () => {
    const result = validateSignInSettings({ ...valid, clientId: 'x', authority: 'http://a', scopes: '' });
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual([
      'client-id-not-guid',
      'authority-insecure',
      'scopes-missing',
    ]);
  });

  it.each([
    [
      'public',
      'organizations',
      'https://login.microsoftonline.com/organizations',
      'https://graph.microsoft.com',
    ],
    [
      'usgov',
      'contoso.onmicrosoft.us',
      'https://login.microsoftonline.us/contoso.onmicrosoft.us',
      'https://graph.microsoft.us',
    ],
    ['china', 'common', 'https://login.chinacloudapi.cn/common', 'https://microsoftgraph.chinacloudapi.cn'],
  ] as const)('maps the %s cloud to its sign-in host and Graph', (cloud, authority, expected, graph) => {
    const result = validateSignInSettings({ ...valid, cloud, authority });
    expect(result.ok && result.value).toMatchObject({
      authority: expected,
      graphBaseUrl: graph,
      knownAuthorities: [],
      customAuthority: false,
    });
  });

  it.each([
    [
      'a B2C authority',
      'https://contoso.b2clogin.com/contoso.onmicrosoft.com/B2C_1_signin',
      'contoso.b2clogin.com',
    ],
    [
      'an External ID authority',
      'https://contoso.ciamlogin.com/contoso.onmicrosoft.com/',
      'contoso.ciamlogin.com',
    ],
    [
      'a test provider with a port',
      'https://127.0.0.1:4443/7c3e1f0a-5b2d-4e8f-9a61-2d4b8c0e1f35',
      '127.0.0.1:4443',
    ],
  ])('adds the host of %s to the known authorities', (_name, authority, host) => {
    const result = validateSignInSettings({ ...valid, authority }, ['https://127.0.0.1:4443']);
    expect(result.ok && result.value.knownAuthorities[0]).toBe(host);
    expect(result.ok && result.value.customAuthority).toBe(true);
  });

  it('adds the build\u2019s extra authorities to the known authorities of a custom authority', () => {
    const result = validateSignInSettings({ ...valid, authority: 'https://contoso.b2clogin.com/t/B2C_1' }, [
      'https://127.0.0.1:4443',
    ]);
    expect(result.ok && result.value.knownAuthorities).toEqual(['contoso.b2clogin.com', '127.0.0.1:4443']);
  });

  it('does not add Microsoft sign-in hosts to the known authorities', () => {
    const result = validateSignInSettings({
      ...valid,
      authority: 'https://login.microsoftonline.com/contoso.com/',
    });
    expect(result.ok && result.value).toMatchObject({
      authority: 'https://login.microsoftonline.com/contoso.com',
      tenant: 'contoso.com',
      knownAuthorities: [],
    });
  });

  it('warns when a custom authority is not in the build\u2019s extra authorities', () => {
    const result = validateSignInSettings({ ...valid, authority: 'https://id.example.com/t' }, [
      'https://127.0.0.1:4443',
    ]);
    expect(result.ok && result.value.warnings[0]).toContain('id.example.com is not in this build');
  });

  it('splits scopes on spaces and commas', () => {
    const result = validateSignInSettings({ ...valid, scopes: 'User.Read, Mail.Read  openid' });
    expect(result.ok && result.value.scopes).toEqual(['User.Read', 'Mail.Read', 'openid']);
  });
});

describe('remembered settings', () => {
  const memory = () => {
    const store = new Map<string, string>();
    return {
      store,
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
  };

  it('round-trips the five non-secret fields under tokenscope.signin-settings', () => {
    const storage = memory();
    const settings: SignInSettings = {
      clientId: CLIENT,
      cloud: 'usgov',
      authority: 'contoso.us',
      scopes: 'User.Read',
      protocolMode: 'OIDC',
    };
    saveSignInSettings(storage, { ...settings, accessToken: 'eyJ.secret' } as SignInSettings);
    expect([...storage.store.keys()]).toEqual([SIGN_IN_SETTINGS_KEY]);
    expect(storage.store.get(SIGN_IN_SETTINGS_KEY)).not.toContain('secret');
    expect(loadSignInSettings(storage)).toEqual(settings);
  });

  it.each([
    ['nothing stored', null],
    ['malformed JSON', '{'],
    ['a non-object', '42'],
  ])('falls back to the defaults for %s', (_name, raw) => {
    const storage = memory();
    if (raw !== null) storage.store.set(SIGN_IN_SETTINGS_KEY, raw);
    expect(loadSignInSettings(storage)).toEqual(DEFAULT_SIGN_IN_SETTINGS);
  });

  it('defaults to organizations and User.Read', () => {
    expect(DEFAULT_SIGN_IN_SETTINGS).toMatchObject({
      authority: 'organizations',
      scopes: 'User.Read',
      cloud: 'public',
    });
  });

  it('builds the redirect URI from the origin', () => {
    expect(redirectUriFor('https://tokenscope.example')).toBe('https://tokenscope.example/redirect.html');
  });
});
