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

/** The second token of a comparison link (`#compare&compare=…`, `#token=…&compare=…`). */
export const COMPARE_PARAM = 'compare';

/**
 * Fragment parameters that are credentials but not a token to inspect (an authorization code, a refresh
 * token, the session and client info of a redirect): never read, always removed from the address bar.
 */
export const CREDENTIAL_PARAMS = ['refresh_token', 'code', 'client_info', 'session_state'] as const;

/** What a redirect puts next to a token, only describing it: removed with the token. */
const TOKEN_COMPANIONS = ['token_type', 'expires_in', 'scope', 'state'] as const;

/** A parsed hash. */
export interface ParsedHash {
  readonly route: Route;
  /** Every parameter except the token and credential ones (so views never see, log or re-link one). */
  readonly params: URLSearchParams;
  /** The token from `token=`, `access_token=` or `id_token=`, or null. */
  readonly token: string | null;
  /** Which parameter the token came from. */
  readonly tokenParam: (typeof TOKEN_PARAMS)[number] | null;
  /** The second token of a comparison link, or null. */
  readonly compareToken: string | null;
  /** True when the hash carried a token or another credential: it must be scrubbed. */
  readonly carriesCredential: boolean;
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
  // `#token=…&compare=…` opens the comparison with both tokens.
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
  const compareToken = all.get(COMPARE_PARAM)?.trim() || null;
  let carriesCredential = token !== null || all.has(COMPARE_PARAM);
  all.delete(COMPARE_PARAM);
  for (const name of CREDENTIAL_PARAMS) {
    if (all.has(name)) carriesCredential = true;
    all.delete(name);
  }
  if (carriesCredential) for (const name of TOKEN_COMPANIONS) all.delete(name);
  return { route, params: all, token, tokenParam, compareToken, carriesCredential };
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

/** A link to one of the app's pages, as data: `hrefFor` is the one place that turns it into a hash. */
export type AppLink =
  | {
      readonly route: 'inspect';
      /** A request to prefill ("METHOD URL"). */
      readonly request?: string | null;
      /** An error text to prefill. */
      readonly error?: string | null;
    }
  | {
      readonly route: 'catalog';
      readonly q?: string | null;
      /** Browse or search one API: its short name ("microsoft-graph") or appId. */
      readonly api?: string | null;
    }
  | {
      readonly route: 'consent';
      readonly tenant?: string | null;
      readonly clientId?: string | null;
      /** One scope or several (space-separated in the link). */
      readonly scope?: string | readonly string[] | null;
      readonly redirectUri?: string | null;
      readonly cloud?: string | null;
      readonly type?: 'delegated' | 'application' | null;
    }
  | {
      readonly route: 'grant';
      readonly principalId?: string | null;
      /** The API's appId or name. */
      readonly api?: string | null;
      /** One app role or several (comma-separated in the link). */
      readonly permission?: string | readonly string[] | null;
      readonly cloud?: string | null;
    }
  | { readonly route: 'signin' }
  | { readonly route: 'compare' };

function setIf(params: URLSearchParams, name: string, value: string | null | undefined): void {
  if (value !== null && value !== undefined && value !== '') params.set(name, value);
}

function joined(value: string | readonly string[] | null | undefined, separator: string): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.filter((v) => v !== '').join(separator);
}

/**
 * The hash for an app page (with `#`; `#` alone for the empty inspector). Every value is percent-encoded
 * as one parameter, so a value taken from a token cannot add parameters or change the route. Never takes
 * a token: there is no field for one. Does not check that the values exist.
 */
export function hrefFor(link: AppLink): string {
  const params = new URLSearchParams();
  switch (link.route) {
    case 'inspect':
      setIf(params, 'request', link.request);
      setIf(params, 'error', link.error);
      break;
    case 'catalog':
      setIf(params, 'api', link.api);
      setIf(params, 'q', link.q);
      break;
    case 'consent':
      setIf(params, 'tenant', link.tenant);
      setIf(params, 'client_id', link.clientId);
      setIf(params, 'scope', joined(link.scope, ' '));
      setIf(params, 'redirect_uri', link.redirectUri);
      setIf(params, 'cloud', link.cloud);
      if (link.type === 'application') params.set('type', 'application');
      break;
    case 'grant':
      setIf(params, 'principal_id', link.principalId);
      setIf(params, 'api', link.api);
      setIf(params, 'permission', joined(link.permission, ','));
      setIf(params, 'cloud', link.cloud);
      break;
    case 'signin':
    case 'compare':
      break;
  }
  return formatHash(link.route, params) || '#';
}

/**
 * The hash to show after a token was read from it: the same route and parameters, minus every token
 * (`token`, `access_token`, `id_token`, `compare`), every other credential (`code`, `refresh_token`,
 * `client_info`, `session_state`) and what a redirect sends with them (`token_type`, `expires_in`,
 * `scope`, `state`). A hash without any is returned as it is.
 */
export function hashWithoutToken(hash: string): string {
  const parsed = parseHash(hash);
  if (!parsed.carriesCredential) return hash;
  return formatHash(parsed.route, parsed.params);
}
