import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { REDACTED, redactClaims } from '../../src/diagnose/redact-claims';

const personal: readonly [string, unknown][] = [
  ['name', 'Ada Lovelace'],
  ['given_name', 'Ada'],
  ['family_name', 'Lovelace'],
  ['unique_name', 'ada@contoso.example'],
  ['upn', 'ada@contoso.example'],
  ['preferred_username', 'ada@contoso.example'],
  ['email', 'ada@contoso.example'],
  ['verified_primary_email', ['ada@contoso.example']],
  ['verified_secondary_email', ['ada.l@contoso.example']],
  ['ipaddr', '203.0.113.7'],
  ['oid', '6f1a2b3c-0000-4000-8000-000000000001'],
  ['sub', 'Zx9pQmVYbLd0vHk2s8T1uR4wA6cE3fG5'],
  ['puid', '10032001A2B3C4D5'],
  ['uti', 'AbCdEfGhIjKlMnOpQrStUv'],
  ['aio', 'E2RgYJg5aV2/3c1Q0y8AAAA='],
  ['rh', '0.AAAA1234abcd.'],
  ['sid', '00b3e4c1-5555-4444-9999-abcdefabcdef'],
  ['onprem_sid', 'S-1-5-21-1111111111-2222222222-3333333333-1001'],
  ['login_hint', 'O.CiQ2ZjFhMmIzYy0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDE'],
  ['nonce', 'n-0S6_WzA2Mj'],
  ['c_hash', 'LDktKdoQak3Pk0cnXxCltA'],
  ['at_hash', 'wfgvmE9VxjAudsl9lc6TqA'],
  ['deviceid', 'd3v1c3-0000-4000-8000-00000000abcd'],
  ['groups', ['0a1b2c3d-0000-4000-8000-000000000010', '0a1b2c3d-0000-4000-8000-000000000011']],
  ['_claim_sources', { src1: { endpoint: 'https://graph.windows.net/tid/users/6f1a2b3c/getMemberObjects' } }],
  ['ctry', 'NZ'],
  ['my_custom_claim', 'employee 4711'],
];

const kept: readonly [string, unknown][] = [
  ['aud', 'https://graph.microsoft.com'],
  ['iss', 'https://sts.windows.net/72f988bf-0000-4000-8000-000000000000/'],
  ['ver', '1.0'],
  ['scp', 'User.Read SecurityAlert.Read.All'],
  ['roles', ['Ti.ReadWrite.All']],
  ['wids', ['5d6b6bb7-de71-4623-b4af-96380a352509']],
  ['idtyp', 'app'],
  ['appid', '04b07795-8ddb-461a-bbee-02f9e1bf7b46'],
  ['azp', 'de8bc8b5-d9f9-48b1-a8ad-b748da725064'],
  ['exp', 1_900_000_000],
  ['nbf', 1_899_990_000],
  ['iat', 1_899_990_000],
  ['tid', '72f988bf-0000-4000-8000-000000000000'],
  ['acr', '1'],
  ['amr', ['pwd', 'mfa']],
  ['appidacr', '2'],
];

