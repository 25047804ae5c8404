import type {
  AccountInfo,
  AuthenticationResult,
  Configuration,
  IPublicClientApplication,
} from '@azure/msal-browser';
import { checkAuthority, type AuthorityCheckOptions } from './check-authority';
import { authFailure, explainAuthError, type SignInFailure } from './msal-errors';
import type { ResolvedSignInSettings } from './settings';
import { redirectUriFor } from './settings';
import type { SignInErrorContext } from './sign-in-errors';

/** A signed-in account, as the UI needs it (no tokens). */
export interface AuthAccount {
  readonly id: string;
  readonly username: string;
  readonly name: string | null;
  readonly tenantId: string;
}

/** Tokens from one sign-in or renewal. Kept in memory by the caller; MSAL caches in sessionStorage. */
export interface AuthTokens {
  readonly accessToken: string;
  readonly idToken: string;
  readonly account: AuthAccount;
  readonly scopes: readonly string[];
  readonly expiresOn: Date | null;
  /** True when MSAL answered from its cache rather than the provider. */
  readonly fromCache: boolean;
}

/** The result of an auth call: a value, or the failure explained. Auth calls never throw. */
export type AuthOutcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SignInFailure };

/** Redirect (the page leaves and comes back) or popup (a window over the page). */
export type SignInMethod = 'redirect' | 'popup';

/** What the sign-in view drives. Every method resolves to a value; none throws. */
export interface AuthClient {
  readonly settings: ResolvedSignInSettings;
  /** The redirect URI this client uses (register it as a Single-page application). */
  readonly redirectUri: string;
  /** What the return from a redirect sign-in brought, or null when this load was not such a return. */
  readonly redirectResult: AuthOutcome<AuthTokens> | null;
  listAccounts(): AuthAccount[];
  activeAccount(): AuthAccount | null;
  setActiveAccount(accountId: string): void;
  /**
   * Redirect sign-in first checks that the authority answers, then leaves the page; its result arrives as
   * `redirectResult` on the next load. A popup that is closed, blocked or cannot reach the authority
   * resolves within seconds with the reason.
   */
  signIn(
    method: SignInMethod,
    options?: { selectAccount?: boolean },
  ): Promise<AuthOutcome<AuthTokens | null>>;
  /** Silent first; `interactive` falls back to a popup when the provider needs the user (incremental consent). */
  acquireToken(options?: {
    scopes?: readonly string[];
    forceRefresh?: boolean;
    interactive?: boolean;
  }): Promise<AuthOutcome<AuthTokens>>;
  /** `local` forgets the account in this tab only; `provider` also ends the session at the provider. */
  signOut(mode: 'local' | 'provider'): Promise<AuthOutcome<null>>;
}

/** What the factory needs beyond the settings. */
export interface AuthClientOptions {
  /** The page origin (window.location.origin), for the redirect URIs. */
  readonly origin: string;
  /** How the authority is checked before a sign-in; the browser's fetch by default. */
  readonly authorityCheck?: AuthorityCheckOptions;
}

// How often a popup is looked at, and how long after it closed a late answer may still arrive
// (the redirect bridge posts its answer just before the window closes itself).
const POPUP_POLL_MS = 250;
const POPUP_CLOSED_GRACE_MS = 1000;

interface PopupWatch {
  /** Resolves when the popup was closed before an answer came. */
  readonly closed: Promise<SignInFailure>;
  stop(): void;
}

/**
 * Watches the popup MSAL opens. MSAL 5 waits for the redirect bridge's message and does not notice a
 * closed window for a minute. A provider's Cross-Origin-Opener-Policy can make a window that is still
 * open look closed from here, so a closed window counts only once this page has the focus back.
 */
function watchPopup(pca: IPublicClientApplication, popupOpened: string): PopupWatch {
  let popup: Window | null = null;
  let closedSince: number | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  const callbackId = pca.addEventCallback((message) => {
    if (message.eventType !== popupOpened) return;
    const payload = message.payload as { popupWindow?: Window } | null;
    popup = payload?.popupWindow ?? null;
  });
  const closed = new Promise<SignInFailure>((resolve) => {
    timer = setInterval(() => {
      const gone = popup !== null && popup.closed && document.hasFocus();
      if (!gone) {
        closedSince = null;
        return;
      }
      closedSince ??= Date.now();
      if (Date.now() - closedSince >= POPUP_CLOSED_GRACE_MS) {
        resolve(authFailure('popup-closed', 'The sign-in window was closed before an answer arrived.'));
      }
    }, POPUP_POLL_MS);
  });
  return {
    closed,
    stop() {
      clearInterval(timer);
      if (callbackId) pca.removeEventCallback(callbackId);
    },
  };
}

