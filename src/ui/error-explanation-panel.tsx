import {
  ERROR_FAMILY_LABEL,
  type CorrelationIds,
  type ErrorExplanation,
  type ErrorFinding,
} from '../diagnose';
import type { Finding, FixAction } from '../token';
import { FixView } from './fix-actions';
import './verdict-panel.css';
import './error-explanation-panel.css';

export interface ErrorExplanationPanelProps {
  /** The explanation, or null when nothing is pasted. */
  readonly explanation: ErrorExplanation | null;
  /** True when a token is loaded, so the cross-check ran. */
  readonly hasToken: boolean;
  /** The page's one list of findings (the diagnosis with the answer's cross-checks), shown as the check. */
  readonly findings: readonly Finding[];
  /** The in-app hash for a fix action (the app's `hrefFor`). */
  readonly hrefOf: (action: FixAction) => string | null;
}

const KIND = ERROR_FAMILY_LABEL;

const IDS: readonly [keyof CorrelationIds, string][] = [
  ['requestId', 'request-id'],
  ['clientRequestId', 'client-request-id'],
  ['date', 'date'],
  ['target', 'target (tracking id)'],
  ['traceId', 'Trace ID'],
  ['correlationId', 'Correlation ID'],
  ['timestamp', 'Timestamp'],
];

const SEVERITY: Record<ErrorFinding['severity'], [string, string]> = {
  error: ['badge err', 'Cause'],
  warning: ['badge warn', 'Check'],
  info: ['badge ok', 'Note'],
};

/** The "Error explanation" region: the facts read from it, what it means, and the cross-check. */
export function ErrorExplanationPanel({
  explanation,
  hasToken,
  findings,
  hrefOf,
}: ErrorExplanationPanelProps) {
  const ids = explanation?.ok ? IDS.filter(([key]) => explanation.correlation[key] !== null) : [];
  return (
    <section aria-label="Error explanation" className="panel error-explanation-panel">
      <h2>What the API answered</h2>
      {explanation === null && (
        <p className="muted">Paste the error the API or sign-in returned above to have it explained.</p>
      )}
      {explanation && !explanation.ok && explanation.error.code !== 'empty' && (
        <p className="input-error" role="status">
          {explanation.error.message}
        </p>
      )}
      {explanation?.ok && (
        <div aria-live="polite">
          <dl className="error-facts">
            <div>
              <dt>Kind</dt>
              <dd>{KIND[explanation.kind]}</dd>
            </div>
            {explanation.status !== null && (
              <div>
                <dt>Status</dt>
                <dd>{explanation.status}</dd>
              </div>
            )}
            {explanation.code && (
              <div>
                <dt>Code</dt>
                <dd>
                  <code>{explanation.code}</code>
                </dd>
              </div>
            )}
            {explanation.message && (
              <div>
                <dt>Message</dt>
                <dd>{explanation.message}</dd>
              </div>
            )}
            {explanation.requiredRoles.length > 0 && (
              <div>
                <dt>Roles the API asked for (any one)</dt>
                <dd>{explanation.requiredRoles.join(', ')}</dd>
              </div>
            )}
            {explanation.grantedRoles.length > 0 && (
              <div>
                <dt>Roles the API saw</dt>
                <dd>{explanation.grantedRoles.join(', ')}</dd>
              </div>
            )}
          </dl>
          <p className="error-meaning">{explanation.explanation}</p>
          {/* The sign-in finding below carries this fix with its actions; say it once. */}
          {explanation.aadsts && !findings.some((f) => f.code === 'sign-in-error') && (
            <FixView fix={{ text: explanation.aadsts.fix, actions: [] }} hrefOf={hrefOf} />
          )}
          <p>
            <a href={explanation.link} target="_blank" rel="noreferrer noopener">
              Microsoft's documentation
            </a>
          </p>
          {ids.length > 0 && (
            <>
              <h3>Quote these to support</h3>
              <dl className="error-ids">
                {ids.map(([key, label]) => (
                  <div key={key}>
                    <dt>{label}</dt>
                    <dd>
                      <code>{explanation.correlation[key]}</code>
                    </dd>
                  </div>
                ))}
              </dl>
            </>
          )}
          {findings.length > 0 && (
            <>
              <h3>{hasToken ? 'Checked against the token and the request' : 'What to change'}</h3>
              <ul className="verdict-findings">
                {findings.map((f, i) => (
                  <li key={`${f.code}-${i}`}>
                    <span className={SEVERITY[f.severity][0]}>{SEVERITY[f.severity][1]}</span> {f.message}
                    {f.fix && (
                      <FixView fix={f.fix} hrefOf={hrefOf} label={f.severity === 'info' ? 'Note' : 'Fix'} />
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          {!hasToken && <p className="verdict-note">Load a token above to check the error against it.</p>}
        </div>
      )}
    </section>
  );
}
