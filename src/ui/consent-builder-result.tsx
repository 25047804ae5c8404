import { useId } from 'react';
import type { AdminConsentResult, ConsentField, UserConsentResult } from '../consent';
import { UserConsentLink } from './consent-builder-user-link';
import { CopyButton } from './copy-button';
import { LinkPrefillNotice } from './form-prefill';

export const CONSENT_FIELD_LABELS: Readonly<Record<ConsentField, string>> = {
  tenant: 'Tenant',
  clientId: 'Client ID',
  redirectUri: 'Redirect URI',
  permissions: 'Permissions',
  cloud: 'Cloud',
};

export interface ConsentResultProps {
  /** Null while the catalog loads. */
  readonly result: AdminConsentResult | null;
  readonly userResult: UserConsentResult | null;
  /** The values arrived in the page's link (not typed, not from the token). */
  readonly fromLink: boolean;
  /** The Grant page, prefilled, for a client ID that is a managed identity. */
  readonly grantHref: string;
}

/** The admin consent link with what to know about it, or what to fix first. */
export function ConsentResult({ result, userResult, fromLink, grantHref }: ConsentResultProps) {
  if (result === null) {
    return (
      <section aria-label="Admin consent link" className="consent-result">
        <p role="status">Loading the permission catalog…</p>
      </section>
    );
  }
  const managed = result.ok ? null : result.errors.find((e) => e.code === 'client-managed-identity');
  if (managed) {
    return (
      <section aria-label="Admin consent link" className="consent-result">
        <h2>No consent link for a managed identity</h2>
        <p>{managed.message}</p>
        <p>
          <a href={grantHref}>Assign the app role on the Grant page</a> (prefilled with what is known here).
        </p>
      </section>
    );
  }
  if (!result.ok) {
    return (
      <section aria-label="Admin consent link" className="consent-result">
        <h2>Admin consent link</h2>
        <p>The link appears once these are fixed:</p>
        <ul className="consent-problems">
          {result.errors.map((e) => (
            <li key={`${e.field}-${e.code}-${e.message}`}>
              <strong>{CONSENT_FIELD_LABELS[e.field]}:</strong> {e.message}
            </li>
          ))}
        </ul>
      </section>
    );
  }
  return (
    <section aria-label="Admin consent link" className="consent-result">
      <h2>Admin consent link</h2>
      {fromLink ? <LinkPrefillNotice /> : null}
      <ConsentUrl label="Admin consent URL" url={result.url} rows={4} copyLabel="Copy" open />
      <p className="consent-hint">
        state: <code>{result.state}</code> (new for every change; check it comes back unchanged)
      </p>
      {result.v1Url ? (
        <>
          <ConsentUrl
            label="Admin consent URL (v1.0 form)"
            url={result.v1Url}
            rows={3}
            copyLabel="Copy v1.0 URL"
          />
          <p className="consent-hint">
            The v1.0 form has no scope: it asks for everything the app registration lists.
          </p>
        </>
      ) : null}
      {result.warnings.length > 0 ? (
        <ul className="consent-warnings" aria-label="Notes on this link">
          {result.warnings.map((w) => (
            <li key={`${w.code}-${w.message}`} className={`consent-${w.severity}`}>
              {w.message}
              {w.fix ? <> {w.fix.text}</> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <WhoCanGrant whoCanGrant={result.whoCanGrant} />
      <RedirectCarries params={result.redirectCarries} />
      <UserConsentLink result={userResult} />
    </section>
  );
}

function ConsentUrl(props: {
  readonly label: string;
  readonly url: string;
  readonly rows: number;
  readonly copyLabel: string;
  readonly open?: boolean;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <textarea id={id} className="consent-url" readOnly value={props.url} rows={props.rows} />
      <div className="consent-actions">
        <CopyButton label={props.copyLabel} text={props.url} />
        {props.open ? (
          <a className="consent-open" href={props.url} target="_blank" rel="noreferrer noopener">
            Open
          </a>
        ) : null}
      </div>
    </>
  );
}

type OkResult = Extract<AdminConsentResult, { ok: true }>;

function WhoCanGrant({ whoCanGrant }: { readonly whoCanGrant: OkResult['whoCanGrant'] }) {
  return (
    <section aria-label="Who can grant it">
      <h3>Who can grant it</h3>
      <p>
        Can grant: <strong>{whoCanGrant.roles.join(', ')}</strong>.
        {whoCanGrant.cannot.length > 0 ? (
          <>
            {' '}
            Cannot: <strong>{whoCanGrant.cannot.join(', ')}</strong>.
          </>
        ) : null}
      </p>
      <p>{whoCanGrant.explanation}</p>
      <p className="consent-hint">
        Source:{' '}
        <a href={whoCanGrant.source} target="_blank" rel="noreferrer noopener">
          Microsoft Learn: grant tenant-wide admin consent
        </a>
      </p>
    </section>
  );
}

function RedirectCarries({ params }: { readonly params: OkResult['redirectCarries'] }) {
  return (
    <section aria-label="What the redirect carries back">
      <h3>What the redirect carries back</h3>
      <dl className="consent-redirect">
        {params.map((p) => (
          <div key={p.name}>
            <dt>
              <code>{p.name}</code>
            </dt>
            <dd>{p.meaning}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
