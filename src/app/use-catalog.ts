import { useEffect, useState } from 'react';
import type { LoadedCatalog } from './catalog-access';

/**
 * The catalog with its naming lookups, or null until it has loaded. Loading starts after the first paint
 * (when the browser is idle) through a dynamic import, so the inspector shows raw values at once and names
 * fill in when the lazy chunk arrives.
 */
export function useCatalog(): LoadedCatalog | null {
  const [loaded, setLoaded] = useState<LoadedCatalog | null>(null);
  useEffect(() => {
    let cancelled = false;
    const start = () => {
      import('./catalog-access')
        .then((m) => m.loadCatalogWithNames())
        .then(
          (result) => {
            if (!cancelled) setLoaded(result);
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
  return loaded;
}
