import type { AcceptedPermission, ParsedRequest, RequiredPermissions, Verdict } from '../diagnose';
import { VERDICT_LABELS } from '../diagnose';
import type { Finding, FixAction } from '../token';
import { FixView } from './fix-actions';
import './verdict-panel.css';

export interface VerdictPanelProps {
  /** Why the pasted request could not be read, or null. */
  readonly requestError: string | null;
  readonly request: ParsedRequest | null;
  /** The verdict, or null when there is no request yet. */
  readonly verdict: Verdict | null;
  /** Why the verdict is "Can't tell" before any rule ran (no token, unreadable token), or null. */
  readonly note: string | null;
  readonly findings: readonly Finding[];
  readonly required: RequiredPermissions | null;
  /** The in-app hash for a fix action (the app's `hrefFor`). */
  readonly hrefOf: (action: FixAction) => string | null;
}

const WORD: Record<Verdict, string> = VERDICT_LABELS;
const SEVERITY: Record<Finding['severity'], [string, string]> = {
  error: ['badge err', 'Blocks'],
  warning: ['badge warn', 'Check'],
  info: ['badge ok', 'Note'],
};

const badge = (f: Finding): [string, string] =>
  f.severity === 'info' && f.code.endsWith('-present') ? ['badge ok', 'OK'] : SEVERITY[f.severity];

function Permissions({ label, values }: { label: string; values: readonly AcceptedPermission[] }) {
  if (values.length === 0) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {values.map((p, i) => (
          <span key={p.value}>
            {i > 0 && ', '}
            <code>{p.value}</code>
            {i === 0 && values.length > 1 && ' (least privileged)'}
            {p.type === 'delegated' && p.adminConsent === true && ' (admin consent)'}
          </span>
        ))}
      </dd>
    </div>
  );
}

/** "Fix" only for what blocks or may block the call; an info finding's advice is a note. */
export const fixLabel = (f: Finding): 'Fix' | 'Note' => (f.severity === 'info' ? 'Note' : 'Fix');

/** The "Verdict" region: the request as read, then Allowed / Denied / Can't tell and the findings in fix order. */
export function VerdictPanel(props: VerdictPanelProps) {
  const { requestError, request, verdict, note, findings, required, hrefOf } = props;
  return (
    <section aria-label="Verdict" className="panel verdict-panel">
      <h2>Will this token work for this request?</h2>
      {request === null && requestError === null && (
        <p className="muted">Paste the request that failed above to check the token against it.</p>
      )}
      {requestError && (
        <p className="input-error" role="status">
          {requestError}
        </p>
      )}
      {request && verdict && (
        <div className="verdict-result" aria-live="polite">
          <p className={`verdict verdict-${verdict}`}>
            <strong>{WORD[verdict]}</strong>
            <span className="verdict-request">
              {' '}
              {request.method} <code>{request.normalisedPath}</code> on {request.host}
            </span>
          </p>
          {note && <p className="verdict-note">{note}</p>}
          {verdict === 'allowed' && (
            <p className="verdict-note">
              As far as the token and the permission catalog show. The API can still refuse for reasons a
              token does not carry: licences, Conditional Access, or rights on the object itself.
            </p>
          )}
          {required?.known && (
            <dl className="verdict-accepts">
              <Permissions label={`Accepts, delegated (${required.api.name})`} values={required.delegated} />
              <Permissions
                label={`Accepts, application (${required.api.name})`}
                values={required.application}
              />
              {required.delegatedRole && (
                <div>
                  <dt>Defender role for delegated calls</dt>
                  <dd>{required.delegatedRole}</dd>
                </div>
              )}
            </dl>
          )}
          {findings.length > 0 && (
            <ol className="verdict-findings">
              {findings.map((f, i) => (
                <li key={`${f.code}-${i}`}>
                  <span className={badge(f)[0]}>{badge(f)[1]}</span> {f.message}
                  {f.fix && <FixView fix={f.fix} hrefOf={hrefOf} label={fixLabel(f)} />}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
