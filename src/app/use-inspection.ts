import { useEffect, useMemo, useState } from 'react';
import {
  classifyToken,
  decodeToken,
  findBareToken,
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
  readonly failure: InspectionFailure | null;
  readonly token: InspectedToken | null;
  /**
   * True while the text needs the full paste scanner and it has not loaded yet (a moment after the first
   * render): nothing is found, nothing failed, and the page says "Reading…".
   */
  readonly pending: boolean;
}

/** A token error, or the paste scanner's chunk failing to load (offline before the page was cached). */
export type InspectionFailure =
  TokenError | { readonly code: 'scanner-not-loaded'; readonly message: string };

type Finder = (text: string) => FindResult;

const SCANNER_NOT_LOADED: InspectionFailure = {
  code: 'scanner-not-loaded',
  message:
    'The part of the page that reads headers, commands and URLs did not load. Reload the page, or paste the token on its own.',
};
const NOTHING_FOUND: FindResult = { ok: true, tokens: [] };

/**
 * The full paste scanner (src/token/find.ts: headers, curl and PowerShell, URLs, JSON, opaque tokens), loaded
 * as its own chunk once the page has rendered: the first load needs only `findBareToken`. Null until it has
 * loaded, 'failed' when it could not.
 */
function useFinder(): Finder | 'failed' | null {
  const [finder, setFinder] = useState<{ readonly find: Finder } | 'failed' | null>(null);
  useEffect(() => {
    let live = true;
    import('../token/find').then(
      (m) => live && setFinder({ find: m.findTokens }),
      () => live && setFinder('failed'),
    );
    return () => {
      live = false;
    };
  }, []);
  return finder === null || finder === 'failed' ? finder : finder.find;
}

const seconds = (v: unknown): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v * 1000 : null;

/**
 * The inspection of pasted text, derived (never stored): finding and decoding re-run only when the text or
 * the choice changes; `checkedAt` (the diagnosis's clock) moves only when the token's `nbf` or `exp` passes. The claim
 * explanations are left to the lazy Claims section, so the claim dictionary stays out of the first load.
 */
export function useInspection(text: string, selected: number): PageInspection {
  const finder = useFinder();
  // null: the text needs the full scanner, which is still loading.
  const result = useMemo(
    () => findBareToken(text) ?? (typeof finder === 'function' ? finder(text) : null),
    [text, finder],
  );
  const pending = result === null && finder === null;
  const found = result ?? NOTHING_FOUND;
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
  const failure =
    result === null && finder === 'failed'
      ? SCANNER_NOT_LOADED
      : !found.ok
        ? found.error
        : decoded !== null && !decoded.ok
          ? decoded.error
          : null;
  return useMemo(
    () => ({ found, selectedIndex, failure, token, pending }),
    [found, selectedIndex, failure, token, pending],
  );
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
