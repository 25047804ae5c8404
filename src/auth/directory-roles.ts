/**
 * The directory roles the sign-in view answers yes or no for, and why `wids` can be missing.
 * Pure data; role names beyond these come from the catalog.
 */

import { SECURITY_ROLES, type KeyDirectoryRole } from '../diagnose';

export type { KeyDirectoryRole };

/** Security Reader, Security Administrator and Global Administrator: the one list in src/diagnose. */
export const KEY_DIRECTORY_ROLES: readonly KeyDirectoryRole[] = SECURITY_ROLES;

/** Role templates every member or guest carries in `wids`; they are not admin roles. */
export const DEFAULT_USER_ROLES: Readonly<Record<string, string>> = {
  'b79fbf4d-3ef9-4689-8143-76b194e85509': 'Default member (not an admin role)',
  '10dae51f-b6af-4016-8d66-8c2a99b929b3': 'Guest user (not an admin role)',
  '2af84b1e-32c8-42b7-82bc-daa82404023b': 'Restricted guest user (not an admin role)',
};

/** Why an access token may carry no `wids`, in our words. */
export const MISSING_WIDS_REASONS: readonly string[] = [
  'The token came from the implicit grant: Entra leaves wids out of tokens sent in a URL fragment.',
  'The token is for an API that is not the app itself and the app registration does not emit wids (optional claim "groups" with directory roles, or groupMembershipClaims).',
  'The token is for a non-Microsoft API or provider that does not know Entra directory roles.',
  'The user has no directory role beyond the default one and the token format drops the claim.',
];

/** For each key role: does `wids` contain it? `null` when `wids` is absent (unknown, not "no"). */
export function checkKeyDirectoryRoles(
  wids: readonly string[] | null,
): readonly { readonly role: KeyDirectoryRole; readonly holds: boolean | null }[] {
  const held = new Set((wids ?? []).map((w) => w.toLowerCase()));
  return KEY_DIRECTORY_ROLES.map((role) => ({ role, holds: wids === null ? null : held.has(role.id) }));
}
