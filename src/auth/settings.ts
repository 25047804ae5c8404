/**
 * Sign-in settings: what a person types in the sign-in view, checked and turned into what MSAL needs.
 * Everything here is pure except {@link loadSignInSettings} / {@link saveSignInSettings}, which take the
 * storage they use as an argument.
 */

import { CLOUD_IDS, CLOUDS as TOKEN_CLOUDS, type Cloud } from '../token';

/** National clouds Entra runs in: the token layer's `Cloud`. */
export type SignInCloud = Cloud;

/** How MSAL talks to the authority: Entra's dialect (AAD) or plain OpenID Connect. */
export type SignInProtocolMode = 'AAD' | 'OIDC';

/** The settings as typed. None of them is secret; tokens never live here. */
export interface SignInSettings {
  readonly clientId: string;
  readonly cloud: SignInCloud;
  /** A tenant (GUID, domain, `organizations`, `common`) or a full https authority URL. */
  readonly authority: string;
  /** Space- or comma-separated scopes. */
  readonly scopes: string;
  readonly protocolMode: SignInProtocolMode;
}

/** Settings checked and resolved into what the MSAL factory needs. */
export interface ResolvedSignInSettings {
  readonly clientId: string;
  readonly cloud: SignInCloud;
  /** The full authority URL, e.g. `https://login.microsoftonline.com/organizations`. */
  readonly authority: string;
  /** The tenant part of the authority (used for consent links), e.g. `organizations`. */
  readonly tenant: string;
  /** `host[:port]` of custom authorities, so MSAL skips Entra instance discovery for them. */
  readonly knownAuthorities: readonly string[];
  readonly scopes: readonly string[];
  readonly protocolMode: SignInProtocolMode;
  /** True when the authority is not one of Microsoft's sign-in hosts (B2C, External ID, a test provider). */
  readonly customAuthority: boolean;
  /** Microsoft Graph for the chosen cloud, without a trailing slash. */
  readonly graphBaseUrl: string;
  /** Things that will probably fail but are not wrong as such (e.g. a host this build's CSP blocks). */
  readonly warnings: readonly string[];
}

/** Why a setting was refused. A closed list: tests and the UI match on it. */
export type SignInSettingsErrorCode =
  | 'client-id-missing'
  | 'client-id-not-guid'
  | 'authority-missing'
  | 'authority-not-url'
  | 'authority-insecure'
  | 'tenant-invalid'
  | 'scopes-missing'
  | 'scope-invalid'
  | 'scope-bare-default'
  | 'scope-default-mixed';

/** One refused setting: the field it belongs to, the code and a message saying how to fix it. */
export interface SignInSettingsError {
  readonly field: 'clientId' | 'authority' | 'scopes';
  readonly code: SignInSettingsErrorCode;
  readonly message: string;
}

/** The settings resolved for MSAL, or every problem found. */
export type SignInSettingsResult =
  | { readonly ok: true; readonly value: ResolvedSignInSettings }
  | { readonly ok: false; readonly errors: readonly SignInSettingsError[] };

/** Sign-in hosts and Graph endpoints per cloud, from the one home of cloud facts (src/token/clouds.ts). */
export const CLOUDS: Readonly<
  Record<SignInCloud, { label: string; loginHost: string; graphBaseUrl: string }>
> = Object.fromEntries(
  CLOUD_IDS.map((id) => {
    const { label, loginHost, graphUrl } = TOKEN_CLOUDS[id];
    return [id, { label, loginHost, graphBaseUrl: graphUrl }];
  }),
) as Record<SignInCloud, { label: string; loginHost: string; graphBaseUrl: string }>;

/** The defaults: any work or school account, the public cloud, and the Graph profile scope. */
export const DEFAULT_SIGN_IN_SETTINGS: SignInSettings = {
  clientId: '',
  cloud: 'public',
  authority: 'organizations',
  scopes: 'User.Read',
  protocolMode: 'AAD',
};

