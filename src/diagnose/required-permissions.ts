import {
  findDefenderEndpoint,
  findGraphPathPermissions,
  findNearestGraphPaths,
  findPermission,
  type Catalog,
} from '../catalog';
import { graphApiFor, MDE_API, XDR_API, XDR_APP_ID } from './hosts';
import { ID, normaliseDefenderPath, normaliseGraphPath, VALUE } from './normalise-path';
import type { AcceptedPermission, ParsedRequest, RequiredPermissions, TargetApi } from './types';

function accepted(
  catalog: Catalog,
  resourceAppId: string | null,
  values: readonly string[],
  type: 'delegated' | 'application',
): AcceptedPermission[] {
  return values.map((value) => {
    const info = resourceAppId ? findPermission(catalog, resourceAppId, value) : null;
    const adminConsent = type === 'application' ? true : info ? (info.delegatedAdminConsent ?? null) : null;
    const id = info ? (type === 'delegated' ? info.delegatedId : info.applicationId) : null;
    return { value, type, adminConsent, id };
  });
}

/** The API a request goes to, before the endpoint is known: Graph by cloud, Defender by host family. */
export function targetApiFor(request: ParsedRequest): TargetApi | null {
  if (request.api === 'graph') return graphApiFor(request.host, request.cloud);
  if (request.api === 'defender') {
    if (request.host.endsWith('.microsoft.us')) return { ...MDE_API, resource: `https://${request.host}` };
    return MDE_API;
  }
  return null;
}

/** Ways the catalog may write the same path. Ambiguous literal segments need no variants: the catalog's
 * `{id}` templates match any segment, preferring literal matches. */
function candidatePaths(request: ParsedRequest): string[] {
  const out: string[] = [];
  // Function calls with their real arguments first: the catalog's templates match argument values, and a
  // placeholder-only form could otherwise fall through to a bare `{id}` template.
  if (request.normalisedPath.includes('(')) {
    const rest = request.path.replace(/^\/(v1\.0|beta)(?=\/|$)/i, '');
    out.push(normaliseGraphPath(rest, { keepCallArgs: true }));
  }
  out.push(request.normalisedPath);
  if (request.normalisedPath.includes(VALUE)) out.push(request.normalisedPath.split(VALUE).join(ID));
  return [...new Set(out)];
}

/**
 * Says which permissions a request accepts, per scheme (delegated, application), least privileged
 * first, from the catalog. An endpoint the catalog does not know gives `known: false` with the nearest
 * known paths. Does not look at any token, and does not guess for APIs other than Graph and Defender.
 */
export function findRequiredPermissions(
  catalog: Catalog | null,
  request: ParsedRequest,
): RequiredPermissions {
  const api = targetApiFor(request);
  if (request.api === 'other' || api === null) return { known: false, api, reason: 'other-api', nearest: [] };
  if (catalog === null) return { known: false, api, reason: 'no-catalog', nearest: [] };

  if (request.api === 'graph') {
    for (const path of candidatePaths(request)) {
      const hit = findGraphPathPermissions(catalog, request.method, path);
      if (hit) {
        return {
          known: true,
          api,
          matchedPath: hit.matchedPath,
          delegated: accepted(catalog, api.appId, hit.delegated, 'delegated'),
          application: accepted(catalog, api.appId, hit.application, 'application'),
          delegatedRole: null,
        };
      }
    }
    const nearest = findNearestGraphPaths(catalog, request.method, request.normalisedPath, 5).map(
      (n) => `${n.methods.join('/')} ${n.path}`,
    );
    return { known: false, api, reason: 'unknown-endpoint', nearest };
  }

  const hit =
    (request.normalisedPath.includes('(')
      ? findDefenderEndpoint(
          catalog,
          request.method,
          normaliseDefenderPath(request.path, { keepCallArgs: true }),
        )
      : null) ?? findDefenderEndpoint(catalog, request.method, request.normalisedPath);
  if (!hit) return { known: false, api, reason: 'unknown-endpoint', nearest: [] };
  const base = hit.resourceAppId === XDR_APP_ID ? XDR_API : api;
  const endpointApi: TargetApi = { ...base, appId: hit.resourceAppId };
  return {
    known: true,
    api: endpointApi,
    matchedPath: hit.matchedPath,
    delegated: accepted(catalog, hit.resourceAppId, hit.delegated, 'delegated'),
    application: accepted(catalog, hit.resourceAppId, hit.application, 'application'),
    delegatedRole: hit.delegatedRole,
  };
}
