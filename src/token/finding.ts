/** How much a finding matters: an error blocks the call, a warning may, info only explains. */
export type Severity = 'error' | 'warning' | 'info';

/** One observation about a token or request, in the one shape every layer uses. */
export interface Finding<Code extends string = string> {
  readonly code: Code;
  readonly severity: Severity;
  /** The claims or values involved, e.g. `{ aud: 'https://graph.microsoft.com' }`. */
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly message: string;
  /** What to change, concretely; null when nothing needs changing. */
  readonly fix: string | null;
}
