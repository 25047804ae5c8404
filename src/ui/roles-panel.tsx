import './catalog-panels.css';

/** One `wids` entry as the panel shows it; name is null until the catalog loads or when unknown. */
export interface RoleRowView {
  readonly templateId: string;
  readonly name: string | null;
  readonly privileged: boolean | null;
  readonly highlighted: boolean;
  readonly isDefaultMember: boolean;
  readonly note: string | null;
}

export interface RolesPanelProps {
  /** Null when the token has no `wids` claim. */
  readonly rows: readonly RoleRowView[] | null;
  readonly catalogLoaded: boolean;
  /** Shown instead of the list when `rows` is null (e.g. why a user token may lack `wids`). */
  readonly missingText: string;
  /** A link for `missingText`, or null. */
  readonly missingLink: string | null;
}

/** Each `wids` entry by role name, with privileged badges. Contract region "Directory roles". */
export function RolesPanel({ rows, catalogLoaded, missingText, missingLink }: RolesPanelProps) {
  return (
    <section aria-label="Directory roles" className="panel">
      <h2>Directory roles</h2>
      {rows === null ? (
        <p className="muted">
          {missingText}{' '}
          {missingLink && (
            <a href={missingLink} target="_blank" rel="noreferrer noopener">
              Learn more
            </a>
          )}
        </p>
      ) : rows.length === 0 ? (
        <p className="muted">The wids claim is empty: the user holds no built-in directory role.</p>
      ) : (
        <ul className="catalog-roles">
          {rows.map((row, i) => (
            <li
              key={`${row.templateId}-${i}`}
              className={row.highlighted ? 'catalog-role highlighted' : 'catalog-role'}
            >
              <span className="catalog-role-name">{row.name ?? <code>{row.templateId}</code>}</span>{' '}
              {row.name && <code className="muted">{row.templateId}</code>}{' '}
              {row.privileged === true && <span className="badge err">Privileged</span>}
              {row.isDefaultMember && <span className="badge ok">Default member</span>}
              {row.highlighted && <span className="badge warn">Security role</span>}
              {catalogLoaded && row.note && <span className="catalog-role-note"> {row.note}</span>}
              {!catalogLoaded && <span className="catalog-role-note muted"> …</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
