import { useMemo } from 'react';
import { prefillFromToken, prefillGrantFromToken, type GrantPrefill, type TokenPrefill } from '../../consent';
import type { InspectedToken } from '../view-props';

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
 * The one place the Consent and Grant pages read the inspected token (decoded and classified once by the
 * composition root). Does not fill anything by itself; the pages apply it when the person asks (or, for the consent
 * permission type, on first render).
 */
export function useTokenPrefill(token: InspectedToken | null): TokenPrefillState {
  return useMemo((): TokenPrefillState => {
    if (!token) return { status: 'none' };
    const consent = prefillFromToken(token.facts);
    return {
      status: 'ready',
      consent,
      grant: prefillGrantFromToken(token.decoded, token.facts),
      managedIdentityClientIds: consent.managedIdentity && consent.clientId ? [consent.clientId] : [],
    };
  }, [token]);
}
