import { describe, expect, it } from 'vitest';
import { decodeToken, explainClaims, type ClaimRow, type DecodedJwt } from '../../src/token';
import { graphDelegatedV1, makeToken, type Payload } from '../fixtures/make-token';
import tokens from '../fixtures/tokens.json';

const NOW = new Date('2026-11-23T12:00:00Z');
const ACCESS = 'https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference';
const ID = 'https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference';
const OPTIONAL = 'https://learn.microsoft.com/en-us/entra/identity-platform/optional-claims-reference';

function decoded(raw: string): DecodedJwt {
  const result = decodeToken(raw);
  if (!result.ok) throw new Error(result.error.message);
  return result.token;
}

function row(payload: Payload, name: string): ClaimRow {
  const found = explainClaims(decoded(makeToken(payload)), NOW).find((r) => r.name === name);
  if (found === undefined) throw new Error(`no row for ${name}`);
  return found;
}

// Every claim Entra documents for v1/v2 access and ID tokens (plus the common optional ones) is explained.
const KNOWN = [
  'aud',
  'iss',
  'idp',
  'iat',
  'nbf',
  'exp',
  'aio',
  'acr',
  'acrs',
  'amr',
  'appid',
  'appidacr',
  'azp',
  'azpacr',
  'preferred_username',
  'name',
  'scp',
  'roles',
  'wids',
  'groups',
  'hasgroups',
  '_claim_names',
  '_claim_sources',
  'sub',
  'oid',
  'tid',
  'unique_name',
  'upn',
  'uti',
  'rh',
  'ver',
  'xms_cc',
  'xms_mirid',
  'xms_tcdt',
  'xms_pdl',
  'xms_pl',
  'xms_tpl',
  'xms_idrel',
  'xms_ftd',
  'xms_az_rid',
  'xms_az_nwperimid',
  'xms_ssm',
  'xms_st',
  'idtyp',
  'acct',
  'auth_time',
  'ctry',
  'tenant_ctry',
  'tenant_region_scope',
  'sid',
  'login_hint',
  'email',
  'family_name',
  'given_name',
  'ipaddr',
  'onprem_sid',
  'pwd_exp',
  'pwd_url',
  'in_corp',
  'nickname',
  'verified_primary_email',
  'verified_secondary_email',
  'vnet',
  'fwd',
  'deviceid',
  'c_hash',
  'at_hash',
  'nonce',
  'puid',
  'app_displayname',
  'signin_state',
  'ztdid',
  'tfp',
  'emails',
  'xms_edov',
];

