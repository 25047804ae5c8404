import { Fragment } from 'react';
import { summarizeToken, type Classification, type Expiry } from '../token';
import { formatLocal } from './format-time';

export interface NamedId {
  /** The value as in the token (URL or GUID). */
  readonly raw: string;
  /** Its name from the catalog, or null when unknown or not loaded yet. */
  readonly name: string | null;
}

export interface TokenSummaryProps {
  readonly classification: Classification | null;
  /** The expiry at the page's `now`; the only part of the summary that ticks. */
  readonly expiry: Expiry | null;
  /** The API named by `aud`. */
  readonly api: NamedId | null;
  /** The client app named by `appid`/`azp` (for ID tokens, `aud`). */
  readonly client: NamedId | null;
  readonly catalogLoaded: boolean;
  /** Shown when there is no classification. */
  readonly emptyText: string;
}

/**
 * What the token is, for whom, from where, and whether it is still valid: the rows of `summarizeToken`
 * (the one source of these words), rendered. Contract region "Token summary".
 */
export function TokenSummary({
  classification,
  expiry,
  api,
  client,
  catalogLoaded,
  emptyText,
}: TokenSummaryProps) {
  const summary = summarizeToken(
    classification,
    { api: api?.name ?? null, client: client?.name ?? null, catalogLoaded },
    expiry,
  );
  return (
    <section aria-label="Token summary" className="panel summary">
      <h2>Token summary</h2>
      <p className={summary.headline ? 'summary-headline' : 'muted'}>{summary.headline ?? emptyText}</p>
      {/* The same rows before and after a token arrives, so the page does not jump. */}
      <dl>
        {summary.rows.map((row) => (
          <Fragment key={row.key}>
            <dt>{row.label}</dt>
            <dd>
              {row.badge && (
                <>
                  <span className={`badge ${row.badge.tone}`}>{row.badge.text}</span>{' '}
                </>
              )}
              {row.text}
              {(row.detail || row.time) && (
                <span className="muted">
                  {row.detail && ` · ${row.detail}`}
                  {row.time && ` · ${formatLocal(row.time)} local`}
                </span>
              )}
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
