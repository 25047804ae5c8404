import type { DiagnosisContext } from '../../context';
import { findRequiredPermissions } from '../../required-permissions';
import type { AcceptedPermission } from '../../types';

/**
 * App-only calls to endpoints that exist only for a signed-in user (`/me…`): an app-only token has no
 * user for `/me` to stand for. The same resource under `/users/{id | userPrincipalName}` takes
 * application permissions; this returns that form and what it accepts, or null when it does not apply.
 * Used by the permission rule, so one finding says both what is wrong and the one permission to use.
 */
export function usersFormOf(
  ctx: DiagnosisContext,
): { readonly path: string; readonly application: readonly AcceptedPermission[] } | null {
  const { request, catalog } = ctx;
  if (!request || request.api !== 'graph') return null;
  const p = request.normalisedPath;
  if (p !== '/me' && !p.startsWith('/me/')) return null;
  const path = `/users/{id}${p.slice(3)}`;
  const required = findRequiredPermissions(catalog, { ...request, path, normalisedPath: path });
  if (!required.known) return { path, application: [] };
  return { path, application: required.application };
}