describe('redactClaims', () => {
  it.each(personal)('masks %s and lists it as masked', (name, value) => {
    const out = redactClaims({ aud: 'https://graph.microsoft.com', [name]: value });
    expect(out.masked).toEqual([name]);
    expect(JSON.stringify(out.claims)).not.toContain(JSON.stringify(value).slice(1, -1));
    expect(out.claims.aud).toBe('https://graph.microsoft.com');
  });

  it.each(kept)('keeps %s as it is, since a diagnosis needs it', (name, value) => {
    const out = redactClaims({ [name]: value });
    expect(out.claims[name]).toEqual(value);
    expect(out.masked).toEqual([]);
  });

  it('keeps the shape of masked arrays and objects', () => {
    const out = redactClaims({
      groups: ['a-group-id', 'b-group-id'],
      _claim_sources: { src1: { endpoint: 'https://graph.windows.net/x/users/y/getMemberObjects' } },
    });
    expect(out.claims.groups).toEqual([REDACTED, REDACTED]);
    expect(out.claims._claim_sources).toEqual({ src1: { endpoint: REDACTED } });
  });

  it.each([
    [
      'a user-assigned identity',
      '/subscriptions/0f0e0d0c-1111-4222-8333-444455556666/resourcegroups/rg-payroll/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-payroll-sync',
      '/subscriptions/…/resourcegroups/…/providers/Microsoft.ManagedIdentity/userAssignedIdentities/…',
    ],
    [
      'a virtual machine (system-assigned)',
      '/subscriptions/0f0e0d0c-1111-4222-8333-444455556666/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachines/vm-web-01',
      '/subscriptions/…/resourceGroups/…/providers/Microsoft.Compute/virtualMachines/…',
    ],
    ['something that is not a resource ID', 'vm-web-01', REDACTED],
    ['a providers path that names nothing', '/providers/Microsoft.Compute/virtualMachines', REDACTED],
  ])('masks the names in xms_mirid of %s but keeps its shape', (_label, value, expected) => {
    const out = redactClaims({ xms_mirid: value });
    expect(out.claims.xms_mirid).toBe(expected);
    expect(out.masked).toEqual(['xms_mirid']);
  });

  it('lists masked claims in payload order and keeps the claim order', () => {
    const out = redactClaims({ aud: 'x', upn: 'u@example.com', scp: 'User.Read', oid: 'o-1', exp: 1 });
    expect(out.masked).toEqual(['upn', 'oid']);
    expect(Object.keys(out.claims)).toEqual(['aud', 'upn', 'scp', 'oid', 'exp']);
  });

  it('does not change its input', () => {
    const input = { upn: 'u@example.com', groups: ['g1'] };
    const copy = structuredClone(input);
    redactClaims(input);
    expect(input).toEqual(copy);
  });

  it('treats __proto__ as a plain claim name', () => {
    const payload = JSON.parse('{"__proto__": {"polluted": "secret-value"}, "aud": "a"}') as Record<
      string,
      unknown
    >;
    const out = redactClaims(payload);
    expect(out.masked).toEqual(['__proto__']);
    expect(JSON.stringify(out.claims)).not.toContain('secret-value');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [{ appOnly: true }, 'kept', 'sp-object-id'],
    [{ appOnly: false }, 'masked', '[redacted]'],
    [{}, 'masked', '[redacted]'],
  ])("with %o an app's oid and sub are %s", (options, _what, expected) => {
    const out = redactClaims({ oid: 'sp-object-id', sub: 'sp-object-id', upn: 'x@example.com' }, options);
    expect(out.claims.oid).toBe(expected);
    expect(out.claims.sub).toBe(expected);
    expect(out.claims.upn).toBe('[redacted]');
  });

  it.each([
    ['a JWT in a kept claim', { acr: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ6cSJ9.c2ln' }, 'acr'],
    ['a refresh token in a kept claim', { idp: '0.AXoAzqRefreshTokenBody0123456789abcdefghijk' }, 'idp'],
  ])('masks %s and lists the claim as masked', (_what, payload, name) => {
    const out = redactClaims(payload);
    expect(out.claims[name]).toBe('[redacted]');
    expect(out.masked).toEqual([name]);
  });

  it('masks a credential used as a claim name, at any depth', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ6cSJ9.c2ln';
    const out = redactClaims({ [jwt]: 1, custom: { deep: [{ [`refresh_token=zqDeepSecret`]: 'v' }] } });
    const json = JSON.stringify(out.claims);
    expect(json).not.toContain(jwt);
    expect(json).not.toContain('zqDeepSecret');
    expect(json).toContain('"refresh_token=[redacted]"');
  });
});

// ---- Property: masked values do not survive ----
//
// Precisely: let P be a payload, O = redactClaims(P), S = JSON.stringify(O.claims). For every claim c in
// O.masked and every string leaf s of P[c] (at any depth) with at least 4 characters: S contains neither s nor
// its JSON-escaped form, unless s also occurs in the "allowed text": the serialization of the kept claims, any
// key at any depth, or the placeholder. Shorter strings ("NZ", "1") are too common to say anything.
// Stronger, for claims other than xms_mirid: O does not depend on the masked values at all (changing every
// masked leaf leaves O unchanged).

const claimName = fc.oneof(
  fc.constantFrom(...personal.map(([n]) => n), ...kept.map(([n]) => n), 'xms_mirid'),
  fc.string({ minLength: 1, maxLength: 12 }),
);
const payloadArb = fc.dictionary(claimName, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 12 });

function stringLeaves(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringLeaves);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringLeaves);
  return [];
}

function keysDeep(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysDeep);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysDeep(v)]);
  return [];
}

function replaceLeaves(value: unknown, next: () => string): unknown {
  if (Array.isArray(value)) return value.map((v) => replaceLeaves(v, next));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceLeaves(v, next)]));
  if (value === null) return null;
  return next();
}

describe('redactClaims (property)', () => {
  it('lets no masked string of 4 or more characters into the output', () => {
    fc.assert(
      fc.property(payloadArb, fc.string({ minLength: 4, maxLength: 30 }), (base, secret) => {
        // The same secret in a masked claim and in an unknown claim: neither copy may survive.
        const payload = { ...base, upn: secret, some_unknown_claim: [secret] };
        const out = redactClaims(payload);
        const serialized = JSON.stringify(out.claims);
        const keptPart = Object.fromEntries(
          Object.entries(out.claims).filter(([k]) => !out.masked.includes(k)),
        );
        const allowed = [JSON.stringify(keptPart), ...keysDeep(out.claims), REDACTED].join('\n');
        for (const name of out.masked) {
          for (const s of stringLeaves((payload as Record<string, unknown>)[name])) {
            if (s.length < 4) continue;
            const escaped = JSON.stringify(s).slice(1, -1);
            if (allowed.includes(s) || allowed.includes(escaped)) continue;
            expect(serialized.includes(s) || serialized.includes(escaped), `${name} leaked ${s}`).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same output whatever the masked values were', () => {
    fc.assert(
      fc.property(payloadArb, fc.infiniteStream(fc.string()), (payload, stream) => {
        const out = redactClaims(payload);
        const it = stream[Symbol.iterator]();
        const changed: Record<string, unknown> = { ...payload };
        for (const name of out.masked) {
          if (name === 'xms_mirid') continue;
          changed[name] = replaceLeaves(changed[name], () => it.next().value as string);
        }
        const again = redactClaims(changed);
        for (const name of out.masked) {
          if (name !== 'xms_mirid') expect(again.claims[name]).toEqual(out.claims[name]);
        }
        expect(again.masked).toEqual(out.masked);
      }),
      { numRuns: 200 },
    );
  });

  it('masks the subscription, group and name inside any managed-identity resource ID', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{8,16}$/);
    fc.assert(
      fc.property(hex, hex, hex, (sub, rg, name) => {
        const mirid = `/subscriptions/${sub}/resourcegroups/${rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
        const serialized = JSON.stringify(redactClaims({ xms_mirid: mirid }).claims);
        expect(serialized).not.toContain(sub);
        expect(serialized).not.toContain(rg);
        expect(serialized).not.toContain(name);
        expect(serialized).toContain('/providers/Microsoft.ManagedIdentity/userAssignedIdentities/');
      }),
    );
  });
});
