/**
 * The inspector's one network request without sign-in: on an explicit "Fetch keys" click, load an Entra
 * issuer's OpenID metadata and the JWKS it names, so the signature can be checked. Only Entra's own
 * sign-in hosts are ever contacted (the same hosts the Content-Security-Policy allows).
 */
import { metadataHostOf } from '../token';

/** The signing keys of an issuer, as text for the "Signing key" box. */
export type FetchKeysResult =
  | { readonly ok: true; readonly jwksText: string; readonly jwksUri: string; readonly metadataUrl: string }
  | { readonly ok: false; readonly message: string };

type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Largest metadata or JWKS document accepted; Entra's are a few KB. */
const MAX_DOCUMENT_BYTES = 512 * 1024;

/**
 * Where an Entra issuer publishes its OpenID metadata, or null when `issuer` is not an Entra issuer
 * (v1 `https://sts.windows.net/{tenant}/`, v2 `https://login.microsoftonline.com/{tenant}/v2.0`, and the
 * US Government and China equivalents). B2C, External ID and other issuers are not supported. Pure.
 */
export function findMetadataUrl(issuer: string): string | null {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return null;
  }
  if (
    url.protocol !== 'https:' ||
    url.port !== '' ||
    url.search !== '' ||
    url.hash !== '' ||
    url.username !== ''
  )
    return null;
  const parts = url.pathname.split('/').filter(Boolean);
  const tenant = parts[0] ?? '';
  if (!GUID.test(tenant)) return null;
  // Sign-in hosts publish their own metadata; the v1 `sts` hosts' lives at their cloud's sign-in host.
  const metadataHost = metadataHostOf(url.hostname);
  if (metadataHost === null) return null;
  if (metadataHost !== url.hostname) {
    return parts.length === 1 ? `https://${metadataHost}/${tenant}/.well-known/openid-configuration` : null;
  }
  if (parts.length === 1) return `https://${url.hostname}/${tenant}/.well-known/openid-configuration`;
  if (parts.length === 2 && parts[1] === 'v2.0')
    return `https://${url.hostname}/${tenant}/v2.0/.well-known/openid-configuration`;
  return null;
}

async function readJson(
  fetchImpl: FetchLike,
  url: string,
  signal: AbortSignal,
  what: string,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  let response: Response;
  try {
    response = await fetchImpl(url, {
      signal,
      method: 'GET',
      mode: 'cors',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      redirect: 'error',
    });
  } catch (error) {
    if (signal.aborted) return { ok: false, message: 'Cancelled.' };
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      message: `Could not load the ${what} from ${url} (${detail}). Offline, or blocked by a proxy? Paste the keys instead.`,
    };
  }
  if (!response.ok) return { ok: false, message: `The ${what} at ${url} answered HTTP ${response.status}.` };
  const text = await response.text();
  if (text.length > MAX_DOCUMENT_BYTES)
    return { ok: false, message: `The ${what} at ${url} is unexpectedly large; not used.` };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, message: `The ${what} at ${url} is not JSON.` };
  }
}

/**
 * Fetches the signing keys (JWKS) of an Entra issuer: its OpenID metadata first, then the `jwks_uri`
 * it names, which must be on the same Entra sign-in host. Call it only from an explicit user action;
 * it sends no token, no cookie and no referrer, and it does not cache. Does not verify anything, and
 * refuses issuers that are not Entra's (B2C, External ID, any other provider): paste their keys.
 * Never throws; cancelling through `signal` gives `{ ok: false, message: 'Cancelled.' }`.
 */
export async function fetchSigningKeys(
  issuer: string,
  signal: AbortSignal,
  fetchImpl: FetchLike = (input, init) => fetch(input, init),
): Promise<FetchKeysResult> {
  const metadataUrl = findMetadataUrl(issuer);
  if (metadataUrl === null) {
    return {
      ok: false,
      message: `"${issuer}" is not an Entra ID issuer this app fetches keys for (public, US Government or China cloud). Paste the issuer's JWKS instead.`,
    };
  }
  const metadata = await readJson(fetchImpl, metadataUrl, signal, 'OpenID metadata');
  if (!metadata.ok) return metadata;
  const jwksUri =
    typeof metadata.value === 'object' && metadata.value !== null
      ? (metadata.value as { jwks_uri?: unknown }).jwks_uri
      : undefined;
  if (typeof jwksUri !== 'string')
    return { ok: false, message: `The OpenID metadata at ${metadataUrl} names no jwks_uri.` };
  let jwksUrl: URL;
  try {
    jwksUrl = new URL(jwksUri);
  } catch {
    return { ok: false, message: `The metadata's jwks_uri "${jwksUri}" is not a URL.` };
  }
  if (jwksUrl.protocol !== 'https:' || jwksUrl.host !== new URL(metadataUrl).host) {
    return {
      ok: false,
      message: `The metadata's jwks_uri "${jwksUri}" is not on ${new URL(metadataUrl).host}; not fetched.`,
    };
  }
  const jwks = await readJson(fetchImpl, jwksUrl.href, signal, 'key set');
  if (!jwks.ok) return jwks;
  const keys =
    typeof jwks.value === 'object' && jwks.value !== null
      ? (jwks.value as { keys?: unknown }).keys
      : undefined;
  if (!Array.isArray(keys))
    return { ok: false, message: `The document at ${jwksUrl.href} is not a key set (no "keys" list).` };
  return { ok: true, jwksText: JSON.stringify(jwks.value, null, 2), jwksUri: jwksUrl.href, metadataUrl };
}
