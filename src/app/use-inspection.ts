import { useMemo } from 'react';
import {
  classifyToken,
  decodeToken,
  findTokens,
  type DecodedJwt,
  type FindResult,
  type TokenError,
} from '../token';
import { useClockAt } from './use-now';
import type { InspectedToken } from './view-props';

/** The tokens found in the pasted text and the selected one, decoded and classified. */
export interface PageInspection {
  readonly found: FindResult;
  /** Index into `found.tokens` that was inspected; null when nothing was found. */
  readonly selectedIndex: number | null;
  /** Why the selected token could not be read, or null. */
  readonly failure: TokenError | null;
  readonly token: InspectedToken | null;
}

const seconds = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v * 1000 : null;

/**
 * The inspection of pasted text, derived (never stored): finding and decoding re-run only when the text or
 * the choice changes; `checkedAt` (the diagnosis's clock) moves only when the token's `nbf` or `exp` passes. The claim
 * explanations are left to the lazy Claims section, so the claim dictionary stays out of the first load.
 */
export function useInspection(text: string, selected: number): PageInspection {
  const found = useMemo(() => findTokens(text), [text]);
  const count = found.ok ? found.tokens.length : 0;
  const selectedIndex = count === 0 ? null : Math.min(Math.max(0, selected), count - 1);
  const raw = found.ok && selectedIndex !== null ? (found.tokens[selectedIndex]?.value ?? '') : null;
  const decoded = useMemo(() => (raw === null ? null : decodeToken(raw)), [raw]);
  const payload = decoded?.ok ? decoded.token.payload : null;
  const checkedAt = useClockAt([seconds(payload?.['nbf']), seconds(payload?.['exp'])]);
  const token = useMemo(
    () =>
      raw === null || !decoded?.ok ? null : toInspected(raw, decoded.token, decoded.findings, checkedAt),
    [raw, decoded, checkedAt],
  );
  const failure = !found.ok ? found.error : decoded !== null && !decoded.ok ? decoded.error : null;
  return useMemo(() => ({ found, selectedIndex, failure, token }), [found, selectedIndex, failure, token]);
}

/** The token as the page hands it down: decoded once, its facts read at `checkedAt`. */
export function inspectToken(raw: string, checkedAt: Date): InspectedToken | null {
  const decoded = decodeToken(raw);
  if (!decoded.ok) return null;
  return toInspected(raw, decoded.token, decoded.findings, checkedAt);
}

function toInspected(
  raw: string,
  decoded: DecodedJwt,
  findings: InspectedToken['findings'],
  checkedAt: Date,
): InspectedToken {
  return { raw, decoded, facts: classifyToken(decoded), findings, checkedAt };
}
