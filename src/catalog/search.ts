import { findApi, graphPathMethods, isGuid } from './lookups';
import type { ApiInfo, Catalog, CatalogApi, SearchFilter, SearchHit } from './types';

/** One searchable thing: the hit it gives and its text, folded once. */
interface Entry {
  readonly hit: SearchHit;
  /** The API it belongs to (permissions), for the API filter; null for roles, apps and APIs. */
  readonly appId: string | null;
  /** Lower case, separators (dots, dashes, underscores, spaces) removed. */
  readonly compact: string;
  /** Lower-case words split at the separators. */
  readonly words: readonly string[];
  /** The permission's label, folded like `compact`; '' when none. */
  readonly label: string;
}

// Separators a query may leave out or use freely: "securityalert read" finds SecurityAlert.Read.All.
const SEPARATORS = new Set(['.', '-', '_', ' ', '\t', '\n', '\r']);

/**
 * A name as the search compares it: lower case without separators, "SecurityAlert.Read.All" ->
 * "securityalertreadall". Two names that fold the same are the same name to the search.
 */
export function foldSearchText(text: string): string {
  let out = '';
  for (const c of text.toLowerCase()) if (!SEPARATORS.has(c)) out += c;
  return out;
}

/** Lower-case words between separators. */
function wordsOf(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const c of text.toLowerCase()) {
    if (SEPARATORS.has(c)) {
      if (word) out.push(word);
      word = '';
    } else word += c;
  }
  if (word) out.push(word);
  return out;
}

function entry(hit: SearchHit, text: string, appId: string | null, label: string | null = null): Entry {
  return {
    hit,
    appId,
    compact: foldSearchText(text),
    words: wordsOf(text),
    label: label ? foldSearchText(label) : '',
  };
}

const ENTRIES = new WeakMap<Catalog, readonly Entry[]>();

/** Everything searchable by name, built on the first search: permissions, roles, APIs, then apps. */
function entriesOf(catalog: Catalog): readonly Entry[] {
  const cached = ENTRIES.get(catalog);
  if (cached) return cached;
  const idx = catalog.internal;
  const out: Entry[] = [];
  for (const [appId, list] of idx.permissionLists) {
    const apiName = idx.apiByAppId.get(appId)?.name ?? appId;
    for (const p of list) {
      out.push(entry({ kind: 'permission', permission: p, apiName }, p.value, appId, p.label));
    }
  }
  for (const role of idx.roles.values()) out.push(entry({ kind: 'role', role }, role.name, null));
  for (const api of idx.apis) {
    const info = findApi(catalog, api.appId);
    if (info) out.push(entry({ kind: 'api', api: info }, api.name, null));
  }
  for (const app of idx.apps().values()) {
    // The resource APIs are listed as APIs already.
    if (!idx.apiByAppId.has(app.appId)) out.push(entry({ kind: 'app', app }, app.name, null));
  }
  ENTRIES.set(catalog, out);
  return out;
}

/**
 * How well a name matches the query, lower is better: 0 the same name (case and separators aside), 1 the
 * name starts with the query, 2 every query word starts a word of the name (any order), 3 every query
 * word is in the name, 4 every query word is in the label; -1 no match.
 */
function rankEntry(e: Entry, compactQuery: string, queryWords: readonly string[]): number {
  if (e.compact === compactQuery) return 0;
  if (e.compact.startsWith(compactQuery)) return 1;
  if (queryWords.every((q) => e.words.some((w) => w.startsWith(q)))) return 2;
  if (queryWords.every((q) => e.compact.includes(q))) return 3;
  if (e.label && queryWords.every((q) => e.label.includes(q))) return 4;
  return -1;
}

function pathRank(path: string, needle: string): number {
  if (path === needle) return 0;
  if (path.startsWith(needle)) return 1;
  return path.includes(needle) ? 2 : -1;
}

