import { useEffect, useMemo, useState } from 'react';
import {
  QueryClient,
  QueryClientProvider,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  DIRECTORY_ROLES_SCOPE,
  SERVICE_PRINCIPAL_SCOPE,
  authFailure,
  createAuthClient,
  explainAuthError,
  fetchMyDirectoryRoles,
  fetchServicePrincipal,
  loadSignInSettings,
  preloadAuthLibrary,
  redirectUriFor,
  saveSignInSettings,
  validateSignInSettings,
  type AuthAccount,
  type AuthClient,
  type AuthTokens,
  type LiveCheckResult,
  type ResolvedSignInSettings,
  type SignInFailure,
  type SignInMethod,
  type SignInSettings,
} from '../../auth';
import { SignInError } from '../../ui/sign-in-error';
import { SignInForm } from '../../ui/sign-in-form';
import { SignInLiveCheck } from '../../ui/sign-in-live-check';
import { SignInRoles } from '../../ui/sign-in-roles';
import { SignInTokens } from '../../ui/sign-in-tokens';
import { TextField } from '../../ui/text-field';
import { findRole, type Catalog } from '../../catalog';
import { explainError } from '../../diagnose';
import { classifyToken, decodeToken } from '../../token';
import { config } from '../config';
import { fixHref } from '../fix-links';
import type { ViewProps } from '../view-props';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The access token's `wids` and audience, via the token layer (decoding only, no verification). */
function readAccessToken(token: string): { wids: readonly string[] | null; audience: string } {
  const decoded = decodeToken(token);
  if (!decoded.ok) return { wids: null, audience: '' };
  const classification = classifyToken(decoded.token);
  return { wids: classification.wids, audience: classification.audience ?? '' };
}

const settingsKey = (s: AuthClient['settings']) => JSON.stringify(s);

/** The sign-in page: settings, sign-in, the tokens, "Your directory roles" and the live Graph checks. */
export default function SigninView(props: ViewProps) {
  // React Query lives only in this lazy chunk, like MSAL.
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // react-query pauses work while the browser is offline; here it must run, so a sign-in or a Graph
        // call can say "offline" instead of leaving the buttons disabled.
        defaultOptions: {
          queries: { retry: false, gcTime: 0, networkMode: 'always' },
          mutations: { networkMode: 'always' },
        },
      }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <SignIn {...props} />
    </QueryClientProvider>
  );
}

/** What the page holds once MSAL is set up: the client, the current tokens and the signed-in accounts. */
interface Session {
  readonly client: AuthClient;
  readonly tokens: AuthTokens | null;
  readonly accounts: readonly AuthAccount[];
}

/** The four things a person can do; each runs as the one mutation, so busy and error come from it. */
type Action =
  | { readonly kind: 'sign-in'; readonly method: SignInMethod; readonly selectAccount: boolean }
  | { readonly kind: 'renew' }
  | { readonly kind: 'switch'; readonly accountId: string }
  | { readonly kind: 'sign-out'; readonly mode: 'local' | 'provider' };

/** An action's outcome: never thrown, so a failure is data like a success. */
type ActionOutcome =
  | {
      readonly ok: true;
      readonly session: Session;
      /** What a renewal did, shown until the next action. */
      readonly renewal: string | null;
      /** A redirect sign-in is leaving the page: stay busy until it has. */
      readonly leaving: boolean;
    }
  | { readonly ok: false; readonly error: SignInFailure; readonly session: Session | null };

const sessionOf = (client: AuthClient, tokens: AuthTokens | null): Session => ({
  client,
  tokens,
  accounts: client.listAccounts(),
});

/** MSAL set up with the settings saved by an earlier visit, finishing a returning redirect sign-in. */
async function startSession(
  settings: ResolvedSignInSettings,
  origin: string,
): Promise<{ session: Session | null; error: SignInFailure | null }> {
  const created = await createAuthClient(settings, { origin });
  if (!created.ok) return { session: null, error: created.error };
  const c = created.value;
  const error = c.redirectResult?.ok === false ? c.redirectResult.error : null;
  let tokens = c.redirectResult?.ok ? c.redirectResult.value : null;
  if (!tokens && c.activeAccount()) {
    const silent = await c.acquireToken();
    tokens = silent.ok ? silent.value : null;
  }
  return { session: sessionOf(c, tokens), error };
}

