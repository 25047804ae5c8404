import type { ReactNode } from 'react';
import {
  ERROR_FAMILY_LABEL,
  type CorrelationIds,
  type ErrorExplanation,
  type ErrorFinding,
} from '../diagnose';
import { VerdictFixText } from './verdict-fix-text';
import './verdict-panel.css';
import './error-explanation-panel.css';

export interface ErrorExplanationPanelProps {
  readonly field: ReactNode;
  /** The explanation, or null when nothing is pasted. */
  readonly explanation: ErrorExplanation | null;
  /** True when a token is loaded, so the cross-check ran. */
  readonly hasToken: boolean;
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

/** The "Error explanation" region: the error field, the facts read from it, what it means, and the cross-check. */
export function ErrorExplanationPanel({ field, explanation, hasToken }: ErrorExplanationPanelProps) {
  const ids = explanation?.ok ? IDS.filter(([key]) => explanation.correlation[key] !== null) : [];
  return (
    <section aria-label="Error explanation" className="panel error-explanation-panel">
      <h2>Explain an API error</h2>
      {field}
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
          {explanation.aadsts && (
            <p className="verdict-fix">
              <strong>Fix:</strong> {explanation.aadsts.fix}
            </p>
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
          {explanation.findings.length > 0 && (
            <>
              <h3>Checked against the loaded token</h3>
              <ul className="verdict-findings">
                {explanation.findings.map((f, i) => (
                  <li key={`${f.code}-${i}`}>
                    <span className={SEVERITY[f.severity][0]}>{SEVERITY[f.severity][1]}</span> {f.message}
                    {f.fix && (
                      <p className="verdict-fix">
                        <strong>Fix:</strong> <VerdictFixText text={f.fix.text} />
                      </p>
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