/**
 * Searches the catalog for the browser, forgivingly: case does not count, dots (and dashes, underscores)
 * are optional and words may come in any order ("securityalert read" finds SecurityAlert.Read.All, as do
 * "read securityalert" and "securityalertread"). It looks at permission values and labels, role names,
 * API and app names, and by GUID at permission IDs, role template IDs and appIds; a query with a `/`
 * looks at Graph paths and Defender endpoint paths. Best matches first; at most `limit` hits. An empty
 * query gives nothing, unless `filter.api` names an API: then it lists that API's permissions by value.
 * With `filter.api`, only that API's permissions, paths and endpoints are searched. Does not search
 * descriptions (the catalog has none) and never throws.
 */
export function searchCatalog(
  catalog: Catalog,
  query: string,
  limit = 50,
  filter: SearchFilter = {},
): readonly SearchHit[] {
  if (!(limit > 0)) return [];
  const q = query.trim().toLowerCase();
  const api = filter.api ? findApi(catalog, filter.api) : null;
  if (filter.api && !api) return [];
  const idx = catalog.internal;
  const apiId = api?.appId ?? null;
  if (q === '') {
    if (apiId === null) return [];
    const apiName = api?.name ?? apiId;
    return (idx.permissionLists.get(apiId) ?? [])
      .slice(0, limit)
      .map((permission) => ({ kind: 'permission', permission, apiName }));
  }
  // One list per rank, each in catalog order: no sort, and a hit is kept only while it can still be shown.
  const buckets: SearchHit[][] = [[], [], [], [], []];
  const push = (hit: SearchHit, rank: number) => {
    const bucket = buckets[rank];
    if (bucket && bucket.length < limit) bucket.push(hit);
  };
  const result = () => buckets.flat().slice(0, limit);

  if (isGuid(q)) {
    const byId = apiId === null ? [...idx.permissions] : [[apiId, idx.permissions.get(apiId)] as const];
    const known = apiId === null ? findApi(catalog, q) : null;
    if (known) push({ kind: 'api', api: known }, 0);
    for (const [appId, byKey] of byId) {
      const p = byKey?.get(q);
      if (p)
        push({ kind: 'permission', permission: p, apiName: idx.apiByAppId.get(appId)?.name ?? appId }, 0);
    }
    if (apiId === null) {
      const role = idx.roles.get(q);
      if (role) push({ kind: 'role', role }, 0);
      const app = idx.apps().get(q);
      if (app && !known) push({ kind: 'app', app }, 0);
    }
    return result();
  }

  const pathQuery = q.startsWith('/');
  if (!pathQuery) {
    const compactQuery = foldSearchText(q);
    const queryWords = wordsOf(q);
    if (compactQuery !== '') {
      for (const e of entriesOf(catalog)) {
        if (apiId !== null && e.appId !== apiId) continue;
        push(e.hit, rankEntry(e, compactQuery, queryWords));
      }
    }
  }
  if (pathQuery || q.includes('/')) {
    const needle = pathQuery ? q : `/${q}`;
    if (apiId === null || apiId === GRAPH) {
      for (const path of idx.graph().pathIndex.keys()) {
        const r = pathRank(path, needle);
        if (r >= 0) push({ kind: 'graph-path', path, methods: graphPathMethods(catalog, path) }, r);
      }
    }
    for (const e of idx.defenderEndpoints) {
      if (apiId !== null && e.resourceAppId !== apiId) continue;
      const { template: _template, ...endpoint } = e;
      push({ kind: 'defender-endpoint', endpoint }, pathRank(e.matchedPath.toLowerCase(), needle));
    }
  }
  return result();
}

const GRAPH = '00000003-0000-0000-c000-000000000000';

/**
 * The APIs the catalog lists permissions for (Microsoft Graph, Defender for Endpoint, Defender XDR),
 * with how many permissions each has, Graph first, then by name: what the browser offers to browse by.
 * Does not list the APIs the catalog has no permission list for.
 */
export function listCatalogApis(catalog: Catalog): readonly CatalogApi[] {
  const out: CatalogApi[] = [];
  for (const [appId, list] of catalog.internal.permissionLists) {
    const api: ApiInfo | null = findApi(catalog, appId);
    if (api) out.push({ api, permissionCount: list.length });
  }
  const name = (a: CatalogApi) => a.api.name.toLowerCase();
  return out.sort(
    (a, b) =>
      Number(b.api.appId === GRAPH) - Number(a.api.appId === GRAPH) ||
      (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0),
  );
}