/** Forgets MSAL's "interaction in progress" mark of an abandoned popup, so the next sign-in can start. */
function clearAbandonedInteraction(clientId: string): void {
  try {
    const key = 'msal.interaction.status';
    const mark: unknown = JSON.parse(window.sessionStorage.getItem(key) ?? 'null');
    if (typeof mark === 'object' && mark !== null && (mark as { clientId?: unknown }).clientId === clientId) {
      window.sessionStorage.removeItem(key);
    }
  } catch {
    // Storage unavailable: MSAL's own timeout clears the mark.
  }
}

function toAccount(a: AccountInfo): AuthAccount {
  return { id: a.homeAccountId, username: a.username, name: a.name ?? null, tenantId: a.tenantId };
}

function toTokens(r: AuthenticationResult): AuthTokens {
  return {
    accessToken: r.accessToken,
    idToken: r.idToken,
    account: toAccount(r.account),
    scopes: r.scopes,
    expiresOn: r.expiresOn ?? null,
    fromCache: r.fromCache,
  };
}

function isInteractionRequired(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { errorCode?: unknown }).errorCode : undefined;
  return (
    (typeof e === 'object' &&
      e !== null &&
      (e as { name?: unknown }).name === 'InteractionRequiredAuthError') ||
    code === 'consent_required' ||
    code === 'interaction_required' ||
    code === 'login_required' ||
    code === 'no_tokens_found' ||
    code === 'refresh_token_expired'
  );
}

/**
 * Starts loading the MSAL chunk without building a client, so a later popup sign-in opens its window
 * while the click still counts as the person's action. Does nothing visible; failures surface later.
 */
export function preloadAuthLibrary(): void {
  import('@azure/msal-browser').catch(() => undefined);
}

/**
 * Builds the MSAL client for these settings and waits for `initialize()` and `handleRedirectPromise()`,
 * so a returning redirect sign-in is finished before anything renders. Loads MSAL on demand (its own
 * chunk). Cache in sessionStorage, PII logging off. Does not sign in by itself; never throws.
 */
