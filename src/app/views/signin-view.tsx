import { useEffect, useMemo, useRef, useState } from 'react';
import { QueryClient, QueryClientProvider, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DIRECTORY_ROLES_SCOPE,
  SERVICE_PRINCIPAL_SCOPE,
  createAuthClient,
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
  type SignInErrorExplanation,
  type SignInMethod,
  type SignInSettings,
} from '../../auth';
import { SignInError } from '../../ui/sign-in-error';
import { SignInForm } from '../../ui/sign-in-form';
import { SignInLiveCheck } from '../../ui/sign-in-live-check';
import { SignInRoles } from '../../ui/sign-in-roles';
import { SignInTokens } from '../../ui/sign-in-tokens';
import { findRole, type Catalog } from '../../catalog';
import { explainError } from '../../diagnose';
import { classifyToken, decodeToken } from '../../token';
import { config } from '../config';
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
    () => new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: 0 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <SignIn {...props} />
    </QueryClientProvider>
  );
}

function SignIn({ onToken, catalog }: ViewProps) {
  const [settings, setSettings] = useState<SignInSettings>(() => loadSignInSettings(browserStorage()));
  const [submitted, setSubmitted] = useState(false);
  // Settings saved by an earlier visit: MSAL starts with them (finishing a redirect sign-in, if any).
  const [saved] = useState(() =>
    validateSignInSettings(loadSignInSettings(browserStorage()), config.extraAuthorities),
  );
  const [phase, setPhase] = useState<'starting' | 'ready'>(saved.ok ? 'starting' : 'ready');
  const [client, setClient] = useState<AuthClient | null>(null);
  const [tokens, setTokens] = useState<AuthTokens | null>(null);
  const [accounts, setAccounts] = useState<readonly AuthAccount[]>([]);
  const [error, setError] = useState<SignInErrorExplanation | null>(null);
  const [busy, setBusy] = useState(false);
  const [renewal, setRenewal] = useState<string | null>(null);
  const started = useRef(false);

  const access = useMemo(() => (tokens ? readAccessToken(tokens.accessToken) : null), [tokens]);
  const validation = useMemo(() => validateSignInSettings(settings, config.extraAuthorities), [settings]);
  const origin = window.location.origin;

  const adopt = (c: AuthClient, t: AuthTokens | null) => {
    setClient(c);
    setTokens(t);
    setAccounts(c.listAccounts());
  };

  // MSAL is set up (and a returning redirect sign-in finished) before the form is usable. Only when
  // settings were saved: a first visit loads no MSAL code until the person signs in.
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    if (!saved.ok) {
      preloadAuthLibrary();
      return;
    }
    void (async () => {
      const created = await createAuthClient(saved.value, { origin });
      if (!created.ok) {
        setError(created.error);
      } else {
        const c = created.value;
        if (c.redirectResult?.ok === false) setError(c.redirectResult.error);
        let t = c.redirectResult?.ok ? c.redirectResult.value : null;
        if (!t && c.activeAccount()) {
          const silent = await c.acquireToken();
          t = silent.ok ? silent.value : null;
        }
        adopt(c, t);
      }
      setPhase('ready');
    })();
  }, [origin, saved]);

  const clientFor = async (): Promise<AuthClient | null> => {
    if (!validation.ok) return null;
    if (client && settingsKey(client.settings) === settingsKey(validation.value)) return client;
    const created = await createAuthClient(validation.value, { origin });
    if (!created.ok) {
      setError(created.error);
      return null;
    }
    setClient(created.value);
    return created.value;
  };

  const signIn = async (method: SignInMethod, selectAccount = false) => {
    setSubmitted(true);
    if (!validation.ok) return;
    saveSignInSettings(browserStorage(), settings);
    setBusy(true);
    setError(null);
    const c = await clientFor();
    if (!c) {
      setBusy(false);
      return;
    }
    const result = await c.signIn(method, { selectAccount });
    if (!result.ok) setError(result.error);
    else if (result.value) adopt(c, result.value);
    // A redirect sign-in navigates away; stay busy until it does.
    if (!result.ok || method === 'popup') setBusy(false);
  };

  const run = async (action: (c: AuthClient) => Promise<void>) => {
    if (!client) return;
    setBusy(true);
    setError(null);
    await action(client);
    setBusy(false);
  };

  const renew = () =>
    run(async (c) => {
      const result = await c.acquireToken({ forceRefresh: true });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setTokens(result.value);
      setRenewal(
        `Access token renewed silently at ${new Date().toLocaleTimeString()} (${result.value.fromCache ? 'from the cache' : 'a new token from the provider'}).`,
      );
    });

  const switchAccount = (accountId: string) =>
    run(async (c) => {
      c.setActiveAccount(accountId);
      const result = await c.acquireToken();
      if (result.ok) adopt(c, result.value);
      else setError(result.error);
    });

  const signOut = (mode: 'local' | 'provider') =>
    run(async (c) => {
      const result = await c.signOut(mode);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setRenewal(null);
      adopt(c, null);
    });

  if (phase === 'starting') {
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
      {error && <SignInError error={error} />}
      {tokens && client ? (
        <>
          <SignInTokens
            tokens={tokens}
            accounts={accounts}
            busy={busy}
            renewal={renewal}
            onInspect={onToken}
            onSwitchAccount={(id) => void switchAccount(id)}
            onAddAccount={() => void signIn('popup', true)}
            onRenew={() => void renew()}
            onSignOut={(mode) => void signOut(mode)}
          />
          <SignInRoles
            wids={access?.wids ?? null}
            roleName={(id) => roleNameFrom(catalog, id)}
            liveCheck={<LiveDirectoryRoles client={client} />}
          />
          <section className="signin-checks" aria-label="Live checks">
            <h2>Live checks</h2>
            <LiveServicePrincipal client={client} defaultAppId={access?.audience ?? ''} />
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
          onSignIn={(method) => void signIn(method)}
        />
      )}
    </section>
  );
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
      <div className="signin-field">
        <label htmlFor="signin-resource-app-id">Resource app ID</label>
        <input
          id="signin-resource-app-id"
          type="text"
          value={appId}
          onChange={(e) => setAppId(e.target.value)}
        />
      </div>
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
