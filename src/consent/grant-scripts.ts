import type { Catalog } from '../catalog';
import { checkGrantInput } from './grant-input';
import { azureCliScript } from './script-azure-cli';
import { graphRequests } from './script-graph-requests';
import { powershellScript } from './script-powershell';
import type { GrantScriptsInput, GrantScriptsResult } from './types';

/**
 * Builds scripts that assign app roles (application permissions) of one API to a service principal or
 * managed identity: Microsoft Graph PowerShell, bash + Azure CLI, and the raw Graph requests. Every value is
 * validated against a strict pattern first, so nothing typed can break out of the scripts' quoting.
 * Does not run anything, and never generates the retired AzureAD/MSOnline cmdlets.
 */
export function buildGrantScripts(input: GrantScriptsInput, catalog: Catalog): GrantScriptsResult {
  const checked = checkGrantInput(input, catalog);
  if (!checked.ok) return checked;
  const { context } = checked;
  return {
    ok: true,
    apiAppId: context.apiAppId,
    apiName: context.apiName,
    roles: context.roles,
    powershell: powershellScript(context),
    azureCli: azureCliScript(context),
    graphRequest: graphRequests(context),
    warnings: checked.warnings,
  };
}
