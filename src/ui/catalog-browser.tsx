import { useDeferredValue, useId, useMemo, useState } from 'react';
import type { Catalog, PermissionInfo, PermissionUse, SearchHit } from '../catalog';
import {
  catalogInfo,
  findDefenderEndpoint,
  findGraphPathPermissions,
  findPermissionUses,
  searchCatalog,
} from '../catalog';
import './catalog-panels.css';

export interface CatalogBrowserProps {
  /** Null while the catalog loads. */
  readonly catalog: Catalog | null;
  readonly query: string;
  readonly onQueryChange: (query: string) => void;
}

const LIMIT = 50;
const USES_SHOWN = 100;

function hitKey(h: SearchHit): string {
  switch (h.kind) {
    case 'permission':
      return `permission:${h.permission.resourceAppId}:${h.permission.value}`;
    case 'role':
      return `role:${h.role.templateId}`;
    case 'graph-path':
      return `path:${h.path}`;
    case 'defender-endpoint':
      return `endpoint:${h.endpoint.method}:${h.endpoint.matchedPath}`;
    case 'api':
      return `api:${h.api.appId}`;
    case 'app':
      return `app:${h.app.appId}`;
  }
}

function HitLabel({ hit }: { hit: SearchHit }) {
  switch (hit.kind) {
    case 'permission':
      return (
        <>
          <span className="catalog-kind">Permission · {hit.apiName}</span>
          <code>{hit.permission.value}</code>
          {hit.permission.label && <span className="muted"> — {hit.permission.label}</span>}
        </>
      );
    case 'role':
      return (
        <>
          <span className="catalog-kind">Directory role</span>
          {hit.role.name}
        </>
      );
    case 'graph-path':
      return (
        <>
          <span className="catalog-kind">Graph path · {hit.methods.join(', ')}</span>
          <code>{hit.path}</code>
        </>
      );
    case 'defender-endpoint':
      return (
        <>
          <span className="catalog-kind">Defender endpoint · {hit.endpoint.resource}</span>
          <code>
            {hit.endpoint.method} {hit.endpoint.matchedPath}
          </code>
        </>
      );
    case 'api':
      return (
        <>
          <span className="catalog-kind">API</span>
          {hit.api.name}
        </>
      );
    case 'app':
      return (
        <>
          <span className="catalog-kind">App</span>
          {hit.app.name}
        </>
      );
  }
}

function yesNo(v: boolean | null, yes: string, no: string): string {
  return v === null ? 'Not known' : v ? yes : no;
}

function UsesList({ uses, title }: { uses: readonly PermissionUse[]; title: string }) {
  if (uses.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {uses.slice(0, USES_SHOWN).map((u, i) => (
          <li key={`${u.method}-${u.path}-${u.type}-${i}`}>
            <code>
              {u.method} {u.path}
            </code>{' '}
            {u.type === 'delegated' ? 'Delegated' : 'Application'}
            {u.least && <span className="badge ok">Least privileged</span>}
            {u.resource && <span className="muted"> ({u.resource})</span>}
          </li>
        ))}
      </ul>
      {uses.length > USES_SHOWN && <p className="muted">And {uses.length - USES_SHOWN} more.</p>}
    </>
  );
}

function PermissionDetail({
  catalog,
  permission,
  apiName,
}: {
  catalog: Catalog;
  permission: PermissionInfo;
  apiName: string;
}) {
  const uses = findPermissionUses(catalog, permission);
  const graph = uses.filter((u) => u.kind === 'graph');
  const defender = uses.filter((u) => u.kind === 'defender');
  return (
    <>
      <h2>
        <code>{permission.value}</code>
      </h2>
      <dl>
        <dt>API</dt>
        <dd>
          {apiName} (<code>{permission.resourceAppId}</code>)
        </dd>
        {permission.label && (
          <>
            <dt>Name</dt>
            <dd>{permission.label}</dd>
          </>
        )}
        <dt>Delegated ID</dt>
        <dd>
          {permission.delegatedId ? (
            <code>{permission.delegatedId}</code>
          ) : permission.delegated ? (
            'Not in the sources'
          ) : (
            'No delegated form'
          )}
        </dd>
        <dt>Application ID</dt>
        <dd>
          {permission.applicationId ? (
            <code>{permission.applicationId}</code>
          ) : permission.application ? (
            'Not in the sources'
          ) : (
            'No application form'
          )}
        </dd>
        <dt>Delegated consent</dt>
        <dd>
          {permission.delegated
            ? yesNo(permission.delegatedAdminConsent, 'Admin consent required', 'Users can consent')
            : 'No delegated form'}
        </dd>
        <dt>Application consent</dt>
        <dd>
          {permission.application
            ? 'Admin consent required (always, for application permissions)'
            : 'No application form'}
        </dd>
        <dt>Privilege</dt>
        <dd>
          {permission.privilegeLevel === null ? 'Not known' : `Level ${permission.privilegeLevel} of 4`}
        </dd>
      </dl>
      <UsesList uses={graph} title={`Graph paths that accept it (${graph.length})`} />
      <UsesList uses={defender} title={`Defender endpoints that accept it (${defender.length})`} />
      {graph.length === 0 && defender.length === 0 && (
        <p className="muted">The sources list no paths for it.</p>
      )}
    </>
  );
}

