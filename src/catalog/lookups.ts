import type { Cloud } from '../token';
import {
  METHOD_BITS,
  SCHEME_APPLICATION,
  SCHEME_DELEGATED_PERSONAL,
  SCHEME_DELEGATED_WORK,
} from './data-format';
import { scoreTemplate, splitPath } from './path-match';
import type {
  ApiInfo,
  ApiInfoRecord,
  AppInfo,
  Catalog,
  CatalogInfo,
  DefenderEndpointPermissions,
  GraphPathPermissions,
  NearGraphPath,
  PermissionInfo,
  PermissionUse,
  RoleInfo,
} from './types';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DELEGATED = SCHEME_DELEGATED_WORK | SCHEME_DELEGATED_PERSONAL;

/** True for a GUID in 8-4-4-4-12 form, any case. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

function toApiInfo(api: ApiInfoRecord, cloud: Cloud | null, resource?: string): ApiInfo {
  return {
    appId: api.appId,
    name: api.name,
    resource: resource ?? (cloud ? api.resources[cloud] : undefined) ?? api.resources.public ?? api.appId,
    cloud,
    ...(api.retired ? { retired: true } : {}),
    hosts: api.hosts,
  };
}

function hostMatch(catalog: Catalog, host: string): { api: ApiInfoRecord; cloud: Cloud } | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  const exact = catalog.internal.apiByHost.get(h);
  if (exact) return exact;
  for (const entry of catalog.internal.apiByHostSuffix) {
    if (h.endsWith(entry.suffix) && h.length > entry.suffix.length) return entry;
  }
  return null;
}

/**
 * Names the API an `aud` value stands for. Accepts every form tokens carry: the resource URL with or
 * without a trailing slash, any case; the resource appId (v2 tokens); national-cloud URLs (the result's
 * `cloud` and `resource` follow the form); and a resource's own host such as a storage account or
 * SharePoint site URL (then `resource` is that origin). For `api://<guid>…` it returns a "Custom API"
 * info with `custom: true` and that GUID as appId; for `api://<name>` and unknown URLs or GUIDs it
 * returns null (a custom API the catalog cannot name). Does not call anything; catalog data only.
 */
export function findApi(catalog: Catalog, aud: string): ApiInfo | null {
  const value = aud.trim();
  if (value === '') return null;
  const idx = catalog.internal;
  if (isGuid(value)) {
    const api = idx.apiByAppId.get(value.toLowerCase());
    return api ? toApiInfo(api, null) : null;
  }
  if (/^api:\/\//i.test(value)) {
    const id = /^api:\/\/([0-9a-f-]{36})(?:\/|$)/i.exec(value)?.[1];
    if (!id || !isGuid(id)) return null;
    const known = idx.apiByAppId.get(id.toLowerCase());
    if (known) return toApiInfo(known, null);
    return {
      appId: id.toLowerCase(),
      name: 'Custom API',
      resource: value.replace(/(?<!\/)\/+$/, ''),
      cloud: null,
      custom: true,
      hosts: [],
    };
  }
  const key = value.toLowerCase().replace(/(?<!\/)\/+$/, '');
  const byAud = idx.apiByAud.get(key);
  if (byAud) return toApiInfo(byAud.api, byAud.cloud, value.replace(/(?<!\/)\/+$/, ''));
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const byHost = hostMatch(catalog, url.hostname);
  if (!byHost) return null;
  // A resource's own host (storage account, SharePoint site): the origin is the resource.
  const own = byHost.api.hosts.some((h) => h.startsWith('*.'));
  return toApiInfo(byHost.api, byHost.cloud, own ? url.origin : undefined);
}

/**
 * Names a client or resource app by appId: Microsoft first-party apps and the resource APIs. Null for
 * apps the catalog does not list (e.g. a tenant's own registrations). Does not validate the GUID.
 */
