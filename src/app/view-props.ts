import type { Catalog } from '../catalog';

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
}
