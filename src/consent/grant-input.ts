import type { Catalog } from '../catalog';
import type { Finding } from '../token';
import { lookupApi, lookupPermission, type ApiFacts } from './catalog-lookup';
import { CLOUD_IDS, GRAPH_APP_ID, getCloudInfo } from './clouds';
import type { GrantError, GrantRole, GrantScriptsInput, GrantWarningCode } from './types';
import { isGuid } from './validate';

// What goes into a script must not be able to end a quoted string in PowerShell, bash, JMESPath or JSON:
// permission values are letters, digits, dot, underscore and hyphen; IDs are GUIDs. Checked before use.
const SAFE_VALUE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** True when a permission value may be put into a generated script as is. */
export function isScriptSafeValue(value: string): boolean {
  return SAFE_VALUE.test(value);
}

/** Everything a script generator needs, already checked: nothing in here can break a script's quoting. */
export interface ScriptContext {
  readonly principalId: string;
  readonly apiAppId: string;
  /** Only ever goes into comments. */
  readonly apiName: string;
  readonly roles: readonly GrantRole[];
  readonly cloud: GrantScriptsInput['cloud'];
}

/** The checked input, or every reason it cannot become a script. */
export type GrantInputCheck =
  | {
      readonly ok: true;
      readonly context: ScriptContext;
      readonly warnings: readonly Finding<GrantWarningCode>[];
    }
  | { readonly ok: false; readonly errors: readonly GrantError[] };

const grantError = (field: GrantError['field'], code: GrantError['code'], message: string): GrantError => ({
  field,
  code,
  message,
});

const info = (
  code: GrantWarningCode,
  evidence: Record<string, unknown>,
  message: string,
): Finding<GrantWarningCode> => ({
  code,
  severity: 'info',
  evidence,
  message,
  fix: null,
});

function checkPrincipal(raw: string): { value: string; errors: GrantError[] } {
  const value = raw.trim().toLowerCase();
  if (value === '') {
    return {
      value,
      errors: [
        grantError(
          'principalId',
          'required',
          'Enter the object ID of the service principal (Enterprise applications → Object ID) or of the managed identity.',
        ),
      ],
    };
  }
  if (!isGuid(value)) {
    return {
      value,
      errors: [
        grantError(
          'principalId',
          'principal-not-guid',
          `The principal ID must be an object ID (a GUID), not "${raw.trim()}". For an app, use the Object ID on its Enterprise application page, not the Application (client) ID of the registration.`,
        ),
      ],
    };
  }
  return { value, errors: [] };
}

function checkApi(
  raw: string,
  catalog: Catalog,
): { api: ApiFacts | null; appId: string | null; errors: GrantError[] } {
  const ref = raw.trim();
  if (ref === '') {
    return {
      api: null,
      appId: null,
      errors: [
        grantError(
          'api',
          'required',
          'Enter the API: its appId, or a name such as Microsoft Graph or WindowsDefenderATP.',
        ),
      ],
    };
  }
  const api = lookupApi(catalog, ref);
  if (api) return { api, appId: api.appId, errors: [] };
  if (isGuid(ref)) return { api: null, appId: ref.toLowerCase(), errors: [] };
  return {
    api: null,
    appId: null,
    errors: [
      grantError(
        'api',
        'api-unknown',
        `"${ref}" is not an API the catalog knows. Enter the API's appId (a GUID) instead.`,
      ),
    ],
  };
}

