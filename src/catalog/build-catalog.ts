import type { Cloud } from '../token';
import { decodeFrontCoded, unpackGuid } from './data-format';
import type { RawCatalog, RawGraphPermission } from './data-format';
import { compileTemplate } from './path-match';
import type {
  ApiInfoRecord,
  AppInfo,
  Catalog,
  CatalogIndex,
  DefenderEndpointPermissions,
  DefenderResource,
  GraphIndex,
  PathTemplate,
  PermissionInfo,
  RoleInfo,
} from './types';

/** Microsoft Graph's resource appId. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** The two Defender APIs' resource appIds, by the resource names the Defender docs use. */
const DEFENDER_RESOURCE_APP_IDS: Readonly<Record<DefenderResource, string>> = {
  WindowsDefenderATP: 'fc780465-2017-40d4-a0c5-307022471b92',
  'Microsoft Threat Protection': '8ee8fdad-f234-4243-8f3b-15c294843740',
};
/** The role every member user holds (in `wids`, not in the portal's list); not an admin role. */
export const DEFAULT_MEMBER_ROLE_ID = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

/** A value computed on first call, then kept: the costly indexes wait until something needs them. */
function once<T>(make: () => T): () => T {
  let value: { v: T } | null = null;
  return () => (value ??= { v: make() }).v;
}

const stripSlash = (s: string) => s.replace(/(?<!\/)\/+$/, '');
const sortByValue = (a: PermissionInfo, b: PermissionInfo) =>
  a.value < b.value ? -1 : a.value > b.value ? 1 : 0;

function graphPermission(raw: RawGraphPermission): PermissionInfo {
  const [value, dId, aId, hasD, hasA, dConsent, dLevel, aLevel, dLabel, aLabel] = raw;
  const levels = [dLevel, aLevel].filter((l): l is number => l !== null);
  return {
    value,
    resourceAppId: GRAPH_APP_ID,
    delegatedId: dId ? unpackGuid(dId) : null,
    applicationId: aId ? unpackGuid(aId) : null,
    delegated: hasD === 1,
    application: hasA === 1,
    delegatedAdminConsent: hasD === 1 && dConsent !== null ? dConsent === 1 : null,
    applicationAdminConsent: hasA === 1 ? true : null,
    privilegeLevel: levels.length ? Math.max(...levels) : null,
    delegatedPrivilegeLevel: dLevel,
    applicationPrivilegeLevel: aLevel,
    label: dLabel ?? aLabel,
    delegatedLabel: hasD === 1 ? dLabel : null,
    applicationLabel: hasA === 1 ? (aLabel ?? dLabel) : null,
  };
}

/**
 * Builds the lookup indexes from the generated data, once. Pure: takes the data, returns the catalog;
 * does not load anything (see loadCatalog).
 */
