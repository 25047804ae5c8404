import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog';
import { compareTokens, parseRequest } from '../../src/diagnose';
import type { ComparedToken, Comparison, DifferenceCode, ParsedRequest } from '../../src/diagnose';
import type { Classification } from '../../src/token';
import {
  CLIENT_APP_ID,
  DEFENDER_AUD,
  GRAPH_APP_ID,
  OTHER_TENANT_ID,
  graphAppOnlyV2,
  graphDelegatedV1,
  type Payload,
} from '../fixtures/make-token';
import { NOW, loadToken } from './load-token';

const SECURITY_READER = '5d6b6bb7-de71-4623-b4af-96380a352509';
const DEFAULT_MEMBER = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

/** A token side; `classification` overrides let a test pin what the classifier says. */
function side(payload: Payload, overrides: Partial<Classification> = {}): ComparedToken {
  const loaded = loadToken(payload);
  return { token: loaded.token, classification: { ...loaded.classification, ...overrides } };
}

function codes(c: Comparison): DifferenceCode[] {
  return c.differences.map((d) => d.code);
}

function messageOf(c: Comparison, code: DifferenceCode): string {
  const found = c.differences.find((d) => d.code === code);
  if (!found) throw new Error(`no ${code} in ${codes(c).join(', ')}`);
  return found.message;
}

const base = graphDelegatedV1;

