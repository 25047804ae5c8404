import { useId } from 'react';
import type { Cloud, GrantError, GrantField, GrantScriptsResult, RetiredModuleMention } from '../consent';
import { CopyButton } from './copy-button';
import './consent-builder.css';

/** The generator's field values, as typed. */
export interface GrantFormValues {
  readonly principalId: string;
  readonly api: string;
  /** Permission values, comma- or space-separated. */
  readonly permissions: string;
  readonly cloud: Cloud;
  /** A command the person tried, only read to spot the retired modules. */
  readonly tried: string;
}

export interface GrantScriptsProps {
  readonly values: GrantFormValues;
  readonly onChange: (values: GrantFormValues) => void;
  /** Null while the catalog loads. */
  readonly result: GrantScriptsResult | null;
  readonly retired: RetiredModuleMention | null;
  readonly apiNames: readonly string[];
  readonly clouds: readonly { readonly id: Cloud; readonly label: string }[];
}

const LABELS: Readonly<Record<GrantField, string>> = {
  principalId: 'Principal object ID',
  api: 'API',
  permissions: 'Permissions',
  cloud: 'Cloud',
};

function fieldErrors(result: GrantScriptsResult | null, field: GrantField): readonly GrantError[] {
  return result && !result.ok ? result.errors.filter((e) => e.field === field) : [];
}

/** Form and generated scripts for assigning app roles to a service principal or managed identity. */
export function GrantScripts({ values, onChange, result, retired, apiNames, clouds }: GrantScriptsProps) {
  const base = useId();
  const set = <K extends keyof GrantFormValues>(key: K, value: GrantFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const field = (f: 'principalId' | 'api' | 'permissions', hint: string) => {
    const id = `${base}-${f}`;
    const errs = values[f].trim() !== '' ? fieldErrors(result, f) : [];
    return (
      <div className="consent-field">
        <label htmlFor={id}>{LABELS[f]}</label>
        <input
          id={id}
          value={values[f]}
          spellCheck={false}
          autoComplete="off"
          list={f === 'api' ? `${base}-apis` : undefined}
          aria-invalid={errs.length > 0}
          aria-describedby={errs.length > 0 ? `${id}-hint ${id}-error` : `${id}-hint`}
          onChange={(e) => set(f, e.target.value)}
        />
        <p id={`${id}-hint`} className="consent-hint">
          {hint}
        </p>
        {errs.length > 0 ? (
          <p id={`${id}-error`} className="consent-field-error">
            {errs.map((e) => e.message).join(' ')}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <div className="grant-page">
      <p className="grant-warning" role="note">
        Managed identities and other service principals get application permissions by app role assignment. No
        consent link can grant them app roles: there is no one to sign in and consent. Use one of the scripts
        below.
      </p>
      <form className="grant-form" onSubmit={(e) => e.preventDefault()} aria-label="App role assignment">
        {field(
          'principalId',
          'Object ID of the service principal (Enterprise applications → Object ID) or of the managed identity; not the client ID.',
        )}
        {field(
          'api',
          'The API: its appId, or a name such as Microsoft Graph, WindowsDefenderATP, Microsoft Threat Protection.',
        )}
        <datalist id={`${base}-apis`}>
          {apiNames.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        {field(
          'permissions',
          'Application permissions (app role values), separated by commas, e.g. User.Read.All, Group.Read.All.',
        )}
        <div className="consent-field">
          <label htmlFor={`${base}-cloud`}>{LABELS.cloud}</label>
          <select
            id={`${base}-cloud`}
            value={values.cloud}
            onChange={(e) => set('cloud', e.target.value as Cloud)}
          >
            {clouds.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        <div className="consent-field">
          <label htmlFor={`${base}-tried`}>Command you tried (optional)</label>
          <textarea
            id={`${base}-tried`}
            rows={2}
            spellCheck={false}
            value={values.tried}
            onChange={(e) => set('tried', e.target.value)}
          />
        </div>
      </form>
      {retired ? (
        <p className="grant-warning" role="status">
          {retired.message}{' '}
          <a href={retired.source} target="_blank" rel="noreferrer noopener">
            Microsoft’s migration guide
          </a>
        </p>
      ) : null}
      <section aria-label="Grant script" className="consent-result">
        <h2>Grant script</h2>
        {result === null ? (
          <p role="status">Loading the permission catalog…</p>
        ) : !result.ok ? (
          <>
            <p>The scripts appear once these are fixed:</p>
            <ul className="consent-problems">
              {result.errors.map((e) => (
                <li key={`${e.field}-${e.code}-${e.message}`}>
                  <strong>{LABELS[e.field]}:</strong> {e.message}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <>
            <p>
              Assigns {result.roles.map((r) => r.value).join(', ')} of {result.apiName} (appId{' '}
              <code>{result.apiAppId}</code>). Roles already assigned are skipped.
            </p>
            {result.warnings.length > 0 ? (
              <ul className="consent-warnings" aria-label="Notes on these scripts">
                {result.warnings.map((w) => (
                  <li key={`${w.code}-${w.message}`}>{w.message}</li>
                ))}
              </ul>
            ) : null}
            <ScriptBlock title="Microsoft Graph PowerShell" text={result.powershell} />
            <ScriptBlock title="Azure CLI (bash)" text={result.azureCli} />
            <ScriptBlock title="Microsoft Graph request" text={result.graphRequest} />
          </>
        )}
      </section>
    </div>
  );
}

function ScriptBlock({ title, text }: { title: string; text: string }) {
  const id = useId();
  return (
    <section className="grant-script" aria-labelledby={id}>
      <div className="grant-script-head">
        <h3 id={id}>{title}</h3>
        <CopyButton label={`Copy ${title}`} text={text} />
      </div>
      <pre tabIndex={0} aria-label={`${title} script`}>
        <code>{text}</code>
      </pre>
    </section>
  );
}
