import { findApi, findApp, loadCatalog, type Catalog } from '../catalog';

/** The loaded catalog with the lookups the shell needs, delivered together from one lazy chunk. */
export interface LoadedCatalog {
  readonly catalog: Catalog;
  /** The API's display name for an `aud` value, or null when the catalog does not know it. */
  readonly nameOfApi: (aud: string) => string | null;
  /** The app's display name for an appId, or null when the catalog does not know it. */
  readonly nameOfApp: (appId: string) => string | null;
}

/**
 * Loads the catalog and binds the naming lookups to it. Imported only dynamically (use-catalog.ts), so
 * neither the catalog data nor its lookup code is part of the first load. Does not cache beyond what
 * `loadCatalog` caches.
 */
export async function loadCatalogWithNames(): Promise<LoadedCatalog> {
  const catalog = await loadCatalog();
  return {
    catalog,
    nameOfApi: (aud) => findApi(catalog, aud)?.name ?? null,
    nameOfApp: (appId) => findApp(catalog, appId)?.name ?? null,
  };
}
