import { findApi, graphPathMethods, isGuid } from './lookups';
import type { Catalog, SearchHit } from './types';

/** 0 exact, 1 starts with, 2 contains, -1 no match. */
function rank(text: string, q: string): number {
  const t = text.toLowerCase();
  if (t === q) return 0;
  if (t.startsWith(q)) return 1;
  return t.includes(q) ? 2 : -1;
}

/**
 * Searches the catalog for the browser: permission values and labels, permission IDs, role names and
 * template IDs, API and app names and appIds, Graph paths and Defender endpoint paths. Exact matches
 * first, then prefix, then substring; at most `limit` hits. Empty for an empty query. Does not search
 * descriptions (the catalog has none).
 */
export function searchCatalog(catalog: Catalog, query: string, limit = 50): readonly SearchHit[] {
  const q = query.trim().toLowerCase();
  if (q === '' || limit <= 0) return [];
  const idx = catalog.internal;
  const hits: { hit: SearchHit; rank: number; order: number }[] = [];
  let order = 0;
  const push = (hit: SearchHit, r: number) => {
    if (r >= 0) hits.push({ hit, rank: r, order: order++ });
  };

  if (isGuid(q)) {
    const api = findApi(catalog, q);
    if (api) push({ kind: 'api', api }, 0);
    for (const [appId, byKey] of idx.permissions) {
      const p = byKey.get(q);
      if (p)
        push({ kind: 'permission', permission: p, apiName: idx.apiByAppId.get(appId)?.name ?? appId }, 0);
    }
    const role = idx.roles.get(q);
    if (role) push({ kind: 'role', role }, 0);
    const app = idx.apps().get(q);
    if (app && !api) push({ kind: 'app', app }, 0);
    return hits.map((h) => h.hit).slice(0, limit);
  }

  const pathQuery = q.startsWith('/');
  if (!pathQuery) {
    for (const [appId, list] of idx.permissionLists) {
      const apiName = idx.apiByAppId.get(appId)?.name ?? appId;
      for (const p of list) {
        const byValue = rank(p.value, q);
        const byLabel = p.label ? rank(p.label, q) : -1;
        const r = byValue >= 0 ? byValue : byLabel >= 0 ? 3 : -1;
        push({ kind: 'permission', permission: p, apiName }, r);
      }
    }
    for (const role of idx.roles.values()) push({ kind: 'role', role }, rank(role.name, q));
    for (const api of idx.apis) {
      const info = findApi(catalog, api.appId);
      if (info) push({ kind: 'api', api: info }, rank(api.name, q));
    }
  }
  if (pathQuery || q.includes('/')) {
    const needle = pathQuery ? q : `/${q}`;
    for (const path of idx.graph().pathIndex.keys()) {
      const r = path === needle ? 0 : path.startsWith(needle) ? 1 : path.includes(needle) ? 2 : -1;
      if (r >= 0) push({ kind: 'graph-path', path, methods: graphPathMethods(catalog, path) }, r);
    }
    for (const e of idx.defenderEndpoints) {
      const { template: _template, ...endpoint } = e;
      push({ kind: 'defender-endpoint', endpoint }, rank(e.matchedPath, needle));
    }
  }
  return hits
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, limit)
    .map((h) => h.hit);
}
