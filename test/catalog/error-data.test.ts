import { describe, expect, it } from 'vitest';
import { aadstsName, loadAadstsNames } from '../../src/catalog/aadsts-names';
import { findRolesGranting, loadAzureRoles, patternCovers } from '../../src/catalog/azure-roles';

describe('AADSTS list', () => {
  it('has every code with its short name, keyed safely', async () => {
    const data = await loadAadstsNames();
    expect(data.names.size).toBe(345);
    expect(aadstsName(data, 'AADSTS50076')).toBe('UserStrongAuthClientAuthNRequired');
    expect(aadstsName(data, '65001')).toBe('DelegationDoesNotExist');
    for (const key of ['constructor', '__proto__', 'toString']) expect(aadstsName(data, key)).toBeNull();
  });
});

describe('Azure roles', () => {
  it.each([
    ['*', 'Microsoft.Storage/storageAccounts/read', true],
    ['Microsoft.Storage/*', 'microsoft.storage/storageaccounts/read', true],
    ['*/read', 'Microsoft.Compute/virtualMachines/read', true],
    ['*/read', 'Microsoft.Compute/virtualMachines/write', false],
    ['Microsoft.KeyVault/vaults/secrets/*', 'Microsoft.KeyVault/vaults/secrets/getSecret/action', true],
    ['Microsoft.KeyVault/vaults/keys/*', 'Microsoft.KeyVault/vaults/secrets/getSecret/action', false],
  ])('pattern %s covers %s: %s', (pattern, op, expected) => {
    expect(patternCovers(pattern, op)).toBe(expected);
  });

  it('keeps data actions apart from actions: Owner grants no blob read', async () => {
    const data = await loadAzureRoles();
    const op = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read';
    const names = findRolesGranting(data, op, true).map((m) => m.role.name);
    expect(names).toContain('Storage Blob Data Reader');
    expect(names).not.toContain('Owner');
    expect(names.indexOf('Storage Blob Data Reader')).toBeLessThan(names.indexOf('Storage Blob Data Owner'));
  });

  it('applies notActions', async () => {
    const data = await loadAzureRoles();
    const names = findRolesGranting(data, 'Microsoft.Authorization/roleAssignments/write', false).map(
      (m) => m.role.name,
    );
    expect(names).toContain('Owner');
    expect(names).not.toContain('Contributor');
  });
});
