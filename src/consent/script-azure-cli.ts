import { getCloudInfo } from './clouds';
import { commentText, type ScriptContext } from './grant-input';

/**
 * A bash + Azure CLI (`az rest`) script that assigns the app roles, skipping those already held. Takes
 * checked values only (see checkGrantInput). Does not sign in: it expects `az login` done.
 */
export function azureCliScript(c: ScriptContext): string {
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
    `# Assigns app roles of ${commentText(c.apiName)} to a service principal or managed identity with Azure CLI (az rest).`,
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
