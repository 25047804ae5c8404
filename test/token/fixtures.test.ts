import { describe, expect, it } from 'vitest';
import {
  classifyToken,
  decodeToken,
  describeExpiry,
  type Classification,
  type DecodeFindingCode,
  type ExpiryState,
} from '../../src/token';
import tokens from '../fixtures/tokens.json';

// The committed fixture tokens are what their names say (regenerate with `npm run fixtures`).
const NOW = new Date('2026-11-23T12:00:00Z');
type Expect = Partial<Pick<Classification, 'kind' | 'version' | 'caller' | 'guest'>> & {
  issuerKind?: Classification['issuer']['kind'];
  cloud?: Classification['issuer']['cloud'];
  expiry?: ExpiryState;
  alg?: string;
  kid?: string | null;
  findings?: readonly DecodeFindingCode[];
  widsAbsent?: boolean;
  roles?: number;
  claims?: Record<string, unknown>;
};

const table: Record<keyof typeof tokens, Expect | 'encrypted'> = {
  'graph-delegated-v1': {
    kind: 'access',
    version: '1.0',
    caller: 'delegated',
    guest: false,
    cloud: 'public',
    claims: { aud: 'https://graph.microsoft.com' },
  },
  'graph-app-only-v2': {
    kind: 'access',
    version: '2.0',
    caller: 'app-only',
    cloud: 'public',
    claims: { aud: '00000003-0000-0000-c000-000000000000' },
  },
  'defender-managed-identity': {
    kind: 'access',
    version: '1.0',
    caller: 'managed-identity',
    claims: { aud: 'https://api.securitycenter.microsoft.com' },
  },
  'id-token-v2': { kind: 'id', version: '2.0', caller: null },
  'implicit-no-wids': { kind: 'access', caller: 'delegated', widsAbsent: true },
  'guest-v2': { kind: 'access', version: '2.0', caller: 'delegated', guest: true },
  b2c: { kind: 'id', issuerKind: 'entra-b2c', cloud: 'public' },
  'external-id': { kind: 'id', issuerKind: 'entra-external-id', cloud: 'public' },
  'usgov-delegated-v1': { kind: 'access', cloud: 'usgov', issuerKind: 'entra' },
  'china-delegated-v1': { kind: 'access', cloud: 'china', issuerKind: 'entra' },
  'hostile-claims': { kind: 'access', caller: 'delegated', claims: { name: '<img src=x onerror=alert(1)>' } },
  'graph-with-nonce': { kind: 'access', findings: ['graph-nonce'] },
  'group-overage': { kind: 'access', caller: 'delegated', claims: { _claim_names: { groups: 'src1' } } },
  'forty-roles': { kind: 'access', caller: 'app-only', roles: 40 },
  'utf8-name': { kind: 'access', claims: { name: 'Zoë Ångström 日本語 🙂' } },
  expired: { kind: 'access', expiry: 'expired' },
  'not-yet-valid': { kind: 'access', expiry: 'not-yet-valid' },
  'no-kid': { kind: 'access', kid: null },
  rs256: { alg: 'RS256', kid: 'test-rs256' },
  'rs256-tampered': { alg: 'RS256', claims: { scp: 'Directory.ReadWrite.All' } },
  ps256: { alg: 'PS256', kid: 'test-ps256' },
  'ps256-tampered': { alg: 'PS256', claims: { scp: 'Directory.ReadWrite.All' } },
  es256: { alg: 'ES256', kid: 'test-es256' },
  'es256-tampered': { alg: 'ES256', claims: { scp: 'Directory.ReadWrite.All' } },
  hs256: { alg: 'HS256', kid: 'test-hs256' },
  'hs256-tampered': { alg: 'HS256', claims: { scp: 'Directory.ReadWrite.All' } },
  'alg-none': { alg: 'none', findings: ['alg-none', 'unsigned'] },
  jwe: 'encrypted',
};

describe('committed fixture tokens', () => {
  it.each(Object.entries(table))('%s decodes and classifies as named', (name, want) => {
    const result = decodeToken(tokens[name as keyof typeof tokens]);
    if (want === 'encrypted') {
      expect(!result.ok && result.error.code).toBe('encrypted');
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const c = classifyToken(result.token);
    const { header, payload } = result.token;
    if (want.kind !== undefined) expect(c.kind).toBe(want.kind);
    if (want.version !== undefined) expect(c.version).toBe(want.version);
    if (want.caller !== undefined) expect(c.caller).toBe(want.caller);
    if (want.guest !== undefined) expect(c.guest).toBe(want.guest);
    if (want.issuerKind !== undefined) expect(c.issuer.kind).toBe(want.issuerKind);
    if (want.cloud !== undefined) expect(c.issuer.cloud).toBe(want.cloud);
    expect(describeExpiry(payload, NOW).state).toBe(want.expiry ?? 'valid');
    if (want.alg !== undefined) expect(header['alg']).toBe(want.alg);
    if (want.kid !== undefined) expect(header['kid'] ?? null).toBe(want.kid);
    expect(result.findings.map((f) => f.code)).toEqual(want.findings ?? []);
    if (want.widsAbsent) expect(c.wids).toBeNull();
    if (want.roles !== undefined) expect(c.roles).toHaveLength(want.roles);
    for (const [claim, value] of Object.entries(want.claims ?? {})) expect(payload[claim]).toEqual(value);
  });

  it('has an expectation for every committed token', () => {
    expect(Object.keys(tokens).sort()).toEqual(Object.keys(table).sort());
  });

  it('keeps every token but expired valid far into the future', () => {
    const later = new Date('2090-01-01T00:00:00Z');
    for (const [name, raw] of Object.entries(tokens)) {
      const result = decodeToken(raw);
      if (!result.ok || name === 'expired') continue;
      expect([name, describeExpiry(result.token.payload, later).state]).toEqual([
        name,
        name === 'not-yet-valid' ? 'not-yet-valid' : 'valid',
      ]);
    }
  });
});
