import { authFailure, type SignInFailure } from './msal-errors';
import type { ResolvedSignInSettings } from './settings';

/** How long the authority may take to answer before sign-in gives up on it. */
export const AUTHORITY_TIMEOUT_MS = 4000;

/** What the check needs besides the settings; the app passes the browser's, tests their own. */
export interface AuthorityCheckOptions {
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** `navigator.onLine`: false means the browser knows it has no network. */
  readonly online?: () => boolean;
}

/**
 * The OpenID configuration MSAL reads first: `<authority>/v2.0/.well-known/openid-configuration` in
 * Entra (AAD) mode, `<authority>/.well-known/openid-configuration` for a plain OpenID provider.
 */
export function openIdConfigurationUrl(
  settings: Pick<ResolvedSignInSettings, 'authority' | 'protocolMode'>,
): string {
  let base = settings.authority;
  while (base.endsWith('/')) base = base.slice(0, -1);
  return settings.protocolMode === 'OIDC'
    ? `${base}/.well-known/openid-configuration`
    : `${base}/v2.0/.well-known/openid-configuration`;
}

/**
 * Asks the authority for its OpenID configuration with a short timeout, so a sign-in can say "offline",
 * "unreachable", "no answer" or "not an OpenID provider" before it leaves the page or waits on a popup.
 * Sends no credentials and nothing about the person. Does not validate the configuration beyond its
 * `issuer` and `authorization_endpoint`; never throws.
 */
export async function checkAuthority(
  settings: Pick<ResolvedSignInSettings, 'authority' | 'protocolMode'>,
  options: AuthorityCheckOptions = {},
): Promise<{ readonly ok: true } | { readonly ok: false; readonly error: SignInFailure }> {
  const online = options.online ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const url = openIdConfigurationUrl(settings);
  if (!online()) return { ok: false, error: authFailure('offline', `navigator.onLine is false (${url})`) };
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? AUTHORITY_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await doFetch(url, {
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
    });
    if (!response.ok) {
      return { ok: false, error: authFailure('authority-not-openid', `GET ${url}: HTTP ${response.status}`) };
    }
    const body: unknown = await response.json().catch(() => null);
    const config = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    if (typeof config.issuer !== 'string' || typeof config.authorization_endpoint !== 'string') {
      return {
        ok: false,
        error: authFailure('authority-not-openid', `GET ${url}: no issuer or authorization_endpoint`),
      };
    }
    return { ok: true };
  } catch (e) {
    if (controller.signal.aborted) {
      return {
        ok: false,
        error: authFailure('authority-timeout', `GET ${url}: no answer within ${timeoutMs / 1000} s`),
      };
    }
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: online()
        ? authFailure('authority-unreachable', `GET ${url}: ${reason}`)
        : authFailure('offline', `GET ${url}: ${reason}`),
    };
  } finally {
    clearTimeout(timer);
  }
}
