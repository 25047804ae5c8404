export type {
  AnnotatedPermission,
  AnnotatedRole,
  Annotation,
  AnnotationFinding,
  AnnotationFindingCode,
  AnnotationInput,
  ApiInfo,
  AppInfo,
  Catalog,
  CatalogInfo,
  CatalogSource,
  DefenderEndpointPermissions,
  DefenderResource,
  GraphPathPermissions,
  NearGraphPath,
  PermissionInfo,
  PermissionUse,
  RoleHighlight,
  RoleInfo,
  SearchHit,
} from './types';
export { loadCatalog } from './load';
export {
  catalogInfo,
  findApi,
  findApiByHost,
  findApp,
  findDefenderEndpoint,
  findGraphPathPermissions,
  findNearestGraphPaths,
  findPermission,
  findPermissionUses,
  findRole,
  listPermissions,
} from './lookups';
export { searchCatalog } from './search';
export { annotateToken } from './annotate';
