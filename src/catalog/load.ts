import type { Catalog } from './types';

/** Loads the catalog (stub: resolves to an empty catalog until the data lands). */
export function loadCatalog(): Promise<Catalog> {
  return Promise.resolve({ generatedAt: '1970-01-01', internal: null });
}
