import { useId, useMemo, useState, type ReactNode } from 'react';
import type {
  AdminConsentResult,
  Cloud,
  ConsentError,
  ConsentField,
  PermissionType,
  UserConsentResult,
} from '../consent';
import { CopyButton } from './copy-button';
import './consent-builder.css';

/** The builder's field values, as typed. */
export interface ConsentFormValues {
  readonly tenant: string;
  readonly clientId: string;
  readonly redirectUri: string;
  /** Permissions, one per line or space-separated. */
  readonly permissions: string;
  readonly cloud: Cloud;
  readonly permissionType: PermissionType;
  readonly includeV1: boolean;
}

/** One pickable permission from the catalog search. */
export interface PermissionSuggestion {
  /** The `<resource>/<permission>` text added to the field. */
  readonly scope: string;
  readonly label: string;
  readonly detail: string;
}

export interface ConsentBuilderProps {
  readonly values: ConsentFormValues;
  readonly onChange: (values: ConsentFormValues) => void;
  /** Null while the catalog loads: no URL can be checked yet. */
  readonly result: AdminConsentResult | null;
  readonly userResult: UserConsentResult | null;
  readonly searchPermissions: ((query: string) => readonly PermissionSuggestion[]) | null;
  /** Shown as a button when an inspected token is available. */
  readonly onPrefillFromToken?: (() => void) | undefined;
  readonly prefillNote?: string | null | undefined;
  readonly clouds: readonly { readonly id: Cloud; readonly label: string }[];
}

const FIELD_LABELS: Readonly<Record<ConsentField, string>> = {
  tenant: 'Tenant',
  clientId: 'Client ID',
  redirectUri: 'Redirect URI',
  permissions: 'Permissions',
  cloud: 'Cloud',
};

function errorsFor(result: AdminConsentResult | null, field: ConsentField): readonly ConsentError[] {
  return result && !result.ok ? result.errors.filter((e) => e.field === field) : [];
}

interface FieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint: string;
  readonly errors: readonly ConsentError[];
  readonly showErrors: boolean;
  readonly children: (describedBy: string, invalid: boolean) => ReactNode;
}

