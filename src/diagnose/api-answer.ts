// Placeholder owned by h3-errors, who replaces this file with the full reader (`readApiAnswer(text)`).
// h2-verdict's rules read only the fields below; keep them (or tell h2) when replacing it.

/** A pasted API answer (error body or whole HTTP response), as far as the verdict needs it. */
export interface ApiAnswer {
  /** HTTP status, when pasted with the response or implied by the error code. */
  readonly status: number | null;
  /** Lower-cased host the answer came from, when the paste shows it; null when it does not say. */
  readonly host: string | null;
  /** Permissions the body names as required (e.g. Defender's "API required roles"), as written. */
  readonly permissions?: readonly string[];
}
