import { useEffect, useState } from 'react';
import type { GateData } from '../catalog';

/**
 * Data from a lazy chunk, or null until it has loaded. Starts loading only once `needed` turns true and
 * keeps what it got (the loaders cache and retry on failure). A failed load leaves null: the rules then
 * say less, never more.
 */
export function useLazyData<T>(needed: boolean, load: () => Promise<T>): T | null {
  const [data, setData] = useState<T | null>(null);
  useEffect(() => {
    if (!needed || data !== null) return;
    let cancelled = false;
    load().then(
      (loaded) => {
        if (!cancelled) setData(loaded);
      },
      () => {
        // Without the data the checks that need it stay unchecked; the verdict says "Can't tell" where they matter.
      },
    );
    return () => {
      cancelled = true;
    };
  }, [needed, data, load]);
  return data;
}

const loadGates = (): Promise<GateData> => import('../catalog/gates').then((m) => m.loadGates());

/**
 * The gate and resource facts (what decides a call beyond the token), or null until they have loaded.
 * Loads only once `needed` turns true (a request or an answer to diagnose), as its own lazy chunk.
 */
export function useGates(needed: boolean): GateData | null {
  return useLazyData(needed, loadGates);
}
