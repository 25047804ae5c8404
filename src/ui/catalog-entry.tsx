import type { Catalog, PermissionInfo, PermissionUse, SearchHit } from '../catalog';
import { findDefenderEndpoint, findGraphPathPermissions, findPermissionUses } from '../catalog';

const USES_SHOWN = 100;

/** A stable key for a hit, so the selected entry survives new results. */
export function hitKey(h: SearchHit): string {
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

/** One line of the result list: what kind of entry, then its name. */
export function HitLabel({ hit }: { hit: SearchHit }) {
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
          <span className="catalog-kind">Application</span>
          {hit.app.name}
        </>
      );
  }
}

function yesNo(v: boolean | null, yes: string, no: string): string {
  return v === null ? 'Not known' : v ? yes : no;
}

/** Microsoft's privilege rating, said in words: the number alone means nothing to most readers. */
function privilegeText(level: number | null): string {
  if (level === null) return 'Not rated in the sources';
  return `Level ${level} of 4 (Microsoft's rating of how much the permission can reach: 1 least, 4 most)`;
}

function UsesList({ uses, title }: { uses: readonly PermissionUse[]; title: string }) {
  if (uses.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="catalog-uses">
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
            <dt>Admin consent display name</dt>
            <dd>{permission.label}</dd>
          </>
        )}
        <dt>Type</dt>
        <dd>
          {[permission.delegated ? 'Delegated' : null, permission.application ? 'Application' : null]
            .filter(Boolean)
            .join(' and ') || 'Not known'}
        </dd>
        <dt>Delegated permission ID</dt>
        <dd>
          {permission.delegatedId ? (
            <code>{permission.delegatedId}</code>
          ) : permission.delegated ? (
            'Not in the sources'
          ) : (
            'No delegated form'
          )}
        </dd>
        <dt>Application permission ID</dt>
        <dd>
          {permission.applicationId ? (
            <code>{permission.applicationId}</code>
          ) : permission.application ? (
            'Not in the sources'
          ) : (
            'No application form'
          )}
        </dd>
        <dt>Admin consent required (delegated)</dt>
        <dd>
          {permission.delegated
            ? yesNo(permission.delegatedAdminConsent, 'Yes', 'No: users can consent for themselves')
            : 'No delegated form'}
        </dd>
        <dt>Admin consent required (application)</dt>
        <dd>
          {permission.application ? 'Yes (always, for application permissions)' : 'No application form'}
        </dd>
        <dt>Privilege level</dt>
        <dd>{privilegeText(permission.privilegeLevel)}</dd>
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

/** The selected entry in full: IDs, consent, privilege and where it is accepted. */
export function CatalogEntry({
  catalog,
  hit,
  browseHref,
}: {
  catalog: Catalog;
  hit: SearchHit;
  /** The link that lists an API's permissions, for API entries the catalog has a list for. */
  browseHref: (appId: string) => string | null;
}) {
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
            <dt>Privileged role</dt>
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
    case 'api': {
      const browse = browseHref(hit.api.appId);
      return (
        <>
          <h2>{hit.api.name}</h2>
          <dl>
            <dt>Application (client) ID</dt>
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
          {browse && (
            <p>
              <a href={browse}>List its permissions</a>
            </p>
          )}
        </>
      );
    }
    case 'app':
      return (
        <>
          <h2>{hit.app.name}</h2>
          <dl>
            <dt>Application (client) ID</dt>
            <dd>
              <code>{hit.app.appId}</code>
            </dd>
          </dl>
        </>
      );
  }
}
