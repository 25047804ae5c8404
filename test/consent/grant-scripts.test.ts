import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog';
import {
  buildGrantScripts,
  GRAPH_APP_ID,
  mentionsRetiredModule,
  type GrantScriptsInput,
} from '../../src/consent';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const PRINCIPAL = 'aaaaaaaa-0000-0000-0000-000000000042';
const CUSTOM_API = '11112222-aaaa-bbbb-cccc-333344445555';
const input = (over: Partial<GrantScriptsInput> = {}): GrantScriptsInput => ({
  principalId: PRINCIPAL,
  api: 'Microsoft Graph',
  permissions: ['User.Read.All', 'Group.Read.All'],
  cloud: 'public',
  ...over,
});

function bashSyntaxCheck(script: string): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'grant-'));
  const file = join(dir, 'grant.sh');
  writeFileSync(file, script);
  const r = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
}

describe('buildGrantScripts for Microsoft Graph', () => {
  it('builds the three scripts with the principal, the Graph appId and the role values', () => {
    const result = buildGrantScripts(input(), catalog);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.apiAppId).toBe(GRAPH_APP_ID);
    expect(result.roles).toEqual([
      { value: 'User.Read.All', appRoleId: 'df021288-bdef-4463-88db-98f22de89214' },
      { value: 'Group.Read.All', appRoleId: '5b567255-7703-4780-807c-7be8301ae99b' },
    ]);
    const ps = result.powershell;
    expect(ps).toContain('Connect-MgGraph -Scopes "Application.Read.All","AppRoleAssignment.ReadWrite.All"');
    expect(ps).not.toContain('-Environment');
    expect(ps).toContain(`$principalId = '${PRINCIPAL}'`);
    expect(ps).toContain(`$resourceAppId = '${GRAPH_APP_ID}'`);
    expect(ps).toContain(`$roleValues = @('User.Read.All', 'Group.Read.All')`);
    expect(ps).toContain('Get-MgServicePrincipal -Filter "appId eq \'$resourceAppId\'"');
    expect(ps).toContain("$_.AllowedMemberTypes -contains 'Application'");
    expect(ps).toContain('Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $principalId');
    expect(ps).toContain(
      'New-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $principalId -PrincipalId $principalId',
    );
    expect(ps).toContain('-ResourceId $resourceSp.Id -AppRoleId $role.Id');
    expect(ps).not.toMatch(/New-AzureAD|Connect-AzureAD|Msol/);

    const cli = result.azureCli;
    expect(cli).toContain('set -euo pipefail');
    expect(cli).toContain(`principal_id='${PRINCIPAL}'`);
    expect(cli).toContain(`resource_app_id='${GRAPH_APP_ID}'`);
    expect(cli).toContain(`role_values=('User.Read.All' 'Group.Read.All')`);
    expect(cli).toContain(`graph='https://graph.microsoft.com/v1.0'`);
    expect(cli).toContain(
      'az rest --method post --url "$graph/servicePrincipals/$principal_id/appRoleAssignments"',
    );
    expect(cli).toContain("contains(allowedMemberTypes, 'Application')");

    const http = result.graphRequest;
    expect(http).toContain(
      `POST https://graph.microsoft.com/v1.0/servicePrincipals/${PRINCIPAL}/appRoleAssignments`,
    );
    expect(http).toContain(`"principalId": "${PRINCIPAL}"`);
    expect(http).toContain('"appRoleId": "df021288-bdef-4463-88db-98f22de89214"');
    expect(http).toContain(`$filter=appId eq '${GRAPH_APP_ID}'`);
  });

  it('produces an Azure CLI script that bash parses', () => {
    const result = buildGrantScripts(input(), catalog);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(bashSyntaxCheck(result.azureCli)).toEqual({ status: 0, stderr: '' });
  });

  it.each([
    ['usgov', 'USGov', 'https://graph.microsoft.us/v1.0', 'AzureUSGovernment'],
    ['china', 'China', 'https://microsoftgraph.chinacloudapi.cn/v1.0', 'AzureChinaCloud'],
  ] as const)('targets the %s cloud: -Environment %s and its Graph', (cloud, env, graph, azCloud) => {
    const result = buildGrantScripts(input({ cloud }), catalog);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.powershell).toContain(`-Environment ${env}`);
    expect(result.azureCli).toContain(`graph='${graph}'`);
    expect(result.azureCli).toContain(`az cloud set --name ${azCloud}`);
    expect(result.graphRequest).toContain(`POST ${graph}/servicePrincipals/`);
    expect(bashSyntaxCheck(result.azureCli).status).toBe(0);
  });

  it('accepts the API as its appId, and names like Graph', () => {
    for (const api of [GRAPH_APP_ID, 'graph', 'Microsoft Graph']) {
      const result = buildGrantScripts(input({ api }), catalog);
      expect(result.ok && result.apiAppId).toBe(GRAPH_APP_ID);
    }
  });
});