describe('explainClaims', () => {
  it.each(KNOWN)('explains %s with a meaning and a Microsoft Learn link', (name) => {
    const r = row({ [name]: 'x' }, name);
    expect(r.known).toBe(true);
    expect(r.meaning).toMatch(/^[A-Z].{10,200}[.)]$/);
    expect(r.link).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\//);
  });

  it.each([
    ['aud', ACCESS],
    ['nonce', ID],
    ['amr', ID],
    [
      'xms_cc',
      'https://learn.microsoft.com/en-us/entra/identity-platform/app-resilience-continuous-access-evaluation',
    ],
    ['upn', OPTIONAL],
    ['_claim_names', `${ACCESS}#groups-overage-claim`],
  ])('links %s to %s', (name, link) => {
    expect(row({ [name]: 'x' }, name).link).toBe(link);
  });

  it('lists claims in token order, unknown ones included', () => {
    const rows = explainClaims(decoded(makeToken({ zzz: 1, aud: 'a', platf: '3', xms_new: 'v' })), NOW);
    expect(rows.map((r) => [r.name, r.known])).toEqual([
      ['zzz', false],
      ['aud', true],
      ['platf', false],
      ['xms_new', false],
    ]);
    expect(rows[0]).toEqual({ name: 'zzz', value: 1, display: '1', meaning: null, link: null, known: false });
    expect(rows[3]?.notes).toEqual([
      'An xms_ claim is a Microsoft extension; this one is not documented for apps to use.',
    ]);
  });

  it.each<[string, Payload, string, string]>([
    ['exp in the future', { exp: 4070908800 }, 'exp', '2099-01-01T00:00:00Z (in 72 years)'],
    [
      'iat in the past',
      { iat: NOW.getTime() / 1000 - 42 * 60 },
      'iat',
      '2026-11-23T11:18:00Z (42 minutes ago)',
    ],
    ['nbf now', { nbf: NOW.getTime() / 1000 }, 'nbf', '2026-11-23T12:00:00Z (now)'],
    [
      'auth_time',
      { auth_time: NOW.getTime() / 1000 - 90 },
      'auth_time',
      '2026-11-23T11:58:30Z (1 minute ago)',
    ],
    ['xms_tcdt', { xms_tcdt: 1600000000 }, 'xms_tcdt', '2020-09-13T12:26:40Z (6 years ago)'],
    ['a time claim that is not a number', { exp: 'soon' }, 'exp', 'soon'],
    ['an array of strings', { amr: ['pwd', 'mfa'] }, 'amr', 'pwd, mfa'],
    ['an array of mixed values', { groups: ['a', 1, { b: 2 }] }, 'groups', 'a, 1, {"b":2}'],
    [
      'an object',
      { _claim_sources: { src1: { endpoint: 'https://x' } } },
      '_claim_sources',
      '{"src1":{"endpoint":"https://x"}}',
    ],
    ['a boolean', { in_corp: true }, 'in_corp', 'true'],
    ['null', { email: null }, 'email', 'null'],
    ['a string with markup', { name: '<b>x</b>' }, 'name', '<b>x</b>'],
  ])('displays %s', (_name, payload, name, display) => {
    expect(row(payload, name).display).toBe(display);
  });

  it('gives time claims as a Date for local display', () => {
    expect(row({ exp: 4070908800 }, 'exp').time?.toISOString()).toBe('2099-01-01T00:00:00.000Z');
    expect(row({ aud: 'x' }, 'aud').time).toBeUndefined();
  });

  it.each<[string, Payload, string, readonly string[]]>([
    [
      'amr values',
      { amr: ['pwd', 'mfa', 'rsa', 'weird'] },
      'amr',
      [
        'pwd: a password was used',
        'mfa: multi-factor authentication was completed',
        'rsa: a key proved possession, for example Microsoft Authenticator or a certificate',
      ],
    ],
    [
      'amr fed and ngcmfa',
      { amr: ['fed', 'ngcmfa', 'wiaormfa', 'mngcxt'] },
      'amr',
      [
        'fed: a federated identity provider vouched for the sign-in',
        'ngcmfa: multi-factor authentication strong enough to provision certain credentials (Windows Hello for Business)',
        'wiaormfa: either Windows Integrated Authentication or multi-factor authentication was used',
        'mngcxt: a managed device context was used',
      ],
    ],
    [
      'appidacr 0',
      { appidacr: '0' },
      'appidacr',
      [
        '0: public client: the app proved nothing about itself (for example a browser, mobile or desktop app)',
      ],
    ],
    [
      'appidacr 1',
      { appidacr: '1' },
      'appidacr',
      ['1: confidential client that proved itself with a client secret'],
    ],
    [
      'azpacr 2',
      { azpacr: '2' },
      'azpacr',
      [
        '2: confidential client that proved itself with a certificate (or a federated credential such as a managed identity)',
      ],
    ],
    ['acct 0 as a number', { acct: 0 }, 'acct', ['0: member of the tenant']],
    ['acct 1', { acct: 1 }, 'acct', ['1: guest (B2B) in the tenant']],
    [
      'idtyp app',
      { idtyp: 'app' },
      'idtyp',
      ['app: app-only: no user is involved (client credentials or managed identity)'],
    ],
    [
      'ver 2.0',
      { ver: '2.0' },
      'ver',
      ['2.0: v2.0 token format (issuer login.microsoftonline.com/…/v2.0, client in azp)'],
    ],
    [
      'xms_cc cp1',
      { xms_cc: ['cp1'] },
      'xms_cc',
      [
        'cp1: the client can handle claims challenges, so it can receive long-lived tokens under continuous access evaluation',
      ],
    ],
    [
      'the default member role in wids',
      { wids: ['b79fbf4d-3ef9-4689-8143-76b194e85509', '62e90394-69f5-4237-9190-012177145e10'] },
      'wids',
      ['b79fbf4d-3ef9-4689-8143-76b194e85509: the default role every member user has; not an admin role'],
    ],
    ['scp count', { scp: 'User.Read Mail.Read' }, 'scp', ['2 delegated permissions']],
    ['roles count', { roles: ['A'] }, 'roles', ['1 role']],
    [
      'group overage',
      { _claim_names: { groups: 'src1' } },
      '_claim_names',
      [
        'No groups claim: fetch the groups from Microsoft Graph (/me/memberOf or /users/{oid}/getMemberGroups) instead.',
      ],
    ],
    [
      'hasgroups',
      { hasgroups: true },
      'hasgroups',
      [
        'No groups claim: fetch the groups from Microsoft Graph (/me/memberOf or /users/{oid}/getMemberGroups) instead.',
      ],
    ],
    [
      'sub equal to oid',
      { oid: 'x', sub: 'x' },
      'sub',
      ['Equal to oid: typical of an app-only token, where the subject is the service principal.'],
    ],
    ['pwd_exp', { pwd_exp: 3600 }, 'pwd_exp', ['The password expires 3600 seconds after iat.']],
  ])('notes %s', (_name, payload, name, notes) => {
    expect(row(payload, name).notes).toEqual(notes);
  });

  it('explains every claim of the delegated fixture except the undocumented platf', () => {
    const unknown = explainClaims(decoded(makeToken(graphDelegatedV1())), NOW)
      .filter((r) => !r.known)
      .map((r) => r.name);
    expect(unknown).toEqual(['platf']);
  });

  it('lists hostile claim names and values as plain unknown rows', () => {
    const rows = explainClaims(decoded(tokens['hostile-claims']), NOW);
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get('<script>alert(1)</script>')).toMatchObject({
      known: false,
      display: 'claim name with markup',
    });
    expect(byName.get('__proto__')).toMatchObject({
      known: false,
      display: '{"polluted":"yes","isAdmin":true}',
    });
    expect(byName.get('constructor')).toMatchObject({ known: false, meaning: null, link: null });
    expect(byName.get('name')).toMatchObject({ known: true, display: '<img src=x onerror=alert(1)>' });
  });

  it('does not mistake inherited names such as toString or hasOwnProperty for known claims', () => {
    const rows = explainClaims(decoded(makeToken({ toString: 'x', hasOwnProperty: 'y', valueOf: 1 })), NOW);
    expect(rows.map((r) => r.known)).toEqual([false, false, false]);
  });
});