export async function createAuthClient(
  settings: ResolvedSignInSettings,
  options: AuthClientOptions,
): Promise<AuthOutcome<AuthClient>> {
  const redirectUri = redirectUriFor(options.origin);
  const ctx: SignInErrorContext = {
    clientId: settings.clientId,
    tenant: settings.tenant,
    scopes: settings.scopes,
    redirectUri,
  };
  const explain = (e: unknown, scopes?: readonly string[]) =>
    explainAuthError(e, scopes ? { ...ctx, scopes } : ctx);
  let pca: IPublicClientApplication;
  let popupOpened = '';
  let redirectResult: AuthOutcome<AuthTokens> | null = null;
  try {
    const msal = await import('@azure/msal-browser');
    const configuration: Configuration = {
      auth: {
        clientId: settings.clientId,
        authority: settings.authority,
        knownAuthorities: [...settings.knownAuthorities],
        redirectUri,
        postLogoutRedirectUri: `${options.origin}/`,
      },
      cache: { cacheLocation: msal.BrowserCacheLocation.SessionStorage },
      system: {
        protocolMode: settings.protocolMode === 'OIDC' ? msal.ProtocolMode.OIDC : msal.ProtocolMode.AAD,
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: msal.LogLevel.Error,
          loggerCallback: () => {
            // Errors reach the UI as values; MSAL's own log stays quiet (and never carries PII).
          },
        },
      },
    };
    pca = new msal.PublicClientApplication(configuration);
    popupOpened = msal.EventType.POPUP_OPENED;
    await pca.initialize();
    try {
      const result = await pca.handleRedirectPromise();
      if (result) {
        pca.setActiveAccount(result.account);
        redirectResult = { ok: true, value: toTokens(result) };
      }
    } catch (e) {
      redirectResult = { ok: false, error: explain(e) };
    }
  } catch (e) {
    // Offline, the MSAL chunk itself cannot load: say so rather than "failed to fetch a module".
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    return { ok: false, error: offline ? authFailure('offline', String(e)) : explain(e) };
  }

  // Set when a popup sign-in was given up on while MSAL still waited: the next one overrides it.
  let abandoned = false;
  const current = (): AccountInfo | null => pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;

  const client: AuthClient = {
    settings,
    redirectUri,
    redirectResult,
    listAccounts: () => pca.getAllAccounts().map(toAccount),
    activeAccount: () => {
      const a = current();
      return a ? toAccount(a) : null;
    },
    setActiveAccount(accountId) {
      const a = pca.getAllAccounts().find((x) => x.homeAccountId === accountId);
      if (a) pca.setActiveAccount(a);
    },
    async signIn(method, opts = {}) {
      const request = {
        scopes: [...settings.scopes],
        ...(opts.selectAccount ? { prompt: 'select_account' } : {}),
      };
      if (method === 'redirect') {
        // Leaving for an authority that does not answer strands the person on a browser error page.
        const reachable = await checkAuthority(settings, options.authorityCheck);
        if (!reachable.ok) return reachable;
        try {
          await pca.loginRedirect(request);
          return { ok: true, value: null };
        } catch (e) {
          return { ok: false, error: explain(e) };
        }
      }
      // The popup opens at once (the click still counts); the authority is checked alongside.
      const watch = watchPopup(pca, popupOpened);
      const reachable = checkAuthority(settings, options.authorityCheck);
      const unreachable = reachable.then((r) => (r.ok ? new Promise<never>(() => undefined) : r.error));
      const signIn = pca
        .loginPopup({ ...request, overrideInteractionInProgress: abandoned })
        .then((result): AuthOutcome<AuthTokens> => {
          pca.setActiveAccount(result.account);
          return { ok: true, value: toTokens(result) };
        })
        .catch(async (e: unknown): Promise<AuthOutcome<AuthTokens>> => {
          const error = explain(e);
          // MSAL says "network"; the check says which: offline, no answer, or not an OpenID provider.
          if (error.code === 'authority-unreachable' || error.code === 'network') {
            const r = await reachable;
            if (!r.ok) return { ok: false, error: r.error };
          }
          return { ok: false, error };
        });
      abandoned = false;
      try {
        const outcome = await Promise.race([
          signIn,
          watch.closed.then((error) => ({ ok: false as const, error })),
          unreachable.then((error) => ({ ok: false as const, error })),
        ]);
        if (
          !outcome.ok &&
          (outcome.error.code === 'popup-closed' || outcome.error.code.startsWith('authority-'))
        ) {
          abandoned = true;
          clearAbandonedInteraction(settings.clientId);
        }
        return outcome;
      } finally {
        watch.stop();
      }
    },
    async acquireToken(opts = {}) {
      const scopes = [...(opts.scopes ?? settings.scopes)];
      const account = current();
      if (!account) {
        if (!opts.interactive) return { ok: false, error: explain({ errorCode: 'login_required' }, scopes) };
        try {
          const result = await pca.acquireTokenPopup({ scopes });
          pca.setActiveAccount(result.account);
          return { ok: true, value: toTokens(result) };
        } catch (e) {
          return { ok: false, error: explain(e, scopes) };
        }
      }
      try {
        const result = await pca.acquireTokenSilent({
          scopes,
          account,
          forceRefresh: opts.forceRefresh ?? false,
        });
        return { ok: true, value: toTokens(result) };
      } catch (e) {
        if (!opts.interactive || !isInteractionRequired(e)) return { ok: false, error: explain(e, scopes) };
        try {
          const result = await pca.acquireTokenPopup({ scopes, account });
          return { ok: true, value: toTokens(result) };
        } catch (e2) {
          return { ok: false, error: explain(e2, scopes) };
        }
      }
    },
    async signOut(mode) {
      const account = current();
      try {
        if (mode === 'local') {
          // Forget the account in this tab's cache; the provider session stays.
          await pca.clearCache({ account });
        } else {
          await pca.logoutRedirect({ account });
        }
        return { ok: true, value: null };
      } catch (e) {
        return { ok: false, error: explain(e) };
      }
    },
  };
  return { ok: true, value: client };
}
