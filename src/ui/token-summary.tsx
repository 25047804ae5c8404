import type { Classification } from '../token';
import { formatLocal, formatRelative, formatUtc } from './format-time';

export interface NamedId {
  /** The value as in the token (URL or GUID). */
  readonly raw: string;
  /** Its name from the catalog, or null when unknown or not loaded yet. */
  readonly name: string | null;
}

export interface TokenSummaryProps {
  readonly classification: Classification | null;
  /** The API named by `aud`. */
  readonly api: NamedId | null;
  /** The client app named by `appid`/`azp` (for ID tokens, `aud`). */
  readonly client: NamedId | null;
  readonly catalogLoaded: boolean;
  readonly now: Date;
  /** Shown when there is no classification. */
  readonly emptyText: string;
}

const KIND: Record<Classification['kind'], string> = {
  access: 'Access token',
  id: 'ID token',
  unknown: 'Unknown kind (neither an Entra access token nor an ID token)',
};

const CALLER: Record<NonNullable<Classification['caller']>, string> = {
  delegated: 'Delegated (the app acts for a signed-in user)',
  'app-only': 'App-only (the app acts as itself, no user)',
  'managed-identity': 'Managed identity (an Azure resource acts as itself)',
};

const CLOUD: Record<NonNullable<Classification['issuer']['cloud']>, string> = {
  public: 'Public cloud (login.microsoftonline.com)',
  usgov: 'US Government (login.microsoftonline.us)',
  china: 'China, operated by 21Vianet (login.chinacloudapi.cn)',
};

const ISSUER_KIND: Record<Classification['issuer']['kind'], string> = {
  entra: 'Microsoft Entra ID',
  'entra-b2c': 'Azure AD B2C',
  'entra-external-id': 'Microsoft Entra External ID',
  other: 'Not a Microsoft Entra issuer',
};

const DASH = '—';

function headline(c: Classification, api: NamedId | null): string {
  const kind = c.kind === 'id' ? 'ID token' : c.kind === 'access' ? 'Access token' : 'Token';
  const version = c.version ? ` (v${c.version})` : '';
  const target = api ? ` ${c.kind === 'id' ? 'issued to' : 'for'} ${api.name ?? api.raw}` : '';
  const caller = c.kind !== 'id' && c.caller ? `, ${CALLER_SHORT[c.caller]}` : '';
  return `${kind}${version}${target}${caller}.`;
}

const CALLER_SHORT: Record<NonNullable<Classification['caller']>, string> = {
  delegated: 'delegated',
  'app-only': 'app-only',
  'managed-identity': 'managed identity',
};

function named(value: NamedId | null, catalogLoaded: boolean): string {
  if (!value) return 'Not stated';
  if (value.name) return `${value.name} (${value.raw})`;
  return catalogLoaded ? `${value.raw} (not in the catalog)` : value.raw;
}

function expiryBadge(state: Classification['expiry']['state']): string {
  if (state === 'valid') return 'badge ok';
  if (state === 'unknown') return 'badge warn';
  return 'badge err';
}

const EXPIRY_STATE: Record<Classification['expiry']['state'], string> = {
  valid: 'Valid',
  expired: 'Expired',
  'not-yet-valid': 'Not yet valid',
  unknown: 'No expiry stated',
};

/** What the token is, for whom, from where, and whether it is still valid. Contract region "Token summary". */
export function TokenSummary({
  classification: c,
  api,
  client,
  catalogLoaded,
  now,
  emptyText,
}: TokenSummaryProps) {
  return (
    <section aria-label="Token summary" className="panel summary">
      <h2>Token summary</h2>
      <p className={c ? 'summary-headline' : 'muted'}>{c ? headline(c, api) : emptyText}</p>
      {/* The same rows before and after a token arrives, so the page does not jump. */}
      <dl>
        <dt>Kind</dt>
        <dd>{c ? KIND[c.kind] : DASH}</dd>
        <dt>Version</dt>
        <dd>{c ? (c.version ? `v${c.version}` : 'Not stated') : DASH}</dd>
        {c?.kind !== 'id' && (
          <>
            <dt>Caller</dt>
            <dd>{c ? (c.caller ? CALLER[c.caller] : 'Not stated') : DASH}</dd>
          </>
        )}
        <dt>{c?.kind === 'id' ? 'Audience (the app that signed in)' : 'API (audience)'}</dt>
        <dd>{c ? named(api, catalogLoaded) : DASH}</dd>
        <dt>Tenant</dt>
        <dd>{c ? (c.tenantId ?? 'Not stated') : DASH}</dd>
        {c?.kind !== 'id' && (
          <>
            <dt>Client app</dt>
            <dd>{c ? named(client, catalogLoaded) : DASH}</dd>
          </>
        )}
        <dt>Issuer</dt>
        <dd>
          {c ? (c.issuer.cloud ? CLOUD[c.issuer.cloud] : ISSUER_KIND[c.issuer.kind]) : DASH}
          {c?.issuer.value ? ` · ${c.issuer.value}` : ''}
        </dd>
        <dt>User</dt>
        <dd>
          {c
            ? c.guest === null
              ? 'No user or not stated'
              : c.guest
                ? 'Guest (B2B) user'
                : 'Member of the tenant'
            : DASH}
        </dd>
        <dt>Expiry</dt>
        <dd>
          {c ? (
            <>
              <span className={expiryBadge(c.expiry.state)}>{EXPIRY_STATE[c.expiry.state]}</span>{' '}
              {c.expiry.text || (c.expiry.expiresAt ? formatRelative(c.expiry.expiresAt, now) : '')}
              {c.expiry.expiresAt && (
                <span className="muted">
                  {' '}
                  · {formatUtc(c.expiry.expiresAt)} · {formatLocal(c.expiry.expiresAt)} local
                </span>
              )}
            </>
          ) : (
            DASH
          )}
        </dd>
      </dl>
    </section>
  );
}
