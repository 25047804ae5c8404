// Kept apart from config.ts, which reads import.meta.env: the build (scripts/vite-csp.ts) parses the same
// variable for the Content-Security-Policy, and both must agree on which origins are allowed.

/** A setting that could not be used, with why. */
export interface ConfigProblem {
  readonly name: string;
  readonly value: string;
  readonly message: string;
}

/**
 * Characters that could end a source list and start another Content-Security-Policy directive, or open a
 * keyword (`'unsafe-inline'`), if an entry reached the policy: `URL` accepts `;` and quotes in a host.
 */
const POLICY_BREAKERS = [';', ',', '"', "'", '`'];

function policyBreakerIn(entry: string): string | null {
  for (const ch of entry) {
    if (POLICY_BREAKERS.includes(ch)) return `"${ch}"`;
    if (ch.trim() === '') return 'whitespace';
  }
  return null;
}

/**
 * Parses a comma-separated list of https origins. Entries that are not plain https origins (a path, a
 * query, http) are reported rather than silently widened; an entry holding `;`, a quote or whitespace is
 * refused before it is parsed, since the build writes these origins into the Content-Security-Policy.
 * Does not deduplicate case variants beyond what `URL` normalises.
 */
export function parseAuthorities(raw: string | undefined): { origins: string[]; problems: ConfigProblem[] } {
  const origins: string[] = [];
  const problems: ConfigProblem[] = [];
  for (const entry of (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const breaker = policyBreakerIn(entry);
    if (breaker !== null) {
      problems.push({
        name: 'VITE_EXTRA_AUTHORITIES',
        value: entry,
        message: `"${entry}" contains ${breaker}, which could add a Content-Security-Policy directive; list https origins separated by commas only. Ignored.`,
      });
      continue;
    }
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