function SignIn({ onToken, catalog }: ViewProps) {
  const [settings, setSettings] = useState<SignInSettings>(() => loadSignInSettings(browserStorage()));
  const [submitted, setSubmitted] = useState(false);
  // Settings saved by an earlier visit: MSAL starts with them (finishing a redirect sign-in, if any).
  const [saved] = useState(() =>
    validateSignInSettings(loadSignInSettings(browserStorage()), config.extraAuthorities),
  );
  const [own, setOwn] = useState<Session | null>(null);
  const origin = window.location.origin;
  const validation = useMemo(() => validateSignInSettings(settings, config.extraAuthorities), [settings]);

  // Only with saved settings: a first visit loads no MSAL code until the person signs in.
  const startup = useQuery({
    queryKey: ['sign-in-startup', origin],
    queryFn: () => (saved.ok ? startSession(saved.value, origin) : { session: null, error: null }),
    enabled: saved.ok,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  useEffect(() => {
    if (!saved.ok) preloadAuthLibrary();
  }, [saved.ok]);
  const session = own ?? startup.data?.session ?? null;

  const perform = async (action: Action): Promise<ActionOutcome> => {
    if (action.kind === 'sign-in') {
      if (!validation.ok) return { ok: false, error: invalidSettings(), session };
      // Known offline: say so before loading MSAL or leaving the page.
      if (!navigator.onLine) {
        return { ok: false, error: authFailure('offline', 'navigator.onLine is false'), session };
      }
      let c = session?.client ?? null;
      if (!c || settingsKey(c.settings) !== settingsKey(validation.value)) {
        const created = await createAuthClient(validation.value, { origin });
        if (!created.ok) return { ok: false, error: created.error, session };
        c = created.value;
      }
      const kept = session?.client === c ? session : sessionOf(c, null);
      const result = await c.signIn(action.method, { selectAccount: action.selectAccount });
      if (!result.ok) return { ok: false, error: result.error, session: kept };
      return {
        ok: true,
        session: result.value ? sessionOf(c, result.value) : kept,
        renewal: null,
        leaving: action.method === 'redirect',
      };
    }
    if (!session) return { ok: false, error: invalidSettings(), session };
    const c = session.client;
    if (action.kind === 'renew') {
      const result = await c.acquireToken({ forceRefresh: true });
      if (!result.ok) return { ok: false, error: result.error, session };
      const how = result.value.fromCache ? 'from the cache' : 'a new token from the provider';
      return {
        ok: true,
        session: { ...session, tokens: result.value },
        renewal: `Access token renewed silently at ${new Date().toLocaleTimeString()} (${how}).`,
        leaving: false,
      };
    }
    if (action.kind === 'switch') {
      c.setActiveAccount(action.accountId);
      const result = await c.acquireToken();
      if (!result.ok) return { ok: false, error: result.error, session };
      return { ok: true, session: sessionOf(c, result.value), renewal: null, leaving: false };
    }
    const result = await c.signOut(action.mode);
    if (!result.ok) return { ok: false, error: result.error, session };
    return { ok: true, session: sessionOf(c, null), renewal: null, leaving: false };
  };

  const action = useMutation({
    mutationFn: perform,
    onSuccess: (outcome) => {
      if (outcome.session) setOwn(outcome.session);
    },
  });
  const run = (a: Action) => action.mutate(a);
  const signIn = (method: SignInMethod, selectAccount = false) => {
    setSubmitted(true);
    if (!validation.ok) return;
    saveSignInSettings(browserStorage(), settings);
    run({ kind: 'sign-in', method, selectAccount });
  };

  const outcome = action.data;
  const busy = action.isPending || (outcome?.ok === true && outcome.leaving);
  const error = action.isIdle ? (startup.data?.error ?? null) : outcome?.ok === false ? outcome.error : null;
  const renewal = outcome?.ok ? outcome.renewal : null;
  const tokens = session?.tokens ?? null;
  const access = useMemo(() => (tokens ? readAccessToken(tokens.accessToken) : null), [tokens]);

  if (saved.ok && startup.isPending) {
    return (
      <section aria-label="Sign in" className="signin-view">
        <h1>Sign in</h1>
        <p role="status">Preparing sign-in…</p>
      </section>
    );
  }

  const errors = submitted && !validation.ok ? validation.errors : [];
  const warnings = validation.ok ? validation.value.warnings : [];
  return (
    <section aria-label="Sign in" className="signin-view">
      <h1>Sign in</h1>
      <p>
        Sign in with your own app registration to see your tokens and roles. Tokens stay in this tab (session
        storage) and are sent only to the sign-in provider and, when you ask, to Microsoft Graph.
      </p>
      {error && <SignInError error={error} hrefOf={fixHref} />}
      {tokens && session ? (
        <>
          <SignInTokens
            tokens={tokens}
            accounts={session.accounts}
            busy={busy}
            renewal={renewal}
            onInspect={onToken}
            onSwitchAccount={(accountId) => run({ kind: 'switch', accountId })}
            onAddAccount={() => signIn('popup', true)}
            onRenew={() => run({ kind: 'renew' })}
            onSignOut={(mode) => run({ kind: 'sign-out', mode })}
          />
          <SignInRoles
            wids={access?.wids ?? null}
            roleName={(id) => roleNameFrom(catalog, id)}
            liveCheck={<LiveDirectoryRoles client={session.client} />}
          />
          <section className="signin-checks" aria-label="Live checks">
            <h2>Live checks</h2>
            <LiveServicePrincipal client={session.client} defaultAppId={access?.audience ?? ''} />
          </section>
        </>
      ) : (
        <SignInForm
          settings={settings}
          errors={errors}
          warnings={warnings}
          customAuthority={
            validation.ok ? validation.value.customAuthority : /^https:\/\//i.test(settings.authority)
          }
          redirectUri={redirectUriFor(origin)}
          busy={busy}
          onChange={setSettings}
          onSignIn={signIn}
        />
      )}
    </section>
  );
}

/** Only reached when a button was used without a client; the form prevents it. */
function invalidSettings(): SignInFailure {
  return explainAuthError({ errorMessage: 'Sign-in is not set up yet: check the settings above.' });
}

function unwrap<T>(result: LiveCheckResult<T>): T {
  if (result.ok) return result.value;
  throw new Error(
    result.error.status ? `HTTP ${result.error.status}: ${result.error.text}` : result.error.text,
  );
}

function roleNameFrom(catalog: Catalog | null, id: string): string | null {
  return catalog ? (findRole(catalog, id)?.name ?? null) : null;
}

/** A failed Graph call, through the error explainer (the raw text stays visible underneath). */
function LiveError({ error }: { readonly error: Error | null }) {
  const text = error?.message ?? 'Unknown error';
  const explained = explainError(text);
  return (
    <div role="alert" className="signin-live-error">
      <p>The check failed{explained.ok && explained.code ? ` (${explained.code})` : ''}.</p>
      {explained.ok && (
        <p>
          {explained.explanation}{' '}
          <a href={explained.link} target="_blank" rel="noreferrer">
            Microsoft&apos;s page
          </a>
        </p>
      )}
      <pre>{text}</pre>
    </div>
  );
}

function statusOf(q: { isFetching: boolean; isError: boolean; isSuccess: boolean }) {
  return q.isFetching ? 'loading' : q.isError ? 'error' : q.isSuccess ? 'success' : 'idle';
}

function LiveDirectoryRoles({ client }: { readonly client: AuthClient }) {
  const queryClient = useQueryClient();
  const queryKey = ['directory-roles', client.settings.clientId, client.activeAccount()?.id ?? ''];
  const query = useQuery({
    queryKey,
    queryFn: async ({ signal }) => unwrap(await fetchMyDirectoryRoles(client, signal)),
    enabled: false,
  });
  return (
    <SignInLiveCheck
      title="Check my roles in Microsoft Graph"
      description={
        <>
          Lists the directory roles you hold now, including through groups (
          <code>GET /v1.0/me/transitiveMemberOf/microsoft.graph.directoryRole</code>). Asks for the{' '}
          <code>{DIRECTORY_ROLES_SCOPE}</code> permission, the least privileged one that returns role names.
        </>
      }
      runLabel="Check my roles in Graph"
      status={statusOf(query)}
      error={<LiveError error={query.error} />}
      result={
        query.data && query.data.length > 0 ? (
          <ul>
            {query.data.map((r) => (
              <li key={r.id}>
                {r.displayName ?? 'Unnamed role'} <code>{r.roleTemplateId ?? r.id}</code>
              </li>
            ))}
          </ul>
        ) : (
          <p>Graph lists no active directory role for you.</p>
        )
      }
      onRun={() => void query.refetch()}
      onCancel={() => void queryClient.cancelQueries({ queryKey })}
    />
  );
}

function LiveServicePrincipal({
  client,
  defaultAppId,
}: {
  readonly client: AuthClient;
  readonly defaultAppId: string;
}) {
  const queryClient = useQueryClient();
  const [appId, setAppId] = useState(defaultAppId);
  const queryKey = ['service-principal', appId];
  const query = useQuery({
    queryKey,
    queryFn: async ({ signal }) => unwrap(await fetchServicePrincipal(client, appId.trim(), signal)),
    enabled: false,
  });
  return (
    <>
      <TextField
        id="signin-resource-app-id"
        className="signin-field"
        label="Resource app ID"
        value={appId}
        onChange={setAppId}
      />
      <SignInLiveCheck
        title="The API's current roles and scopes"
        description={
          <>
            Reads the API&apos;s service principal in your tenant (
            <code>GET /v1.0/servicePrincipals(appId=&apos;…&apos;)</code>), asking for{' '}
            <code>{SERVICE_PRINCIPAL_SCOPE}</code>.
          </>
        }
        runLabel="Read the API's roles and scopes"
        status={statusOf(query)}
        error={<LiveError error={query.error} />}
        result={
          query.data ? (
            <>
              <p>{query.data.displayName ?? 'Unnamed API'}</p>
              <h4>App roles</h4>
              <ul>
                {query.data.appRoles.map((r) => (
                  <li key={r.id}>
                    {r.value ?? '(no value)'} {r.displayName ? `: ${r.displayName}` : ''}
                  </li>
                ))}
              </ul>
              <h4>Delegated scopes</h4>
              <ul>
                {query.data.scopes.map((s) => (
                  <li key={s.id}>
                    {s.value} {s.type === 'Admin' ? '(admin consent)' : ''}
                  </li>
                ))}
              </ul>
            </>
          ) : null
        }
        onRun={() => void query.refetch()}
        onCancel={() => void queryClient.cancelQueries({ queryKey })}
      />
    </>
  );
}
