import { buildCatalog } from './build-catalog';
import type { RawCatalog } from './data-format';
import type { Catalog } from './types';

let loading: Promise<Catalog> | null = null;

/**
 * Loads the catalog data (its own lazy chunks, never part of the first load) and builds the lookup
 * indexes once; every later call returns the same promise. A failed load is not cached, so a retry can
 * succeed. Does not fetch anything beyond the app's own chunks.
 */
export function loadCatalog(): Promise<Catalog> {
  loading ??= Promise.all([
    import('./data/graph.json'),
    import('./data/defender.json'),
    import('./data/directory.json'),
    import('./data/meta.json'),
  ]).then(
    ([graph, defender, directory, meta]) =>
      buildCatalog({
        graph: graph.default,
        defender: defender.default,
        directory: directory.default,
        meta: meta.default,
      } as unknown as RawCatalog),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
