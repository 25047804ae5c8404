/** A directory role by its template ID (the value in `wids`) and its display name. */
export interface KeyDirectoryRole {
  readonly id: string;
  readonly name: string;
}

/**
 * The one home of the security roles: Security Reader, Security Administrator and Global Administrator,
 * by template ID. The Graph Security API accepts them for delegated calls; the sign-in view answers yes
 * or no for each (src/auth/directory-roles.ts imports them from here).
 */
export const SECURITY_ROLES: readonly KeyDirectoryRole[] = [
  { id: '5d6b6bb7-de71-4623-b4af-96380a352509', name: 'Security Reader' },
  { id: '194ae4cb-b126-40b2-bd5b-6091b380977d', name: 'Security Administrator' },
  { id: '62e90394-69f5-4237-9190-012177145e10', name: 'Global Administrator' },
];

/** The security roles found in `wids`, by name; empty when none. Does not resolve other roles. */
export function findSecurityRoles(wids: readonly string[] | null): string[] {
  if (!wids) return [];
  const lower = new Set(wids.map((w) => w.toLowerCase()));
  return SECURITY_ROLES.filter((r) => lower.has(r.id)).map((r) => r.name);
}
