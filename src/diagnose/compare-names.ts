import { findApi, findApp, findRole } from '../catalog';
import type { Catalog } from '../catalog';
import { SECURITY_ROLES } from './security-roles';

// Names the comparison and the report show even while the catalog is still loading.
const BUILT_IN_ROLES: ReadonlyMap<string, string> = new Map([
  ...SECURITY_ROLES.map((r) => [r.id, r.name] as const),
  ['b79fbf4d-3ef9-4689-8143-76b194e85509', 'Default member role'],
]);

/**
 * Names a directory role template ID, through the catalog when given, else from the few built-in security
 * roles; null when unknown. Does not guess.
 */
export function nameRole(id: string, catalog: Catalog | null): string | null {
  const known = catalog ? findRole(catalog, id) : null;
  if (known) return known.isDefaultMember ? `${known.name} (not an admin role)` : known.name;
  const builtIn = BUILT_IN_ROLES.get(id.toLowerCase());
  return builtIn === 'Default member role' ? 'Default member role (not an admin role)' : (builtIn ?? null);
}

/**
 * Names an application (a client app by appId, or a resource API by `aud`) through the catalog; null when
 * there is no catalog or it does not know the value.
 */
export function nameApp(idOrUri: string, catalog: Catalog | null): { appId: string; name: string } | null {
  if (!catalog) return null;
  const app = findApp(catalog, idOrUri);
  if (app) return { appId: app.appId, name: app.name };
  const api = findApi(catalog, idOrUri);
  if (api && !api.custom) return { appId: api.appId, name: api.name };
  return null;
}
