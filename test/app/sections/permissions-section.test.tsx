import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/catalog';
import { loadCatalog } from '../../../src/catalog';
import PermissionsSection from '../../../src/app/sections/permissions-section';
import type { SectionProps } from '../../../src/app/view-props';
import { inspectedFrom } from '../../fixtures/inspected';
import { makeToken, graphDelegatedV1, graphAppOnlyV2, idTokenV2 } from '../../fixtures/make-token';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const props = (token: string | null, withCatalog: boolean): SectionProps => ({
  inspected: inspectedFrom(token, { checkedAt: new Date('2026-01-01T00:00:00Z') }),
  catalog: withCatalog ? catalog : null,
});

const userToken = (extra: Record<string, unknown>) => makeToken({ ...graphDelegatedV1(), ...extra });

describe('PermissionsSection', () => {
  it('shows raw values and types before the catalog arrives, then fills in names in the same rows', () => {
    const token = userToken({ scp: 'User.Read SecurityEvents.Read.All', roles: undefined });
    const { rerender } = render(<PermissionsSection {...props(token, false)} />);
    const region = screen.getByRole('region', { name: 'Permissions' });
    const rowsBefore = within(region).getAllByRole('row');
    expect(within(region).getByRole('rowheader', { name: 'User.Read' })).toBeInTheDocument();
    expect(within(region).getAllByText('Delegated')).toHaveLength(2);
    expect(within(region).queryByText('Sign in and read user profile')).toBeNull();

    rerender(<PermissionsSection {...props(token, true)} />);
    expect(within(region).getAllByRole('row')).toHaveLength(rowsBefore.length);
    expect(within(region).getByText('Sign in and read user profile')).toBeInTheDocument();
    expect(within(region).getByText('Users can consent')).toBeInTheDocument();
    expect(within(region).getByText('Admin consent required')).toBeInTheDocument();
  });

  it('labels app roles as Application and flags a scope the API lacks', () => {
    render(
      <PermissionsSection
        {...props(makeToken({ ...graphAppOnlyV2(), roles: ['SecurityEvents.Read.All'] }), true)}
      />,
    );
    const region = screen.getByRole('region', { name: 'Permissions' });
    expect(within(region).getByRole('rowheader', { name: 'SecurityEvents.Read.All' })).toBeInTheDocument();
    expect(within(region).getByText('Application')).toBeInTheDocument();
  });

  it('flags a permission of another API', () => {
    render(<PermissionsSection {...props(userToken({ scp: 'Machine.Isolate' }), true)} />);
    expect(
      screen.getByText(
        /Machine\.Isolate is not a permission of Microsoft Graph; the catalog knows it on Microsoft Defender for Endpoint\./,
      ),
    ).toBeInTheDocument();
  });

  it('explains that ID tokens carry no permissions', () => {
    render(<PermissionsSection {...props(makeToken(idTokenV2()), true)} />);
    expect(screen.getByRole('region', { name: 'Permissions' })).toHaveTextContent(
      'ID tokens carry no permissions',
    );
  });

  it('renders nothing without a token', () => {
    const { container } = render(<PermissionsSection {...props(null, true)} />);
    expect(container).toBeEmptyDOMElement();
  });
});