describe('compareTokens by meaning', () => {
  it('finds nothing to say about a token compared with itself', () => {
    const a = side(base());
    const c = compareTokens(a, a, { now: NOW });
    expect(c.differences).toEqual([]);
    expect(c.samePayload).toBe(true);
    expect(c.claims.unchangedCount).toBe(Object.keys(base()).length);
    expect(c.diagnoses).toBeNull();
  });

  it.each<[string, Payload, Payload, DifferenceCode, string]>([
    [
      'an API change',
      base(),
      { ...base(), aud: DEFENDER_AUD },
      'audience-differs',
      'Token A is for Microsoft Graph (https://graph.microsoft.com); token B is for Microsoft Defender for Endpoint (https://api.securitycenter.microsoft.com).',
    ],
    [
      'a delegated permission only B has',
      base(),
      { ...base(), scp: `${String(base().scp)} SecurityAlert.Read.All` },
      'permission-only-in-b',
      'Token B has the delegated permission (scp) SecurityAlert.Read.All; token A does not.',
    ],
    [
      'a delegated permission only A has',
      base(),
      { ...base(), scp: 'openid profile User.Read email' },
      'permission-only-in-a',
      'Token A has the delegated permission (scp) Mail.Read; token B does not.',
    ],
    [
      'a directory role only B has, where A has no wids at all',
      { ...base(), wids: undefined },
      { ...base(), wids: [SECURITY_READER] },
      'directory-role-only-in-b',
      `Token B has Security Reader (${SECURITY_READER}) in wids; token A has no wids at all.`,
    ],
    [
      'a directory role only A has, where B has other roles',
      { ...base(), wids: [DEFAULT_MEMBER, SECURITY_READER] },
      { ...base(), wids: [DEFAULT_MEMBER] },
      'directory-role-only-in-a',
      `Token A has Security Reader (${SECURITY_READER}) in wids; token B does not.`,
    ],
    [
      'no wids claim against an empty one',
      { ...base(), wids: undefined },
      { ...base(), wids: [] },
      'wids-absent-in-a',
      'Token A has no wids claim at all; token B has an empty wids claim.',
    ],
    [
      'wids against no wids claim',
      { ...base(), wids: [DEFAULT_MEMBER] },
      { ...base(), wids: undefined },
      'wids-absent-in-b',
      'Token B has no wids claim at all; token A has 1 directory role in wids.',
    ],
    [
      'a client app change',
      base(),
      { ...base(), appid: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064' },
      'client-app-differs',
      `Token A was requested by ${CLIENT_APP_ID}; token B by de8bc8b5-d9f9-48b1-a8ad-b748da725064.`,
    ],
    [
      'a tenant change',
      base(),
      { ...base(), tid: OTHER_TENANT_ID },
      'tenant-differs',
      `Token A is from tenant 00000000-1111-2222-3333-444444444444; token B from tenant ${OTHER_TENANT_ID}.`,
    ],
  ])('tells %s', (_label, pa, pb, code, message) => {
    const c = compareTokens(side(pa), side(pb), { now: NOW });
    expect(messageOf(c, code)).toBe(message);
  });

  it.each<[string, Partial<Classification>, Partial<Classification>, DifferenceCode, string]>([
    [
      'a version change',
      { version: '1.0' },
      { version: '2.0' },
      'version-differs',
      'Token A is a v1.0 token; token B is a v2.0 token',
    ],
    [
      'a caller change',
      { caller: 'delegated' },
      { caller: 'managed-identity' },
      'caller-differs',
      'Token A is delegated (acts for a signed-in user); token B is a managed identity (app-only).',
    ],
    [
      'a kind change',
      { kind: 'access' },
      { kind: 'id' },
      'kind-differs',
      'Token A is an access token; token B is an ID token.',
    ],
    [
      'a cloud change',
      { issuer: { value: 'x', kind: 'entra', cloud: 'public' } },
      { issuer: { value: 'x', kind: 'entra', cloud: 'usgov' } },
      'cloud-differs',
      'Token A comes from the public cloud; token B from the US Government cloud.',
    ],
    [
      'an issuer change',
      { issuer: { value: 'x', kind: 'entra', cloud: 'public' } },
      { issuer: { value: 'x', kind: 'entra-b2c', cloud: 'public' } },
      'issuer-differs',
      'Token A was issued by Microsoft Entra ID; token B by Azure AD B2C.',
    ],
    [
      'a guest change',
      { guest: false },
      { guest: true },
      'guest-differs',
      "Token A's user is a member; token B's user is a guest.",
    ],
  ])('tells %s from the classification', (_label, ca, cb, code, message) => {
    const c = compareTokens(side(base(), ca), side(base(), cb), { now: NOW });
    expect(messageOf(c, code)).toContain(message);
  });

  it('does not call the same API by two spellings a different audience', () => {
    const c = compareTokens(side(base()), side({ ...base(), aud: GRAPH_APP_ID }), { now: NOW });
    expect(codes(c)).not.toContain('audience-differs');
    expect(c.claims.changed.map((x) => x.claim)).toEqual(['aud']);
  });

  it('compares permissions case-insensitively, as Entra does', () => {
    const c = compareTokens(side(base()), side({ ...base(), scp: String(base().scp).toUpperCase() }), {
      now: NOW,
    });
    expect(codes(c).filter((x) => x.startsWith('permission'))).toEqual([]);
  });

  it('tells application permissions from delegated ones with the same name', () => {
    const app = side(graphAppOnlyV2(), { caller: 'app-only' });
    const user = side({ ...base(), scp: 'Mail.Read' }, { caller: 'delegated' });
    const c = compareTokens(user, app, { now: NOW });
    const perms = c.differences.filter((d) => d.aspect === 'permission').map((d) => d.message);
    expect(perms).toContain('Token A has the delegated permission (scp) Mail.Read; token B does not.');
    expect(perms).toContain('Token B has the application permission (roles) Mail.Read; token A does not.');
  });

  it("calls a delegated token's roles app roles, not application permissions", () => {
    const c = compareTokens(
      side(base(), { caller: 'delegated' }),
      side({ ...base(), roles: ['Reports.Viewer'] }, { caller: 'delegated' }),
      {
        now: NOW,
      },
    );
    expect(messageOf(c, 'permission-only-in-b')).toBe(
      'Token B has the app role (roles) Reports.Viewer; token A does not.',
    );
  });

  it.each<[string, Partial<Classification>, DifferenceCode, string]>([
    [
      'has no user to be a guest',
      { caller: 'app-only', guest: null },
      'guest-differs',
      "Token A's user is a member; token B is app-only (no user).",
    ],
    [
      'carries no directory roles',
      { caller: 'managed-identity', wids: null },
      'wids-absent-in-b',
      'Token B is app-only, so it carries no directory roles (no wids claim); token A has 1 directory role in wids.',
    ],
  ])('says an app-only token %s, never calling it a user', (_label, cb, code, message) => {
    const user = side({ ...base(), wids: [DEFAULT_MEMBER] }, { caller: 'delegated', guest: false });
    const c = compareTokens(user, side(graphAppOnlyV2(), cb), { now: NOW });
    expect(messageOf(c, code)).toBe(message);
  });

  it('tells an expired token from a valid one', () => {
    const expired = side({ ...base(), exp: Math.floor(NOW.getTime() / 1000) - 60 });
    const c = compareTokens(expired, side(base()), { now: NOW });
    const d = c.differences.find((x) => x.code === 'expiry-differs');
    expect(d?.evidence).toMatchObject({ stateA: 'expired', stateB: 'valid' });
    expect(d?.severity).toBe('warning');
  });

  it('orders differences by aspect: API before permissions before expiry', () => {
    const c = compareTokens(
      side(base()),
      side({ ...base(), aud: DEFENDER_AUD, scp: 'Machine.Read', exp: Number(base().exp) - 100 }),
      { now: NOW },
    );
    const order = c.differences.map((d) => d.aspect);
    expect(order.indexOf('audience')).toBeLessThan(order.indexOf('permission'));
    expect(order.indexOf('permission')).toBeLessThan(order.indexOf('expiry'));
    expect(c.differences.every((d) => !d.decisive)).toBe(true);
  });
});

describe('compareTokens claim by claim', () => {
  it('lists claims added, removed and changed from A to B', () => {
    const a = { ...base(), onlyA: 1 };
    const b = { ...base(), onlyB: [1, 2], scp: 'User.Read' };
    delete (b as Payload).onlyA;
    const c = compareTokens(side(a), side(b), { now: NOW });
    expect(c.claims.added).toEqual([{ claim: 'onlyB', a: undefined, b: [1, 2] }]);
    expect(c.claims.removed).toEqual([{ claim: 'onlyA', a: 1, b: undefined }]);
    expect(c.claims.changed).toEqual([{ claim: 'scp', a: base().scp, b: 'User.Read' }]);
    expect(c.samePayload).toBe(false);
  });

  it('does not count a different key order inside an object as a change', () => {
    const c = compareTokens(
      side({ ...base(), xms_st: { a: 1, b: 2 } }),
      side({ ...base(), xms_st: { b: 2, a: 1 } }),
      { now: NOW },
    );
    expect(c.claims.changed).toEqual([]);
  });

  it('never puts the raw tokens into the comparison', () => {
    const a = side(base());
    const b = side({ ...base(), scp: 'User.Read' });
    const text = JSON.stringify(compareTokens(a, b, { now: NOW }));
    expect(text).not.toContain(a.token.raw);
    expect(text).not.toContain(b.token.raw);
    expect(text).not.toContain(a.token.signature);
  });
});

describe('compareTokens for a request: what decides the verdict comes first', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await loadCatalog();
  });

  const alertsRequest = (): ParsedRequest => {
    const parsed = parseRequest('GET https://graph.microsoft.com/v1.0/security/alerts_v2');
    if (!parsed.ok) throw new Error(parsed.error.message);
    return parsed.request;
  };
  const securityUser = (wids: string[] | undefined): Payload => ({
    ...base(),
    scp: 'openid profile User.Read SecurityAlert.Read.All',
    wids,
  });

  it('puts first: token B has Security Reader in wids; token A has no wids at all', () => {
    const c = compareTokens(
      side(securityUser(undefined)),
      side(securityUser([DEFAULT_MEMBER, SECURITY_READER])),
      {
        now: NOW,
        catalog,
        request: alertsRequest(),
      },
    );
    expect(c.diagnoses?.b.verdict).toBe('allowed');
    expect(c.diagnoses?.a.verdict).not.toBe('allowed');
    expect(c.differences[0]).toMatchObject({ code: 'verdict-differs', decisive: true });
    expect(c.differences[0]!.message).toMatch(
      /^For GET https:\/\/graph\.microsoft\.com\/v1\.0\/security\/alerts_v2: token A gets (Can't tell|Denied), token B gets Allowed\.$/,
    );
    const decisive = c.differences.filter((d) => d.decisive).map((d) => d.message);
    expect(decisive).toContain(
      `Token B has Security Reader (${SECURITY_READER}) in wids; token A has no wids at all.`,
    );
    expect(decisive).toContain('Token A has no wids claim at all; token B has 2 directory roles in wids.');
    // The default member role is in B only too, but never decides a Graph Security call.
    const member = c.differences.find((d) => d.evidence.role === DEFAULT_MEMBER);
    expect(member?.decisive).toBe(false);
    expect(c.differences.findIndex((d) => !d.decisive)).toBe(decisive.length);
  });

  it('marks the permission the request needs, not the other permission differences', () => {
    const withPerm = securityUser([SECURITY_READER]);
    const without = { ...withPerm, scp: 'openid profile User.Read Calendars.Read' };
    const c = compareTokens(side(without), side(withPerm), { now: NOW, catalog, request: alertsRequest() });
    expect(c.diagnoses?.a.verdict).toBe('denied');
    const byPermission = Object.fromEntries(
      c.differences
        .filter((d) => d.aspect === 'permission')
        .map((d) => [String(d.evidence.permission), d.decisive]),
    );
    expect(byPermission).toEqual({ 'Calendars.Read': false, 'SecurityAlert.Read.All': true });
    const decisive = c.differences.find((d) => d.evidence.permission === 'SecurityAlert.Read.All');
    expect(decisive?.fix?.text).toContain('Add the delegated permission SecurityAlert.Read.All');
  });

  it.each<[string, Payload, DifferenceCode]>([
    [
      'an expired token',
      { ...securityUser([SECURITY_READER]), exp: Math.floor(NOW.getTime() / 1000) - 60 },
      'expiry-differs',
    ],
    [
      'a token for another API',
      { ...securityUser([SECURITY_READER]), aud: DEFENDER_AUD },
      'audience-differs',
    ],
  ])('makes %s the decisive difference', (_label, failing, code) => {
    const c = compareTokens(side(failing), side(securityUser([SECURITY_READER])), {
      now: NOW,
      catalog,
      request: alertsRequest(),
    });
    expect(c.diagnoses?.a.verdict).toBe('denied');
    expect(c.diagnoses?.b.verdict).toBe('allowed');
    expect(c.differences.map((d) => d.code).slice(0, 2)).toEqual(['verdict-differs', code]);
    expect(c.differences[1]?.severity).toBe('error');
  });

  it('marks nothing decisive when both verdicts are the same', () => {
    const c = compareTokens(side(base()), side({ ...base(), scp: 'User.Read' }), {
      now: NOW,
      catalog,
      request: alertsRequest(),
    });
    expect(c.differences.some((d) => d.decisive)).toBe(false);
  });
});

describe('compareTokens with the catalog', () => {
  let catalog: Catalog;
  beforeAll(async () => {
    catalog = await loadCatalog();
  });

  it.each<[string, Payload, DifferenceCode, string]>([
    [
      'names the client app',
      { ...base(), appid: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064' },
      'client-app-differs',
      'token B by Graph Explorer (de8bc8b5-d9f9-48b1-a8ad-b748da725064).',
    ],
    [
      'names a directory role the built-in list does not know',
      { ...base(), wids: [DEFAULT_MEMBER, 'f2ef992c-3afb-46b9-b7cf-a126ee74c451'] },
      'directory-role-only-in-b',
      'Token B has Global Reader (f2ef992c-3afb-46b9-b7cf-a126ee74c451) in wids; token A does not.',
    ],
  ])('%s', (_label, pb, code, message) => {
    const c = compareTokens(side(base()), side(pb), { now: NOW, catalog });
    expect(messageOf(c, code)).toContain(message);
  });
});
