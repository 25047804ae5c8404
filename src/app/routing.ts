/**
 * Hash routes: `#catalog&q=x`, `#consent&…`, `#grant&…`, `#signin`, `#compare&…`, and everything else is
 * the inspector (`#token=…`, `#access_token=…`, `#id_token=…`, `#error=…`, `&request=…`). Pure: reads
 * the string it is given, never `location`; the hook in use-hash-route.ts does the I/O. Query strings are
 * never read, so a token never travels to a server in a URL.
 */

/** The pages the app has. */
export type Route = 'inspect' | 'catalog' | 'consent' | 'grant' | 'signin' | 'compare';

const VIEW_ROUTES: readonly Route[] = ['catalog', 'consent', 'grant', 'signin', 'compare'];

/** Fragment parameters that carry a token, in the order they are preferred. */
export const TOKEN_PARAMS = ['token', 'access_token', 'id_token'] as const;

/** A parsed hash. */
export interface ParsedHash {
  readonly route: Route;
  /** Every parameter except the token ones (so views never see, log or re-link a token). */
  readonly params: URLSearchParams;
  /** The token from `token=`, `access_token=` or `id_token=`, or null. */
  readonly token: string | null;
  /** Which parameter the token came from. */
  readonly tokenParam: (typeof TOKEN_PARAMS)[number] | null;
}

/**
 * Parses `location.hash` (with or without the leading `#`). A leading bare word naming a view
 * (`catalog`, `consent`, …) picks that view; anything else is the inspector. Does not validate the token.
 */
export function parseHash(hash: string): ParsedHash {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const parts = body.split('&');
  const first = parts[0] ?? '';
  const firstIsView =
    !first.includes('=') && (VIEW_ROUTES as readonly string[]).includes(first.toLowerCase());
  const rest = firstIsView ? parts.slice(1) : parts;
  const all = new URLSearchParams(rest.filter((p) => p !== '' && p !== '/').join('&'));
  // `#token=…&compare=…` (issue 8's deep link) opens the comparison, which reads and then drops `compare`.
  const route: Route = firstIsView
    ? (first.toLowerCase() as Route)
    : all.has('compare')
      ? 'compare'
      : 'inspect';
  let token: string | null = null;
  let tokenParam: ParsedHash['tokenParam'] = null;
  for (const name of TOKEN_PARAMS) {
    const value = all.get(name)?.trim();
    if (token === null && value) {
      token = value;
      tokenParam = name;
    }
    all.delete(name);
  }
  return { route, params: all, token, tokenParam };
}

/**
 * Builds a hash (with `#`, or '' for the plain inspector) for a route and its parameters. Never puts a
 * token in; callers hand tokens over in memory.
 */
export function formatHash(route: Route, params: URLSearchParams = new URLSearchParams()): string {
  const query = params.toString();
  if (route === 'inspect') return query ? `#${query}` : '';
  return query ? `#${route}&${query}` : `#${route}`;
}

/**
 * The hash to show after a token was read from it: the same route and parameters, minus the token
 * (and the redirect's `token_type`/`expires_in`/`session_state`, which only describe it).
 */
export function hashWithoutToken(hash: string): string {
  const parsed = parseHash(hash);
  if (parsed.token === null) return hash;
  const params = new URLSearchParams(parsed.params);
  for (const name of ['token_type', 'expires_in', 'session_state', 'scope']) params.delete(name);
  return formatHash(parsed.route, params);
}
