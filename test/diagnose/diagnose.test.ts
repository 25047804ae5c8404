import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog';
import { diagnose, parseRequest, type Diagnosis } from '../../src/diagnose';
import {
  CLIENT_APP_ID,
  defenderManagedIdentity,
  DEFAULT_MEMBER_ROLE,
  graphAppOnlyV2,
  graphDelegatedV1,
  idTokenV2,
  MI_OID,
  TENANT_ID,
  type Payload,
} from '../fixtures/make-token';
import { loadToken, NOW } from './load-token';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const SECURITY_READER = '5d6b6bb7-de71-4623-b4af-96380a352509';
const XDR_AUD = 'https://api.security.microsoft.com';

function run(
  payload: Payload,
  requestText: string,
  options: { catalog?: Catalog | null; now?: Date } = {},
): Diagnosis {
  const now = options.now ?? NOW;
  const { token, classification } = loadToken(payload);
  const parsed = parseRequest(requestText);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return diagnose({
    token: { decoded: token, facts: classification },
    request: parsed.request,
    answer: null,
    catalog: options.catalog === undefined ? catalog : options.catalog,
    gates: null,
    now,
  });
}

const codes = (d: Diagnosis) => d.findings.map((f) => f.code);
const find = (d: Diagnosis, code: string) => d.findings.find((f) => f.code === code);

const delegatedSecurity = (extra: Payload = {}): Payload => ({
  ...graphDelegatedV1(),
  scp: 'openid profile SecurityAlert.Read.All',
  wids: [DEFAULT_MEMBER_ROLE, SECURITY_READER],
  ...extra,
});

