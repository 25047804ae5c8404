// Kept apart from config.ts, which reads import.meta.env: the build (scripts/vite-csp.ts) parses the same
// variable for the Content-Security-Policy, and both must agree on which origins are allowed.

/** A setting that could not be used, with why. */
export interface ConfigProblem {
  readonly name: string;
  readonly value: string;
  readonly message: string;
}

/**
 * Parses a comma-separated list of https origins. Entries that are not plain https origins (a path, a
 * query, http) are reported rather than silently widened. Does not deduplicate case variants beyond
 * what `URL` normalises.
 */
export function parseAuthorities(raw: string | undefined): { origins: string[]; problems: ConfigProblem[] } {
  const origins: string[] = [];
  const problems: ConfigProblem[] = [];
  for (const entry of (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    let url: URL | null = null;
    try {
      url = new URL(entry);
    } catch {
      url = null;
    }
    if (!url || url.protocol !== 'https:' || url.origin !== entry.replace(/\/$/, '')) {
      problems.push({
        name: 'VITE_EXTRA_AUTHORITIES',
        value: entry,
        message: `"${entry}" is not an https origin (like https://login.example.com); ignored.`,
      });
      continue;
    }
    if (!origins.includes(url.origin)) origins.push(url.origin);
  }
  return { origins, problems };
}
