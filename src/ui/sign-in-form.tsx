import type {
  SignInCloud,
  SignInMethod,
  SignInProtocolMode,
  SignInSettings,
  SignInSettingsError,
} from '../auth';
import { CLOUDS } from '../auth';
import { CopyButton } from './copy-button';
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
      {FIELDS.map(({ field, label, id, hint }) => {
        const fieldErrors = errorFor(field);
        return (
          <div className="signin-field" key={field}>
            <label htmlFor={id}>{label}</label>
            <input
              id={id}
              type="text"
              spellCheck={false}
              autoComplete="off"
              value={settings[field]}
              aria-invalid={fieldErrors.length > 0}
              aria-describedby={`${id}-hint${fieldErrors.length > 0 ? ` ${id}-error` : ''}`}
              onChange={(event) => onChange({ ...settings, [field]: event.target.value })}
            />
            <small id={`${id}-hint`}>{hint}</small>
            {fieldErrors.length > 0 && (
              <p className="signin-field-error" id={`${id}-error`}>
                {fieldErrors.map((e) => e.message).join(' ')}
              </p>
            )}
          </div>
        );
      })}
      <div className="signin-field">
        <label htmlFor="signin-cloud">Cloud</label>
        <select
          id="signin-cloud"
          value={settings.cloud}
          onChange={(event) => onChange({ ...settings, cloud: event.target.value as SignInCloud })}
        >
          {(Object.keys(CLOUDS) as SignInCloud[]).map((cloud) => (
            <option key={cloud} value={cloud}>
              {CLOUDS[cloud].label} ({CLOUDS[cloud].loginHost})
            </option>
          ))}
        </select>
      </div>
      {customAuthority && (
        <div className="signin-field">
          <label htmlFor="signin-protocol">Protocol</label>
          <select
            id="signin-protocol"
            value={settings.protocolMode}
            onChange={(event) =>
              onChange({ ...settings, protocolMode: event.target.value as SignInProtocolMode })
            }
          >
            <option value="AAD">Entra style (discovery at &lt;authority&gt;/v2.0)</option>
            <option value="OIDC">Plain OpenID Connect (authority is the issuer)</option>
          </select>
        </div>
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
