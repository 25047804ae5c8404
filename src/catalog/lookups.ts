import type {
  ApiInfo,
  AppInfo,
  Catalog,
  CatalogInfo,
  DefenderEndpointPermissions,
  GraphPathPermissions,
  NearGraphPath,
  PermissionInfo,
  RoleInfo,
  SearchHit,
} from './types';

/* Stubs: real implementations follow. */
export function findApi(_catalog: Catalog, _aud: string): ApiInfo | null {
  return null;
}
export function findApiByHost(_catalog: Catalog, _host: string): ApiInfo | null {
  return null;
}
export function findApp(_catalog: Catalog, _appId: string): AppInfo | null {
  return null;
}
export function findRole(_catalog: Catalog, _templateId: string): RoleInfo | null {
  return null;
}
export function findPermission(_catalog: Catalog, _resourceAppId: string, _valueOrId: string): PermissionInfo | null {
  return null;
}
export function findGraphPathPermissions(_catalog: Catalog, _method: string, _path: string): GraphPathPermissions | null {
  return null;
}
export function findNearestGraphPaths(_catalog: Catalog, _method: string, _path: string, _limit = 5): readonly NearGraphPath[] {
  return [];
}
export function findDefenderEndpoint(
  _catalog: Catalog,
  _method: string,
  _path: string,
): DefenderEndpointPermissions | null {
  return null;
}
export function searchCatalog(_catalog: Catalog, _query: string, _limit = 50): readonly SearchHit[] {
  return [];
}
export function catalogInfo(catalog: Catalog): CatalogInfo {
  return { generatedAt: catalog.generatedAt, sources: [], counts: {} };
}