export function buildCatalog(raw: RawCatalog): Catalog {
  // ---- APIs
  const apis: ApiInfoRecord[] = [];
  const apiByAppId = new Map<string, ApiInfoRecord>();
  const apiByAud = new Map<string, { api: ApiInfoRecord; cloud: Cloud }>();
  const apiByHost = new Map<string, { api: ApiInfoRecord; cloud: Cloud }>();
  const apiByHostSuffix: { suffix: string; api: ApiInfoRecord; cloud: Cloud }[] = [];
  for (const a of raw.directory.apis) {
    const resources: Partial<Record<Cloud, string>> = {};
    for (const [form, cloud] of a.aud) resources[cloud] ??= stripSlash(form);
    resources.public = a.resource;
    const api: ApiInfoRecord = {
      appId: a.appId,
      name: a.name,
      retired: a.retired === true,
      hosts: a.hosts.map(([h]) => h),
      resources,
    };
    apis.push(api);
    apiByAppId.set(a.appId, api);
    for (const [form, cloud] of a.aud) apiByAud.set(stripSlash(form.toLowerCase()), { api, cloud });
    for (const [host, cloud] of a.hosts) {
      if (host.startsWith('*.')) apiByHostSuffix.push({ suffix: host.slice(1), api, cloud });
      else apiByHost.set(host, { api, cloud });
    }
  }

  // ---- apps (4,000+ GUIDs to unpack): on first use. The API names win, consistent with how aud is named.
  const apps = once(() => {
    const map = new Map<string, AppInfo>();
    const { ids, names } = raw.directory.apps;
    const nameList = names.split('\n');
    for (let i = 0; i < nameList.length; i++) {
      const appId = unpackGuid(ids.slice(i * 22, i * 22 + 22));
      map.set(appId, { appId, name: nameList[i] ?? '' });
    }
    for (const api of apis) map.set(api.appId, { appId: api.appId, name: api.name });
    return map;
  });

  // ---- roles
  const roles = new Map<string, RoleInfo>();
  for (const [templateId, name, privileged] of raw.directory.roles) {
    roles.set(templateId, {
      templateId,
      name,
      privileged: privileged === null ? null : privileged === 1,
      ...(templateId === DEFAULT_MEMBER_ROLE_ID ? { isDefaultMember: true } : {}),
    });
  }

  // ---- permissions
  const permissions = new Map<string, Map<string, PermissionInfo>>();
  const permissionLists = new Map<string, PermissionInfo[]>();
  const addPermission = (p: PermissionInfo) => {
    let byKey = permissions.get(p.resourceAppId);
    if (!byKey) {
      byKey = new Map();
      permissions.set(p.resourceAppId, byKey);
      permissionLists.set(p.resourceAppId, []);
    }
    byKey.set(p.value.toLowerCase(), p);
    if (p.delegatedId) byKey.set(p.delegatedId, p);
    if (p.applicationId) byKey.set(p.applicationId, p);
    permissionLists.get(p.resourceAppId)?.push(p);
  };
  const graphPermissions = raw.graph.perms.map(graphPermission);
  const graphPermissionIndex = new Map<PermissionInfo, number>();
  graphPermissions.forEach((p, i) => {
    addPermission(p);
    graphPermissionIndex.set(p, i);
  });

  // ---- Graph path map (about 19,000 path entries): on first use.
  const graph = once((): GraphIndex => {
    const paths = decodeFrontCoded(raw.graph.paths);
    const entries: number[][] = paths.map(() => []);
    raw.graph.perms.forEach((rawPerm, permIndex) => {
      for (const [schemes, methods, flat] of rawPerm[11]) {
        let idx = 0;
        for (let i = 0; i + 1 < flat.length; i += 2) {
          idx += flat[i] ?? 0;
          entries[idx]?.push(permIndex, methods, schemes, (flat[i + 1] ?? 0) & schemes);
        }
      }
    });
    const pathIndex = new Map<string, number[]>();
    paths.forEach((path, i) => {
      const lower = path.toLowerCase();
      const list = pathIndex.get(lower);
      if (list) list.push(i);
      else pathIndex.set(lower, [i]);
    });
    const templates = once(() => {
      const bySize = new Map<number, PathTemplate[]>();
      for (const lower of pathIndex.keys()) {
        const t = compileTemplate(lower);
        const list = bySize.get(t.segments.length);
        if (list) list.push(t);
        else bySize.set(t.segments.length, [t]);
      }
      return bySize;
    });
    return { paths, pathIndex, entries, permissions: graphPermissions, templates };
  });

  // ---- Defender endpoints and the permissions they name (no IDs in the source)
  const defenderEndpoints: (DefenderEndpointPermissions & { template: PathTemplate })[] = [];
  const defenderPerms = new Map<string, { resourceAppId: string; value: string; d: boolean; a: boolean }>();
  for (const [resource, method, path, application, delegated, role] of raw.defender.endpoints) {
    const res = resource as DefenderResource;
    const resourceAppId = DEFENDER_RESOURCE_APP_IDS[res];
    defenderEndpoints.push({
      resource: res,
      resourceAppId,
      method,
      matchedPath: path,
      application,
      delegated,
      delegatedRole: role,
      template: compileTemplate(path),
    });
    const note = (value: string, type: 'delegated' | 'application') => {
      const key = `${resourceAppId} ${value.toLowerCase()}`;
      const p = defenderPerms.get(key) ?? { resourceAppId, value, d: false, a: false };
      if (type === 'delegated') p.d = true;
      else p.a = true;
      defenderPerms.set(key, p);
    };
    for (const v of application) note(v, 'application');
    for (const v of delegated) note(v, 'delegated');
  }
  for (const p of [...defenderPerms.values()].sort((a, b) => (a.value < b.value ? -1 : 1))) {
    addPermission({
      value: p.value,
      resourceAppId: p.resourceAppId,
      delegatedId: null,
      applicationId: null,
      delegated: p.d,
      application: p.a,
      delegatedAdminConsent: null,
      applicationAdminConsent: p.a ? true : null,
      privilegeLevel: null,
      delegatedPrivilegeLevel: null,
      applicationPrivilegeLevel: null,
      label: null,
      delegatedLabel: null,
      applicationLabel: null,
    });
  }
  for (const list of permissionLists.values()) list.sort(sortByValue);

  const index: CatalogIndex = {
    info: { generatedAt: raw.meta.generatedAt, sources: raw.meta.sources, counts: raw.meta.counts },
    apis,
    apiByAppId,
    apiByAud,
    apiByHost,
    apiByHostSuffix,
    apps,
    roles,
    permissions,
    permissionLists,
    graph,
    graphPermissionIndex,
    defenderEndpoints,
  };
  return { generatedAt: raw.meta.generatedAt, internal: index };
}
