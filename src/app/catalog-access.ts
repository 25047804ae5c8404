import type { Catalog } from '../catalog';

/**
 * The app's one door to the catalog's functions: loading (a lazy chunk) and naming `aud`/`appid`.
 * Does not hold the catalog; use-catalog.ts does.
 */
export async function loadCatalogLazily(): Promise<Catalog | null> {
  return null;
}

/** The API's display name for an `aud` value, or null. */
export function nameOfApi(_catalog: Catalog, _aud: string): string | null {
  return null;
}

/** The app's display name for an appId, or null. */
export function nameOfApp(_catalog: Catalog, _appId: string): string | null {
  return null;
}
