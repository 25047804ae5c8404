/**
 * Sign-in failures explained: MSAL error codes and the AADSTS codes inside Entra's answers, each with
 * what happened and what to change. The one table of MSAL wording: msal-errors.ts shows it. Pure data and
 * a pure mapping; nothing here talks to MSAL.
 * AADSTS facts come from the one table in src/diagnose/aadsts-codes.ts; here only which sign-in
 * category a code falls in. Lookups keyed by input are Maps, so `constructor` or `__proto__` is unknown.
 */
import { explainAadsts } from '../diagnose/aadsts-codes';
import type { FixAction } from '../token';

/** Opening the consent builder for the attempt's app, tenant and scopes, as data; the app makes the link. */
export type ConsentAction = Extract<FixAction, { readonly kind: 'consent' }>;

/** The sign-in failures we explain; anything else is `unknown` with the raw text kept. */
export type SignInErrorCode =
  | 'popup-blocked'
  | 'popup-closed'
  | 'interaction-in-progress'
  | 'consent-required'
  | 'interaction-required'
  | 'login-required'
  | 'redirect-uri-mismatch'
  | 'app-not-found'
  | 'user-not-assigned'
  | 'admin-consent-required'
  | 'access-denied'
  | 'authority-unreachable'
  | 'timed-out'
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
  /** The consent builder to open, as data, when granting consent is the fix (the app turns it into a link). */
  readonly consentAction?: ConsentAction;
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

/** What one failure is called and what to do, before the attempt's details are filled in. */
export interface Words {
  readonly code: SignInErrorCode;
  readonly title: string;
  readonly message: string;
  readonly fix: string;
}

interface Entry {
  readonly code: SignInErrorCode;
  readonly title: string;
  readonly message: string;
  readonly fix: (ctx: SignInErrorContext) => string;
  readonly consent?: boolean;
}

const AADSTS_DOCS = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes';
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

export const MSAL_DOCS = 'https://learn.microsoft.com/entra/identity-platform/msal-error-handling-js';

/** Words for the sign-in window closing early; also what the app says when it sees that itself. */
export const POPUP_CLOSED_WORDS = {
  code: 'popup-closed',
  title: 'The sign-in window was closed',
  message: 'The sign-in window was closed before sign-in finished.',
  fix: 'Start again and finish signing in in the window that opens.',
} as const satisfies Words;

/** Words for an authority that does not answer; also what the app says when its own check fails. */
export const UNREACHABLE_WORDS = {
  code: 'authority-unreachable',
  title: 'The sign-in provider could not be reached',
  message:
    'The browser got no answer from the authority: the host is wrong, down, not reachable from this network, or blocked by this build\u2019s Content-Security-Policy.',
  fix: 'Check the authority URL and the cloud. A custom authority must be listed in VITE_EXTRA_AUTHORITIES when the app is built.',
} as const satisfies Words;

/** Words for a sign-in window that never answered. */
export const TIMED_OUT_WORDS = {
  code: 'timed-out',
  title: 'Sign-in took too long',
  message: 'No answer came back from the sign-in window in time.',
  fix: 'Try again. If the window shows an error page, the authority is not reachable from this browser.',
} as const satisfies Words;

const POPUP_BLOCKED: Words = {
  code: 'popup-blocked',
  title: 'The browser blocked the sign-in window',
  message: 'The popup could not open: the browser (or an extension) blocks popups on this page.',
  fix: 'Allow popups for this site in the address bar, or use "Sign in" (redirect) instead.',
};

const entryOf = (words: Words, consent?: boolean): Entry => ({
  ...words,
  fix: () => words.fix,
  ...(consent ? { consent } : {}),
});

// The one table of MSAL's own error codes (BrowserAuthError, ClientAuthError, InteractionRequiredAuthError,
// ClientConfigurationError) in plain words; msal-errors.ts shows these and adds only the offline case.
const BY_MSAL: ReadonlyMap<string, Entry> = new Map<string, Entry>([
  ['popup_window_error', entryOf(POPUP_BLOCKED)],
  ['empty_window_error', entryOf(POPUP_BLOCKED)],
  ['user_cancelled', entryOf(POPUP_CLOSED_WORDS)],
  [
    'interaction_in_progress',
    entryOf({
      code: 'interaction-in-progress',
      title: 'Another sign-in is still running',
      message: 'A sign-in started in this tab (or in a popup) has not finished yet.',
      fix: 'Finish or close the other sign-in window, then try again. Reloading the page also clears it.',
    }),
  ],
  ['consent_required', consentEntry],
  [
    'interaction_required',
    entryOf(
      {
        code: 'interaction-required',
        title: 'You need to sign in again interactively',
        message:
          'A token could not be renewed silently: the provider wants you to sign in, consent or complete MFA.',
        fix: 'Use "Sign in" again; if consent is missing, grant it first.',
      },
      true,
    ),
  ],
  [
    'login_required',
    entryOf({
      code: 'login-required',
      title: 'Sign-in required',
      message: 'There is no session to renew silently.',
      fix: 'Sign in again.',
    }),
  ],
  [
    'access_denied',
    entryOf(
      {
        code: 'access-denied',
        title: 'Access denied',
        message: 'The provider refused the request: consent was declined or is not allowed for these scopes.',
        fix: 'Grant consent for the scopes (or ask an administrator to), then sign in again.',
      },
      true,
    ),
  ],
  ['endpoints_resolution_error', entryOf(UNREACHABLE_WORDS)],
  ['failed_to_retrieve_endpoints', entryOf(UNREACHABLE_WORDS)],
  ['no_network_connectivity', entryOf({ ...UNREACHABLE_WORDS, code: 'network' })],
  [
    'post_request_failed',
    entryOf({
      code: 'network',
      title: 'The token request did not get through',
      message:
        'The browser could not reach the provider\u2019s token endpoint: the network, a CORS rule or this build\u2019s Content-Security-Policy stopped it.',
      fix: 'Check that the authority host is reachable and allowed, and that the redirect URI is registered as a Single-page application.',
    }),
  ],
  ['timed_out', entryOf(TIMED_OUT_WORDS)],
  [
    'untrusted_authority',
    entryOf({
      code: 'untrusted-authority',
      title: 'The authority is not trusted',
      message: 'The authority is not a Microsoft sign-in host and is not in the list of known authorities.',
      fix: 'Enter the full authority URL so its host is added to the known authorities, and check the cloud.',
    }),
  ],
  [
    'authority_uri_insecure',
    entryOf({
      code: 'authority-insecure',
      title: 'The authority is not https',
      message: 'Sign-in only talks to https authorities.',
      fix: 'Use the https URL of the authority.',
    }),
  ],
  [
    'invalid_scope',
    entryOf({
      code: 'invalid-scope',
      title: 'Invalid scope',
      message: 'The provider did not accept the scopes as written.',
      fix: 'Check the spelling of each scope and that it belongs to the API you want a token for.',
    }),
  ],
]);

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

/**
 * The consent builder for this app, tenant and scopes, as data (empty values are null or ''). Does not
 * write the app's route: `fixHref` in src/app/fix-links.ts does.
 */
export function consentActionFor(ctx: SignInErrorContext): ConsentAction {
  return {
    kind: 'consent',
    tenantId: ctx.tenant || null,
    clientId: ctx.clientId || null,
    scope: (ctx.scopes ?? []).join(' '),
    cloud: null,
  };
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
    ...(entry.consent ? { consentAction: consentActionFor(ctx) } : {}),
    source,
    detail,
    learnMore: aadsts ? AADSTS_DOCS : MSAL_DOCS,
  };
}
