// The one home of the words a token's kind, version, caller, issuer and cloud are shown with: a label (a
// table cell or a report line) and a detail (the summary, which explains). The same facts inside a
// sentence are in phrases.ts, kept apart because this module is in the first-load chunk and those are
// only said by lazy panels.
import { CLOUDS } from './clouds';
import type { Classification, Cloud, ExpiryState, IssuerKind } from './types';

type Kind = Classification['kind'];
type Caller = NonNullable<Classification['caller']>;

export const KIND_LABEL: Readonly<Record<Kind, string>> = {
  access: 'Access token',
  id: 'ID token',
  unknown: 'Unknown kind',
};

export const KIND_DETAIL: Readonly<Record<Kind, string>> = {
  access: 'Access token',
  id: 'ID token',
  unknown: 'Unknown kind (neither an Entra access token nor an ID token)',
};

/** "v1.0", "v2.0", or "Not stated". */
export function versionLabel(version: Classification['version']): string {
  return version ? `v${version}` : 'Not stated';
}

export const CALLER_LABEL: Readonly<Record<Caller, string>> = {
  delegated: 'Delegated (user)',
  'app-only': 'App-only',
  'managed-identity': 'Managed identity (app-only)',
};

export const CALLER_DETAIL: Readonly<Record<Caller, string>> = {
  delegated: 'Delegated (the app acts for a signed-in user)',
  'app-only': 'App-only (the app acts as itself, no user)',
  'managed-identity': 'Managed identity (an Azure resource acts as itself)',
};

/** The caller in lower case, for a headline: "delegated". */
export const CALLER_SHORT: Readonly<Record<Caller, string>> = {
  delegated: 'delegated',
  'app-only': 'app-only',
  'managed-identity': 'managed identity',
};

/** "Public (global)", "US Government", "China (21Vianet)": pickers and short mentions. */
export const CLOUD_LABEL: Readonly<Record<Cloud, string>> = {
  public: CLOUDS.public.label,
  usgov: CLOUDS.usgov.label,
  china: CLOUDS.china.label,
};

/** The cloud with its sign-in host, for the summary. */
export const CLOUD_DETAIL: Readonly<Record<Cloud, string>> = {
  public: `Public cloud (${CLOUDS.public.loginHost})`,
  usgov: `US Government (${CLOUDS.usgov.loginHost})`,
  china: `China, operated by 21Vianet (${CLOUDS.china.loginHost})`,
};

export const ISSUER_KIND_LABEL: Readonly<Record<IssuerKind, string>> = {
  entra: 'Microsoft Entra ID',
  'entra-b2c': 'Azure AD B2C',
  'entra-external-id': 'Microsoft Entra External ID',
  other: 'Not a Microsoft Entra issuer',
};

export const EXPIRY_STATE_LABEL: Readonly<Record<ExpiryState, string>> = {
  valid: 'Valid',
  expired: 'Expired',
  'not-yet-valid': 'Not yet valid',
  unknown: 'No expiry stated',
};
