import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalog, type Catalog } from '../../../src/catalog';
import GrantView from '../../../src/app/views/grant-view';
import type { ViewProps } from '../../../src/app/view-props';
import { MI_OID, defenderManagedIdentity, makeToken } from '../../fixtures/make-token';
import { inspectedToken } from '../../fixtures/inspected';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const PRINCIPAL = 'aaaaaaaa-0000-0000-0000-000000000042';
const CUSTOM_API = '11112222-aaaa-bbbb-cccc-333344445555';

function props(query: string, over: Partial<ViewProps> = {}): ViewProps {
  return {
    params: new URLSearchParams(query),
    token: null,
    onToken: vi.fn(),
    catalog,
    now: new Date('2030-01-01T00:00:00Z'),
    navigate: vi.fn(),
    ...over,
  };
}

describe('grant view', () => {
  it('shows the three scripts for a deep link', () => {
    render(
      <GrantView
        {...props(`principal_id=${PRINCIPAL}&api=${CUSTOM_API}&permission=Orders.Read.All,Orders.Write.All`)}
      />,
    );
    const region = screen.getByRole('region', { name: 'Grant script' });
    const ps = within(region).getByLabelText('Microsoft Graph PowerShell script');
    expect(ps).toHaveTextContent(`$principalId = '${PRINCIPAL}'`);
    expect(ps).toHaveTextContent("$roleValues = @('Orders.Read.All', 'Orders.Write.All')");
    expect(within(region).getByLabelText('Azure CLI (bash) script')).toHaveTextContent('set -euo pipefail');
    expect(within(region).getByLabelText('Microsoft Graph request script')).toHaveTextContent(
      `POST https://graph.microsoft.com/v1.0/servicePrincipals/${PRINCIPAL}/appRoleAssignments`,
    );
  });

  it('prefills the managed identity and its API from the inspected token', async () => {
    const user = userEvent.setup();
    render(
      <GrantView
        {...props('permission=Machine.Isolate', {
          token: inspectedToken(makeToken(defenderManagedIdentity())),
        })}
      />,
    );
    await user.click(screen.getByRole('button', { name: 'Prefill from the inspected token' }));
    expect(screen.getByLabelText('Principal object ID')).toHaveValue(MI_OID);
    const region = screen.getByRole('region', { name: 'Grant script' });
    expect(within(region).getByLabelText('Microsoft Graph PowerShell script')).toHaveTextContent(
      "$resourceAppId = 'fc780465-2017-40d4-a0c5-307022471b92'",
    );
  });

  it('says managed identities cannot use a consent link', () => {
    render(<GrantView {...props('')} />);
    expect(screen.getByRole('note')).toHaveTextContent('No consent link can grant them app roles');
  });

  it('explains a principal that is not an object ID, and shows no script', async () => {
    const user = userEvent.setup();
    render(<GrantView {...props(`api=${CUSTOM_API}&permission=Orders.Read.All`)} />);
    await user.type(screen.getByLabelText('Principal object ID'), 'my-identity');
    const region = screen.getByRole('region', { name: 'Grant script' });
    expect(within(region).queryByLabelText('Microsoft Graph PowerShell script')).toBeNull();
    expect(screen.getByLabelText('Principal object ID')).toHaveAccessibleDescription(
      expect.stringContaining('must be an object ID'),
    );
  });

  it('copies a script', async () => {
    const user = userEvent.setup();
    render(
      <GrantView {...props(`principal_id=${PRINCIPAL}&api=${CUSTOM_API}&permission=Orders.Read.All`)} />,
    );
    await user.click(screen.getByRole('button', { name: 'Copy Azure CLI (bash)' }));
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toContain(`principal_id='${PRINCIPAL}'`);
  });

  it('says the AzureAD module is retired when the person mentions it', async () => {
    const user = userEvent.setup();
    render(<GrantView {...props('')} />);
    await user.type(
      screen.getByLabelText('Command you tried (optional)'),
      'New-AzureADServiceAppRoleAssignment -ObjectId x',
    );
    expect(
      screen.getByText(
        /is retired\. Use Microsoft Graph PowerShell \(New-MgServicePrincipalAppRoleAssignment\)/,
      ),
    ).toBeInTheDocument();
  });
});

const LINK_NOTICE = 'These values came from a link: check the app and permissions before you open it.';

describe('grant view filled from a link', () => {
  it('says so above the scripts', () => {
    render(
      <GrantView {...props(`principal_id=${PRINCIPAL}&api=${CUSTOM_API}&permission=Orders.Read.All`)} />,
    );
    const region = screen.getByRole('region', { name: 'Grant script' });
    const notice = within(region).getByText(LINK_NOTICE);
    const ps = within(region).getByLabelText('Microsoft Graph PowerShell script');
    expect(notice.compareDocumentPosition(ps) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says nothing for values taken from the inspected token', async () => {
    const user = userEvent.setup();
    render(<GrantView {...props('', { token: inspectedToken(makeToken(defenderManagedIdentity())) })} />);
    await user.click(screen.getByRole('button', { name: 'Prefill from the inspected token' }));
    await user.type(screen.getByLabelText('Permissions'), 'Machine.Isolate');
    expect(
      within(screen.getByRole('region', { name: 'Grant script' })).getByLabelText(
        'Microsoft Graph PowerShell script',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(LINK_NOTICE)).toBeNull();
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'says the API "%s" is unknown instead of failing',
    (name) => {
      render(
        <GrantView {...props(`principal_id=${PRINCIPAL}&api=${name}&permission=${name}&cloud=${name}`)} />,
      );
      expect(screen.getByLabelText('API')).toHaveAccessibleDescription(
        expect.stringContaining(`"${name}" is not an API the catalog knows`),
      );
      expect(screen.getByLabelText('Cloud')).toHaveValue('public');
    },
  );
});
