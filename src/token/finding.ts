/** How much a finding matters: an error blocks the call, a warning may, info only explains. */
export type Severity = 'error' | 'warning' | 'info';

/** A cloud a token or resource belongs to. */
type FixCloud = 'public' | 'usgov' | 'china';

/**
 * Something the app can offer to do for a fix, as data: the pure layers never write app routes or
 * markup, the composition root turns each action into a link, a copyable command or a path to follow.
 */
export type FixAction =
  /** Open the admin-consent builder with these values. */
  | {
      readonly kind: 'consent';
      readonly tenantId: string | null;
      readonly clientId: string | null;
      /** The scope to consent to, e.g. `https://graph.microsoft.com/.default`. */
      readonly scope: string;
      readonly cloud: FixCloud | null;
    }
  /** Open the app-role grant builder (service principals and managed identities). */
  | {
      readonly kind: 'grant';
      readonly principalId: string | null;
      readonly resourceAppId: string;
      readonly permission: string;
    }
  /** An Azure role assignment to create (Azure RBAC decides ARM and data-plane calls). */
  | {
      readonly kind: 'role-assignment';
      readonly assignee: string | null;
      readonly role: string;
      readonly scope: string | null;
    }
  /** A command to copy and run. */
  | {
      readonly kind: 'command';
      readonly label: string;
      readonly shell: 'bash' | 'powershell' | 'http';
      readonly text: string;
    }
  /** Where to click in a portal, e.g. ['Entra admin center', 'Roles & admins', 'Security Reader']. */
  | { readonly kind: 'portal'; readonly path: readonly string[] }
  /** A Microsoft page that says more. */
  | { readonly kind: 'doc'; readonly label: string; readonly url: string };

/** What to change: a sentence, and the actions the app can offer for it. */
export interface Fix {
  readonly text: string;
  readonly actions: readonly FixAction[];
}

/** One observation about a token or request, in the one shape every layer uses. */
export interface Finding<Code extends string = string> {
  readonly code: Code;
  readonly severity: Severity;
  /** The claims or values involved, e.g. `{ aud: 'https://graph.microsoft.com' }`. */
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly message: string;
  /** What to change, concretely; null when nothing needs changing. */
  readonly fix: Fix | null;
}

/** A fix that is a sentence with nothing for the app to offer; null text gives no fix. Does not check the text. */
export function fixOf(text: string | null, ...actions: readonly FixAction[]): Fix | null {
  return text === null ? null : { text, actions };
}
