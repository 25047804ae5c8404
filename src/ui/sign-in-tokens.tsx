import type { AuthAccount, AuthTokens } from '../auth';
import './sign-in.css';

export interface SignInTokensProps {
  readonly tokens: AuthTokens;
  readonly accounts: readonly AuthAccount[];
  readonly busy: boolean;
  /** What the last renewal did, e.g. "Renewed silently at 12:04:05". */
  readonly renewal: string | null;
  readonly onInspect: (token: string) => void;
  readonly onSwitchAccount: (accountId: string) => void;
  readonly onAddAccount: () => void;
  readonly onRenew: () => void;
  readonly onSignOut: (mode: 'local' | 'provider') => void;
}

/** The signed-in account, its two tokens with "Inspect" buttons, account switch, renewal and sign-out. */
export function SignInTokens(props: SignInTokensProps) {
  const { tokens, accounts, busy, renewal, onInspect, onSwitchAccount, onAddAccount, onRenew, onSignOut } =
    props;
  const rows = [
    { label: 'ID token', value: tokens.idToken },
    { label: 'Access token', value: tokens.accessToken },
  ];
  return (
    <section className="signin-tokens" aria-label="Your tokens">
      <h2>Signed in as {tokens.account.name ?? tokens.account.username}</h2>
      <p>
        {tokens.account.username} · tenant <code>{tokens.account.tenantId}</code>
      </p>
      <div className="signin-accounts">
        <label htmlFor="signin-account">Account</label>
        <select
          id="signin-account"
          value={tokens.account.id}
          disabled={busy}
          onChange={(e) => onSwitchAccount(e.target.value)}
        >
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name ? `${a.name} (${a.username})` : a.username}
            </option>
          ))}
        </select>
        <button type="button" disabled={busy} onClick={onAddAccount}>
          Use another account
        </button>
      </div>
      {rows.map(({ label, value }) => (
        <div className="signin-token" key={label}>
          <h3>{label}</h3>
          {value ? (
            <>
              <textarea readOnly aria-label={label} value={value} rows={3} spellCheck={false} />
              <button
                type="button"
                onClick={() => onInspect(value)}
                aria-label={`Inspect the ${label.toLowerCase()}`}
              >
                Inspect
              </button>
            </>
          ) : (
            <p>None was returned.</p>
          )}
        </div>
      ))}
      <p className="signin-expiry">
        Scopes granted: <code>{tokens.scopes.join(' ') || '(none listed)'}</code>
        {tokens.expiresOn ? ` · access token expires ${tokens.expiresOn.toLocaleTimeString()}` : ''}
      </p>
      <div className="signin-actions">
        <button type="button" disabled={busy} onClick={onRenew}>
          Renew the access token
        </button>
        <button type="button" disabled={busy} onClick={() => onSignOut('provider')}>
          Sign out
        </button>
        <button type="button" disabled={busy} onClick={() => onSignOut('local')}>
          Forget this account in this tab
        </button>
      </div>
      <p role="status" className="signin-status">
        {renewal ?? ''}
      </p>
    </section>
  );
}
