import type { Catalog } from '../catalog';

/**
 * The request and API error text shared by the inspector page's sections. The inspector page owns them
 * (seeded from the route's `request` and `error` parameters, reset when those parameters change or on
 * Clear); the verdict section edits the request, the error section edits the error text and cross-checks
 * it against the request, the report includes both. It does not hold parsed values: each section parses
 * what it needs.
 */
export interface InspectorTexts {
  /** The request as typed: "METHOD URL", a curl or a PowerShell command; empty for none. */
  readonly request: string;
  readonly onRequest: (request: string) => void;
  /** The API or sign-in error as pasted; empty for none. */
  readonly errorText: string;
  readonly onErrorText: (errorText: string) => void;
}

/**
 * What the composition root hands every view (a whole page, chosen by the hash route) and every
 * section (a panel on the inspector page). Views and sections derive everything else from these.
 */
export interface ViewProps {
  /** Parameters of the current hash route: `#consent&tenant=x` gives route "consent" and tenant=x. */
  readonly params: URLSearchParams;
  /** The raw token being inspected (already picked out of the pasted text), or null. */
  readonly token: string | null;
  /** Puts a token into the inspector (after sign-in, for instance) and shows the inspector. */
  readonly onToken: (token: string) => void;
  /** The catalog, or null while it loads; show raw values until it arrives. */
  readonly catalog: Catalog | null;
  /** The current time, ticking, so expiry states stay live. */
  readonly now: Date;
  /** Goes to another hash route, e.g. navigate('#consent&client_id=…'). */
  readonly navigate: (hash: string) => void;
  /**
   * The inspector page's shared request and error text; only the inspector page passes it (other views
   * leave it out). A section rendered without it (on its own, as in a test) keeps its own copy, seeded from
   * the route's `request` and `error` parameters.
   */
  readonly inspector?: InspectorTexts;
}
