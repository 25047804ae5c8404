import type { Catalog } from '../catalog';
import type { Cloud, Finding } from '../token';
import { fixOf } from '../token';
import { lookupApi, lookupPermission } from './catalog-lookup';
import { GRAPH_APP_ID, getCloudInfo, graphResourceCloud } from './clouds';
import { isGuid } from './validate';
import type { ConsentError, ConsentWarningCode, ResolvedScope } from './types';

// OpenID Connect scopes have no resource prefix and are always fine to ask for.
const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'];
// A permission value: letters, digits and the punctuation real scope/app-role values use. Nothing that
// could break out of a URL parameter or a script.
const PERMISSION_VALUE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** Scopes as they go into the URL, with the refusals and warnings met on the way. */
export interface ScopeResolution {
  readonly scopes: readonly ResolvedScope[];
  readonly errors: readonly ConsentError[];
  readonly warnings: readonly Finding<ConsentWarningCode>[];
}

const error = (code: ConsentError['code'], message: string): ConsentError => ({
  field: 'permissions',
  code,
  message,
});

function warning(
  code: ConsentWarningCode,
  evidence: Record<string, unknown>,
  message: string,
  fix: string | null,
) {
  return { code, severity: 'warning' as const, evidence, message, fix: fixOf(fix) };
}

