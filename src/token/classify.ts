import type { Classification, DecodedJwt } from './types';

/** Says what kind of token this is. Does not verify anything. (stub) */
export function classifyToken(token: DecodedJwt, now: Date): Classification {
  const p = token.payload;
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const exp = typeof p.exp === 'number' ? new Date(p.exp * 1000) : null;
  return {
    kind: 'nonce' in p ? 'id' : 'access',
    version: p.ver === '2.0' ? '2.0' : p.ver === '1.0' ? '1.0' : null,
    caller: 'roles' in p ? 'app-only' : 'scp' in p ? 'delegated' : null,
    issuer: { value: str(p.iss), kind: 'entra', cloud: 'public' },
    tenantId: str(p.tid),
    audience: str(p.aud),
    clientId: str(p.appid) ?? str(p.azp),
    guest: null,
    expiry: {
      state: exp === null ? 'unknown' : exp > now ? 'valid' : 'expired',
      issuedAt: null,
      notBefore: null,
      expiresAt: exp,
      secondsLeft: exp === null ? null : Math.round((exp.getTime() - now.getTime()) / 1000),
      text: '',
    },
    scopes: typeof p.scp === 'string' ? p.scp.split(' ') : [],
    roles: Array.isArray(p.roles) ? p.roles.filter((r): r is string => typeof r === 'string') : [],
    wids: Array.isArray(p.wids) ? p.wids.filter((r): r is string => typeof r === 'string') : null,
  };
}
