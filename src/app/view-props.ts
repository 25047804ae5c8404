import type { Catalog } from '../catalog';
import type { Diagnosis, ErrorExplanation, RequestParseResult } from '../diagnose';
import type { Classification, DecodedJwt, Finding } from '../token';

/** The token being inspected, decoded and classified once by the composition root. */
export interface InspectedToken {
  /** The token as found in the pasted text. */
  readonly raw: string;
  readonly decoded: DecodedJwt;
  /** What the token says (kind, caller, audience, scp, roles, wids, …): clock-free facts. */
  readonly facts: Classification;
  /** What decoding noticed (unsigned, `alg: none`, a Graph nonce). */
  readonly findings: readonly Finding[];
  /**
   * The time the facts were read at: it moves only when the token's `nbf` or `exp` passes, so the page
   * does not re-render every second. Show relative times with a ticking clock of your own.
   */
  readonly checkedAt: Date;
}

/**
 * What the composition root hands every view (a whole page, chosen by the hash route). Views derive
 * everything else from these.
 */
export interface ViewProps {
  /** Parameters of the current hash route: `#consent&tenant=x` gives route "consent" and tenant=x. */
  readonly params: URLSearchParams;
  /** The token being inspected (already picked out of the pasted text and decoded), or null. */
  readonly token: InspectedToken | null;
  /** Puts a token into the inspector (after sign-in, for instance) and shows the inspector. */
  readonly onToken: (token: string) => void;
  /** The catalog, or null while it loads; show raw values until it arrives. */
  readonly catalog: Catalog | null;
  /** The current time, ticking, so expiry states stay live. */
  readonly now: Date;
  /** Goes to another hash route, e.g. navigate(hrefFor({ route: 'consent', … })). */
  readonly navigate: (hash: string) => void;
}

/** Everything the inspector page works out from one paste, once: the sections only display it. */
export interface Inspected {
  readonly token: InspectedToken | null;
  /** The pasted request, parsed; null when none was given. */
  readonly request: RequestParseResult | null;
  /** The pasted API answer, explained; null when none was given. */
  readonly explanation: ErrorExplanation | null;
  /** The one diagnosis of token + request (+ answer); null without a readable token and request. */
  readonly diagnosis: Diagnosis | null;
  /**
   * The one list every panel shows: the diagnosis's findings, then the answer's cross-checks that the
   * diagnosis does not already make, in fix order.
   */
  readonly findings: readonly Finding[];
  /** The time the diagnosis was made for (see `InspectedToken.checkedAt`). */
  readonly checkedAt: Date;
}

/** What every panel of the inspector page gets. */
export interface SectionProps {
  readonly inspected: Inspected;
  /** The catalog, or null while it loads. */
  readonly catalog: Catalog | null;
}