/** Splits a permissions text field (spaces, commas or new lines) into entries. */
export function splitPermissions(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * Resolves `<resource>/<permission>` entries against the catalog for one cloud: Graph URLs of another cloud
 * are rewritten to this cloud's Graph, bare values are read as Graph's when Graph has them, and values an
 * API in the catalog does not expose are refused. APIs the catalog does not know are kept with a warning.
 * Does not check what the app registration lists.
 */
export function resolveScopes(
  entries: readonly string[],
  cloud: Cloud,
  catalog: Catalog,
  purpose: 'admin' | 'user',
): ScopeResolution {
  const scopes: ResolvedScope[] = [];
  const errors: ConsentError[] = [];
  const warnings: Finding<ConsentWarningCode>[] = [];
  const seen = new Set<string>();
  const graphUrl = getCloudInfo(cloud).graphUrl;

  const push = (s: ResolvedScope) => {
    const key = s.scope.toLowerCase();
    if (seen.has(key)) {
      warnings.push(
        warning(
          'duplicate-permission',
          { scope: s.scope },
          `${s.scope} is listed twice; it is asked for once.`,
          null,
        ),
      );
      return;
    }
    seen.add(key);
    scopes.push(s);
  };

  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (OIDC_SCOPES.includes(entry.toLowerCase())) {
      push({
        scope: entry.toLowerCase(),
        resource: '',
        permission: entry.toLowerCase(),
        apiAppId: null,
        apiName: 'OpenID Connect',
        isGraph: false,
        delegated: true,
        application: false,
        delegatedAdminConsent: false,
      });
      continue;
    }
    if (/[\s"'<>`\\{}|^]/.test(entry) || entry.length > 400) {
      errors.push(error('permission-malformed', `"${entry}" contains characters no permission has.`));
      continue;
    }
    const slash = entry.lastIndexOf('/');
    let resource = slash >= 0 ? entry.slice(0, slash) : '';
    const value = slash >= 0 ? entry.slice(slash + 1) : entry;

    if (value === '' || (value !== '.default' && !PERMISSION_VALUE.test(value))) {
      errors.push(
        error(
          'permission-malformed',
          `"${entry}" is not in the form <resource>/<permission>, e.g. https://graph.microsoft.com/User.Read.All.`,
        ),
      );
      continue;
    }

    if (resource === '') {
      if (value === '.default') {
        errors.push(
          error(
            'permission-no-resource',
            '".default" needs the API in front of it, e.g. https://graph.microsoft.com/.default.',
          ),
        );
        continue;
      }
      const onGraph = lookupPermission(catalog, GRAPH_APP_ID, value);
      if (!onGraph) {
        errors.push(
          error(
            'permission-no-resource',
            `"${value}" has no API in front of it and is not a Microsoft Graph permission. Write it as <resource>/${value}, e.g. api://<app-id>/${value}.`,
          ),
        );
        continue;
      }
      warnings.push(
        warning(
          'permission-assumed-graph',
          { entry, scope: `${graphUrl}/${onGraph.value}` },
          `"${value}" was read as the Microsoft Graph permission ${graphUrl}/${onGraph.value}.`,
          null,
        ),
      );
      resource = graphUrl;
    }

    // Graph: one appId in every cloud, but each cloud has its own resource URL.
    const graphCloud =
      graphResourceCloud(resource) ?? (resource.toLowerCase() === GRAPH_APP_ID ? cloud : null);
    if (graphCloud !== null) {
      const isDod = resource.replace(/(?<!\/)\/+$/, '').toLowerCase() === 'https://dod-graph.microsoft.us';
      const keep = graphCloud === cloud && (isDod || !resource.endsWith('/'));
      const finalResource = keep ? resource.replace(/(?<!\/)\/+$/, '') : graphUrl;
      if (!keep && graphCloud !== cloud) {
        warnings.push(
          warning(
            'graph-cloud-corrected',
            { entry, cloud, resource: finalResource },
            `${resource} is Microsoft Graph in another cloud; in the ${getCloudInfo(cloud).label} cloud Graph is ${graphUrl}, so the request uses ${finalResource}/${value}.`,
            null,
          ),
        );
      }
      const perm = value === '.default' ? null : lookupPermission(catalog, GRAPH_APP_ID, value);
      if (value !== '.default' && !perm) {
        errors.push(
          error(
            'permission-unknown',
            `Microsoft Graph has no permission "${value}". Check the spelling (values are like User.Read.All).`,
          ),
        );
        continue;
      }
      push({
        scope: `${finalResource}/${perm ? perm.value : value}`,
        resource: finalResource,
        permission: perm ? perm.value : value,
        apiAppId: GRAPH_APP_ID,
        apiName: 'Microsoft Graph',
        isGraph: true,
        delegated: perm ? perm.delegated : null,
        application: perm ? perm.application : null,
        delegatedAdminConsent: perm ? perm.delegatedAdminConsent : null,
      });
      continue;
    }

    if (!/^(https:\/\/|api:\/\/)/i.test(resource) && !isGuid(resource)) {
      errors.push(
        error(
          'permission-malformed',
          `"${resource}" is not an API identifier: use its application ID URI (https://… or api://…) or its appId.`,
        ),
      );
      continue;
    }

    const api = lookupApi(catalog, resource);
    if (!api) {
      warnings.push(
        warning(
          'permission-unverified',
          { entry, resource },
          `${resource} is not in the catalog (a custom or uncommon API), so "${value}" could not be checked.`,
          'Make sure the API exposes this permission and the app registration lists it.',
        ),
      );
      push({
        scope: `${resource}/${value}`,
        resource,
        permission: value,
        apiAppId: isGuid(resource) ? resource.toLowerCase() : null,
        apiName: null,
        isGraph: false,
        delegated: null,
        application: null,
        delegatedAdminConsent: null,
      });
      continue;
    }
    if (api.cloud !== null && api.cloud !== cloud) {
      warnings.push(
        warning(
          'api-other-cloud',
          { entry, apiCloud: api.cloud, cloud },
          `${api.name} at ${resource} belongs to the ${getCloudInfo(api.cloud).label} cloud, not the ${getCloudInfo(cloud).label} cloud picked here.`,
          'Pick the cloud the tenant lives in, and use that cloud’s address of the API.',
        ),
      );
    }
    const perm = value === '.default' ? null : lookupPermission(catalog, api.appId, value);
    if (value !== '.default' && !perm) {
      errors.push(
        error(
          'permission-unknown',
          `${api.name} has no permission "${value}". Check the spelling and the API.`,
        ),
      );
      continue;
    }
    push({
      scope: `${resource}/${perm ? perm.value : value}`,
      resource,
      permission: perm ? perm.value : value,
      apiAppId: api.appId,
      apiName: api.name,
      isGraph: false,
      delegated: perm ? perm.delegated : null,
      application: perm ? perm.application : null,
      delegatedAdminConsent: perm ? perm.delegatedAdminConsent : null,
    });
  }

  if (purpose === 'admin' && entries.every((e) => e.trim() === '')) {
    errors.push(
      error(
        'required',
        'Pick at least one permission, or <resource>/.default for everything the app registration lists.',
      ),
    );
  }
  return { scopes, errors, warnings };
}
