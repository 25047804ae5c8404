import { useEffect, useState } from 'react';
import type { GateData } from '../catalog';

/**
 * The gate and resource facts (what decides a call beyond the token), or null until they have loaded.
 * Loads only once `needed` turns true (a request or an answer to diagnose), as its own lazy chunk.
 */
export function useGates(needed: boolean): GateData | null {
  const [gates, setGates] = useState<GateData | null>(null);
  useEffect(() => {
    if (!needed || gates) return;
    let cancelled = false;
    import('../catalog/gates')
      .then((m) => m.loadGates())
      .then(
        (data) => {
          if (!cancelled) setGates(data);
        },
        () => {
          // Without the data the gates stay unchecked; the verdict says "Can't tell" where they matter.
        },
      );
    return () => {
      cancelled = true;
    };
  }, [needed, gates]);
  return gates;
}
