import { useId } from 'react';
import type { Cloud, GrantField, GrantScriptsResult, RetiredModuleMention } from '../consent';
import { CopyButton } from './copy-button';
import { LinkPrefillNotice } from './form-prefill';
import { SelectField, TextField } from './text-field';
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
  /** The values arrived in the page's link: the result says so. */
  readonly fromLink: boolean;
}

const LABELS: Readonly<Record<GrantField, string>> = {
  principalId: 'Principal object ID',
  api: 'API',
  permissions: 'Permissions',
  cloud: 'Cloud',
};

const HINTS: Readonly<Record<'principalId' | 'api' | 'permissions', string>> = {
  principalId:
    'Object ID of the service principal (Enterprise applications → Object ID) or of the managed identity; not the client ID.',
  api: 'The API: its appId, or a name such as Microsoft Graph, WindowsDefenderATP, Microsoft Threat Protection.',
  permissions:
    'Application permissions (app role values), separated by commas, e.g. User.Read.All, Group.Read.All.',
};

/** Form and generated scripts for assigning app roles to a service principal or managed identity. */
export function GrantScripts(props: GrantScriptsProps) {
  const { values, onChange, result, retired, apiNames, clouds } = props;
  const apisId = useId();
  const set = <K extends keyof GrantFormValues>(key: K, value: GrantFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const errorsOf = (f: GrantField): string[] =>
    (f === 'cloud' || values[f].trim() !== '') && result && !result.ok
      ? result.errors.filter((e) => e.field === f).map((e) => e.message)
      : [];
  const text = (f: 'principalId' | 'api' | 'permissions') => (
    <TextField
      label={LABELS[f]}
      hint={HINTS[f]}
      value={values[f]}
      errors={errorsOf(f)}
      list={f === 'api' ? apisId : undefined}
      onChange={(v) => set(f, v)}
    />
  );

  return (
    <div className="grant-page">
      <p className="grant-warning" role="note">
        Managed identities and other service principals get application permissions by app role assignment. No
        consent link can grant them app roles: there is no one to sign in and consent. Use one of the scripts
        below.
      </p>
      <form className="grant-form" onSubmit={(e) => e.preventDefault()} aria-label="App role assignment">
        {text('principalId')}
        {text('api')}
        <datalist id={apisId}>
          {apiNames.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        {text('permissions')}
        <SelectField
          label={LABELS.cloud}
          value={values.cloud}
          options={clouds.map((c) => ({ value: c.id, label: c.label }))}
          errors={errorsOf('cloud')}
          onChange={(v) => set('cloud', v)}
        />
        <TextField
          label="Command you tried (optional)"
          rows={2}
          value={values.tried}
          onChange={(v) => set('tried', v)}
        />
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
        <GrantResult result={result} fromLink={props.fromLink} />
      </section>
    </div>
  );
}

function GrantResult({ result, fromLink }: { result: GrantScriptsResult | null; fromLink: boolean }) {
  if (result === null) return <p role="status">Loading the permission catalog…</p>;
  if (!result.ok) {
    return (
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
    );
  }
  return (
    <>
      {fromLink ? <LinkPrefillNotice /> : null}
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