/** The localStorage key for the non-secret settings. */
export const SIGN_IN_SETTINGS_KEY = 'tokenscope.signin-settings';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT =
  /^(?:organizations|common|consumers|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})$/i;
const MICROSOFT_LOGIN_HOSTS = new Set(Object.values(CLOUDS).map((c) => c.loginHost));

/** Splits a scope string on spaces and commas, dropping empties. Does not validate. */
export function splitScopes(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** `host[:port]` of each origin in the list; entries that are not URLs are skipped. */
function hostsOf(origins: readonly string[]): string[] {
  return origins.flatMap((o) => {
    try {
      return [new URL(o).host];
    } catch {
      return [];
    }
  });
}

function validateScopes(text: string): SignInSettingsError[] {
  const scopes = splitScopes(text);
  if (scopes.length === 0) {
    return [
      {
        field: 'scopes',
        code: 'scopes-missing',
        message: 'Enter at least one scope, for example User.Read.',
      },
    ];
  }
  const errors: SignInSettingsError[] = [];
  for (const scope of scopes) {
    if (!/^[\x21-\x7e]+$/.test(scope) || scope.includes('"') || scope.includes('\\')) {
      errors.push({ field: 'scopes', code: 'scope-invalid', message: `"${scope}" is not a valid scope.` });
    } else if (scope === '.default' || scope === '/.default') {
      errors.push({
        field: 'scopes',
        code: 'scope-bare-default',
        message:
          'Say whose .default you want, e.g. https://graph.microsoft.com/.default or api://<app-id>/.default.',
      });
    }
  }
  const defaults = scopes.filter((s) => s.endsWith('/.default'));
  const others = scopes.filter(
    (s) => !s.endsWith('/.default') && !['openid', 'profile', 'offline_access', 'email'].includes(s),
  );
  if (defaults.length > 0 && others.length > 0) {
    errors.push({
      field: 'scopes',
      code: 'scope-default-mixed',
      message: 'A .default scope cannot be combined with named scopes in one request (AADSTS70011).',
    });
  }
  return errors;
}

function resolveAuthority(
  settings: SignInSettings,
):
  | { ok: true; authority: string; tenant: string; custom: boolean; host: string }
  | { ok: false; error: SignInSettingsError } {
  const text = settings.authority.trim();
  const cloud = CLOUDS[settings.cloud];
  if (text === '') {
    return {
      ok: false,
      error: {
        field: 'authority',
        code: 'authority-missing',
        message: 'Enter a tenant or an authority URL.',
      },
    };
  }
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    if (!TENANT.test(text)) {
      return {
        ok: false,
        error: {
          field: 'authority',
          code: 'tenant-invalid',
          message: `"${text}" is not a tenant: use a tenant ID (GUID), a domain such as contoso.onmicrosoft.com, organizations or common, or a full https URL.`,
        },
      };
    }
    return {
      ok: true,
      authority: `https://${cloud.loginHost}/${text}`,
      tenant: text,
      custom: false,
      host: cloud.loginHost,
    };
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      error: { field: 'authority', code: 'authority-not-url', message: `"${text}" is not a valid URL.` },
    };
  }
  if (url.protocol !== 'https:') {
    return {
      ok: false,
      error: {
        field: 'authority',
        code: 'authority-insecure',
        message: 'The authority must be an https URL: MSAL refuses anything else.',
      },
    };
  }
  const path = url.pathname.replace(/(?<!\/)\/+$/, '');
  const tenant = path.split('/').filter(Boolean)[0] ?? '';
  const custom = !MICROSOFT_LOGIN_HOSTS.has(url.hostname);
  return { ok: true, authority: `${url.origin}${path}`, tenant, custom, host: url.host };
}

/**
 * Checks the settings and resolves them for MSAL: the authority URL for the chosen cloud, the custom
 * authority's host (and the build's extra authorities) added to `knownAuthorities`, scopes split. Returns every problem at once, by field.
 * Does not contact the authority, so it cannot tell whether the app registration exists.
 */
