import { useDeferredValue, useMemo, useState } from 'react';
import type { Catalog, CatalogApi, SearchHit } from '../catalog';
import { catalogInfo, foldSearchText, listCatalogApis, searchCatalog } from '../catalog';
import { CatalogEntry, HitLabel, hitKey } from './catalog-entry';
import { SelectField, TextField } from './text-field';
import './catalog-panels.css';

/** What the browser shows: the search text and the API it keeps to ('' for all). */
export interface CatalogSearch {
  readonly q: string;
  /** An API's short name as `apiSlug` makes it, or its appId; '' for every API. */
  readonly api: string;
}

export interface CatalogBrowserProps {
  /** Null while the catalog loads. */
  readonly catalog: Catalog | null;
  readonly search: CatalogSearch;
  readonly onSearchChange: (search: CatalogSearch) => void;
  /** The link to the browser for a search: the page builds the app's links, this panel does not. */
  readonly hrefFor: (search: CatalogSearch) => string;
}

const PAGE = 50;

/** An API's short name for links: "Microsoft Defender XDR" -> "microsoft-defender-xdr". */
export function apiSlug(name: string): string {
  let out = '';
  for (const c of name.toLowerCase()) {
    const plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (plain) out += c;
    else if (out !== '' && !out.endsWith('-')) out += '-';
  }
  return out.endsWith('-') ? out.slice(0, -1) : out;
}

function findListedApi(apis: readonly CatalogApi[], slugOrId: string): CatalogApi | null {
  const key = slugOrId.trim().toLowerCase();
  if (key === '') return null;
  return apis.find((a) => apiSlug(a.api.name) === key || a.api.appId === key) ?? null;
}

function countText(total: number, shown: number, apiName: string | null): string {
  const where = apiName ? ` in ${apiName}` : '';
  if (total === 0) return `No matches${where}.`;
  const matches = total === 1 ? '1 match' : `${total} matches`;
  return shown < total ? `${matches}${where}; showing the first ${shown}.` : `${matches}${where}.`;
}

/** The list of hits, a page at a time; keyed by the search, so a new search starts at the first page. */
function Results({
  hits,
  selectedKey,
  onSelect,
  apiName,
}: {
  hits: readonly SearchHit[];
  selectedKey: string | null;
  onSelect: (key: string) => void;
  apiName: string | null;
}) {
  const [pages, setPages] = useState(1);
  const shown = hits.slice(0, pages * PAGE);
  return (
    <>
      <p role="status" className="catalog-count">
        {countText(hits.length, shown.length, apiName)}
      </p>
      {shown.length > 0 && (
        <ul className="catalog-results" aria-label="Search results">
          {shown.map((h) => {
            const key = hitKey(h);
            return (
              <li key={key}>
                <button type="button" aria-pressed={selectedKey === key} onClick={() => onSelect(key)}>
                  <HitLabel hit={h} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {shown.length < hits.length && (
        <button type="button" className="catalog-more" onClick={() => setPages(pages + 1)}>
          Show {Math.min(PAGE, hits.length - shown.length)} more
        </button>
      )}
    </>
  );
}

/** The APIs to browse, as links (each opens its permission list); shown before anything is typed. */
function BrowseByApi({
  apis,
  hrefFor,
}: {
  apis: readonly CatalogApi[];
  hrefFor: (search: CatalogSearch) => string;
}) {
  return (
    <nav aria-label="Browse by API" className="catalog-browse">
      <h3>Browse by API</h3>
      <ul>
        {apis.map(({ api, permissionCount }) => (
          <li key={api.appId}>
            <a href={hrefFor({ q: '', api: apiSlug(api.name) })}>{api.name}</a>{' '}
            <span className="muted">
              {permissionCount === 1 ? '1 permission' : `${permissionCount} permissions`}
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Search box, API filter, results and the selected entry's details. Matching is the catalog's forgiving
 * search (any word order, dots optional). Does not touch the address: the page keeps it in step.
 */
export function CatalogBrowser({ catalog, search, onSearchChange, hrefFor }: CatalogBrowserProps) {
  const deferred = useDeferredValue(search);
  const apis = useMemo(() => (catalog ? listCatalogApis(catalog) : []), [catalog]);
  const api = findListedApi(apis, deferred.api);
  const hits = useMemo(
    () => (catalog ? searchCatalog(catalog, deferred.q, Infinity, { api: api ? api.api.appId : null }) : []),
    [catalog, deferred.q, api],
  );
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const info = catalog ? catalogInfo(catalog) : null;
  const selected = hits.find((h) => hitKey(h) === selectedKey) ?? (hits.length === 1 ? hits[0] : undefined);
  // A permission's value typed in full (dots optional) opens its detail without a click.
  const first = hits[0];
  const exact =
    !selected &&
    first?.kind === 'permission' &&
    deferred.q.trim() !== '' &&
    foldSearchText(first.permission.value) === foldSearchText(deferred.q)
      ? first
      : undefined;
  const shown = selected ?? exact;
  const searching = deferred.q.trim() !== '' || api !== null;
  const apiOptions = [
    { value: '', label: 'All APIs' },
    ...apis.map((a) => ({ value: apiSlug(a.api.name), label: a.api.name })),
  ];
  const apiValue = api ? apiSlug(api.api.name) : '';

  return (
    <>
      <section aria-label="Catalog search" className="panel catalog-browser">
        <h2>Permission and role catalog</h2>
        <div className="catalog-search">
          <TextField
            label="Search the catalog"
            type="search"
            value={search.q}
            onChange={(q) => onSearchChange({ ...search, q })}
            placeholder="Permission, GUID, role name or Graph path"
            hint="Words in any order; dots optional: “securityalert read” finds SecurityAlert.Read.All."
          />
          {catalog && (
            <SelectField
              label="API"
              value={apiValue}
              options={apiOptions}
              onChange={(value) => onSearchChange({ ...search, api: value })}
            />
          )}
        </div>
        {info ? (
          <p className="muted">
            Offline catalog as of {info.generatedAt}: {info.counts.graphPermissions} Graph permissions,{' '}
            {info.counts.defenderEndpoints} Defender endpoints, {info.counts.roles} directory roles,{' '}
            {info.counts.apps} Microsoft applications.
          </p>
        ) : (
          <p role="status" className="muted">
            Loading the catalog: Graph and Defender permissions, directory roles and Microsoft applications…
          </p>
        )}
        {catalog && searching && (
          <Results
            key={`${deferred.q}\n${apiValue}`}
            hits={hits}
            selectedKey={shown ? hitKey(shown) : null}
            onSelect={setSelectedKey}
            apiName={api?.api.name ?? null}
          />
        )}
        {catalog && !searching && <BrowseByApi apis={apis} hrefFor={hrefFor} />}
      </section>
      {catalog && shown && (
        <section aria-label="Catalog entry" className="panel catalog-detail">
          <CatalogEntry
            catalog={catalog}
            hit={shown}
            browseHref={(appId) => {
              const listed = apis.find((a) => a.api.appId === appId);
              return listed ? hrefFor({ q: '', api: apiSlug(listed.api.name) }) : null;
            }}
          />
        </section>
      )}
    </>
  );
}
