import {
  explainSignInError,
  MSAL_DOCS,
  POPUP_CLOSED_WORDS,
  TIMED_OUT_WORDS,
  UNREACHABLE_WORDS,
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

const OFFLINE: Words = {
  code: 'offline',
  title: 'You are offline',
  message: 'The browser reports no network connection, so the sign-in provider cannot be reached.',
  fix: 'Connect to the network and try again. Pasted tokens still work offline.',
};

/** The AADSTS and MSAL explainer, held to the promise that auth calls never throw. */
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

function codeOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const code = Object.hasOwn(error, 'errorCode') ? (error as { errorCode?: unknown }).errorCode : undefined;
  return typeof code === 'string' ? code : '';
}

/** An explanation built from our own words, keeping the raw text for the details. */
function failure(words: Words, source: string, detail: string): SignInFailure {
  return { ...words, source, detail, learnMore: MSAL_DOCS };
}

// The words for failures MSAL also reports (a closed window, an unreachable host, a timeout) are
// sign-in-errors.ts's, so a failure reads the same whichever side noticed it.
const OWN_WORDS: Readonly<Record<AuthFailureCode, Words>> = {
  'popup-closed': POPUP_CLOSED_WORDS,
  'authority-unreachable': UNREACHABLE_WORDS,
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
  'timed-out': TIMED_OUT_WORDS,
};

/** A failure this app detected itself (no MSAL error behind it), e.g. a closed popup or an offline browser. */
export function authFailure(code: AuthFailureCode, detail: string): SignInFailure {
  return failure(OWN_WORDS[code], code, detail);
}

/**
 * Explains an error from MSAL (or anything thrown during sign-in) in plain words: an AADSTS code in the
 * provider's answer wins, then MSAL's own error code, then the generic explanation (all from
 * `sign-in-errors.ts`); an unreachable host while the browser is offline is said as "offline". MSAL's
 * raw text stays only in `detail`. Does not retry; never throws.
 */
export function explainAuthError(error: unknown, ctx: SignInErrorContext = {}): SignInFailure {
  const general = explainGenerally(error, ctx);
  if (general.source.startsWith('AADSTS')) return general;
  const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  if (offline && (general.code === 'authority-unreachable' || general.code === 'network')) {
    return failure(OFFLINE, general.source, general.detail);
  }
  return general;
}
