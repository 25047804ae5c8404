import type { Catalog } from '../catalog';
import type { Finding } from '../token';
import { lookupApi, lookupPermission } from './catalog-lookup';
import { CLOUD_IDS, getCloudInfo } from './clouds';
import type { GrantError, GrantRole, GrantScriptsInput, GrantScriptsResult, GrantWarningCode } from './types';
import { isGuid } from './validate';

// What goes into a script must not be able to end a quoted string in PowerShell, bash, JMESPath or JSON:
// permission values are letters, digits, dot, underscore and hyphen; IDs are GUIDs. Checked before use.
const SAFE_VALUE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** True when a permission value may be put into a generated script as is. */
export function isScriptSafeValue(value: string): boolean {
  return SAFE_VALUE.test(value);
}

function grantError(field: GrantError['field'], code: GrantError['code'], message: string): GrantError {
  return { field, code, message };
}

/**
 * Builds scripts that assign app roles (application permissions) of one API to a service principal or
 * managed identity: Microsoft Graph PowerShell, bash + Azure CLI, and the raw Graph requests. Every value is
 * validated against a strict pattern first, so nothing typed can break out of the scripts' quoting.
 * Does not run anything, and never generates the retired AzureAD/MSOnline cmdlets.
 */
export function buildGrantScripts(input: GrantScriptsInput, catalog: Catalog): GrantScriptsResult {
  const errors: GrantError[] = [];
  const warnings: Finding<GrantWarningCode>[] = [];
  const cloudOk = (CLOUD_IDS as readonly unknown[]).includes(input.cloud);
  if (!cloudOk) errors.push(grantError('cloud', 'cloud-unknown', 'Pick the cloud: public, usgov or china.'));

  const principalId = input.principalId.trim().toLowerCase();
  if (principalId === '') {
    errors.push(
      grantError(
        'principalId',
        'required',
        'Enter the object ID of the service principal (Enterprise applications → Object ID) or of the managed identity.',
      ),
    );
  } else if (!isGuid(principalId)) {
    errors.push(
      grantError(
        'principalId',
        'principal-not-guid',
        `The principal ID must be an object ID (a GUID), not "${input.principalId.trim()}". For an app, use the Object ID on its Enterprise application page, not the Application (client) ID of the registration.`,
      ),
    );
  }

  const apiRef = input.api.trim();
  const api = apiRef === '' ? null : lookupApi(catalog, apiRef);
  let apiAppId: string | null = api?.appId ?? null;
  const apiName = api?.name ?? apiRef;
  if (apiRef === '') {
    errors.push(
      grantError(
        'api',
        'required',
        'Enter the API: its appId, or a name such as Microsoft Graph or WindowsDefenderATP.',
      ),
    );
  } else if (!api) {
    if (isGuid(apiRef)) {
      apiAppId = apiRef.toLowerCase();
    } else {
      errors.push(
        grantError(
          'api',
          'api-unknown',
          `"${apiRef}" is not an API the catalog knows. Enter the API's appId (a GUID) instead.`,
        ),
      );
    }
  }

  const values = input.permissions.map((p) => p.trim()).filter((p) => p !== '');
  if (values.length === 0) {
    errors.push(
      grantError(
        'permissions',
        'required',
        'Enter at least one application permission (app role value), e.g. User.Read.All.',
      ),
    );
  }
  const roles: GrantRole[] = [];
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
      warnings.push({
        code: 'duplicate-permission',
        severity: 'info',
        evidence: { value },
        message: `${value} is listed twice; it is assigned once.`,
        fix: null,
      });
      continue;
    }
    seen.add(value.toLowerCase());
    if (!api) {
      if (apiAppId) roles.push({ value, appRoleId: null });
      continue;
    }
    const perm = lookupPermission(catalog, api.appId, value);
    if (!perm) {
      errors.push(
        grantError('permissions', 'permission-unknown', `${api.name} has no permission "${value}".`),
      );
      continue;
    }
    if (!perm.application) {
      errors.push(
        grantError(
          'permissions',
          'permission-delegated-only',
          `${perm.value} is a delegated permission only: it cannot be assigned to a service principal or managed identity, which call with their own identity. Pick an application permission.`,
        ),
      );
      continue;
    }
    roles.push({ value: perm.value, appRoleId: perm.applicationId });
  }

  if (errors.length > 0 || apiAppId === null || !cloudOk) return { ok: false, errors };

  if (!api) {
    warnings.push({
      code: 'app-role-id-unknown',
      severity: 'info',
      evidence: { api: apiAppId },
      message:
        'The catalog does not know this API, so the permission values could not be checked; the scripts look the app roles up by value.',
      fix: null,
    });
  } else if (roles.some((r) => r.appRoleId === null)) {
    warnings.push({
      code: 'app-role-id-unknown',
      severity: 'info',
      evidence: { values: roles.filter((r) => r.appRoleId === null).map((r) => r.value) },
      message:
        'The catalog has no app role ID for some of these permissions; the scripts look them up by value.',
      fix: null,
    });
  }
  if (
    input.cloud !== 'public' &&
    api &&
    api.cloud === 'public' &&
    api.appId !== '00000003-0000-0000-c000-000000000000'
  ) {
    warnings.push({
      code: 'api-not-public-cloud',
      severity: 'warning',
      evidence: { api: api.name, cloud: input.cloud },
      message: `${api.name} may not exist, or may have another appId, in the ${getCloudInfo(input.cloud).label} cloud.`,
      fix: null,
    });
  }

  const ctx = { principalId, apiAppId, apiName, roles, cloud: input.cloud };
  return {
    ok: true,
    apiAppId,
    apiName,
    roles,
    powershell: powershellScript(ctx),
    azureCli: azureCliScript(ctx),
    graphRequest: graphRequests(ctx),
    warnings,
  };
}

