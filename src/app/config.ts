/**
 * The app's build-time settings, read from `import.meta.env` once and checked here, so nothing else
 * touches the environment. Does not read anything at run time (no storage, no query string).
 */

/** Settings the app was built with. */
export interface AppConfig {
  /** Extra sign-in authorities (https origins) allowed besides the Entra clouds, e.g. a test provider. */
  readonly extraAuthorities: readonly string[];
  /** Where the app is served from (Vite's base URL), ending in "/". */
  readonly baseUrl: string;
  /** True in a production build. */
  readonly production: boolean;
}

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

const env = import.meta.env;
const authorities = parseAuthorities(
  typeof env.VITE_EXTRA_AUTHORITIES === 'string' ? env.VITE_EXTRA_AUTHORITIES : undefined,
);

/** The checked settings. Does not change after load. */
export const config: AppConfig = Object.freeze({
  extraAuthorities: Object.freeze(authorities.origins) as readonly string[],
  baseUrl: typeof env.BASE_URL === 'string' ? env.BASE_URL : '/',
  production: env.PROD === true,
});

/** Settings that were given but could not be used; shown to developers, never fatal. */
export const configProblems: readonly ConfigProblem[] = authorities.problems;
