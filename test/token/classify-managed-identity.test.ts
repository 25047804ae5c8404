import { describe, expect, it } from 'vitest';
import { parseManagedIdentityResource } from '../../src/token';

const SUB = '11111111-2222-3333-4444-555555555555';

describe('parseManagedIdentityResource', () => {
  it.each([
    [
      'a VM (system-assigned)',
      `/subscriptions/${SUB}/resourceGroups/rg-vm/providers/Microsoft.Compute/virtualMachines/vm-01`,
      {
        resourceGroup: 'rg-vm',
        resourceType: 'Microsoft.Compute/virtualMachines',
        name: 'vm-01',
        userAssigned: false,
        typeLabel: 'Virtual machine',
      },
    ],
    [
      'an App Service app',
      `/subscriptions/${SUB}/resourcegroups/rg-web/providers/Microsoft.Web/sites/app-01`,
      {
        resourceGroup: 'rg-web',
        resourceType: 'Microsoft.Web/sites',
        name: 'app-01',
        userAssigned: false,
        typeLabel: 'App Service / Functions app',
      },
    ],
    [
      'an App Service slot',
      `/subscriptions/${SUB}/resourcegroups/rg-web/providers/Microsoft.Web/sites/app-01/slots/staging`,
      {
        resourceGroup: 'rg-web',
        resourceType: 'Microsoft.Web/sites/slots',
        name: 'staging',
        userAssigned: false,
        typeLabel: 'Microsoft.Web/sites/slots',
      },
    ],
    [
      'a user-assigned identity',
      `/subscriptions/${SUB}/resourcegroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-01`,
      {
        resourceGroup: 'rg-id',
        resourceType: 'Microsoft.ManagedIdentity/userAssignedIdentities',
        name: 'id-01',
        userAssigned: true,
        typeLabel: 'User-assigned managed identity',
      },
    ],
    [
      'an unlisted type, shown as written',
      `/SUBSCRIPTIONS/${SUB}/RESOURCEGROUPS/rg/PROVIDERS/Microsoft.Sql/servers/sql-01`,
      {
        resourceGroup: 'rg',
        resourceType: 'Microsoft.Sql/servers',
        name: 'sql-01',
        userAssigned: false,
        typeLabel: 'Microsoft.Sql/servers',
      },
    ],
  ])('reads %s', (_name, id, expected) => {
    expect(parseManagedIdentityResource(id)).toEqual({ resourceId: id, subscriptionId: SUB, ...expected });
  });

  it.each([
    ['not a path', 'vm-01', { subscriptionId: null, resourceGroup: null, name: 'vm-01' }],
    ['empty', '', { subscriptionId: null, resourceGroup: null, name: null }],
    [
      'no providers segment',
      `/subscriptions/${SUB}/resourcegroups/rg`,
      { subscriptionId: SUB, resourceGroup: 'rg', name: 'rg' },
    ],
    [
      'a truncated provider part',
      `/subscriptions/${SUB}/resourcegroups/rg/providers/Microsoft.Web/sites`,
      { subscriptionId: SUB, resourceGroup: 'rg', name: 'sites' },
    ],
    [
      'a key with no value',
      '/subscriptions',
      { subscriptionId: null, resourceGroup: null, name: 'subscriptions' },
    ],
    [
      'a prototype key',
      '/constructor/__proto__',
      { subscriptionId: null, resourceGroup: null, name: '__proto__' },
    ],
  ])('keeps a malformed xms_mirid (%s) as its raw ID and last segment', (_name, id, expected) => {
    expect(parseManagedIdentityResource(id)).toEqual({
      resourceId: id,
      resourceType: null,
      userAssigned: false,
      typeLabel: null,
      ...expected,
    });
  });

  it('does not read an ID longer than any Azure resource ID', () => {
    const id = `/subscriptions/${SUB}/${'x/'.repeat(2000)}`;
    expect(parseManagedIdentityResource(id)).toMatchObject({
      resourceId: id,
      subscriptionId: null,
      name: null,
    });
  });
});
