import { useMemo } from 'react';
import { prefillFromToken, prefillGrantFromToken, type GrantPrefill, type TokenPrefill } from '../../consent';
import { classifyToken, decodeToken } from '../../token';

/** What the inspected token can fill into the Consent and Grant forms. */
export type TokenPrefillState =
  | { readonly status: 'none' }
  | { readonly status: 'unreadable'; readonly message: string }
  | {
      readonly status: 'ready';
      readonly consent: TokenPrefill;
      readonly grant: GrantPrefill;
      /** The token's client ID when the token is a managed identity's: no consent link is built for it. */
      readonly managedIdentityClientIds: readonly string[];
    };

/**
 * The one place the Consent and Grant pages read the inspected token: decoded and classified once per
 * token. Does not fill anything by itself; the pages apply it when the person asks (or, for the consent
 * permission type, on first render).
 */
export function useTokenPrefill(token: string | null): TokenPrefillState {
  return useMemo((): TokenPrefillState => {
    if (!token) return { status: 'none' };
    const decoded = decodeToken(token);
    if (!decoded.ok) return { status: 'unreadable', message: decoded.error.message };
    const classification = classifyToken(decoded.token);
    const consent = prefillFromToken(classification);
    return {
      status: 'ready',
      consent,
      grant: prefillGrantFromToken(decoded.token, classification),
      managedIdentityClientIds: consent.managedIdentity && consent.clientId ? [consent.clientId] : [],
    };
  }, [token]);
}
