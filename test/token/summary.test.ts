import { describe, expect, it } from 'vitest';
import {
  CALLER_DETAIL,
  CALLER_LABEL,
  CALLER_PHRASE,
  CLOUD_IDS,
  CLOUD_LABEL,
  CLOUD_PHRASE,
  CLOUDS,
  ISSUER_KIND_LABEL,
  ISSUER_KIND_PHRASE,
  KIND_LABEL,
  KIND_PHRASE,
  SUMMARY_PLACEHOLDER,
  classifyToken,
  describeExpiry,
  decodeToken,
  summarizeToken,
  versionLabel,
} from '../../src/token';
import {
  defenderManagedIdentity,
  graphDelegatedV1,
  idTokenV2,
  makeToken,
  type Payload,
} from '../fixtures/make-token';

const NOW = new Date('2098-12-31T23:55:00Z');

function factsOf(payload: Payload) {
  const d = decodeToken(makeToken(payload));
  if (!d.ok) throw new Error(d.error.message);
  return { facts: classifyToken(d.token), payload: d.token.payload };
}

const rowText = (payload: Payload, key: string) =>
  summarizeToken(factsOf(payload).facts).rows.find((r) => r.key === key)?.text;

describe('summarizeToken', () => {
  it('shows placeholder rows (the access token layout) before a token arrives', () => {
    const s = summarizeToken(null);
    expect(s.headline).toBeNull();
    expect(s.rows.map((r) => r.key)).toEqual([
      'kind',
      'version',
      'caller',
      'audience',
      'tenant',
      'client',
      'issuer',
      'user',
      'expiry',
    ]);
    expect(s.rows.every((r) => r.text === SUMMARY_PLACEHOLDER)).toBe(true);
  });

  it('leaves out Caller and Client app for an ID token', () => {
    const keys = summarizeToken(factsOf(idTokenV2()).facts).rows.map((r) => r.key);
    expect(keys).not.toContain('caller');
    expect(keys).not.toContain('client');
  });

  it.each<[string, Payload, string]>([
    [
      'v1 issuer',
      { ...graphDelegatedV1(), iss: 'https://sts.windows.net/t/' },
      'Public cloud (login.microsoftonline.com)',
    ],
    [
      'v2 issuer',
      { ...graphDelegatedV1(), iss: 'https://login.microsoftonline.com/t/v2.0' },
      'Public cloud (login.microsoftonline.com)',
    ],
    [
      'US Government',
      { ...graphDelegatedV1(), iss: 'https://login.microsoftonline.us/t/v2.0' },
      'US Government (login.microsoftonline.us)',
    ],
    [
      'China',
      { ...graphDelegatedV1(), iss: 'https://sts.chinacloudapi.cn/t/' },
      'China, operated by 21Vianet (login.chinacloudapi.cn)',
    ],
    ['B2C .com', { ...graphDelegatedV1(), iss: 'https://c.b2clogin.com/t/v2.0/' }, 'Azure AD B2C ·'],
    [
      'B2C .cn',
      { ...graphDelegatedV1(), iss: 'https://c.b2clogin.cn/t/v2.0/' },
      'Azure AD B2C, China (21Vianet) ·',
    ],
    [
      'B2C .us',
      { ...graphDelegatedV1(), iss: 'https://c.b2clogin.us/t/v2.0/' },
      'Azure AD B2C, US Government ·',
    ],
    [
      'foreign',
      { ...graphDelegatedV1(), iss: 'https://accounts.google.com' },
      'Not a Microsoft Entra issuer ·',
    ],
  ])('names the issuer of a %s token', (_name, payload, start) => {
    expect(rowText(payload, 'issuer')?.startsWith(start)).toBe(true);
  });

  it.each<[string, Payload, string]>([
    ['v1', { ...graphDelegatedV1(), ver: '1.0' }, 'v1.0'],
    ['v2', { ...graphDelegatedV1(), ver: '2.0' }, 'v2.0'],
    [
      'v2 by issuer',
      { ...graphDelegatedV1(), ver: undefined, iss: 'https://login.microsoftonline.com/t/v2.0' },
      'v2.0',
    ],
    ['v1 by issuer', { ...graphDelegatedV1(), ver: undefined, iss: 'https://sts.windows.net/t/' }, 'v1.0'],
    ['unstated', { ...graphDelegatedV1(), ver: undefined, iss: 'https://example.com/' }, 'Not stated'],
  ])('says the %s version', (_name, payload, text) => {
    expect(rowText(payload, 'version')).toBe(text);
  });

  it('names a managed identity with its resource type, name and group in Caller and the headline', () => {
    const { facts } = factsOf(defenderManagedIdentity());
    const s = summarizeToken(facts);
    const mi = facts.managedIdentity;
    expect(mi).not.toBeNull();
    const caller = s.rows.find((r) => r.key === 'caller')?.text ?? '';
    expect(caller.startsWith(`${CALLER_DETAIL['managed-identity']}: `)).toBe(true);
    expect(caller).toContain(mi?.name ?? '?');
    expect(s.headline).toContain(`managed identity of ${mi?.name ?? '?'}`);
  });

  it('puts catalog names beside the IDs, and says when an ID is not in the loaded catalog', () => {
    const { facts } = factsOf(graphDelegatedV1());
    const named = summarizeToken(facts, { api: 'Microsoft Graph', catalogLoaded: true });
    expect(named.rows.find((r) => r.key === 'audience')?.text).toBe(
      `Microsoft Graph (${facts.audience ?? ''})`,
    );
    expect(named.headline).toContain('for Microsoft Graph');
    const unnamed = summarizeToken(facts, { catalogLoaded: true });
    expect(unnamed.rows.find((r) => r.key === 'audience')?.text).toBe(
      `${facts.audience ?? ''} (not in the catalog)`,
    );
  });

  it.each<[string, Payload, string, string]>([
    ['valid', graphDelegatedV1(), 'ok', 'Valid'],
    ['expired', { ...graphDelegatedV1(), exp: 1_700_000_000 }, 'err', 'Expired'],
    ['not yet valid', { ...graphDelegatedV1(), nbf: 4_100_000_000 }, 'err', 'Not yet valid'],
    ['without exp', { ...graphDelegatedV1(), exp: undefined }, 'warn', 'No expiry stated'],
  ])('badges a %s token', (_name, payload, tone, text) => {
    const { facts, payload: p } = factsOf(payload);
    const row = summarizeToken(facts, null, describeExpiry(p, NOW)).rows.find((r) => r.key === 'expiry');
    expect(row?.badge).toEqual({ tone, text });
  });
});

describe('labels and phrases', () => {
  it.each(CLOUD_IDS)('the %s cloud label is the cloud facts’ label', (id) => {
    expect(CLOUD_LABEL[id]).toBe(CLOUDS[id].label);
    expect(CLOUD_PHRASE[id]).toMatch(/^the /);
  });

  it.each([
    [KIND_LABEL, KIND_PHRASE],
    [CALLER_LABEL, CALLER_PHRASE],
    [ISSUER_KIND_LABEL, ISSUER_KIND_PHRASE],
  ])('has a label and a phrase for the same values', (labels, phrases) => {
    expect(Object.keys(phrases).sort()).toEqual(Object.keys(labels).sort());
    expect(Object.values(labels).every((t) => t.length > 0)).toBe(true);
  });

  it.each([
    ['1.0', 'v1.0'],
    ['2.0', 'v2.0'],
    [null, 'Not stated'],
  ] as const)('versionLabel(%s) is %s', (version, label) => {
    expect(versionLabel(version)).toBe(label);
  });

  it('phrases the kind with its article', () => {
    expect(KIND_PHRASE).toEqual({
      access: 'an access token',
      id: 'an ID token',
      unknown: 'a token of unknown kind',
    });
  });
});
