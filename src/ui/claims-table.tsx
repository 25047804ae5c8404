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

/**
 * A docs page's name from its address: the last path segment in words, and the section after "#"
 * ("…/access-token-claims-reference#groups-overage-claim" gives "Access token claims reference: groups
 * overage claim"). Does not fetch or check the page.
 */
export function nameDocsPage(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link;
  }
  const words = (part: string) => decodeURIComponent(part).split('-').join(' ').trim();
  const segment = words(url.pathname.split('/').filter(Boolean).pop() ?? url.hostname);
  const page = segment.charAt(0).toUpperCase() + segment.slice(1);
  const section = url.hash.length > 1 ? words(url.hash.slice(1)) : '';
  return section ? `${page}: ${section}` : page;
}

/** The distinct docs pages the rows link to, in the order they first appear. */
function docsPages(rows: readonly ClaimRowView[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) if (row.link) seen.add(row.link);
  return [...seen];
}

/**
 * Every claim in the payload, one row each, with what it means. Contract region "Claims". The docs are
 * linked once per page above the table (in the tab order); each row's own "docs" link is for the mouse
 * and stays out of the tab order, so Tab does not walk through a link per claim.
 */
export function ClaimsTable({ rows, now, emptyText }: ClaimsTableProps) {
  const pages = rows ? docsPages(rows) : [];
  return (
    <section aria-label="Claims" className="panel">
      <h2>Claims</h2>
      {rows === null || rows.length === 0 ? (
        <p className="muted">{rows === null ? emptyText : 'The payload has no claims.'}</p>
      ) : (
        <div className="claims-wrap">
          {pages.length > 0 && (
            <p className="claims-docs muted">
              Docs:{' '}
              {pages.map((link, i) => (
                <span key={link}>
                  {i > 0 && ' · '}
                  <a href={link} target="_blank" rel="noreferrer noopener">
                    {nameDocsPage(link)}
                  </a>
                </span>
              ))}
            </p>
          )}
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
                  <td className="claim-value" data-label="Value">
                    {row.display}
                    {TIME_CLAIMS.has(row.name) && <TimeCell value={row.value} now={now} />}
                  </td>
                  <td data-label="Meaning">
                    {!row.known && <span className="badge warn">Unknown claim</span>}{' '}
                    {row.meaning ?? (row.known ? '' : 'Not a claim we know; shown as it is.')}
                    {row.link && (
                      <>
                        {' '}
                        <a
                          href={row.link}
                          target="_blank"
                          rel="noreferrer noopener"
                          tabIndex={-1}
                          aria-label={`docs for ${row.name}`}
                        >
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
