/**
 * Sign-in failures explained: MSAL error codes and the AADSTS codes inside Entra's answers, each with
 * what happened and what to change. Pure data and a pure mapping; nothing here talks to MSAL.
 * AADSTS facts come from the one table in src/diagnose/aadsts-codes.ts; here only which sign-in
 * category a code falls in. Lookups keyed by input are Maps, so `constructor` or `__proto__` is unknown.
 */
import { explainAadsts } from '../diagnose/aadsts-codes';

/** The sign-in failures we explain; anything else is `unknown` with the raw text kept. */
export type SignInErrorCode =
  | 'popup-blocked'
  | 'user-cancelled'
  | 'interaction-in-progress'
  | 'consent-required'
  | 'interaction-required'
  | 'login-required'
  | 'redirect-uri-mismatch'
  | 'app-not-found'
  | 'user-not-assigned'
  | 'admin-consent-required'
  | 'access-denied'
  | 'endpoints-resolution'
  | 'untrusted-authority'
  | 'authority-insecure'
  | 'invalid-scope'
  | 'network'
  | 'unknown';

/** A sign-in failure in words: what happened and what to change. Never holds a token. */
export interface SignInErrorExplanation {
  readonly code: SignInErrorCode;
  readonly title: string;
  readonly message: string;
  readonly fix: string;
  /** `#consent&client_id=…&tenant=…&scope=…` when granting consent is the fix. */
  readonly consentLink?: string;
  /** The MSAL or AADSTS code as it came, e.g. `AADSTS50011` or `popup_window_error`. */
  readonly source: string;
  /** The original error text (never contains a token: MSAL error messages do not carry them). */
  readonly detail: string;
  /** Microsoft's page on the error, when there is one. */
  readonly learnMore: string | null;
}

/** What the explanation may mention: the app, tenant and scopes of the attempt. */
export interface SignInErrorContext {
  readonly clientId?: string;
  readonly tenant?: string;
  readonly scopes?: readonly string[];
  readonly redirectUri?: string;
}

interface Entry {
  readonly code: SignInErrorCode;
  readonly title: string;
  readonly message: string;
  readonly fix: (ctx: SignInErrorContext) => string;
  readonly consent?: boolean;
}

const AADSTS_DOCS = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes';
const MSAL_DOCS = 'https://learn.microsoft.com/entra/identity-platform/msal-error-handling-js';

const consentEntry: Entry = {
  code: 'consent-required',
  title: 'Consent is needed',
  message: 'Nobody has agreed yet that this app may use the scopes it asked for, on your behalf.',
  fix: () =>
    'Grant consent for these scopes (yourself, or ask an administrator when user consent is off), then sign in again.',
  consent: true,
};

const adminConsentEntry: Entry = {
  code: 'admin-consent-required',
  title: 'An administrator must consent',
  message:
    'At least one scope needs admin consent, or the tenant does not let users consent to apps on their own.',
  fix: () =>
    'Ask an administrator to grant tenant-wide consent for these scopes (the consent link builds the URL to send them).',
  consent: true,
};

// AADSTS codes inside Entra's error descriptions; these are the most specific signal, so checked first.
const BY_AADSTS: ReadonlyMap<string, Entry> = new Map(
  Object.entries({
    '50011': {
      code: 'redirect-uri-mismatch',
      title: 'Redirect URI not registered',
      message: 'The app registration does not list the redirect URI this page sent.',
      fix: (c) =>
        `In the Entra admin center open App registrations > your app > Authentication, add a Single-page application platform with the redirect URI ${c.redirectUri ?? '<this origin>/redirect.html'}, and save.`,
    },
    '700016': {
      code: 'app-not-found',
      title: 'App not found in this tenant',
      message: 'No app with this client ID exists in the tenant you signed in to.',
      fix: () =>
        'Check the client ID (Overview page of the app registration), and sign in to the tenant that owns the app, or make the app multitenant.',
    },
    '50105': {
      code: 'user-not-assigned',
      title: 'You are not assigned to this app',
      message: 'The app requires assignment, and your account (or a group you are in) is not assigned to it.',
      fix: () =>
        'An administrator adds you under Enterprise applications > the app > Users and groups, or turns off "Assignment required?".',
    },
    '65001': consentEntry,
    '65004': {
      ...consentEntry,
      code: 'access-denied',
      title: 'Consent was declined',
      message: 'You declined the consent prompt.',
    },
    '90094': adminConsentEntry,
    '90099': adminConsentEntry,
    '90008': adminConsentEntry,
    '70011': {
      code: 'invalid-scope',
      title: 'Invalid scope',
      message: 'Entra did not accept the scopes as written.',
      fix: () =>
        'Use scopes of one resource; use either that resource\u2019s /.default or named scopes, not both.',
    },
  }),
);

