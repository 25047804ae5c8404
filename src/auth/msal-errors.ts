import {
  explainSignInError,
  type SignInErrorCode,
  type SignInErrorContext,
  type SignInErrorExplanation,
} from './sign-in-errors';

/** Failures this app names itself, beyond the AADSTS and MSAL codes `sign-in-errors.ts` knows. */
export type AuthFailureCode =
  | 'popup-closed'
  | 'authority-unreachable'
  | 'authority-timeout'
  | 'authority-not-openid'
  | 'offline'
  | 'timed-out';

/** A sign-in failure in plain words. Same shape as the AADSTS explanations; never holds a token. */
export interface SignInFailure extends Omit<SignInErrorExplanation, 'code'> {
  readonly code: SignInErrorCode | AuthFailureCode;
}

interface Words {
  readonly code: SignInErrorCode | AuthFailureCode;
  readonly title: string;
  readonly message: string;
  readonly fix: string;
}

const MSAL_DOCS = 'https://learn.microsoft.com/entra/identity-platform/msal-error-handling-js';

const POPUP_BLOCKED: Words = {
  code: 'popup-blocked',
  title: 'The browser blocked the sign-in window',
  message: 'The popup could not open: the browser (or an extension) blocks popups on this page.',
  fix: 'Allow popups for this site in the address bar, or use "Sign in" (redirect) instead.',
};

const UNREACHABLE: Words = {
  code: 'authority-unreachable',
  title: 'The sign-in provider could not be reached',
  message:
    'The browser got no answer from the authority: the host is wrong, down, not reachable from this network, or blocked by this build’s Content-Security-Policy.',
  fix: 'Check the authority URL and the cloud. A custom authority must be listed in VITE_EXTRA_AUTHORITIES when the app is built.',
};

const OFFLINE: Words = {
  code: 'offline',
  title: 'You are offline',
  message: 'The browser reports no network connection, so the sign-in provider cannot be reached.',
  fix: 'Connect to the network and try again. Pasted tokens still work offline.',
};

// MSAL's own error codes (BrowserAuthError, ClientAuthError, ClientConfigurationError), in plain words.
// A Map, so an error code such as "constructor" finds nothing rather than Object.prototype's members.
const MSAL_CODES: ReadonlyMap<string, Words> = new Map([
  ['popup_window_error', POPUP_BLOCKED],
  ['empty_window_error', POPUP_BLOCKED],
  ['user_cancelled', { ...UNREACHABLE, code: 'popup-closed' }],
  [
    'interaction_in_progress',
    {
      code: 'interaction-in-progress',
      title: 'Another sign-in is still running',
      message: 'A sign-in started in this tab (or in a popup) has not finished yet.',
      fix: 'Finish or close the other sign-in window, then try again. Reloading the page also clears it.',
    },
  ],
  ['endpoints_resolution_error', UNREACHABLE],
  ['failed_to_retrieve_endpoints', UNREACHABLE],
  ['no_network_connectivity', { ...UNREACHABLE, code: 'network' }],
  [
    'post_request_failed',
    {
      code: 'network',
      title: 'The token request did not get through',
      message:
        'The browser could not reach the provider’s token endpoint: the network, a CORS rule or this build’s Content-Security-Policy stopped it.',
      fix: 'Check that the authority host is reachable and allowed, and that the redirect URI is registered as a Single-page application.',
    },
  ],
  ['timed_out', { ...UNREACHABLE, code: 'timed-out' }],
  [
    'untrusted_authority',
    {
      code: 'untrusted-authority',
      title: 'The authority is not trusted',
      message: 'The authority is not a Microsoft sign-in host and is not in the list of known authorities.',
      fix: 'Enter the full authority URL so its host is added to the known authorities, and check the cloud.',
    },
  ],
  [
    'authority_uri_insecure',
    {
      code: 'authority-insecure',
      title: 'The authority is not https',
      message: 'Sign-in only talks to https authorities.',
      fix: 'Use the https URL of the authority.',
    },
  ],
]);

/** The AADSTS explainer, held to the promise that auth calls never throw. */
function explainGenerally(error: unknown, ctx: SignInErrorContext): SignInFailure {
  try {
    return explainSignInError(error, ctx);
  } catch {
    const code = codeOf(error);
    return {
      code: 'unknown',
      title: 'Sign-in failed',
      message: 'An unexpected error happened during sign-in.',
      fix: 'Check the client ID, authority and scopes; the error details name the cause.',
      source: code || 'unknown',
      detail: code,
      learnMore: MSAL_DOCS,
    };
  }
}

function ownWords(code: Words['code']): Words | null {
  return Object.hasOwn(OWN_WORDS, code) ? OWN_WORDS[code as AuthFailureCode] : null;
}

function codeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const code = Object.hasOwn(error, 'errorCode') ? (error as { errorCode?: unknown }).errorCode : undefined;
  return typeof code === 'string' ? code : '';
}

/** An explanation built from our own words, keeping the raw text for the details. */
function failure(words: Words, source: string, detail: string): SignInFailure {
  return { ...words, source, detail, learnMore: MSAL_DOCS };
}

const OWN_WORDS: Readonly<Record<AuthFailureCode, Words>> = {
  'popup-closed': {
    code: 'popup-closed',
    title: 'The sign-in window was closed',
    message: 'The sign-in window was closed before sign-in finished.',
    fix: 'Start again and finish signing in in the window that opens.',
  },
  'authority-unreachable': UNREACHABLE,
  'authority-timeout': {
    code: 'authority-timeout',
    title: 'The sign-in provider did not answer',
    message: 'The authority accepted the connection but sent no answer in time.',
    fix: 'Try again later, or check the authority URL: the provider may be down or overloaded.',
  },
  'authority-not-openid': {
    code: 'authority-not-openid',
    title: 'The authority is not an OpenID provider',
    message: 'The authority answered, but not with an OpenID configuration: the URL is probably wrong.',
    fix: 'Check the authority URL (for Entra: https://login.microsoftonline.com/<tenant>) and the protocol setting.',
  },
  offline: OFFLINE,
  'timed-out': {
    code: 'timed-out',
    title: 'Sign-in took too long',
    message: 'No answer came back from the sign-in window in time.',
    fix: 'Try again. If the window shows an error page, the authority is not reachable from this browser.',
  },
};

/** A failure this app detected itself (no MSAL error behind it), e.g. a closed popup or an offline browser. */
export function authFailure(code: AuthFailureCode, detail: string): SignInFailure {
  return failure(OWN_WORDS[code], code, detail);
}

/**
 * Explains an error from MSAL (or anything thrown during sign-in) in plain words: an AADSTS code in the
 * provider's answer wins (explained by `sign-in-errors.ts`), then MSAL's own error code, then the generic
 * explanation. MSAL's raw text stays only in `detail`. Does not retry; never throws.
 */
export function explainAuthError(error: unknown, ctx: SignInErrorContext = {}): SignInFailure {
  const general = explainGenerally(error, ctx);
  if (general.source.startsWith('AADSTS')) return general;
  const code = codeOf(error);
  const known = MSAL_CODES.get(code);
  if (!known) return general;
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  if (offline && (known.code === 'authority-unreachable' || known.code === 'network')) {
    return failure(OFFLINE, code, general.detail);
  }
  return failure(ownWords(known.code) ?? known, code, general.detail);
}