function checkRoles(
  permissions: readonly string[],
  api: ApiFacts | null,
  apiKnown: boolean,
  catalog: Catalog,
): { roles: GrantRole[]; errors: GrantError[]; warnings: Finding<GrantWarningCode>[] } {
  const roles: GrantRole[] = [];
  const errors: GrantError[] = [];
  const warnings: Finding<GrantWarningCode>[] = [];
  const values = permissions.map((p) => p.trim()).filter((p) => p !== '');
  if (values.length === 0) {
    errors.push(
      grantError(
        'permissions',
        'required',
        'Enter at least one application permission (app role value), e.g. User.Read.All.',
      ),
    );
  }
  const seen = new Set<string>();
  for (const value of values) {
    if (!isScriptSafeValue(value)) {
      errors.push(
        grantError(
          'permissions',
          'permission-unsafe',
          `"${value}" is not a permission value (letters, digits, ".", "_" and "-" only).`,
        ),
      );
      continue;
    }
    if (seen.has(value.toLowerCase())) {
      warnings.push(
        info('duplicate-permission', { value }, `${value} is listed twice; it is assigned once.`),
      );
      continue;
    }
    seen.add(value.toLowerCase());
    if (!api) {
      if (apiKnown) roles.push({ value, appRoleId: null });
      continue;
    }
    const perm = lookupPermission(catalog, api.appId, value);
    if (!perm) {
      errors.push(
        grantError('permissions', 'permission-unknown', `${api.name} has no permission "${value}".`),
      );
    } else if (!perm.application) {
      errors.push(
        grantError(
          'permissions',
          'permission-delegated-only',
          `${perm.value} is a delegated permission only: it cannot be assigned to a service principal or managed identity, which call with their own identity. Pick an application permission.`,
        ),
      );
    } else {
      roles.push({ value: perm.value, appRoleId: perm.applicationId });
    }
  }
  return { roles, errors, warnings };
}

function notesOn(
  input: GrantScriptsInput,
  api: ApiFacts | null,
  apiAppId: string,
  roles: readonly GrantRole[],
) {
  const warnings: Finding<GrantWarningCode>[] = [];
  if (!api) {
    warnings.push(
      info(
        'app-role-id-unknown',
        { api: apiAppId },
        'The catalog does not know this API, so the permission values could not be checked; the scripts look the app roles up by value.',
      ),
    );
  } else if (roles.some((r) => r.appRoleId === null)) {
    warnings.push(
      info(
        'app-role-id-unknown',
        { values: roles.filter((r) => r.appRoleId === null).map((r) => r.value) },
        'The catalog has no app role ID for some of these permissions; the scripts look them up by value.',
      ),
    );
  }
  if (input.cloud !== 'public' && api && api.cloud === 'public' && api.appId !== GRAPH_APP_ID) {
    warnings.push({
      code: 'api-not-public-cloud',
      severity: 'warning',
      evidence: { api: api.name, cloud: input.cloud },
      message: `${api.name} may not exist, or may have another appId, in the ${getCloudInfo(input.cloud).label} cloud.`,
      fix: null,
    });
  }
  return warnings;
}

/**
 * Checks the grant input field by field (principal object ID, API, app role values, cloud) against strict
 * patterns and the catalog, and returns the context the script generators take. Collects every error
 * at once. Does not build any script.
 */
export function checkGrantInput(input: GrantScriptsInput, catalog: Catalog): GrantInputCheck {
  const cloudOk = (CLOUD_IDS as readonly unknown[]).includes(input.cloud);
  const principal = checkPrincipal(input.principalId);
  const api = checkApi(input.api, catalog);
  const roles = checkRoles(input.permissions, api.api, api.appId !== null, catalog);
  const errors = [
    ...(cloudOk ? [] : [grantError('cloud', 'cloud-unknown', 'Pick the cloud: public, usgov or china.')]),
    ...principal.errors,
    ...api.errors,
    ...roles.errors,
  ];
  if (errors.length > 0 || api.appId === null || !cloudOk) return { ok: false, errors };
  return {
    ok: true,
    context: {
      principalId: principal.value,
      apiAppId: api.appId,
      apiName: api.api?.name ?? input.api.trim(),
      roles: roles.roles,
      cloud: input.cloud,
    },
    warnings: [...roles.warnings, ...notesOn(input, api.api, api.appId, roles.roles)],
  };
}

/** The API name comes from the catalog or is typed; it only goes into one-line script comments, so line breaks go. */
export const commentText = (text: string): string => text.replace(/[\r\n]+/g, ' ');
