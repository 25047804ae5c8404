import type { Cloud } from '../token';
import {
  decodeFrontCoded,
  METHOD_BITS,
  SCHEME_APPLICATION,
  SCHEME_DELEGATED_PERSONAL,
  SCHEME_DELEGATED_WORK,
  unpackGuid,
} from './data-format';
import type { RawCatalog, RawGraphPermission } from './data-format';
import { compileTemplate } from './path-match';
import type {
  ApiInfoRecord,
  AppInfo,
  Catalog,
  CatalogIndex,
  DefenderEndpointPermissions,
  DefenderResource,
  GraphRouteEntry,
  PathTemplate,
  PermissionInfo,
  PermissionUse,
  RoleInfo,
} from './types';

export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const DEFENDER_RESOURCE_APP_IDS: Readonly<Record<DefenderResource, string>> = {
  WindowsDefenderATP: 'fc780465-2017-40d4-a0c5-307022471b92',
  'Microsoft Threat Protection': '8ee8fdad-f234-4243-8f3b-15c294843740',
};
export const DEFAULT_MEMBER_ROLE_ID = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

const DELEGATED = SCHEME_DELEGATED_WORK | SCHEME_DELEGATED_PERSONAL;
const METHODS = Object.entries(METHOD_BITS);

const stripSlash = (s: string) => s.replace(/\/+$/, '');
const sortByValue = (a: PermissionInfo, b: PermissionInfo) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

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

  // ---- apps: the first-party list, then the API names (consistent with how the token's aud is named)
  const apps = new Map<string, AppInfo>();
  const { ids, names } = raw.directory.apps;
  const nameList = names.split('\n');
  for (let i = 0; i < nameList.length; i++) {
    const appId = unpackGuid(ids.slice(i * 22, i * 22 + 22));
    apps.set(appId, { appId, name: nameList[i] ?? '' });
  }
  for (const api of apis) apps.set(api.appId, { appId: api.appId, name: api.name });

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

  // ---- Graph permissions and routes
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

  const paths = decodeFrontCoded(raw.graph.paths);
  const routeMasks = new Map<string, Map<PermissionInfo, { schemes: number; least: number }>>();
  const pathMethods = new Map<string, Set<string>>();
  const uses = new Map<string, PermissionUse[]>();
  const addUse = (key: string, use: PermissionUse) => {
    const list = uses.get(key);
    if (list) list.push(use);
    else uses.set(key, [use]);
  };

  for (const rawPerm of raw.graph.perms) {
    const perm = graphPermission(rawPerm);
    addPermission(perm);
    const useKey = `${GRAPH_APP_ID} ${perm.value.toLowerCase()}`;
    for (const [schemes, methodMask, flat] of rawPerm[11]) {
      let idx = 0;
      for (let i = 0; i + 1 < flat.length; i += 2) {
        idx += flat[i] ?? 0;
        const least = flat[i + 1] ?? 0;
        const path = paths[idx] ?? '';
        const lower = path.toLowerCase();
        for (const [method, bit] of METHODS) {
          if ((methodMask & bit) === 0) continue;
          const key = `${method} ${lower}`;
          let perRoute = routeMasks.get(key);
          if (!perRoute) {
            perRoute = new Map();
            routeMasks.set(key, perRoute);
          }
          const prev = perRoute.get(perm) ?? { schemes: 0, least: 0 };
          perRoute.set(perm, { schemes: prev.schemes | schemes, least: prev.least | (least & schemes) });
          let methods = pathMethods.get(lower);
          if (!methods) {
            methods = new Set();
            pathMethods.set(lower, methods);
          }
          methods.add(method);
          if (schemes & DELEGATED) {
            addUse(useKey, { kind: 'graph', method, path, type: 'delegated', least: (least & DELEGATED) !== 0 });
          }
          if (schemes & SCHEME_APPLICATION) {
            addUse(useKey, {
              kind: 'graph',
              method,
              path,
              type: 'application',
              least: (least & SCHEME_APPLICATION) !== 0,
            });
          }
        }
      }
    }
  }
  const graphRoutes = new Map<string, readonly GraphRouteEntry[]>();
  for (const [key, perRoute] of routeMasks) {
    graphRoutes.set(
      key,
      [...perRoute.entries()].map(([permission, m]) => ({ permission, schemes: m.schemes, least: m.least })),
    );
  }
  const graphPathMethods = new Map<string, readonly string[]>();
  const graphTemplates = new Map<number, PathTemplate[]>();
  const seen = new Set<string>();
  for (const path of paths) {
    const lower = path.toLowerCase();
    graphPathMethods.set(lower, [...(pathMethods.get(lower) ?? [])].sort());
    if (seen.has(lower)) continue;
    seen.add(lower);
    const t = compileTemplate(path);
    const list = graphTemplates.get(t.segments.length);
    if (list) list.push(t);
    else graphTemplates.set(t.segments.length, [t]);
  }

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
      addUse(key, { kind: 'defender', method, path, type, least: false, resource: res });
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
    graphRoutes,
    graphPathMethods,
    graphTemplates,
    defenderEndpoints,
    uses,
  };
  return { generatedAt: raw.meta.generatedAt, internal: index };
}
