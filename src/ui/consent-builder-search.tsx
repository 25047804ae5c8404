import { useMemo, useState } from 'react';
import { TextField } from './text-field';

/** One pickable permission from the catalog search. */
export interface PermissionSuggestion {
  /** The `<resource>/<permission>` text added to the field. */
  readonly scope: string;
  readonly label: string;
  readonly detail: string;
}

export interface PermissionSearchProps {
  /** Null while the catalog loads. */
  readonly search: ((query: string) => readonly PermissionSuggestion[]) | null;
  readonly onPick: (scope: string) => void;
}

/** Searches the catalog's permissions and offers each hit as an "Add" button. Keeps only its query. */
export function PermissionSearch({ search, onPick }: PermissionSearchProps) {
  const [query, setQuery] = useState('');
  // The page re-renders every second (the clock); search only when the query or catalog changes.
  const suggestions = useMemo(
    () => (search && query.trim().length >= 2 ? search(query) : []),
    [search, query],
  );
  return (
    <div className="consent-search">
      <TextField
        label="Search permissions"
        type="search"
        value={query}
        disabled={!search}
        placeholder={search ? 'e.g. User.Read.All or machine' : 'Loading the permission catalog…'}
        onChange={setQuery}
      />
      {suggestions.length > 0 ? (
        <ul className="consent-suggestions" aria-label="Matching permissions">
          {suggestions.map((s) => (
            <li key={s.scope}>
              <button
                type="button"
                onClick={() => {
                  onPick(s.scope);
                  setQuery('');
                }}
                aria-label={`Add ${s.scope}`}
              >
                Add
              </button>{' '}
              <code>{s.label}</code> <span className="consent-hint">{s.detail}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
