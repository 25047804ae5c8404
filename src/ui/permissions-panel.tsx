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
            <li key={`${f.code}-${i}`}>
              <span className={FLAG_BADGE[f.severity]}>{f.severity === 'info' ? 'Note' : 'Check'}</span>{' '}
              {f.message}
              {f.fix && <span className="catalog-fix"> {f.fix.text}</span>}
            </li>
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
                          <li key={`${f.code}-${j}`}>
                            <span className={FLAG_BADGE[f.severity]}>
                              {f.severity === 'info' ? 'Note' : 'Check'}
                            </span>{' '}
                            {f.message}
                            {f.fix && <span className="catalog-fix"> {f.fix.text}</span>}
                          </li>
                        ))}
                      </ul>
                    )}
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