export function validateSignInSettings(
  settings: SignInSettings,
  extraAuthorities: readonly string[] = [],
): SignInSettingsResult {
  const errors: SignInSettingsError[] = [];
  const clientId = settings.clientId.trim();
  if (clientId === '') {
    errors.push({
      field: 'clientId',
      code: 'client-id-missing',
      message: 'Enter the application (client) ID of your app registration.',
    });
  } else if (!GUID.test(clientId)) {
    errors.push({
      field: 'clientId',
      code: 'client-id-not-guid',
      message:
        'The client ID is a GUID such as 00000000-0000-0000-0000-000000000000 (Overview page of the app registration).',
    });
  }
  const authority = resolveAuthority(settings);
  if (!authority.ok) errors.push(authority.error);
  errors.push(...validateScopes(settings.scopes));
  if (errors.length > 0 || !authority.ok) return { ok: false, errors };
  // Microsoft hosts stay out: MSAL knows them, and listing any host switches off its cloud discovery.
  const knownAuthorities = authority.custom
    ? [...new Set([authority.host, ...hostsOf(extraAuthorities)])]
    : [];
  const warnings =
    authority.custom && !hostsOf(extraAuthorities).includes(authority.host)
      ? [
          `${authority.host} is not in this build's VITE_EXTRA_AUTHORITIES, so its Content-Security-Policy may block the sign-in requests.`,
        ]
      : [];
  return {
    ok: true,
    value: {
      clientId: clientId.toLowerCase(),
      cloud: settings.cloud,
      authority: authority.authority,
      tenant: authority.tenant,
      knownAuthorities,
      scopes: splitScopes(settings.scopes),
      protocolMode: settings.protocolMode,
      customAuthority: authority.custom,
      graphBaseUrl: CLOUDS[settings.cloud].graphBaseUrl,
      warnings,
    },
  };
}

/** The redirect URI to register (Single-page application platform) for the app at `origin`. */
export function redirectUriFor(origin: string): string {
  return `${origin}/redirect.html`;
}

function isCloud(value: unknown): value is SignInCloud {
  return value === 'public' || value === 'usgov' || value === 'china';
}

/**
 * Reads remembered settings from storage (localStorage in the app), falling back to the defaults for
 * anything missing or malformed. Never reads tokens; never throws.
 */
export function loadSignInSettings(storage: Pick<Storage, 'getItem'> | null): SignInSettings {
  try {
    const raw = storage?.getItem(SIGN_IN_SETTINGS_KEY);
    if (!raw) return DEFAULT_SIGN_IN_SETTINGS;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null) return DEFAULT_SIGN_IN_SETTINGS;
    const p = parsed as Record<string, unknown>;
    const str = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);
    return {
      clientId: str(p.clientId, DEFAULT_SIGN_IN_SETTINGS.clientId),
      cloud: isCloud(p.cloud) ? p.cloud : DEFAULT_SIGN_IN_SETTINGS.cloud,
      authority: str(p.authority, DEFAULT_SIGN_IN_SETTINGS.authority),
      scopes: str(p.scopes, DEFAULT_SIGN_IN_SETTINGS.scopes),
      protocolMode: p.protocolMode === 'OIDC' ? 'OIDC' : 'AAD',
    };
  } catch {
    return DEFAULT_SIGN_IN_SETTINGS;
  }
}

/** Remembers the non-secret settings (the five fields, nothing else). Storage failures are ignored. */
export function saveSignInSettings(storage: Pick<Storage, 'setItem'> | null, settings: SignInSettings): void {
  const { clientId, cloud, authority, scopes, protocolMode } = settings;
  try {
    storage?.setItem(
      SIGN_IN_SETTINGS_KEY,
      JSON.stringify({ clientId, cloud, authority, scopes, protocolMode }),
    );
  } catch {
    // Private mode or a full quota: the settings just are not remembered.
  }
}
