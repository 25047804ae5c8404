import { useEffect, useState } from 'react';
import type { Catalog } from '../catalog';
import { loadCatalogLazily } from './catalog-access';

/**
 * The catalog, or null until it has loaded. Loading starts after the first paint (when the browser is
 * idle), so the inspector shows raw values at once and names fill in when the lazy chunk arrives.
 */
export function useCatalog(): Catalog | null {
  const [catalog, setCatalog] = useState<Catalog | null>(null);
  useEffect(() => {
    let cancelled = false;
    const start = () => {
      loadCatalogLazily().then(
        (loaded) => {
          if (!cancelled) setCatalog(loaded);
        },
        () => {
          // Names stay raw; the inspector works without the catalog.
        },
      );
    };
    const idle = window.requestIdleCallback;
    if (typeof idle === 'function') {
      const id = idle(start, { timeout: 1500 });
      return () => {
        cancelled = true;
        window.cancelIdleCallback(id);
      };
    }
    const id = setTimeout(start, 50);
    return () => {
      cancelled = true;
      clearTimeout(id);
    };
  }, []);
  return catalog;
}
