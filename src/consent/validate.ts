import type { ConsentError } from './types';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A DNS name with at least two labels and an alphabetic top-level label (contoso.onmicrosoft.com).
const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** True for a GUID in the 8-4-4-4-12 form. Does not check the variant bits. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** A validated tenant segment, or the error for it. */
export type TenantCheck =
  { readonly ok: true; readonly tenant: string } | { readonly ok: false; readonly error: ConsentError };

/**
 * Checks the `{tenant}` path segment for admin consent: a tenant ID, a verified domain or `organizations`.
 * `allowCommon` is for the user-consent link, where `common` is fine. Does not look the tenant up.
 */
export function checkTenant(raw: string, allowCommon = false): TenantCheck {
  const value = raw.trim();
  const lower = value.toLowerCase();
  const fail = (code: ConsentError['code'], message: string): TenantCheck => ({
    ok: false,
    error: { field: 'tenant', code, message },
  });
  if (value === '')
    return fail('required', 'Enter the tenant ID, a verified domain of the tenant, or "organizations".');
  if (lower === 'common') {
    if (allowCommon) return { ok: true, tenant: 'common' };
    return fail(
      'tenant-common',
      'Admin consent needs a tenant: "common" would also let a personal Microsoft account try, and personal accounts cannot grant admin consent. Use the tenant ID, a verified domain or "organizations".',
    );
  }
  if (lower === 'consumers') {
    return fail(
      'tenant-consumers',
      '"consumers" is for personal Microsoft accounts, which have no admins. Use the tenant ID, a verified domain or "organizations".',
    );
  }
  if (lower === 'organizations') return { ok: true, tenant: 'organizations' };
  if (isGuid(value)) return { ok: true, tenant: lower };
  if (DOMAIN.test(value)) return { ok: true, tenant: lower };
  return fail(
    'tenant-invalid',
    `"${value}" is not a tenant ID (a GUID), a domain like contoso.onmicrosoft.com, or "organizations".`,
  );
}

/** A validated client ID (lower case), or the error for it. */
export type ClientIdCheck =
  { readonly ok: true; readonly clientId: string } | { readonly ok: false; readonly error: ConsentError };

/** Checks the application (client) ID: a GUID. Does not check the app exists. */
export function checkClientId(raw: string): ClientIdCheck {
  const value = raw.trim();
  if (value === '') {
    return {
      ok: false,
      error: {
        field: 'clientId',
        code: 'required',
        message: 'Enter the application (client) ID of the app registration.',
      },
    };
  }
  if (!isGuid(value)) {
    return {
      ok: false,
      error: {
        field: 'clientId',
        code: 'client-id-not-guid',
        message: `The client ID must be a GUID like 00001111-aaaa-2222-bbbb-3333cccc4444 (the "Application (client) ID" of the app registration), not "${value}".`,
      },
    };
  }
  return { ok: true, clientId: value.toLowerCase() };
}

/** A validated redirect URI (as typed, trimmed), or the error for it. */
export type RedirectCheck =
  { readonly ok: true; readonly redirectUri: string } | { readonly ok: false; readonly error: ConsentError };

// Entra's documented limit for one redirect URI.
const MAX_REDIRECT_LENGTH = 256;
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1'];

/**
 * Checks a redirect URI as Entra will: https, or http only for localhost/127.0.0.1; no fragment, no wildcard,
 * at most 256 characters. Returns it exactly as typed (trimmed): it must match the registered one
 * character for character, so it is never normalised. Does not check that it is registered.
 */
export function checkRedirectUri(raw: string): RedirectCheck {
  const value = raw.trim();
  const fail = (code: ConsentError['code'], message: string): RedirectCheck => ({
    ok: false,
    error: { field: 'redirectUri', code, message },
  });
  if (value === '') {
    return fail(
      'required',
      'Enter a redirect URI registered on the app (the admin is sent back there afterwards).',
    );
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase() ?? null;
  if (
    scheme === 'javascript' ||
    scheme === 'data' ||
    scheme === 'vbscript' ||
    scheme === 'file' ||
    scheme === 'blob'
  ) {
    return fail(
      'redirect-unsafe-scheme',
      `A "${scheme}:" address cannot be a redirect URI. Use an https address registered on the app.`,
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(
      'redirect-not-url',
      `"${value}" is not an absolute URL. Use the full address, e.g. https://app.contoso.com/consent-done.`,
    );
  }
  if (value.length > MAX_REDIRECT_LENGTH) {
    return fail(
      'redirect-too-long',
      `Entra accepts redirect URIs of at most ${MAX_REDIRECT_LENGTH} characters; this one has ${value.length}.`,
    );
  }
  if (value.includes('#')) {
    return fail(
      'redirect-fragment',
      'A redirect URI cannot contain a fragment ("#…"); Entra refuses it. Remove everything from "#".',
    );
  }
  if (value.includes('*')) {
    return fail(
      'redirect-wildcard',
      'A redirect URI cannot contain a wildcard ("*"); use the exact registered address.',
    );
  }
  if (url.protocol === 'https:') return { ok: true, redirectUri: value };
  if (url.protocol === 'http:') {
    if (LOOPBACK_HOSTS.includes(url.hostname)) return { ok: true, redirectUri: value };
    return fail(
      'redirect-not-https',
      `http is only allowed for localhost and 127.0.0.1; "${url.hostname}" needs https.`,
    );
  }
  return fail(
    'redirect-not-https',
    `The redirect URI must be an https address (http only for localhost), not "${url.protocol}".`,
  );
}
