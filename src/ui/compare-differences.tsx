import type { ClaimChange, Comparison, Difference } from '../diagnose';
import { TIME_CLAIMS } from '../token';
import { dateFromSeconds, formatRelative, formatUtc } from './format-time';
import './compare-panel.css';
import { VERDICT_LABELS } from '../diagnose';

export interface CompareDifferencesProps {
  /** The comparison, or null until both tokens decode. */
  readonly comparison: Comparison | null;
  /** Shown instead of the differences while there is no comparison. */
  readonly emptyText: string;
  /** The current time, for "in 42 minutes" / "3 hours ago" next to the time claims. */
  readonly now: Date;
}

/** A NumericDate claim (TIME_CLAIMS) is shown as a date and how long ago or ahead it is. */
function ClaimValue({ claim, value, now }: { claim: string; value: unknown; now: Date }) {
  const date = TIME_CLAIMS.has(claim) ? dateFromSeconds(value) : null;
  if (!date) return <>{show(value)}</>;
  return (
    <>
      {formatUtc(date)} ({formatRelative(date, now)})<span className="compare-raw">{show(value)}</span>
    </>
  );
}

const VERDICT = VERDICT_LABELS;

function show(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function DifferenceItem({ difference }: { difference: Difference }) {
  return (
    <li className={difference.decisive ? 'compare-decisive' : undefined}>
      {difference.decisive && <span className="badge err">Decides the verdict</span>} {difference.message}
      {difference.fix && <span className="finding-fix"> Fix: {difference.fix.text}</span>}
    </li>
  );
}

function ChangeRows({ changes, kind, now }: { changes: readonly ClaimChange[]; kind: string; now: Date }) {
  // data-label names each cell when narrow screens stack the row (compare-panel.css).
  return changes.map((c) => (
    <tr key={`${kind}-${c.claim}`}>
      <th scope="row">
        <code>{c.claim}</code>
      </th>
      <td data-label="Change">{kind}</td>
      <td className="compare-value" data-label="Token A">
        <ClaimValue claim={c.claim} value={c.a} now={now} />
      </td>
      <td className="compare-value" data-label="Token B">
        <ClaimValue claim={c.claim} value={c.b} now={now} />
      </td>
    </tr>
  ));
}

/** The "Differences" region: meaning-level differences first (those that decide the verdict on top), then raw claim changes. */
export function CompareDifferences({ comparison, emptyText, now }: CompareDifferencesProps) {
  return (
    <section aria-label="Differences" className="panel compare-differences">
      <h2>Differences</h2>
      {comparison === null ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <>
          {comparison.diagnoses && (
            <p>
              Verdict for the request: token A <strong>{VERDICT[comparison.diagnoses.a.verdict]}</strong>,
              token B <strong>{VERDICT[comparison.diagnoses.b.verdict]}</strong>.
            </p>
          )}
          <h3>By meaning</h3>
          {comparison.differences.length === 0 ? (
            <p>
              No difference in meaning: same API, caller, permissions, roles, client app, tenant and cloud.
            </p>
          ) : (
            <ul className="finding-list">
              {comparison.differences.map((d, i) => (
                <DifferenceItem key={`${d.code}-${i}`} difference={d} />
              ))}
            </ul>
          )}
          <h3>Claim by claim</h3>
          {comparison.samePayload ? (
            <p>The two payloads are identical.</p>
          ) : (
            <div className="claims-wrap">
              <table className="claims-table compare-table">
                <caption className="visually-hidden">
                  Claims added, removed and changed from token A to token B
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Claim</th>
                    <th scope="col">Change</th>
                    <th scope="col">Token A</th>
                    <th scope="col">Token B</th>
                  </tr>
                </thead>
                <tbody>
                  <ChangeRows changes={comparison.claims.changed} kind="changed" now={now} />
                  <ChangeRows changes={comparison.claims.added} kind="added in B" now={now} />
                  <ChangeRows changes={comparison.claims.removed} kind="removed in B" now={now} />
                </tbody>
              </table>
            </div>
          )}
          <p className="muted">{comparison.claims.unchangedCount} claims are the same in both.</p>
        </>
      )}
    </section>
  );
}
