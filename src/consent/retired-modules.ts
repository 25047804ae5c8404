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
const REPLACEMENTS: ReadonlyMap<string, string> = new Map([
  ['new-azureadserviceapproleassignment', 'New-MgServicePrincipalAppRoleAssignment'],
  ['get-azureadserviceapproleassignment', 'Get-MgServicePrincipalAppRoleAssignment'],
  ['get-azureadserviceapproleassignedto', 'Get-MgServicePrincipalAppRoleAssignedTo'],
  ['get-azureadserviceprincipal', 'Get-MgServicePrincipal'],
  ['connect-azuread', 'Connect-MgGraph'],
  ['connect-msolservice', 'Connect-MgGraph'],
  ['get-msolserviceprincipal', 'Get-MgServicePrincipal'],
]);

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
  const replacement = REPLACEMENTS.get(match.toLowerCase()) ?? null;
  return {
    module: isMsol ? 'MSOnline' : 'AzureAD',
    match,
    message: `${match} belongs to the ${isMsol ? 'MSOnline' : 'AzureAD'} PowerShell module, which is retired. Use Microsoft Graph PowerShell${replacement ? ` (${replacement})` : ''} instead.`,
    replacement,
    source: MIGRATION_PAGE,
  };
}
