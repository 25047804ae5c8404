import { useMemo } from 'react';
import { classifyToken, decodeToken, findTokens, type Inspection } from '../token';

/**
 * What the inspector page derives on its own: everything of an `Inspection` but the claim explanations, which
 * the lazy Claims section works out itself (sections/claims-section.tsx) so the claim dictionary stays out of
 * the first-load chunk.
 */
export type PageInspection = Omit<Inspection, 'claims'>;

/**
 * The inspection of pasted text, derived (never stored): finding and decoding re-run only when the text or
 * the choice changes; classifying re-runs as `now` ticks, so expiry stays live. Does the same as the token
 * layer's `inspectText` minus `explainClaims`, split so a large paste is not re-scanned every second.
 */
export function useInspection(text: string, selected: number, now: Date): PageInspection {
  const found = useMemo(() => findTokens(text), [text]);
  const count = found.ok ? found.tokens.length : 0;
  const selectedIndex = count === 0 ? null : Math.min(Math.max(0, selected), count - 1);
  const decoded = useMemo(() => {
    if (!found.ok || selectedIndex === null) return null;
    return decodeToken(found.tokens[selectedIndex]?.value ?? '');
  }, [found, selectedIndex]);
  const classification = useMemo(
    () => (decoded?.ok ? classifyToken(decoded.token, now) : null),
    [decoded, now],
  );
  return useMemo(
    () => ({ found, selectedIndex, decoded, classification }),
    [found, selectedIndex, decoded, classification],
  );
}
