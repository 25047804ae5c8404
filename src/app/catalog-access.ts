import { findApi, findApp, loadCatalog, type Catalog } from '../catalog';

/**
 * The app's one door to the catalog's functions: loading (the data is a lazy chunk) and naming
 * `aud`/`appid`. Does not hold the catalog; use-catalog.ts does.
 */
export function loadCatalogLazily(): Promise<Catalog | null> {
  return loadCatalog();
}

/** The API's display name for an `aud` value, or null when the catalog does not know it. */
export function nameOfApi(catalog: Catalog, aud: string): string | null {
  return findApi(catalog, aud)?.name ?? null;
}

/** The app's display name for an appId, or null when the catalog does not know it. */
export function nameOfApp(catalog: Catalog, appId: string): string | null {
  return findApp(catalog, appId)?.name ?? null;
}
