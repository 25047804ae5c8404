import { useId, useState } from 'react';
import type { AdminConsentResult, Cloud, ConsentField, PermissionType, UserConsentResult } from '../consent';
import { ConsentResult, CONSENT_FIELD_LABELS } from './consent-builder-result';
import { PermissionSearch, type PermissionSuggestion } from './consent-builder-search';
import { SelectField, TextField } from './text-field';
import './consent-builder.css';

export type { PermissionSuggestion } from './consent-builder-search';

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

export interface ConsentBuilderProps {
  readonly values: ConsentFormValues;
  readonly onChange: (values: ConsentFormValues) => void;
  /** Null while the catalog loads: no URL can be checked yet. */
  readonly result: AdminConsentResult | null;
  readonly userResult: UserConsentResult | null;
  readonly searchPermissions: ((query: string) => readonly PermissionSuggestion[]) | null;
  readonly clouds: readonly { readonly id: Cloud; readonly label: string }[];
  /** The values arrived in the page's link: the result says so. */
  readonly fromLink: boolean;
  /** The Grant page, prefilled, offered when the client ID is a managed identity. */
  readonly grantHref: string;
}

const TYPE_OPTIONS: readonly { value: PermissionType; label: string }[] = [
  { value: 'delegated', label: 'Delegated: the app acts for a signed-in user' },
  { value: 'application', label: 'Application: the app calls as itself (no user)' },
];

const TEXT_FIELDS: readonly {
  readonly field: Exclude<ConsentField, 'cloud'>;
  readonly hint: string;
  readonly type?: 'url';
  readonly rows?: number;
}[] = [
  {
    field: 'tenant',
    hint: 'Tenant ID (GUID), a verified domain such as contoso.onmicrosoft.com, or "organizations".',
  },
  { field: 'clientId', hint: 'The Application (client) ID of the app that needs the permissions.' },
  {
    field: 'redirectUri',
    type: 'url',
    hint: 'Exactly as registered on the app. https, or http only for localhost.',
  },
  {
    field: 'permissions',
    rows: 4,
    hint: 'One per line: <resource>/<permission> (https://graph.microsoft.com/User.Read.All) or <resource>/.default.',
  },
];

/** The admin-consent URL builder: labelled fields, per-field errors, the URL (only when valid), who can grant. */
export function ConsentBuilder(props: ConsentBuilderProps) {
  const { values, onChange, result } = props;
  const v1Id = useId();
  // Errors show for a field once it was left or holds text, so an empty form is not all red.
  const [touched, setTouched] = useState<ReadonlySet<ConsentField>>(new Set());
  const set = <K extends keyof ConsentFormValues>(key: K, value: ConsentFormValues[K]) =>
    onChange({ ...values, [key]: value });
  const errorsOf = (field: ConsentField): string[] => {
    const shown = touched.has(field) || (field !== 'cloud' && values[field].trim() !== '');
    return shown && result && !result.ok
      ? result.errors.filter((e) => e.field === field).map((e) => e.message)
      : [];
  };
  const addScope = (scope: string) => {
    const current = values.permissions.trim();
    const present = current.split(/[\s,]+/).some((p) => p.toLowerCase() === scope.toLowerCase());
    if (!present) set('permissions', current ? `${current}\n${scope}` : scope);
  };

  return (
    <div className="consent-builder">
      <form className="consent-form" onSubmit={(e) => e.preventDefault()} aria-label="Admin consent request">
        {TEXT_FIELDS.map(({ field, hint, type, rows }) => (
          <TextField
            key={field}
            label={CONSENT_FIELD_LABELS[field]}
            hint={hint}
            type={type}
            rows={rows}
            value={values[field]}
            errors={errorsOf(field)}
            onChange={(v) => set(field, v)}
            onBlur={() => setTouched((t) => (t.has(field) ? t : new Set(t).add(field)))}
          />
        ))}
        <PermissionSearch search={props.searchPermissions} onPick={addScope} />
        <SelectField
          label="Permission type"
          hint="Application permissions are granted through <resource>/.default from what the app registration lists."
          value={values.permissionType}
          options={TYPE_OPTIONS}
          onChange={(v) => set('permissionType', v)}
        />
        <SelectField
          label={CONSENT_FIELD_LABELS.cloud}
          value={values.cloud}
          options={props.clouds.map((c) => ({ value: c.id, label: c.label }))}
          errors={errorsOf('cloud')}
          onChange={(v) => set('cloud', v)}
        />
        <div className="consent-check">
          <input
            id={v1Id}
            type="checkbox"
            checked={values.includeV1}
            onChange={(e) => set('includeV1', e.target.checked)}
          />
          <label htmlFor={v1Id}>v1.0 form</label>
        </div>
      </form>

      <ConsentResult
        result={result}
        userResult={props.userResult}
        fromLink={props.fromLink}
        grantHref={props.grantHref}
      />
    </div>
  );
}