function PermissionValues({ values }: { values: readonly string[] }) {
  if (values.length === 0) return <p className="muted">None listed.</p>;
  return (
    <ol>
      {values.map((v) => (
        <li key={v}>
          <code>{v}</code>
        </li>
      ))}
    </ol>
  );
}

function Detail({ catalog, hit }: { catalog: Catalog; hit: SearchHit }) {
  switch (hit.kind) {
    case 'permission':
      return <PermissionDetail catalog={catalog} permission={hit.permission} apiName={hit.apiName} />;
    case 'role':
      return (
        <>
          <h2>{hit.role.name}</h2>
          <dl>
            <dt>Template ID</dt>
            <dd>
              <code>{hit.role.templateId}</code>
            </dd>
            <dt>Privileged</dt>
            <dd>{yesNo(hit.role.privileged, 'Yes', 'No')}</dd>
          </dl>
          {hit.role.isDefaultMember && (
            <p>
              Every member user holds this role; it is not an administrator role and the portal does not list
              it.
            </p>
          )}
        </>
      );
    case 'graph-path':
      return (
        <>
          <h2>
            <code>{hit.path}</code>
          </h2>
          {hit.methods.map((m) => {
            const p = findGraphPathPermissions(catalog, m, hit.path);
            return (
              <div key={m}>
                <h3>{m}: delegated, least privileged first</h3>
                <PermissionValues values={p?.delegated ?? []} />
                <h3>{m}: application, least privileged first</h3>
                <PermissionValues values={p?.application ?? []} />
              </div>
            );
          })}
        </>
      );
    case 'defender-endpoint': {
      const e = findDefenderEndpoint(catalog, hit.endpoint.method, hit.endpoint.matchedPath) ?? hit.endpoint;
      return (
        <>
          <h2>
            <code>
              {e.method} {e.matchedPath}
            </code>
          </h2>
          <dl>
            <dt>API</dt>
            <dd>{e.resource}</dd>
            <dt>Role for delegated calls</dt>
            <dd>{e.delegatedRole ?? 'Not named on the page'}</dd>
          </dl>
          <h3>Application permissions</h3>
          <PermissionValues values={e.application} />
          <h3>Delegated permissions</h3>
          <PermissionValues values={e.delegated} />
        </>
      );
    }
    case 'api':
      return (
        <>
          <h2>{hit.api.name}</h2>
          <dl>
            <dt>appId</dt>
            <dd>
              <code>{hit.api.appId}</code>
            </dd>
            <dt>Resource</dt>
            <dd>
              <code>{hit.api.resource}</code>
            </dd>
            <dt>Hosts</dt>
            <dd>{hit.api.hosts.join(', ') || 'None listed'}</dd>
          </dl>
        </>
      );
    case 'app':
      return (
        <>
          <h2>{hit.app.name}</h2>
          <dl>
            <dt>appId</dt>
            <dd>
              <code>{hit.app.appId}</code>
            </dd>
          </dl>
        </>
      );
  }
}

/** Search box, results and the selected entry's details. */
export function CatalogBrowser({ catalog, query, onQueryChange }: CatalogBrowserProps) {
  const inputId = useId();
  const deferred = useDeferredValue(query);
  const hits = useMemo(() => (catalog ? searchCatalog(catalog, deferred, LIMIT) : []), [catalog, deferred]);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const selected = hits.find((h) => hitKey(h) === selectedKey) ?? (hits.length === 1 ? hits[0] : undefined);
  const info = catalog ? catalogInfo(catalog) : null;
  // An exact permission value typed in full opens its detail without a click.
  const exact =
    !selected &&
    catalog &&
    hits[0]?.kind === 'permission' &&
    hits[0].permission.value.toLowerCase() === deferred.trim().toLowerCase()
      ? hits[0]
      : undefined;
  const shown = selected ?? exact;

  return (
    <>
      <section aria-label="Catalog search" className="panel">
        <h2>Permission and role catalog</h2>
        <div className="catalog-search">
          <label htmlFor={inputId}>Search the catalog</label>
          <input
            id={inputId}
            type="search"
            value={query}
            onChange={(e) => onQueryChange(e.target.value)}
            placeholder="Permission, GUID, role name or Graph path"
            autoComplete="off"
            spellCheck={false}
          />
        </div>
        {info ? (
          <p className="muted">
            Offline catalog as of {info.generatedAt}: {info.counts.graphPermissions} Graph permissions,{' '}
            {info.counts.defenderEndpoints} Defender endpoints, {info.counts.roles} directory roles.
          </p>
        ) : (
          <p className="muted">Loading the catalog…</p>
        )}
        {catalog && deferred.trim() !== '' && (
          <>
            <p role="status">
              {hits.length === 0
                ? 'No matches.'
                : hits.length >= LIMIT
                  ? `First ${LIMIT} matches.`
                  : `${hits.length} matches.`}
            </p>
            <ul className="catalog-results" aria-label="Search results">
              {hits.map((h) => {
                const key = hitKey(h);
                return (
                  <li key={key}>
                    <button
                      type="button"
                      aria-pressed={shown !== undefined && hitKey(shown) === key}
                      onClick={() => setSelectedKey(key)}
                    >
                      <HitLabel hit={h} />
                    </button>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
      {catalog && shown && (
        <section aria-label="Catalog entry" className="panel catalog-detail">
          <Detail catalog={catalog} hit={shown} />
        </section>
      )}
    </>
  );
}