export function findApp(catalog: Catalog, appId: string): AppInfo | null {
  return catalog.internal.apps().get(appId.trim().toLowerCase()) ?? null;
}

/** Finds a built-in directory role by template ID (any case). Null when not in the catalog. */
export function findRole(catalog: Catalog, templateId: string): RoleInfo | null {
  return catalog.internal.roles.get(templateId.trim().toLowerCase()) ?? null;
}

/**
 * Finds a permission of one API by value (case-insensitive, as Entra compares scopes) or by its
 * delegated or application ID. `resourceAppId` is the API's appId (an aud form also works). Graph
 * permissions come with IDs, consent flags, privilege levels and labels; Defender permissions only with
 * their forms (the sources give no IDs, labels or delegated consent flags: those are null). Null when
 * the API does not have it or the catalog has no permission list for that API.
 */
export function findPermission(
  catalog: Catalog,
  resourceAppId: string,
  valueOrId: string,
): PermissionInfo | null {
  const ref = resourceAppId.trim().toLowerCase();
  const appId = catalog.internal.permissions.has(ref) ? ref : (findApi(catalog, resourceAppId)?.appId ?? ref);
  const byKey = catalog.internal.permissions.get(appId);
  return byKey?.get(valueOrId.trim().toLowerCase()) ?? null;
}

const METHOD_NAMES = Object.entries(METHOD_BITS);
const methodNames = (mask: number) => METHOD_NAMES.filter(([, bit]) => mask & bit).map(([m]) => m);

/**
 * The Graph routes and Defender endpoints that accept a permission, least-privileged first (Graph
 * `least=` markers; Defender pages mark none). Does not include routes the sources do not list.
 */
export function findPermissionUses(catalog: Catalog, permission: PermissionInfo): readonly PermissionUse[] {
  const idx = catalog.internal;
  const uses: PermissionUse[] = [];
  const graphIndex = idx.graphPermissionIndex.get(permission);
  if (graphIndex !== undefined) {
    const graph = idx.graph();
    const entries = graph.entries;
    graph.paths.forEach((path, pathIndex) => {
      const flat = entries[pathIndex] ?? [];
      for (let i = 0; i + 3 < flat.length; i += 4) {
        if (flat[i] !== graphIndex) continue;
        const [methods, schemes, least] = [flat[i + 1] ?? 0, flat[i + 2] ?? 0, flat[i + 3] ?? 0];
        for (const method of methodNames(methods)) {
          if (schemes & DELEGATED)
            uses.push({ kind: 'graph', method, path, type: 'delegated', least: (least & DELEGATED) !== 0 });
          if (schemes & SCHEME_APPLICATION) {
            uses.push({
              kind: 'graph',
              method,
              path,
              type: 'application',
              least: (least & SCHEME_APPLICATION) !== 0,
            });
          }
        }
      }
    });
  }
  const value = permission.value.toLowerCase();
  for (const e of idx.defenderEndpoints) {
    if (e.resourceAppId !== permission.resourceAppId) continue;
    const base = {
      kind: 'defender' as const,
      method: e.method,
      path: e.matchedPath,
      least: false,
      resource: e.resource,
    };
    if (e.delegated.some((v) => v.toLowerCase() === value)) uses.push({ ...base, type: 'delegated' });
    if (e.application.some((v) => v.toLowerCase() === value)) uses.push({ ...base, type: 'application' });
  }
  // Merge duplicates (a permission listed in two path sets for the same route).
  const seen = new Map<string, PermissionUse>();
  for (const u of uses) {
    const key = `${u.kind} ${u.method} ${u.path.toLowerCase()} ${u.type}`;
    const prev = seen.get(key);
    if (!prev || (u.least && !prev.least)) seen.set(key, u);
  }
  return [...seen.values()].sort(
    (a, b) =>
      Number(b.least) - Number(a.least) ||
      cmp(a.path.toLowerCase(), b.path.toLowerCase()) ||
      cmp(a.method, b.method) ||
      cmp(a.type, b.type),
  );
}

