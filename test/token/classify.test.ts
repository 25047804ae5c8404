import { describe, expect, it } from 'vitest';
import {
  classifyToken,
  decodeToken,
  describeExpiry,
  type Classification,
  type DecodedJwt,
  type Expiry,
} from '../../src/token';
import {
  CLIENT_APP_ID,
  defenderManagedIdentity,
  graphAppOnlyV2,
  graphDelegatedV1,
  guestDelegatedV2,
  idTokenV2,
  makeToken,
  TENANT_ID,
  type Payload,
} from '../fixtures/make-token';

const NOW = new Date('2026-11-23T12:00:00Z');
const nowSeconds = NOW.getTime() / 1000;

function decoded(payload: Payload, header?: Payload): DecodedJwt {
  const result = decodeToken(makeToken(payload, header));
  if (!result.ok) throw new Error(result.error.message);
  return result.token;
}

const classify = (payload: Payload): Classification => classifyToken(decoded(payload));
const expiryOf = (payload: Payload, now = NOW): Expiry => describeExpiry(decoded(payload).payload, now);

describe('classifyToken: kind, version and caller', () => {
  it.each<[string, Payload, Classification['kind'], Classification['version'], Classification['caller']]>([
    ['a v1.0 delegated Graph token', graphDelegatedV1(), 'access', '1.0', 'delegated'],
    ['a v2.0 app-only Graph token', graphAppOnlyV2(), 'access', '2.0', 'app-only'],
    ['a managed identity token', defenderManagedIdentity(), 'access', '1.0', 'managed-identity'],
    ['a v2.0 ID token', idTokenV2(), 'id', '2.0', null],
    ['a guest delegated token', guestDelegatedV2(), 'access', '2.0', 'delegated'],
    [
      'app-only by roles without scp or idtyp',
      { ...graphAppOnlyV2(), idtyp: undefined },
      'access',
      '2.0',
      'app-only',
    ],
    [
      'app-only with no roles at all (oid equals sub)',
      { ...graphAppOnlyV2(), idtyp: undefined, roles: undefined },
      'access',
      '2.0',
      'app-only',
    ],
    [
      'delegated by scp without idtyp',
      { ...graphDelegatedV1(), idtyp: undefined },
      'access',
      '1.0',
      'delegated',
    ],
    [
      'delegated with scp and user app roles',
      { ...graphDelegatedV1(), idtyp: undefined, roles: ['Reader'] },
      'access',
      '1.0',
      'delegated',
    ],
    [
      'managed identity even with idtyp app',
      { ...graphAppOnlyV2(), xms_mirid: '/subscriptions/x/mi' },
      'access',
      '2.0',
      'managed-identity',
    ],
    [
      'an ID token by at_hash',
      {
        aud: CLIENT_APP_ID,
        iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`,
        at_hash: 'x',
        sub: 's',
      },
      'id',
      '2.0',
      null,
    ],
    [
      'an ID token by a GUID audience and a user name',
      { aud: CLIENT_APP_ID, iss: `https://sts.windows.net/${TENANT_ID}/`, name: 'Tess', sub: 's' },
      'id',
      '1.0',
      null,
    ],
    [
      'version from a v2.0 issuer without ver',
      { ...graphAppOnlyV2(), ver: undefined },
      'access',
      '2.0',
      'app-only',
    ],
    [
      'version from a v1.0 issuer without ver',
      { ...graphDelegatedV1(), ver: undefined },
      'access',
      '1.0',
      'delegated',
    ],
    [
      'an access token by a URL audience alone',
      { aud: 'https://management.azure.com/' },
      'access',
      null,
      null,
    ],
    ['nothing to go on', { foo: 'bar' }, 'unknown', null, null],
  ])('classifies %s', (_name, payload, kind, version, caller) => {
    const c = classify(JSON.parse(JSON.stringify(payload)) as Payload);
    expect([c.kind, c.version, c.caller]).toEqual([kind, version, caller]);
  });
});

describe('classifyToken: issuer, tenant, audience and client', () => {
  it.each<[string, string, Classification['issuer']['kind'], Classification['issuer']['cloud']]>([
    ['sts.windows.net', `https://sts.windows.net/${TENANT_ID}/`, 'entra', 'public'],
    ['login.microsoftonline.com', `https://login.microsoftonline.com/${TENANT_ID}/v2.0`, 'entra', 'public'],
    ['US Gov', `https://login.microsoftonline.us/${TENANT_ID}/v2.0`, 'entra', 'usgov'],
    ['China (chinacloudapi)', `https://login.chinacloudapi.cn/${TENANT_ID}/v2.0`, 'entra', 'china'],
    ['China (partner)', `https://login.partner.microsoftonline.cn/${TENANT_ID}/v2.0`, 'entra', 'china'],
    ['China v1.0', `https://sts.chinacloudapi.cn/${TENANT_ID}/`, 'entra', 'china'],
    ['B2C', 'https://contoso.b2clogin.com/11111111-2222-3333-4444-555555555555/v2.0/', 'entra-b2c', 'public'],
    [
      'External ID',
      'https://contoso.ciamlogin.com/11111111-2222-3333-4444-555555555555/v2.0',
      'entra-external-id',
      'public',
    ],
    ['another issuer', 'https://accounts.google.com', 'other', null],
    ['a lookalike host', 'https://login.microsoftonline.com.evil.example/x', 'other', null],
    ['not a URL', 'sts.windows.net', 'other', null],
    ['a user-info trick', `https://login.microsoftonline.com@evil.example/${TENANT_ID}/v2.0`, 'other', null],
    ['plain http', `http://login.microsoftonline.com/${TENANT_ID}/v2.0`, 'other', null],
    [
      'an upper-case host with a port',
      `https://LOGIN.MicrosoftOnline.com:443/${TENANT_ID}/v2.0`,
      'entra',
      'public',
    ],
  ])('reads the %s issuer', (_name, iss, kind, cloud) => {
    expect(classify({ ...graphDelegatedV1(), iss }).issuer).toEqual({ value: iss, kind, cloud });
  });

  it('reads tenant, audience, client, scopes, roles and wids', () => {
    const c = classify(graphDelegatedV1());
    expect(c.tenantId).toBe(TENANT_ID);
    expect(c.audience).toBe('https://graph.microsoft.com');
    expect(c.clientId).toBe(CLIENT_APP_ID);
    expect(c.scopes).toEqual(['openid', 'profile', 'User.Read', 'Mail.Read', 'email']);
    expect(c.roles).toEqual([]);
    expect(c.wids).toEqual(['b79fbf4d-3ef9-4689-8143-76b194e85509']);
  });

  it('takes the client from azp in v2.0 tokens and roles as a list', () => {
    const c = classify(graphAppOnlyV2());
    expect([c.clientId, c.roles, c.scopes, c.wids]).toEqual([
      CLIENT_APP_ID,
      ['User.Read.All', 'Mail.Read'],
      [],
      null,
    ]);
  });

  it('takes the first audience of an array and the tenant from the issuer when tid is missing', () => {
    const c = classify({ aud: ['api://one', 'api://two'], iss: `https://sts.windows.net/${TENANT_ID}/` });
    expect([c.audience, c.tenantId]).toEqual(['api://one', TENANT_ID]);
  });

  it('ignores non-string values in lists', () => {
    const c = classify({ roles: ['A', 1, null, 'B'], wids: 'not-a-list', scp: 'a  b ' });
    expect([c.roles, c.wids, c.scopes]).toEqual([['A', 'B'], ['not-a-list'], ['a', 'b']]);
  });
});

describe('classifyToken: guests', () => {
  it.each<[string, Payload, boolean | null]>([
    ['acct 1', { ...graphDelegatedV1(), acct: 1 }, true],
    ['acct 0', graphDelegatedV1(), false],
    [
      'a foreign idp',
      {
        ...graphDelegatedV1(),
        acct: undefined,
        idp: 'https://sts.windows.net/99999999-8888-7777-6666-555555555555/',
      },
      true,
    ],
    ['a personal account idp', { ...graphDelegatedV1(), acct: undefined, idp: 'live.com' }, true],
    [
      'the own tenant as idp',
      { ...graphDelegatedV1(), acct: undefined, idp: `https://sts.windows.net/${TENANT_ID}/` },
      false,
    ],
    ['neither acct nor idp', { ...graphDelegatedV1(), acct: undefined }, null],
    ['the guest fixture', guestDelegatedV2(), true],
    ['an app-only token', graphAppOnlyV2(), null],
    ['a managed identity', defenderManagedIdentity(), null],
    ['an ID token for a guest', { ...idTokenV2(), acct: 1 }, true],
  ])('says guest for %s', (_name, payload, guest) => {
    expect(classify(JSON.parse(JSON.stringify(payload)) as Payload).guest).toBe(guest);
  });
});

describe('describeExpiry', () => {
  const at = (iat: number, nbf: number | undefined, exp: number | undefined): Payload =>
    JSON.parse(
      JSON.stringify({
        ...graphDelegatedV1(),
        iat: nowSeconds + iat,
        nbf: nbf === undefined ? undefined : nowSeconds + nbf,
        exp: exp === undefined ? undefined : nowSeconds + exp,
      }),
    ) as Payload;

  it.each<[string, Payload, string, string, number | null]>([
    ['valid for 42 minutes', at(-600, -600, 42 * 60 + 30), 'valid', 'expires in 42 minutes', 42 * 60 + 30],
    ['valid for 1 minute', at(-600, -600, 60), 'valid', 'expires in 1 minute', 60],
    ['valid for 45 seconds', at(-600, -600, 45), 'valid', 'expires in 45 seconds', 45],
    [
      'valid for 2 hours 5 minutes',
      at(-600, -600, 2 * 3600 + 5 * 60),
      'valid',
      'expires in 2 hours 5 minutes',
      7500,
    ],
    ['valid for 1 hour', at(-600, -600, 3600), 'valid', 'expires in 1 hour', 3600],
    [
      'valid for 3 days 4 hours',
      at(-600, -600, 3 * 86400 + 4 * 3600),
      'valid',
      'expires in 3 days 4 hours',
      3 * 86400 + 4 * 3600,
    ],
    [
      'valid for 10 days',
      at(-600, -600, 10 * 86400 + 3600),
      'valid',
      'expires in 10 days',
      10 * 86400 + 3600,
    ],
    ['expired 3 minutes ago', at(-3600, -3600, -180), 'expired', 'expired 3 minutes ago', -180],
    ['expired exactly now', at(-3600, -3600, 0), 'expired', 'expired just now', 0],
    [
      'expired 2 days ago',
      at(-9 * 86400, -9 * 86400, -2 * 86400),
      'expired',
      'expired 2 days ago',
      -2 * 86400,
    ],
    [
      'not valid for another 5 minutes',
      at(0, 300, 3900),
      'not-yet-valid',
      'not valid for another 5 minutes',
      3900,
    ],
    ['without exp', at(-60, -60, undefined), 'unknown', 'no expiry time (exp) in the token', null],
    [
      'with a string exp',
      { ...graphDelegatedV1(), exp: 'tomorrow' },
      'unknown',
      'the expiry time (exp) is not a valid time',
      null,
    ],
    [
      'with an absurd exp',
      { ...graphDelegatedV1(), exp: 1e300 },
      'unknown',
      'the expiry time (exp) is not a valid time',
      null,
    ],
  ])('is %s', (_name, payload, state, text, secondsLeft) => {
    const expiry = expiryOf(payload);
    expect([expiry.state, expiry.text, expiry.secondsLeft]).toEqual([state, text, secondsLeft]);
  });

  it('gives the times as dates', () => {
    const expiry = expiryOf(graphDelegatedV1());
    expect(expiry.expiresAt?.toISOString()).toBe('2099-01-01T00:00:00.000Z');
    expect(expiry.issuedAt?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
    expect(expiry.notBefore?.toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });

  it('moves with now', () => {
    const payload = graphDelegatedV1();
    expect(expiryOf(payload, new Date('2099-01-01T00:10:00Z')).text).toBe('expired 10 minutes ago');
    expect(expiryOf(payload, new Date('2098-12-31T23:59:00Z')).text).toBe('expires in 1 minute');
  });

  it('does not break on an invalid now', () => {
    expect(expiryOf(graphDelegatedV1(), new Date(Number.NaN)).state).toBe('unknown');
  });
});