const BY_MSAL: ReadonlyMap<string, Entry> = new Map(
  Object.entries({
    popup_window_error: {
      code: 'popup-blocked',
      title: 'The popup was blocked',
      message: 'The browser did not open the sign-in window.',
      fix: () => 'Allow popups for this site, or use "Sign in" (redirect) instead.',
    },
    empty_window_error: {
      code: 'popup-blocked',
      title: 'The popup was blocked',
      message: 'The sign-in window could not be opened or was closed before it loaded.',
      fix: () => 'Allow popups for this site, or use "Sign in" (redirect) instead.',
    },
    user_cancelled: {
      code: 'user-cancelled',
      title: 'Sign-in cancelled',
      message: 'The sign-in window was closed before sign-in finished.',
      fix: () => 'Start again and finish in the sign-in window.',
    },
    interaction_in_progress: {
      code: 'interaction-in-progress',
      title: 'Another sign-in is still running',
      message: 'A sign-in in this tab (or a popup) has not finished.',
      fix: () =>
        'Finish or close the other sign-in window, then try again. Reloading the page also clears it.',
    },
    consent_required: consentEntry,
    interaction_required: {
      code: 'interaction-required',
      title: 'You need to sign in again interactively',
      message:
        'A token could not be renewed silently: the provider wants you to sign in, consent or complete MFA.',
      fix: () => 'Use "Sign in" again; if consent is missing, grant it first.',
      consent: true,
    },
    login_required: {
      code: 'login-required',
      title: 'Sign-in required',
      message: 'There is no session to renew silently.',
      fix: () => 'Sign in again.',
    },
    access_denied: {
      code: 'access-denied',
      title: 'Access denied',
      message: 'The provider refused the request: consent was declined or is not allowed for these scopes.',
      fix: () => 'Grant consent for the scopes (or ask an administrator to), then sign in again.',
      consent: true,
    },
    endpoints_resolution_error: {
      code: 'endpoints-resolution',
      title: 'The authority could not be reached',
      message:
        'MSAL could not read the authority\u2019s OpenID configuration (network error, wrong URL, or a blocked host).',
      fix: () =>
        'Check the authority URL and cloud. A custom authority must serve /v2.0/.well-known/openid-configuration (AAD mode) or /.well-known/openid-configuration (OIDC mode) over https.',
    },
    untrusted_authority: {
      code: 'untrusted-authority',
      title: 'Authority not trusted',
      message: 'The authority is not a Microsoft sign-in host and is not in MSAL\u2019s known authorities.',
      fix: () =>
        'Enter the full authority URL so its host is added to the known authorities, and check the cloud.',
    },
    authority_uri_insecure: {
      code: 'authority-insecure',
      title: 'Authority is not https',
      message: 'MSAL only talks to https authorities.',
      fix: () => 'Use the https URL of the authority.',
    },
    invalid_scope: {
      code: 'invalid-scope',
      title: 'Invalid scope',
      message: 'The provider did not accept the scopes as written.',
      fix: () => 'Check the spelling of each scope and that it belongs to the API you want a token for.',
    },
    no_network_connectivity: {
      code: 'network',
      title: 'No network',
      message: 'The request to the provider did not get through.',
      fix: () =>
        'Check your connection and that nothing (a proxy, the CSP of this build) blocks the sign-in host.',
    },
    post_request_failed: {
      code: 'network',
      title: 'The token request failed',
      message: 'The browser could not reach the token endpoint (network, CORS or Content-Security-Policy).',
      fix: () =>
        'Check the authority host is reachable and allowed; register the redirect URI as a Single-page application.',
    },
  }),
);

function textOf(error: unknown): { code: string; text: string } {
  if (typeof error === 'object' && error !== null) {
    const e = error as Record<string, unknown>;
    const code = typeof e.errorCode === 'string' ? e.errorCode : typeof e.code === 'string' ? e.code : '';
    const parts = [e.errorMessage, e.message, e.subError].filter(
      (p): p is string => typeof p === 'string' && p !== '',
    );
    return { code, text: [...new Set(parts)].join(' ') };
  }
  return { code: '', text: typeof error === 'string' ? error : String(error) };
}

/** A link to the consent builder for this app, tenant and scopes. */
export function buildConsentLink(ctx: SignInErrorContext): string {
  const params = new URLSearchParams();
  if (ctx.clientId) params.set('client_id', ctx.clientId);
  if (ctx.tenant) params.set('tenant', ctx.tenant);
  if (ctx.scopes && ctx.scopes.length > 0) params.set('scope', ctx.scopes.join(' '));
  const query = params.toString();
  return query ? `#consent&${query}` : '#consent';
}

/**
 * Maps an error from MSAL (or any thrown value) to an explanation and a fix. AADSTS codes in the
 * message win over MSAL's generic code. Does not decide whether to retry; never throws.
 */
export function explainSignInError(error: unknown, ctx: SignInErrorContext = {}): SignInErrorExplanation {
  const { code, text } = textOf(error);
  const aadsts = /AADSTS(\d{5,8})/.exec(text)?.[1];
  const byCode = BY_MSAL.get(code) ?? (/^[a-z_]+$/.test(text.trim()) ? BY_MSAL.get(text.trim()) : undefined);
  const entry = (aadsts ? BY_AADSTS.get(aadsts) : undefined) ?? byCode;
  const source = aadsts ? `AADSTS${aadsts}` : code || 'unknown';
  const detail = text || code;
  const shared = aadsts ? explainAadsts(aadsts) : null;
  if (!entry && shared) {
    return {
      code: 'unknown',
      title: shared.title,
      message: shared.explanation,
      fix: shared.fix,
      source,
      detail,
      learnMore: AADSTS_DOCS,
    };
  }
  if (!entry) {
    return {
      code: 'unknown',
      title: 'Sign-in failed',
      message: detail || 'An unexpected error happened during sign-in.',
      fix: 'Check the client ID, authority and scopes; the error text above names the cause.',
      source,
      detail,
      learnMore: aadsts ? AADSTS_DOCS : MSAL_DOCS,
    };
  }
  return {
    code: entry.code,
    title: entry.title,
    // The AADSTS table's explanation when the code has one, so the two pages say the same.
    message: shared && aadsts && BY_AADSTS.has(aadsts) ? shared.explanation : entry.message,
    fix: entry.fix(ctx),
    ...(entry.consent ? { consentLink: buildConsentLink(ctx) } : {}),
    source,
    detail,
    learnMore: aadsts ? AADSTS_DOCS : MSAL_DOCS,
  };
}