/** The methods the catalog lists for a Graph path (lower case, as written in the catalog). */
export function graphPathMethods(catalog: Catalog, lowerPath: string): readonly string[] {
  const graph = catalog.internal.graph();
  let mask = 0;
  for (const i of graph.pathIndex.get(lowerPath) ?? []) {
    const flat = graph.entries[i] ?? [];
    for (let j = 1; j < flat.length; j += 4) mask |= flat[j] ?? 0;
  }
  return methodNames(mask);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Normalises a Graph request path the way the catalog keys it: lower case, no query, no `/v1.0` or
 * `/beta` prefix, no trailing slash. Does not replace ids; the caller writes them as `{id}`.
 */
function normaliseGraphPath(path: string): string[] {
  const segments = splitPath(path.trim().toLowerCase());
  if (segments[0] === 'v1.0' || segments[0] === 'beta') segments.shift();
  return segments;
}

interface RouteEntry {
  readonly permission: PermissionInfo;
  readonly schemes: number;
  readonly least: number;
}

/** The permissions on one route: entries of every path index with that lower-case path and method. */
function routeEntries(catalog: Catalog, method: number, lowerPath: string): RouteEntry[] {
  const graph = catalog.internal.graph();
  const merged = new Map<number, { schemes: number; least: number }>();
  for (const i of graph.pathIndex.get(lowerPath) ?? []) {
    const flat = graph.entries[i] ?? [];
    for (let j = 0; j + 3 < flat.length; j += 4) {
      if (((flat[j + 1] ?? 0) & method) === 0) continue;
      const perm = flat[j] ?? 0;
      const prev = merged.get(perm) ?? { schemes: 0, least: 0 };
      merged.set(perm, {
        schemes: prev.schemes | (flat[j + 2] ?? 0),
        least: prev.least | (flat[j + 3] ?? 0),
      });
    }
  }
  const out: RouteEntry[] = [];
  for (const [perm, m] of merged) {
    const permission = graph.permissions[perm];
    if (permission) out.push({ permission, ...m });
  }
  return out;
}

function orderEntries(entries: readonly RouteEntry[], type: 'delegated' | 'application'): string[] {
  const bits = type === 'delegated' ? DELEGATED : SCHEME_APPLICATION;
  const level = (p: PermissionInfo) =>
    (type === 'delegated' ? p.delegatedPrivilegeLevel : p.applicationPrivilegeLevel) ?? 99;
  return entries
    .filter((e) => (e.schemes & bits) !== 0)
    .sort(
      (a, b) =>
        Number((b.least & bits) !== 0) - Number((a.least & bits) !== 0) ||
        level(a.permission) - level(b.permission) ||
        cmp(a.permission.value, b.permission.value),
    )
    .map((e) => e.permission.value);
}

/**
 * The Graph permissions that accept a request, least privileged first (the source's `least=` markers,
 * then privilege level, then name). `path` is expected lower case with ids written as `{id}`, without
 * host, version or query, e.g. "/users/{id}/messages" (a `/v1.0` or `/beta` prefix, a query and a
 * trailing slash are dropped anyway). Catalog placeholders such as `(period={value})` match any value.
 * `matchedPath` is the catalog's path in lower case. Null when the catalog has no entry for that method
 * and path. Does not apply Graph Security's extra role requirement (see diagnose).
 */
export function findGraphPathPermissions(
  catalog: Catalog,
  method: string,
  path: string,
): GraphPathPermissions | null {
  const m = method.trim().toUpperCase();
  const bit = METHOD_BITS[m];
  if (bit === undefined) return null;
  const segments = normaliseGraphPath(path);
  const exactPath = `/${segments.join('/')}`;
  let matchedPath: string | null = null;
  let entries = routeEntries(catalog, bit, exactPath);
  if (entries.length > 0) matchedPath = exactPath;
  else {
    let best = -1;
    for (const t of catalog.internal.graph().templates().get(segments.length) ?? []) {
      const score = scoreTemplate(t, segments);
      if (score <= best) continue;
      const candidate = routeEntries(catalog, bit, t.path);
      if (candidate.length === 0) continue;
      best = score;
      matchedPath = t.path;
      entries = candidate;
    }
  }
  if (!matchedPath) return null;
  return {
    matchedPath,
    method: m,
    delegated: orderEntries(entries, 'delegated'),
    application: orderEntries(entries, 'application'),
  };
}

/**
 * Graph paths close to one the catalog does not know (same leading segments first), for "can't tell"
 * suggestions. Paths that support `method` rank higher. Does not promise any of them is right.
 */
export function findNearestGraphPaths(
  catalog: Catalog,
  method: string,
  path: string,
  limit = 5,
): readonly NearGraphPath[] {
  const m = method.trim().toUpperCase();
  const segments = normaliseGraphPath(path);
  const scored: { path: string; score: number }[] = [];
  for (const templates of catalog.internal.graph().templates().values()) {
    for (const t of templates) {
      let prefix = 0;
      while (prefix < segments.length && prefix < t.segments.length) {
        const ts = t.segments[prefix];
        const s = segments[prefix] ?? '';
        const same =
          ts === undefined ? false : typeof ts === 'string' ? ts === s : s.startsWith('{') || ts.test(s);
        if (!same) break;
        prefix++;
      }
      if (prefix === 0) continue;
      scored.push({ path: t.path, score: prefix * 4 - Math.abs(t.segments.length - segments.length) });
    }
  }
  // Paths that support the method rank one step higher; methods are looked up for the top few only.
  const top = scored
    .sort((a, b) => b.score - a.score || a.path.length - b.path.length || cmp(a.path, b.path))
    .slice(0, Math.max(0, limit) * 4)
    .map((s) => {
      const methods = graphPathMethods(catalog, s.path);
      return { path: s.path, methods, score: s.score + (methods.includes(m) ? 1 : 0) };
    });
  return top
    .sort((a, b) => b.score - a.score || a.path.length - b.path.length || cmp(a.path, b.path))
    .slice(0, Math.max(0, limit))
    .map(({ path: p, methods }) => ({ path: p, methods }));
}

/**
 * The Defender endpoint a request matches and the permissions its doc page lists. `path` is the
 * request path without host or query, e.g. "/api/machines/{id}/isolate" (compared case-insensitively;
 * `/api/v1.0/` is read as `/api/`). `method` '' matches any method. `matchedPath` is the documented
 * path as the source writes it. Null when no documented endpoint matches.
 */
export function findDefenderEndpoint(
  catalog: Catalog,
  method: string,
  path: string,
): DefenderEndpointPermissions | null {
  const m = method.trim().toUpperCase();
  const segments = splitPath(path.trim().toLowerCase());
  if (segments[0] === 'api' && (segments[1] === 'v1.0' || segments[1] === 'v1')) segments.splice(1, 1);
  let best: (DefenderEndpointPermissions & { template?: unknown }) | null = null;
  let bestScore = -1;
  for (const e of catalog.internal.defenderEndpoints) {
    if (m !== '' && e.method !== m) continue;
    const score = scoreTemplate(e.template, segments);
    if (score > bestScore) {
      bestScore = score;
      best = e;
    }
  }
  if (!best) return null;
  return {
    resource: best.resource,
    resourceAppId: best.resourceAppId,
    method: best.method,
    matchedPath: best.matchedPath,
    application: best.application,
    delegated: best.delegated,
    delegatedRole: best.delegatedRole,
  };
}

/** The catalog's date, sources (commit, date, file hashes) and counts. Does not read the sources. */
export function catalogInfo(catalog: Catalog): CatalogInfo {
  return catalog.internal.info;
}
