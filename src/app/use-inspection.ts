import { useMemo } from 'react';
import { classifyToken, decodeToken, describeExpiry, findTokens, type Inspection } from '../token';

/**
 * What the inspector page derives on its own: everything of an `Inspection` but the claim explanations, which
 * the lazy Claims section works out itself (sections/claims-section.tsx) so the claim dictionary stays out of
 * the first-load chunk.
 */
export type PageInspection = Omit<Inspection, 'claims'>;

/**
 * The inspection of pasted text, derived (never stored): finding, decoding and classifying re-run only when
 * the text or the choice changes; only the expiry re-runs as `now` ticks, so a large paste is not re-scanned
 * every second.
 */
export function useInspection(text: string, selected: number, now: Date): PageInspection {
  const found = useMemo(() => findTokens(text), [text]);
  const count = found.ok ? found.tokens.length : 0;
  const selectedIndex = count === 0 ? null : Math.min(Math.max(0, selected), count - 1);
  const decoded = useMemo(() => {
    if (!found.ok || selectedIndex === null) return null;
    return decodeToken(found.tokens[selectedIndex]?.value ?? '');
  }, [found, selectedIndex]);
  const classification = useMemo(() => (decoded?.ok ? classifyToken(decoded.token) : null), [decoded]);
  const expiry = useMemo(
    () => (decoded?.ok ? describeExpiry(decoded.token.payload, now) : null),
    [decoded, now],
  );
  return useMemo(
    () => ({ found, selectedIndex, decoded, classification, expiry }),
    [found, selectedIndex, decoded, classification, expiry],
  );
}
