import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/catalog';
import { loadCatalog } from '../../../src/catalog';
import CatalogView from '../../../src/app/views/catalog-view';
import type { ViewProps } from '../../../src/app/view-props';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const props = (q: string | null, withCatalog = true): ViewProps => ({
  params: new URLSearchParams(q === null ? '' : `q=${encodeURIComponent(q)}`),
  token: null,
  onToken: () => {},
  catalog: withCatalog ? catalog : null,
  now: new Date('2026-01-01T00:00:00Z'),
  navigate: () => {},
});

describe('CatalogView', () => {
  it('says it is loading until the catalog arrives', () => {
    render(<CatalogView {...props(null, false)} />);
    expect(screen.getByLabelText('Search the catalog')).toBeInTheDocument();
    expect(screen.getByText('Loading the catalog…')).toBeInTheDocument();
  });

  it('opens with the search from the link and shows a permission with both IDs', async () => {
    render(<CatalogView {...props('SecurityEvents.Read.All')} />);
    expect(screen.getByLabelText('Search the catalog')).toHaveValue('SecurityEvents.Read.All');
    const detail = await screen.findByRole('region', { name: 'Catalog entry' });
    expect(detail).toHaveTextContent('64733abd-851e-478a-bffb-e47a14b18235');
    expect(detail).toHaveTextContent('bf394140-e372-4bf9-a898-299cfc7564e5');
    expect(detail).toHaveTextContent('Admin consent required');
    expect(within(detail).getAllByText('GET /security/alerts').length).toBeGreaterThan(0);
    expect(within(detail).getAllByText('Least privileged').length).toBeGreaterThan(0);
  });

  it('searches as the user types and opens a result', async () => {
    const user = userEvent.setup();
    render(<CatalogView {...props(null)} />);
    await user.type(screen.getByLabelText('Search the catalog'), 'Security Reader');
    const results = await screen.findByRole('list', { name: 'Search results' });
    await user.click(within(results).getAllByRole('button', { name: /Security Reader/ })[0]!);
    const detail = screen.getByRole('region', { name: 'Catalog entry' });
    expect(detail).toHaveTextContent('5d6b6bb7-de71-4623-b4af-96380a352509');
  });

  it('shows the Defender endpoints that accept a Defender permission', async () => {
    render(<CatalogView {...props('Machine.Isolate')} />);
    const detail = await screen.findByRole('region', { name: 'Catalog entry' });
    expect(detail).toHaveTextContent('Defender endpoints that accept it');
    expect(within(detail).getAllByText('POST /api/machines/{id}/isolate').length).toBeGreaterThan(0);
    expect(detail).toHaveTextContent('Not in the sources');
  });

  it('shows a Graph path with its permissions, least privileged first', async () => {
    const user = userEvent.setup();
    render(<CatalogView {...props('/security/alerts')} />);
    const results = await screen.findByRole('list', { name: 'Search results' });
    await user.click(within(results).getAllByRole('button', { name: /\/security\/alerts$/ })[0]!);
    const detail = screen.getByRole('region', { name: 'Catalog entry' });
    const first = within(detail).getAllByRole('listitem')[0];
    expect(first).toHaveTextContent('SecurityEvents.Read.All');
  });
});
