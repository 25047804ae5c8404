import { TIME_CLAIMS } from '../token';
import { dateFromSeconds, formatLocal, formatRelative } from './format-time';

/** One claim as the token layer explains it (structurally the same as src/token's ClaimRow). */
export interface ClaimRowView {
  readonly name: string;
  readonly value: unknown;
  readonly display: string;
  readonly meaning: string | null;
  readonly link: string | null;
  readonly known: boolean;
  readonly notes?: readonly string[];
}

export interface ClaimsTableProps {
  readonly rows: readonly ClaimRowView[] | null;
  readonly now: Date;
  readonly emptyText: string;
}

/** A NumericDate claim (TIME_CLAIMS) also in local and relative time. */
function TimeCell({ value, now }: { value: unknown; now: Date }) {
  const date = dateFromSeconds(value);
  if (!date) return null;
  return (
    <span className="claim-times">
      Local time: {formatLocal(date)} ({formatRelative(date, now)})
    </span>
  );
}

/** Every claim in the payload, one row each, with what it means. Contract region "Claims". */
export function ClaimsTable({ rows, now, emptyText }: ClaimsTableProps) {
  return (
    <section aria-label="Claims" className="panel">
      <h2>Claims</h2>
      {rows === null || rows.length === 0 ? (
        <p className="muted">{rows === null ? emptyText : 'The payload has no claims.'}</p>
      ) : (
        <div className="claims-wrap">
          <table className="claims-table">
            <caption className="visually-hidden">Claims in the token payload, {rows.length} in all</caption>
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Value</th>
                <th scope="col">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={`${index}-${row.name}`}>
                  <th scope="row">
                    <code>{row.name}</code>
                  </th>
                  <td className="claim-value">
                    {row.display}
                    {TIME_CLAIMS.has(row.name) && <TimeCell value={row.value} now={now} />}
                  </td>
                  <td>
                    {!row.known && <span className="badge warn">Unknown claim</span>}{' '}
                    {row.meaning ?? (row.known ? '' : 'Not a claim we know; shown as it is.')}
                    {row.link && (
                      <>
                        {' '}
                        <a href={row.link} target="_blank" rel="noreferrer noopener">
                          docs
                        </a>
                      </>
                    )}
                    {(row.notes ?? []).map((note, i) => (
                      <span key={i} className="claim-note">
                        {note}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