describe('buildGrantScripts for Defender', () => {
  it.each([
    ['WindowsDefenderATP', 'fc780465-2017-40d4-a0c5-307022471b92', 'Machine.Isolate'],
    ['Microsoft Threat Protection', '8ee8fdad-f234-4243-8f3b-15c294843740', 'AdvancedHunting.Read.All'],
  ])('finds %s by name and looks the role up by value', (api, appId, value) => {
    const result = buildGrantScripts(input({ api, permissions: [value] }), catalog);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.apiAppId).toBe(appId);
    expect(result.powershell).toContain(`$resourceAppId = '${appId}'`);
    expect(result.graphRequest).toContain(`{app-role-id of ${value}}`);
    expect(bashSyntaxCheck(result.azureCli).status).toBe(0);
  });
});

describe('buildGrantScripts refusals', () => {
  it.each<[string, Partial<GrantScriptsInput>, string, string, string]>([
    ['an empty principal', { principalId: '' }, 'principalId', 'required', 'Enter the object ID'],
    [
      'a principal that is not a GUID',
      { principalId: 'my-identity' },
      'principalId',
      'principal-not-guid',
      'must be an object ID',
    ],
    ['an unknown API name', { api: 'Contoso API' }, 'api', 'api-unknown', 'is not an API the catalog knows'],
    ['an empty API', { api: '' }, 'api', 'required', 'Enter the API'],
    ['no permissions', { permissions: [] }, 'permissions', 'required', 'at least one application permission'],
    [
      'a delegated-only permission',
      { permissions: ['User.Read'] },
      'permissions',
      'permission-delegated-only',
      'cannot be assigned to a service principal',
    ],
    [
      'an unknown permission',
      { permissions: ['User.Fly.All'] },
      'permissions',
      'permission-unknown',
      'has no permission "User.Fly.All"',
    ],
    [
      'a value with a quote',
      { permissions: ["User.Read.All'; rm -rf ~; '"] },
      'permissions',
      'permission-unsafe',
      'is not a permission value',
    ],
    [
      'a value with $()',
      { permissions: ['$(whoami)'] },
      'permissions',
      'permission-unsafe',
      'is not a permission value',
    ],
  ])('refuses %s', (_name, over, field, code, message) => {
    const result = buildGrantScripts(input(over), catalog);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((e) => e.field === field);
    expect(error?.code).toBe(code);
    expect(error?.message).toContain(message);
  });

  it('keeps a custom API given by appId, with a note that values were not checked', () => {
    const result = buildGrantScripts(input({ api: CUSTOM_API, permissions: ['Orders.Read.All'] }), catalog);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.powershell).toContain(`$resourceAppId = '${CUSTOM_API}'`);
    expect(result.warnings.map((w) => w.code)).toContain('app-role-id-unknown');
    expect(bashSyntaxCheck(result.azureCli).status).toBe(0);
  });
});

describe('mentionsRetiredModule', () => {
  it.each([
    ['New-AzureADServiceAppRoleAssignment -ObjectId x', 'AzureAD', 'New-MgServicePrincipalAppRoleAssignment'],
    ['Connect-AzureAD', 'AzureAD', 'Connect-MgGraph'],
    ['Install-Module AzureAD', 'AzureAD', null],
    ['I used the AzureAD module', 'AzureAD', null],
    ['Import-Module AzureADPreview', 'AzureAD', null],
    ['Connect-MsolService', 'MSOnline', 'Connect-MgGraph'],
    ['Install-Module MSOnline', 'MSOnline', null],
  ])('spots %s', (text, module, replacement) => {
    const m = mentionsRetiredModule(text);
    expect(m?.module).toBe(module);
    expect(m?.replacement).toBe(replacement);
    expect(m?.message).toContain('retired');
  });

  it.each(['Connect-MgGraph -Scopes User.Read.All', 'Azure AD is now Entra ID', 'az rest --method get', ''])(
    'ignores %j',
    (text) => {
      expect(mentionsRetiredModule(text)).toBeNull();
    },
  );
});