describe('diagnose: every rule', () => {
  it.each<[string, Payload, string, string, Diagnosis['verdict']]>([
    [
      'token-expired',
      { ...graphAppOnlyV2(), roles: ['User.Read.All'], exp: 1_000_000_000 },
      'GET https://graph.microsoft.com/v1.0/users',
      'has expired',
      'denied',
    ],
    [
      'token-not-yet-valid',
      { ...graphAppOnlyV2(), roles: ['User.Read.All'], nbf: 4_100_000_000 },
      'GET https://graph.microsoft.com/v1.0/users',
      'not valid yet',
      'denied',
    ],
    ['id-token-as-bearer', idTokenV2(), 'GET https://graph.microsoft.com/v1.0/me', 'ID token', 'denied'],
    [
      'b2c-token',
      { ...graphDelegatedV1(), iss: `https://contoso.b2clogin.com/${TENANT_ID}/v2.0/` },
      'GET https://graph.microsoft.com/v1.0/me',
      'Azure AD B2C',
      'denied',
    ],
    [
      'non-entra-token',
      { ...graphDelegatedV1(), iss: 'https://accounts.google.com' },
      'GET https://graph.microsoft.com/v1.0/me',
      'not issued by Microsoft Entra ID',
      'denied',
    ],
    [
      'wrong-audience',
      graphAppOnlyV2(),
      'GET https://api.securitycenter.microsoft.com/api/machines',
      'is for Microsoft Graph',
      'denied',
    ],
    [
      'wrong-audience',
      { ...graphAppOnlyV2(), aud: 'https://graph.windows.net' },
      'GET https://graph.microsoft.com/v1.0/users',
      'Azure AD Graph',
      'denied',
    ],
    [
      'wrong-audience',
      { ...defenderManagedIdentity(), aud: XDR_AUD, roles: ['Machine.Read.All'] },
      'GET https://api.securitycenter.microsoft.com/api/machines',
      'Defender XDR',
      'denied',
    ],
    [
      'wrong-defender-host',
      { ...graphAppOnlyV2(), aud: XDR_AUD, roles: ['Incident.Read.All'] },
      'GET https://api.securitycenter.microsoft.com/api/incidents',
      'api.security.microsoft.com',
      'denied',
    ],
    [
      'cloud-mismatch',
      { ...graphAppOnlyV2(), roles: ['User.Read.All'] },
      'GET https://graph.microsoft.us/v1.0/users',
      'US Government',
      'denied',
    ],
    [
      'app-only-no-roles',
      { ...graphAppOnlyV2(), roles: undefined },
      'GET https://graph.microsoft.com/v1.0/users',
      'no roles claim',
      'denied',
    ],
    [
      'wrong-permission-type',
      { ...graphDelegatedV1(), aud: 'https://api.securitycenter.microsoft.com', scp: 'Ti.ReadWrite' },
      'DELETE https://api.securitycenter.microsoft.com/api/indicators/995',
      'accepts only application permissions',
      'denied',
    ],
    [
      'wrong-permission-type',
      { ...graphAppOnlyV2(), roles: ['User.Read.All'] },
      'GET https://graph.microsoft.com/v1.0/me',
      'accepts only delegated permissions',
      'denied',
    ],
    [
      'missing-permission',
      { ...graphAppOnlyV2(), roles: ['Mail.Read'] },
      'GET https://graph.microsoft.com/v1.0/users',
      'least privileged one that would work is User.ReadBasic.All',
      'denied',
    ],
    [
      'permission-present',
      { ...graphAppOnlyV2(), roles: ['User.Read.All'] },
      'GET https://graph.microsoft.com/v1.0/users',
      'User.Read.All (application)',
      'allowed',
    ],
    [
      'security-role-missing',
      delegatedSecurity({ wids: [DEFAULT_MEMBER_ROLE] }),
      'GET https://graph.microsoft.com/v1.0/security/alerts_v2',
      'Security Reader',
      'denied',
    ],
    [
      'security-role-present',
      delegatedSecurity(),
      'GET https://graph.microsoft.com/v1.0/security/alerts_v2',
      'Security Reader',
      'allowed',
    ],
    [
      'no-wids',
      delegatedSecurity({ wids: undefined }),
      'GET https://graph.microsoft.com/v1.0/security/alerts_v2',
      'no wids claim',
      'cant-tell',
    ],
    [
      'defender-user-role',
      { ...graphDelegatedV1(), aud: 'https://api.securitycenter.microsoft.com', scp: 'Machine.Read' },
      'GET https://api.securitycenter.microsoft.com/api/machines',
      'View Data',
      'cant-tell',
    ],
    [
      'managed-identity-assignment',
      defenderManagedIdentity(),
      'POST https://api.securitycenter.microsoft.com/api/indicators/import',
      'app-role assignment',
      'denied',
    ],
    [
      'unknown-endpoint',
      { ...graphAppOnlyV2(), roles: ['User.Read.All'] },
      'GET https://graph.microsoft.com/v1.0/usersx/thing',
      'not in the catalog',
      'cant-tell',
    ],
    [
      'other-api',
      { ...graphAppOnlyV2(), aud: 'https://management.azure.com/' },
      'GET https://management.azure.com/subscriptions',
      'not Microsoft Graph or Defender',
      'cant-tell',
    ],
  ])('raises %s', (code, payload, requestText, text, verdict) => {
    const d = run(payload, requestText);
    const finding = find(d, code);
    expect(finding, `findings: ${codes(d).join(', ')}`).toBeDefined();
    expect(finding?.message).toContain(text);
    expect(d.verdict).toBe(verdict);
  });

  it('raises no-catalog and says "Can\'t tell" while the catalog loads', () => {
    const d = run(
      { ...graphAppOnlyV2(), roles: ['User.Read.All'] },
      'GET https://graph.microsoft.com/v1.0/users',
      {
        catalog: null,
      },
    );
    expect(codes(d)).toEqual(['no-catalog']);
    expect(d.verdict).toBe('cant-tell');
  });

  it('gives the exact scope to request when the audience is wrong', () => {
    const app = run(graphAppOnlyV2(), 'GET https://api.securitycenter.microsoft.com/api/machines');
    expect(find(app, 'wrong-audience')?.fix?.text).toContain(
      '"https://api.securitycenter.microsoft.com/.default"',
    );
    const delegated = run(graphDelegatedV1(), 'GET https://api.securitycenter.microsoft.com/api/machines');
    expect(find(delegated, 'wrong-audience')?.fix?.text).toContain(
      '"https://api.securitycenter.microsoft.com/Machine.Read"',
    );
  });

  it('explains the two Defender audiences when one is used for the other', () => {
    const d = run(
      { ...defenderManagedIdentity(), aud: XDR_AUD },
      'GET https://api.security.microsoft.com/api/machines',
    );
    expect(find(d, 'wrong-audience')?.message).toContain('The two Defender APIs have different audiences');
    expect(find(d, 'wrong-audience')?.fix?.text).toContain(
      '"https://api.securitycenter.microsoft.com/.default"',
    );
  });

  it('accepts the Defender for Endpoint audience on api.security.microsoft.com', () => {
    const d = run(
      { ...defenderManagedIdentity(), roles: ['Machine.Read.All'] },
      'GET https://api.security.microsoft.com/api/machines',
    );
    expect(d.verdict).toBe('allowed');
  });

  it('lists least-privileged permissions per scheme', () => {
    const d = run(
      { ...graphAppOnlyV2(), roles: ['User.Read.All'] },
      'GET https://graph.microsoft.com/v1.0/users',
    );
    if (!d.required?.known) throw new Error('expected a known endpoint');
    expect(d.required.application[0]?.value).toBe('User.ReadBasic.All');
    expect(d.required.delegated.map((p) => p.value)).toContain('User.Read.All');
  });

  it('puts a consent action with tenant, client and scope in the fix for a missing delegated permission', () => {
    const d = run(graphDelegatedV1(), 'GET https://graph.microsoft.com/v1.0/users');
    const actions = find(d, 'missing-permission')?.fix?.actions ?? [];
    expect(actions).toContainEqual(
      expect.objectContaining({
        kind: 'consent',
        tenantId: TENANT_ID,
        clientId: CLIENT_APP_ID,
        scope: expect.stringMatching(/^https:\/\/graph\.microsoft\.com\//),
        cloud: 'public',
      }),
    );
    expect(find(d, 'missing-permission')?.fix?.text).not.toContain('#consent');
  });

  it('orders findings by what to fix first', () => {
    const d = run({ ...idTokenV2(), exp: 1_000_000_000 }, 'GET https://graph.microsoft.com/v1.0/me');
    expect(codes(d).slice(0, 2)).toEqual(['id-token-as-bearer', 'token-expired']);
  });

  it('never puts the token in a link', () => {
    const { token } = loadToken(defenderManagedIdentity());
    const d = run(
      defenderManagedIdentity(),
      'POST https://api.securitycenter.microsoft.com/api/indicators/import',
    );
    for (const f of d.findings) expect(JSON.stringify(f.fix)).not.toContain(token.raw.slice(0, 40));
  });
});

describe('diagnose: the stories people bring', () => {
  it('a managed identity importing Defender indicators without Ti.ReadWrite.All is Denied, with a grant link', () => {
    const d = run(
      defenderManagedIdentity(),
      'POST https://api.securitycenter.microsoft.com/api/indicators/import',
    );
    expect(d.verdict).toBe('denied');
    const missing = find(d, 'missing-permission');
    expect(missing?.message).toContain('Ti.ReadWrite.All');
    expect(missing?.fix?.actions).toContainEqual({
      kind: 'grant',
      principalId: MI_OID,
      resourceAppId: 'fc780465-2017-40d4-a0c5-307022471b92',
      permission: 'Ti.ReadWrite.All',
    });
    expect(missing?.fix?.actions.some((a) => a.kind === 'consent')).toBe(false);
  });

  it('the same managed identity with Ti.ReadWrite.All is Allowed', () => {
    const d = run(
      { ...defenderManagedIdentity(), roles: ['Machine.Read.All', 'Ti.ReadWrite.All'] },
      'POST https://api.securitycenter.microsoft.com/api/indicators/import',
    );
    expect(d.verdict).toBe('allowed');
  });

  it('a delegated Graph Security call by a user without a security role is Denied', () => {
    const d = run(
      delegatedSecurity({ wids: [DEFAULT_MEMBER_ROLE] }),
      'GET https://graph.microsoft.com/v1.0/security/alerts_v2',
    );
    expect(d.verdict).toBe('denied');
    expect(codes(d)).toContain('security-role-missing');
  });

  it('the same call by a Security Reader with SecurityAlert.Read.All is Allowed', () => {
    const d = run(delegatedSecurity(), 'GET https://graph.microsoft.com/v1.0/security/alerts_v2');
    expect(d.verdict).toBe('allowed');
  });

  it('an implicit-flow token without wids is not Allowed and points to the auth code flow', () => {
    const d = run(
      delegatedSecurity({ wids: undefined, appidacr: '0', at_hash: 'fake-at-hash' }),
      'GET https://graph.microsoft.com/v1.0/security/alerts_v2',
    );
    expect(d.verdict).not.toBe('allowed');
    const noWids = find(d, 'no-wids');
    expect(noWids?.message).toContain('implicit grant flow');
    expect(noWids?.fix?.text).toContain('authorization code flow');
  });
});

describe('diagnose: US Government Defender hosts', () => {
  it.each([
    [
      'https://api-gcc.securitycenter.microsoft.us',
      'https://sts.windows.net/00000000-1111-2222-3333-444444444444/',
    ],
    [
      'https://api-gov.securitycenter.microsoft.us',
      'https://login.microsoftonline.us/00000000-1111-2222-3333-444444444444/v2.0',
    ],
  ])('accepts a token for %s on its own host', (aud, iss) => {
    const host = new URL(aud).host;
    const d = run(
      { ...defenderManagedIdentity(), aud, iss, roles: ['Machine.Read.All'] },
      `GET https://${host}/api/machines`,
    );
    expect(codes(d)).not.toContain('cloud-mismatch');
    expect(d.verdict).toBe('allowed');
  });
});