interface ScriptContext {
  readonly principalId: string;
  readonly apiAppId: string;
  readonly apiName: string;
  readonly roles: readonly GrantRole[];
  readonly cloud: GrantScriptsInput['cloud'];
}

// The API name can come from the catalog or be typed; it only goes into comments, stripped of line breaks.
const comment = (text: string) => text.replace(/[\r\n]+/g, ' ');

function powershellScript(c: ScriptContext): string {
  const env = getCloudInfo(c.cloud).mgEnvironment;
  const values = c.roles.map((r) => `'${r.value}'`).join(', ');
  return [
    `# Assigns app roles of ${comment(c.apiName)} to a service principal or managed identity.`,
    '# Microsoft Graph PowerShell (Install-Module Microsoft.Graph.Applications). The AzureAD module is retired.',
    '# Sign in as a Privileged Role Administrator (or Global Administrator) for Microsoft Graph app roles.',
    "$ErrorActionPreference = 'Stop'",
    `Connect-MgGraph -Scopes "Application.Read.All","AppRoleAssignment.ReadWrite.All"${env ? ` -Environment ${env}` : ''} -NoWelcome`,
    '',
    `$principalId = '${c.principalId}'`,
    `$resourceAppId = '${c.apiAppId}'`,
    `$roleValues = @(${values})`,
    '',
    "# The API's service principal in this tenant, found by its appId.",
    '$resourceSp = Get-MgServicePrincipal -Filter "appId eq \'$resourceAppId\'"',
    'if (-not $resourceSp) { throw "No service principal with appId $resourceAppId in this tenant." }',
    '',
    '# App roles the principal already holds on this API, so they are skipped.',
    '$assigned = @(Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $principalId -All |',
    '  Where-Object { $_.ResourceId -eq $resourceSp.Id } | ForEach-Object { $_.AppRoleId })',
    '',
    'foreach ($value in $roleValues) {',
    "  $role = $resourceSp.AppRoles | Where-Object { $_.Value -eq $value -and $_.AllowedMemberTypes -contains 'Application' }",
    '  if (-not $role) { Write-Warning "$value is not an application permission of this API; skipped."; continue }',
    '  if ($assigned -contains $role.Id) { Write-Host "$value is already assigned; skipped."; continue }',
    '  New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $principalId -PrincipalId $principalId `',
    '    -ResourceId $resourceSp.Id -AppRoleId $role.Id | Out-Null',
    '  Write-Host "Assigned $value."',
    '}',
    '',
  ].join('\n');
}

function azureCliScript(c: ScriptContext): string {
  const info = getCloudInfo(c.cloud);
  const values = c.roles.map((r) => `'${r.value}'`).join(' ');
  const cloudCheck =
    c.cloud === 'public'
      ? []
      : [
          `if [[ "$(az cloud show --query name -o tsv)" != '${info.azCloud}' ]]; then`,
          `  echo "Run first: az cloud set --name ${info.azCloud} && az login" >&2`,
          '  exit 1',
          'fi',
          '',
        ];
  return [
    '#!/usr/bin/env bash',
    `# Assigns app roles of ${comment(c.apiName)} to a service principal or managed identity with Azure CLI (az rest).`,
    '# Sign in (az login) as a Privileged Role Administrator (or Global Administrator) for Microsoft Graph app roles.',
    'set -euo pipefail',
    '',
    ...cloudCheck,
    `graph='${info.graphUrl}/v1.0'`,
    `principal_id='${c.principalId}'`,
    `resource_app_id='${c.apiAppId}'`,
    `role_values=(${values})`,
    '',
    "# The API's service principal in this tenant, found by its appId.",
    `resource_sp_id="$(az rest --method get --url "$graph/servicePrincipals(appId='$resource_app_id')" --query id -o tsv)"`,
    '',
    '# App roles the principal already holds on this API, so they are skipped.',
    `assigned="$(az rest --method get --url "$graph/servicePrincipals/$principal_id/appRoleAssignments" \\`,
    `  --query "value[?resourceId=='$resource_sp_id'].appRoleId" -o tsv)"`,
    '',
    'for value in "${role_values[@]}"; do',
    `  role_id="$(az rest --method get --url "$graph/servicePrincipals/$resource_sp_id" \\`,
    `    --query "appRoles[?value=='$value' && contains(allowedMemberTypes, 'Application')].id | [0]" -o tsv)"`,
    '  if [[ -z "$role_id" ]]; then',
    '    echo "$value is not an application permission of this API; skipped." >&2',
    '    continue',
    '  fi',
    '  if grep -qxF "$role_id" <<<"$assigned"; then',
    '    echo "$value is already assigned; skipped."',
    '    continue',
    '  fi',
    `  az rest --method post --url "$graph/servicePrincipals/$principal_id/appRoleAssignments" \\`,
    `    --headers 'Content-Type=application/json' \\`,
    `    --body "{\\"principalId\\":\\"$principal_id\\",\\"resourceId\\":\\"$resource_sp_id\\",\\"appRoleId\\":\\"$role_id\\"}" \\`,
    '    --output none',
    '  echo "Assigned $value."',
    'done',
    '',
  ].join('\n');
}

