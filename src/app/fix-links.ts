import type { FixAction } from '../token';
import { hrefFor, type AppLink } from './routing';

/** The in-app hash a fix action opens (consent or grant builder), or null; the UI's one way to link a fix. */
export function fixHref(action: FixAction): string | null {
  const link = linkForAction(action);
  return link === null ? null : hrefFor(link);
}

/**
 * The in-app link a fix action opens (consent and grant builders), or null for actions that are not a
 * page of this app (commands, portal paths, docs).
 */
export function linkForAction(action: FixAction): AppLink | null {
  switch (action.kind) {
    case 'consent':
      return {
        route: 'consent',
        tenant: action.tenantId,
        clientId: action.clientId,
        scope: action.scope,
        cloud: action.cloud ?? 'public',
      };
    case 'grant':
      return {
        route: 'grant',
        principalId: action.principalId,
        api: action.resourceAppId,
        permission: action.permission,
      };
    default:
      return null;
  }
}
