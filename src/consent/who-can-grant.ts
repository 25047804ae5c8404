import type { RedirectParam, ResolvedScope, WhoCanGrant } from './types';

/*
 * Who may grant tenant-wide admin consent, as Microsoft documents it (checked 2026-11 against
 * https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/grant-admin-consent, "Prerequisites",
 * and the task table in https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/delegate-by-task#enterprise-applications):
 * - Privileged Role Administrator can grant any permission of any API (Global Administrator can too: it
 *   holds every permission; the current page lists the least-privileged role only).
 * - Cloud Application Administrator and Application Administrator can grant any permission of any API
 *   EXCEPT Microsoft Graph app roles (application permissions).
 * - A custom directory role holding the permission to grant permissions to applications also works.
 */
export const WHO_CAN_GRANT_SOURCE =
  'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/grant-admin-consent';

const PRA = 'Privileged Role Administrator';
const GA = 'Global Administrator';
const CAA = 'Cloud Application Administrator';
const AA = 'Application Administrator';

/**
 * Says which built-in roles can approve a request for these scopes. A Graph `.default` counts as possibly
 * holding Graph application permissions, since the app registration decides what it covers. Does not know
 * the tenant's custom roles or consent policies.
 */
export function describeWhoCanGrant(scopes: readonly ResolvedScope[]): WhoCanGrant {
  const graphApp = scopes.filter((s) => s.isGraph && s.application === true && s.delegated !== true);
  const graphMaybeApp = scopes.filter(
    (s) => s.isGraph && (s.permission === '.default' || (s.application === true && s.delegated === true)),
  );
  const custom =
    ' A custom directory role that includes the permission to grant permissions to applications also works.';
  if (graphApp.length > 0) {
    return {
      roles: [PRA, GA],
      cannot: [CAA, AA],
      explanation:
        `Microsoft Graph application permissions (${graphApp.map((s) => s.permission).join(', ')}) can only be granted by a ${PRA} or ${GA}. ` +
        `${CAA} and ${AA} can grant everything else, but not Microsoft Graph app roles.` +
        custom,
      source: WHO_CAN_GRANT_SOURCE,
    };
  }
  if (graphMaybeApp.length > 0) {
    return {
      roles: [CAA, AA, PRA, GA],
      cannot: [],
      explanation:
        `${CAA} or ${AA} can grant delegated permissions and other APIs' application permissions. ` +
        `If the request includes Microsoft Graph application permissions (a Graph .default covers whatever application permissions the app registration lists), only a ${PRA} or ${GA} can grant those.` +
        custom,
      source: WHO_CAN_GRANT_SOURCE,
    };
  }
  return {
    roles: [CAA, AA, PRA, GA],
    cannot: [],
    explanation:
      `No Microsoft Graph application permission is involved, so a ${CAA} or ${AA} is enough.` + custom,
    source: WHO_CAN_GRANT_SOURCE,
  };
}

/*
 * What the admin-consent redirect brings back, per
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-admin-consent (successful and error
 * responses). Note the error response ALSO carries admin_consent=True, so `error` must be checked first.
 */
const REDIRECT_PARAMS: readonly RedirectParam[] = [
  {
    name: 'error',
    meaning:
      'Present only when consent failed or was declined. Check it first: a failed response still carries admin_consent=True.',
  },
  {
    name: 'error_description',
    meaning: 'The reason, with an AADSTS code inside (e.g. AADSTS65004: the admin declined).',
  },
  {
    name: 'admin_consent',
    meaning: '"True": the response came from the admin-consent flow (on success and on error).',
  },
  { name: 'tenant', meaning: 'The ID (GUID) of the tenant whose admin answered.' },
  {
    name: 'state',
    meaning:
      'The random value this link was built with. Compare it with the one shown here; if it differs, ignore the response.',
  },
  { name: 'scope', meaning: 'On success (v2.0 form): the permissions that were granted.' },
];

/** Lists what the admin-consent redirect carries back and how to read it. Pure data; no parsing. */
export function describeRedirect(): readonly RedirectParam[] {
  return REDIRECT_PARAMS;
}
