import { useMemo } from 'react';
import { classifyToken, decodeToken, type Classification } from '../token';

// Scopes, roles and wids do not depend on the clock; a fixed date keeps the classification stable per
// token, so panels that only list them do not recompute on every tick.
const EPOCH = new Date(0);

/** The token's clock-free facts (audience, caller, scp, roles, wids), or null for no token or a bad one. */
export function useTokenFacts(token: string | null): Classification | null {
  return useMemo(() => {
    if (!token) return null;
    const decoded = decodeToken(token);
    return decoded.ok ? classifyToken(decoded.token, EPOCH) : null;
  }, [token]);
}
