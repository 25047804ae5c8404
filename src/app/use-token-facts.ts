import { useMemo } from 'react';
import { classifyToken, decodeToken, type Classification } from '../token';

/** The token's clock-free facts (audience, caller, scp, roles, wids), or null for no token or a bad one. */
export function useTokenFacts(token: string | null): Classification | null {
  return useMemo(() => {
    if (!token) return null;
    const decoded = decodeToken(token);
    return decoded.ok ? classifyToken(decoded.token) : null;
  }, [token]);
}