function graphRequests(c: ScriptContext): string {
  const graph = `${getCloudInfo(c.cloud).graphUrl}/v1.0`;
  const lines = [
    "# 1. Find the API's service principal in the tenant (its id is the resourceId below; appRoles lists the role ids).",
    `GET ${graph}/servicePrincipals?$filter=appId eq '${c.apiAppId}'&$select=id,appId,displayName,appRoles`,
    '',
    '# 2. One request per app role.',
  ];
  for (const role of c.roles) {
    lines.push(
      `# ${role.value}`,
      `POST ${graph}/servicePrincipals/${c.principalId}/appRoleAssignments`,
      'Content-Type: application/json',
      '',
      JSON.stringify(
        {
          principalId: c.principalId,
          resourceId: '{resource-service-principal-id}',
          appRoleId: role.appRoleId ?? `{app-role-id of ${role.value}}`,
        },
        null,
        2,
      ),
      '',
    );
  }
  return lines.join('\n');
}

/** A mention of a retired PowerShell module in text a person pasted or typed. */
export interface RetiredModuleMention {
  readonly module: 'AzureAD' | 'MSOnline';
  /** The word that matched, e.g. `New-AzureADServiceAppRoleAssignment`. */
  readonly match: string;
  readonly message: string;
  /** The Microsoft Graph PowerShell cmdlet to use instead, when there is a direct one. */
  readonly replacement: string | null;
  readonly source: string;
}

const MIGRATION_PAGE = 'https://learn.microsoft.com/en-us/powershell/microsoftgraph/migration-steps';
const REPLACEMENTS: Readonly<Record<string, string>> = {
  'new-azureadserviceapproleassignment': 'New-MgServicePrincipalAppRoleAssignment',
  'get-azureadserviceapproleassignment': 'Get-MgServicePrincipalAppRoleAssignment',
  'get-azureadserviceapproleassignedto': 'Get-MgServicePrincipalAppRoleAssignedTo',
  'get-azureadserviceprincipal': 'Get-MgServicePrincipal',
  'connect-azuread': 'Connect-MgGraph',
  'connect-msolservice': 'Connect-MgGraph',
  'get-msolserviceprincipal': 'Get-MgServicePrincipal',
};

/**
 * Finds a mention of the retired AzureAD / AzureADPreview or MSOnline PowerShell modules (module names or
 * their cmdlets) so the UI can say they are retired and name the Microsoft Graph PowerShell equivalent.
 * Returns the first mention or null. Does not parse PowerShell.
 */
export function mentionsRetiredModule(text: string): RetiredModuleMention | null {
  const m =
    /\b((?:Connect|Get|Set|New|Remove|Add|Disconnect|Update|Revoke)-AzureAD[A-Za-z]*|AzureADPreview|AzureAD(?=\s+(?:module|PowerShell|cmdlets?)\b)|Install-Module\s+AzureAD|(?:Connect|Get|Set|New|Remove|Add)-Msol[A-Za-z]*|MSOnline)\b/i.exec(
      text,
    );
  if (!m) return null;
  const match = m[1] ?? m[0];
  const isMsol = /msol|msonline/i.test(match);
  const replacement = REPLACEMENTS[match.toLowerCase()] ?? null;
  return {
    module: isMsol ? 'MSOnline' : 'AzureAD',
    match,
    message: `${match} belongs to the ${isMsol ? 'MSOnline' : 'AzureAD'} PowerShell module, which is retired. Use Microsoft Graph PowerShell${replacement ? ` (${replacement})` : ''} instead.`,
    replacement,
    source: MIGRATION_PAGE,
  };
}
