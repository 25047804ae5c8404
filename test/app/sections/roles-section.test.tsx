import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/catalog';
import { loadCatalog } from '../../../src/catalog';
import RolesSection from '../../../src/app/sections/roles-section';
import type { SectionProps } from '../../../src/app/view-props';
import { inspectedFrom } from '../../fixtures/inspected';
import { makeToken, graphDelegatedV1, graphAppOnlyV2 } from '../../fixtures/make-token';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const props = (token: string | null, withCatalog: boolean): SectionProps => ({
  inspected: inspectedFrom(token, { checkedAt: new Date('2026-01-01T00:00:00Z') }),
  catalog: withCatalog ? catalog : null,
});

const userToken = (extra: Record<string, unknown>) => makeToken({ ...graphDelegatedV1(), ...extra });

describe('RolesSection', () => {
  const wids = [
    '62e90394-69f5-4237-9190-012177145e10',
    '5d6b6bb7-de71-4623-b4af-96380a352509',
    'b79fbf4d-3ef9-4689-8143-76b194e85509',
    '11111111-2222-3333-4444-555555555555',
  ];

  it('lists each wids entry by name once the catalog arrives', () => {
    const token = userToken({ wids });
    const { rerender } = render(<RolesSection {...props(token, false)} />);
    const region = screen.getByRole('region', { name: 'Directory roles' });
    expect(within(region).getByText('62e90394-69f5-4237-9190-012177145e10')).toBeInTheDocument();
    expect(within(region).queryByText('Global Administrator')).toBeNull();

    rerender(<RolesSection {...props(token, true)} />);
    expect(within(region).getByText('Global Administrator')).toBeInTheDocument();
    expect(within(region).getByText('Security Reader')).toBeInTheDocument();
    expect(within(region).getAllByText('Security role')).toHaveLength(2);
    expect(within(region).getAllByText('Privileged').length).toBeGreaterThanOrEqual(2);
    expect(within(region).getByText('Default member')).toBeInTheDocument();
    expect(within(region).getByText('11111111-2222-3333-4444-555555555555')).toBeInTheDocument();
    expect(region).toHaveTextContent(`not in the catalog (as of ${catalog.generatedAt})`);
  });

  it('says when a user token has no wids, pointing to the auth code flow', () => {
    const payload = graphDelegatedV1();
    delete payload.wids;
    render(<RolesSection {...props(makeToken(payload), true)} />);
    const region = screen.getByRole('region', { name: 'Directory roles' });
    expect(region).toHaveTextContent('has no wids claim');
    expect(region).toHaveTextContent('authorization code flow');
    expect(within(region).getByRole('link', { name: 'Learn more' })).toHaveAttribute(
      'href',
      'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow',
    );
  });

  it('says app-only tokens carry no roles', () => {
    const payload = graphAppOnlyV2();
    delete payload.wids;
    render(<RolesSection {...props(makeToken(payload), true)} />);
    expect(screen.getByRole('region', { name: 'Directory roles' })).toHaveTextContent(
      'App-only tokens carry no directory roles',
    );
  });
});
