import type {
  SignInCloud,
  SignInMethod,
  SignInProtocolMode,
  SignInSettings,
  SignInSettingsError,
} from '../auth';
import { CLOUDS } from '../auth';
import { CopyButton } from './copy-button';
import { SelectField, TextField } from './text-field';
import './sign-in.css';

export interface SignInFormProps {
  readonly settings: SignInSettings;
  /** Problems to show beside their fields (empty until the person tries to sign in). */
  readonly errors: readonly SignInSettingsError[];
  readonly warnings: readonly string[];
  /** True when the authority is a full URL of a non-Microsoft host (then the protocol choice matters). */
  readonly customAuthority: boolean;
  readonly redirectUri: string;
  readonly busy: boolean;
  readonly onChange: (settings: SignInSettings) => void;
  readonly onSignIn: (method: SignInMethod) => void;
}

const FIELDS = [
  {
    field: 'clientId',
    label: 'Client ID',
    id: 'signin-client-id',
    hint: 'Application (client) ID from the app registration Overview page.',
  },
  {
    field: 'authority',
    label: 'Authority',
    id: 'signin-authority',
    hint: 'A tenant (ID, domain, organizations, common) or a full https URL for B2C, External ID or another provider.',
  },
  {
    field: 'scopes',
    label: 'Scopes',
    id: 'signin-scopes',
    hint: 'Space-separated, e.g. User.Read or api://<app-id>/.default.',
  },
] as const;

const PROTOCOLS: readonly { value: SignInProtocolMode; label: string }[] = [
  { value: 'AAD', label: 'Entra style (discovery at <authority>/v2.0)' },
  { value: 'OIDC', label: 'Plain OpenID Connect (authority is the issuer)' },
];

/** The sign-in settings and the sign-in buttons. Remembers nothing itself; the parent does. */
export function SignInForm(props: SignInFormProps) {
  const { settings, errors, warnings, customAuthority, redirectUri, busy, onChange, onSignIn } = props;
  const errorFor = (field: SignInSettingsError['field']) => errors.filter((e) => e.field === field);
  return (
    <form
      className="signin-form"
      aria-label="Sign-in settings"
      onSubmit={(event) => {
        event.preventDefault();
        onSignIn('redirect');
      }}
    >
      {FIELDS.map(({ field, label, id, hint }) => (
        <TextField
          key={field}
          id={id}
          className="signin-field"
          label={label}
          hint={hint}
          value={settings[field]}
          errors={errorFor(field).map((e) => e.message)}
          onChange={(value) => onChange({ ...settings, [field]: value })}
        />
      ))}
      <SelectField
        id="signin-cloud"
        className="signin-field"
        label="Cloud"
        value={settings.cloud}
        options={(Object.keys(CLOUDS) as SignInCloud[]).map((cloud) => ({
          value: cloud,
          label: `${CLOUDS[cloud].label} (${CLOUDS[cloud].loginHost})`,
        }))}
        onChange={(cloud) => onChange({ ...settings, cloud })}
      />
      {customAuthority && (
        <SelectField
          id="signin-protocol"
          className="signin-field"
          label="Protocol"
          value={settings.protocolMode}
          options={PROTOCOLS}
          onChange={(protocolMode) => onChange({ ...settings, protocolMode })}
        />
      )}
      {warnings.map((w) => (
        <p className="signin-warning" key={w}>
          {w}
        </p>
      ))}
      <div className="signin-redirect">
        <p>
          Redirect URI to register: <code>{redirectUri}</code>{' '}
          <CopyButton label="Copy redirect URI" text={redirectUri} />
        </p>
        <p>
          Register it in the Microsoft Entra admin center: App registrations &gt; your app &gt; Authentication
          &gt; Add a platform &gt; <strong>Single-page application</strong>.{' '}
          <a
            href="https://learn.microsoft.com/entra/identity-platform/scenario-spa-app-registration"
            target="_blank"
            rel="noreferrer"
          >
            How to register a single-page app
          </a>
        </p>
      </div>
      <div className="signin-actions">
        <button type="submit" disabled={busy}>
          Sign in
        </button>
        <button type="button" disabled={busy} onClick={() => onSignIn('popup')}>
          Sign in with a popup
        </button>
      </div>
    </form>
  );
}
