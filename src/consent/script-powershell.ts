import { getCloudInfo } from './clouds';
import { commentText, type ScriptContext } from './grant-input';

/**
 * Microsoft Graph PowerShell that assigns the app roles, skipping those already held. Takes checked
 * values only (see checkGrantInput). Does not run anything; never uses the retired AzureAD/MSOnline cmdlets.
 */
export function powershellScript(c: ScriptContext): string {
  const env = getCloudInfo(c.cloud).mgEnvironment;
  const values = c.roles.map((r) => `'${r.value}'`).join(', ');
  return [
    `# Assigns app roles of ${commentText(c.apiName)} to a service principal or managed identity.`,
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
