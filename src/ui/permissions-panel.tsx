import type { Finding } from '../token';
import './catalog-panels.css';

/** One `scp` or `roles` entry as the panel shows it; catalog fields are null until it loads. */
export interface PermissionRowView {
  readonly value: string;
  readonly type: 'delegated' | 'application';
  readonly label: string | null;
  readonly adminConsent: boolean | null;
  readonly privilegeLevel: number | null;
  readonly flags: readonly Finding[];
}

export interface PermissionsPanelProps {
  readonly rows: readonly PermissionRowView[];
  /** The API the token is for, by name when known. */
  readonly apiName: string | null;
  /** False while the catalog loads: catalog columns show a placeholder of the same size. */
  readonly catalogLoaded: boolean;
  /** Shown when there are no rows. */
  readonly emptyText: string;
  /** Notes about the API itself (retired, custom, unknown). */
  readonly notes?: readonly Finding[];
}

const TYPE = { delegated: 'Delegated', application: 'Application' } as const;
const PENDING = '…';

function consentText(row: PermissionRowView, loaded: boolean): string {
  if (!loaded) return PENDING;
  if (row.adminConsent === true) return 'Admin consent required';
  if (row.adminConsent === false) return 'Users can consent';
  return 'Not known';
}

function privilegeText(level: number | null, loaded: boolean): string {
  if (!loaded) return PENDING;
  return level === null ? 'Not known' : `Level ${level} of 4`;
}

const FLAG_BADGE: Record<Finding['severity'], string> = {
  error: 'badge err',
  warning: 'badge warn',
  info: 'badge ok',
};

/**
 * One flag: "Check" for what may block the call, "Note" for a caveat; its advice is labelled "Fix" only
 * when the flag is a problem, never for a caveat.
 */
function Flag({ finding: f }: { finding: Finding }) {
  const caveat = f.severity === 'info';
  return (
    <li>
      <span className={FLAG_BADGE[f.severity]}>{caveat ? 'Note' : 'Check'}</span> {f.message}
      {f.fix && (
        <span className="catalog-fix">
          {' '}
          {caveat ? null : <strong>Fix:</strong>} {f.fix.text}
        </span>
      )}
    </li>
  );
}

/** What the Privilege column's levels mean, said once under the table. */
export const PRIVILEGE_NOTE =
  "Privilege is Microsoft's rating of how much a permission can reach, from level 1 (least) to level 4 (most); " +
  'Consent says whether a user can consent for themselves or an administrator must grant admin consent.';

/** Each `scp`/`roles` entry with its type, label, consent, privilege and flags. Contract region "Permissions". */
export function PermissionsPanel({
  rows,
  apiName,
  catalogLoaded,
  emptyText,
  notes = [],
}: PermissionsPanelProps) {
  return (
    <section aria-label="Permissions" className="panel">
      <h2>Permissions</h2>
      {notes.length > 0 && (
        <ul className="catalog-flags">
          {notes.map((f, i) => (
            <Flag key={`${f.code}-${i}`} finding={f} />
          ))}
        </ul>
      )}
      {rows.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <div className="catalog-table-wrap">
          <table className="catalog-table">
            <caption className="visually-hidden">
              Permissions in the token{apiName ? ` for ${apiName}` : ''}, {rows.length} in all
            </caption>
            <thead>
              <tr>
                <th scope="col">Permission</th>
                <th scope="col">Type</th>
                <th scope="col">Name</th>
                <th scope="col">Consent</th>
                <th scope="col">Privilege</th>
                <th scope="col">Notes</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={`${row.type}-${row.value}-${i}`}>
                  <th scope="row">
                    <code>{row.value}</code>
                  </th>
                  <td data-label="Type">{TYPE[row.type]}</td>
                  <td data-label="Name">
                    {catalogLoaded ? (row.label ?? <span className="muted">No label</span>) : PENDING}
                  </td>
                  <td data-label="Consent">{consentText(row, catalogLoaded)}</td>
                  <td data-label="Privilege">{privilegeText(row.privilegeLevel, catalogLoaded)}</td>
                  <td data-label="Notes">
                    {row.flags.length === 0 ? null : (
                      <ul className="catalog-flags">
                        {row.flags.map((f, j) => (
                          <Flag key={`${f.code}-${j}`} finding={f} />
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted catalog-table-note">{PRIVILEGE_NOTE}</p>
        </div>
      )}
    </section>
  );
}