function Field({ id, label, hint, errors, showErrors, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errId = `${id}-error`;
  const visible = showErrors && errors.length > 0;
  return (
    <div className="consent-field">
      <label htmlFor={id}>{label}</label>
      {children(visible ? `${hintId} ${errId}` : hintId, visible)}
      <p id={hintId} className="consent-hint">
        {hint}
      </p>
      {visible ? (
        <p id={errId} className="consent-field-error">
          {errors.map((e) => e.message).join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** The admin-consent URL builder: labelled fields, per-field errors, the URL (only when valid), who can grant. */
export function ConsentBuilder(props: ConsentBuilderProps) {
  const { values, onChange, result, userResult } = props;
  const base = useId();
  const [touched, setTouched] = useState<ReadonlySet<ConsentField>>(new Set());
  const [query, setQuery] = useState('');
  const touch = (f: ConsentField) => setTouched((t) => (t.has(f) ? t : new Set(t).add(f)));
  const show = (f: ConsentField, value: string) => touched.has(f) || value.trim() !== '';
  const set = <K extends keyof ConsentFormValues>(key: K, value: ConsentFormValues[K]) =>
    onChange({ ...values, [key]: value });

  const { searchPermissions } = props;
  // The page re-renders every second (the clock); search only when the query or catalog changes.
  const suggestions = useMemo(
    () => (searchPermissions && query.trim().length >= 2 ? searchPermissions(query) : []),
    [searchPermissions, query],
  );
  const addScope = (scope: string) => {
    const current = values.permissions.trim();
    const present = current.split(/[\s,]+/).some((p) => p.toLowerCase() === scope.toLowerCase());
    if (!present) set('permissions', current ? `${current}\n${scope}` : scope);
    setQuery('');
  };

  return (
    <div className="consent-builder">
      {props.onPrefillFromToken ? (
        <p>
          <button type="button" onClick={props.onPrefillFromToken}>
            Prefill from the inspected token
          </button>{' '}
          {props.prefillNote ? <span role="status">{props.prefillNote}</span> : null}
        </p>
      ) : null}
      <form className="consent-form" onSubmit={(e) => e.preventDefault()} aria-label="Admin consent request">
        <Field
          id={`${base}-tenant`}
          label={FIELD_LABELS.tenant}
          hint='Tenant ID (GUID), a verified domain such as contoso.onmicrosoft.com, or "organizations".'
          errors={errorsFor(result, 'tenant')}
          showErrors={show('tenant', values.tenant)}
        >
          {(describedBy, invalid) => (
            <input
              id={`${base}-tenant`}
              value={values.tenant}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => set('tenant', e.target.value)}
              onBlur={() => touch('tenant')}
            />
          )}
        </Field>
        <Field
          id={`${base}-client`}
          label={FIELD_LABELS.clientId}
          hint="The Application (client) ID of the app that needs the permissions."
          errors={errorsFor(result, 'clientId')}
          showErrors={show('clientId', values.clientId)}
        >
          {(describedBy, invalid) => (
            <input
              id={`${base}-client`}
              value={values.clientId}
              spellCheck={false}
              autoComplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => set('clientId', e.target.value)}
              onBlur={() => touch('clientId')}
            />
          )}
        </Field>
        <Field
          id={`${base}-redirect`}
          label={FIELD_LABELS.redirectUri}
          hint="Exactly as registered on the app. https, or http only for localhost."
          errors={errorsFor(result, 'redirectUri')}
          showErrors={show('redirectUri', values.redirectUri)}
        >
          {(describedBy, invalid) => (
            <input
              id={`${base}-redirect`}
              value={values.redirectUri}
              type="url"
              spellCheck={false}
              autoComplete="off"
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => set('redirectUri', e.target.value)}
              onBlur={() => touch('redirectUri')}
            />
          )}
        </Field>
        <Field
          id={`${base}-perms`}
          label={FIELD_LABELS.permissions}
          hint="One per line: <resource>/<permission> (https://graph.microsoft.com/User.Read.All) or <resource>/.default."
          errors={errorsFor(result, 'permissions')}
          showErrors={show('permissions', values.permissions)}
        >
          {(describedBy, invalid) => (
            <textarea
              id={`${base}-perms`}
              value={values.permissions}
              rows={4}
              spellCheck={false}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => set('permissions', e.target.value)}
              onBlur={() => touch('permissions')}
            />
          )}
        </Field>
        <div className="consent-field">
          <label htmlFor={`${base}-search`}>Search permissions</label>
          <input
            id={`${base}-search`}
            type="search"
            value={query}
            disabled={!props.searchPermissions}
            placeholder={
              props.searchPermissions ? 'e.g. User.Read.All or machine' : 'Loading the permission catalog…'
            }
            onChange={(e) => setQuery(e.target.value)}
          />
          {suggestions.length > 0 ? (
            <ul className="consent-suggestions" aria-label="Matching permissions">
              {suggestions.map((s) => (
                <li key={s.scope}>
                  <button type="button" onClick={() => addScope(s.scope)} aria-label={`Add ${s.scope}`}>
                    Add
                  </button>{' '}
                  <code>{s.label}</code> <span className="consent-hint">{s.detail}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <div className="consent-field">
          <label htmlFor={`${base}-type`}>Permission type</label>
          <select
            id={`${base}-type`}
            value={values.permissionType}
            aria-describedby={`${base}-type-hint`}
            onChange={(e) =>
              set('permissionType', e.target.value === 'application' ? 'application' : 'delegated')
            }
          >
            <option value="delegated">Delegated: the app acts for a signed-in user</option>
            <option value="application">Application: the app calls as itself (no user)</option>
          </select>
          <p id={`${base}-type-hint`} className="consent-hint">
            Application permissions are granted through &lt;resource&gt;/.default from what the app
            registration lists.
          </p>
        </div>
        <div className="consent-field">
          <label htmlFor={`${base}-cloud`}>{FIELD_LABELS.cloud}</label>
          <select
            id={`${base}-cloud`}
            value={values.cloud}
            onChange={(e) => set('cloud', e.target.value as Cloud)}
          >
            {props.clouds.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="consent-field consent-check">
          <input
            id={`${base}-v1`}
            type="checkbox"
            checked={values.includeV1}
            onChange={(e) => set('includeV1', e.target.checked)}
          />
          <label htmlFor={`${base}-v1`}>v1.0 form</label>
        </div>
      </form>

      <ConsentResult result={result} userResult={userResult} baseId={base} />
    </div>
  );
}

function ConsentResult({
  result,
  userResult,
  baseId,
}: {
  result: AdminConsentResult | null;
  userResult: UserConsentResult | null;
  baseId: string;
}) {
  if (result === null) {
    return (
      <section aria-label="Admin consent link" className="consent-result">
        <p role="status">Loading the permission catalog…</p>
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
              <strong>{FIELD_LABELS[e.field]}:</strong> {e.message}
            </li>
          ))}
        </ul>
      </section>
    );
  }
  const urlId = `${baseId}-url`;
  const v1Id = `${baseId}-v1url`;
  return (
    <section aria-label="Admin consent link" className="consent-result">
      <h2>Admin consent link</h2>
      <label htmlFor={urlId}>Admin consent URL</label>
      <textarea id={urlId} className="consent-url" readOnly value={result.url} rows={4} />
      <div className="consent-actions">
        <CopyButton label="Copy" text={result.url} />
        <a className="consent-open" href={result.url} target="_blank" rel="noreferrer noopener">
          Open
        </a>
      </div>
      <p className="consent-hint">
        state: <code>{result.state}</code> (new for every change; check it comes back unchanged)
      </p>
      {result.v1Url ? (
        <>
          <label htmlFor={v1Id}>Admin consent URL (v1.0 form)</label>
          <textarea id={v1Id} className="consent-url" readOnly value={result.v1Url} rows={3} />
          <div className="consent-actions">
            <CopyButton label="Copy v1.0 URL" text={result.v1Url} />
          </div>
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
      <section aria-label="Who can grant it">
        <h3>Who can grant it</h3>
        <p>
          Can grant: <strong>{result.whoCanGrant.roles.join(', ')}</strong>.
          {result.whoCanGrant.cannot.length > 0 ? (
            <>
              {' '}
              Cannot: <strong>{result.whoCanGrant.cannot.join(', ')}</strong>.
            </>
          ) : null}
        </p>
        <p>{result.whoCanGrant.explanation}</p>
        <p className="consent-hint">
          Source:{' '}
          <a href={result.whoCanGrant.source} target="_blank" rel="noreferrer noopener">
            Microsoft Learn: grant tenant-wide admin consent
          </a>
        </p>
      </section>
      <section aria-label="What the redirect carries back">
        <h3>What the redirect carries back</h3>
        <dl className="consent-redirect">
          {result.redirectCarries.map((p) => (
            <div key={p.name}>
              <dt>
                <code>{p.name}</code>
              </dt>
              <dd>{p.meaning}</dd>
            </div>
          ))}
        </dl>
      </section>
      <UserConsent result={userResult} baseId={baseId} />
    </section>
  );
}

function UserConsent({ result, baseId }: { result: UserConsentResult | null; baseId: string }) {
  const id = `${baseId}-user-url`;
  if (result === null) return null;
  return (
    <section aria-label="User consent link">
      <h3>User consent link</h3>
      {result.ok ? (
        <>
          <p className="consent-hint">
            For delegated permissions a user may consent to alone: the authorize URL with prompt=consent.
          </p>
          <label htmlFor={id}>User consent URL</label>
          <textarea id={id} className="consent-url" readOnly value={result.url} rows={3} />
          <div className="consent-actions">
            <CopyButton label="Copy user consent URL" text={result.url} />
          </div>
          {result.needAdmin.length > 0 ? (
            <p className="consent-warning">
              A user cannot consent to these alone (they need admin consent): {result.needAdmin.join(', ')}.
            </p>
          ) : null}
        </>
      ) : (
        <p>No user consent link: {result.errors.map((e) => e.message).join(' ')}</p>
      )}
    </section>
  );
}
