import { useMemo } from 'react';
import { classifyToken, decodeToken, explainClaims, findTokens, type Inspection } from '../token';

/**
 * The inspection of pasted text, derived (never stored): finding and decoding re-run only when the text or
 * the choice changes; classifying and explaining re-run as `now` ticks, so expiry stays live. Does the same
 * as the token layer's `inspectText`, split so a large paste is not re-scanned every second.
 */
export function useInspection(text: string, selected: number, now: Date): Inspection {
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
  const claims = useMemo(() => (decoded?.ok ? explainClaims(decoded.token, now) : []), [decoded, now]);
  return useMemo(
    () => ({ found, selectedIndex, decoded, classification, claims }),
    [found, selectedIndex, decoded, classification, claims],
  );
}
