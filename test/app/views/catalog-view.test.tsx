import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/catalog';
import { loadCatalog } from '../../../src/catalog';
import CatalogView from '../../../src/app/views/catalog-view';
import type { ViewProps } from '../../../src/app/view-props';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});
afterEach(() => {
  window.history.replaceState(null, '', '/');
});

const props = (query: string, withCatalog = true): ViewProps => ({
  params: new URLSearchParams(query),
  token: null,
  onToken: () => {},
  catalog: withCatalog ? catalog : null,
  now: new Date('2026-01-01T00:00:00Z'),
  navigate: () => {},
});
const q = (text: string) => `q=${encodeURIComponent(text)}`;

describe('CatalogView', () => {
  it('says what it is loading until the catalog arrives', () => {
    render(<CatalogView {...props('', false)} />);
    expect(screen.getByLabelText('Search the catalog')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(
      'Loading the catalog: Graph and Defender permissions, directory roles and Microsoft applications…',
    );
  });

  it('opens with the search from the link and shows a permission with both IDs', async () => {
    render(<CatalogView {...props(q('SecurityEvents.Read.All'))} />);
    expect(screen.getByLabelText('Search the catalog')).toHaveValue('SecurityEvents.Read.All');
    const detail = await screen.findByRole('region', { name: 'Catalog entry' });
    expect(detail).toHaveTextContent('64733abd-851e-478a-bffb-e47a14b18235');
    expect(detail).toHaveTextContent('bf394140-e372-4bf9-a898-299cfc7564e5');
    expect(detail).toHaveTextContent('Admin consent required');
    expect(within(detail).getAllByText('GET /security/alerts').length).toBeGreaterThan(0);
    expect(within(detail).getAllByText('Least privileged').length).toBeGreaterThan(0);
  });

  it('explains the privilege level in words', async () => {
    render(<CatalogView {...props(q('SecurityEvents.Read.All'))} />);
    const detail = await screen.findByRole('region', { name: 'Catalog entry' });
    expect(detail).toHaveTextContent(
      /Level \d of 4 \(Microsoft's rating of how much the permission can reach/,
    );
  });

  it('searches as the user types and opens a result', async () => {
    const user = userEvent.setup();
    render(<CatalogView {...props('')} />);
    await user.type(screen.getByLabelText('Search the catalog'), 'Security Reader');
    const results = await screen.findByRole('list', { name: 'Search results' });
    await user.click(within(results).getAllByRole('button', { name: /Security Reader/ })[0]!);
    const detail = screen.getByRole('region', { name: 'Catalog entry' });
    expect(detail).toHaveTextContent('5d6b6bb7-de71-4623-b4af-96380a352509');
  }, 15_000);

  it('keeps what is typed in the address, with replaceState and no new history entry', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/#catalog');
    const before = window.history.length;
    render(<CatalogView {...props('')} />);
    await user.type(screen.getByLabelText('Search the catalog'), 'mail read');
    expect(window.location.hash).toBe('#catalog&q=mail+read');
    expect(new URLSearchParams(window.location.hash.slice('#catalog&'.length)).get('q')).toBe('mail read');
    expect(window.history.length).toBe(before);
    await user.clear(screen.getByLabelText('Search the catalog'));
    expect(window.location.hash).toBe('#catalog');
  }, 15_000);

  it('finds a permission from words in any order, without dots, and opens the exact one', async () => {
    render(<CatalogView {...props(q('read securityalert all'))} />);
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(within(results).getAllByRole('button')[0]).toHaveTextContent('SecurityAlert.Read.All');
    render(<CatalogView {...props(q('securityalert read all'))} />);
    expect(await screen.findByRole('region', { name: 'Catalog entry' })).toHaveTextContent(
      'SecurityAlert.Read.All',
    );
  });

  it.each([
    ['5d6b6bb7-de71-4623-b4af-96380a352509', '1 match.'],
    ['no such permission anywhere', 'No matches.'],
  ])('counts the matches for %j as %j', async (text, count) => {
    render(<CatalogView {...props(q(text))} />);
    expect(await screen.findByRole('status')).toHaveTextContent(count);
  });

  it('says "N matches" and shows more on request', async () => {
    const user = userEvent.setup();
    render(<CatalogView {...props(q('read'))} />);
    const status = await screen.findByRole('status');
    const total = Number(/^(\d+) matches; showing the first 50\.$/.exec(status.textContent ?? '')?.[1]);
    expect(total).toBeGreaterThan(100);
    const results = screen.getByRole('list', { name: 'Search results' });
    expect(within(results).getAllByRole('listitem')).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(within(results).getAllByRole('listitem')).toHaveLength(100);
    expect(status).toHaveTextContent(`${total} matches; showing the first 100.`);
  });

  it('lists a directory role template ID as the role only, never as an app', async () => {
    render(<CatalogView {...props(q('62e90394-69f5-4237-9190-012177145e10'))} />);
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(within(results).getAllByRole('listitem')).toHaveLength(1);
    expect(results).toHaveTextContent('Directory role');
    expect(results).not.toHaveTextContent('Application');
  });
});

describe('CatalogView by API', () => {
  it('offers the APIs to browse as links before anything is typed', async () => {
    render(<CatalogView {...props('')} />);
    const nav = await screen.findByRole('navigation', { name: 'Browse by API' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      ['Microsoft Graph', '#catalog&api=microsoft-graph'],
      ['Microsoft Defender for Endpoint', '#catalog&api=microsoft-defender-for-endpoint'],
      ['Microsoft Defender XDR', '#catalog&api=microsoft-defender-xdr'],
    ]);
    expect(nav).toHaveTextContent(/Microsoft Graph \d+ permissions/);
  });

  it("lists an API's permissions from the link", async () => {
    render(<CatalogView {...props('api=microsoft-defender-xdr')} />);
    expect(await screen.findByRole('status')).toHaveTextContent('6 matches in Microsoft Defender XDR.');
    const results = screen.getByRole('list', { name: 'Search results' });
    expect(results).toHaveTextContent('Incident.Read.All');
    expect(results).not.toHaveTextContent('Microsoft Graph');
    expect(screen.getByLabelText('API')).toHaveValue('microsoft-defender-xdr');
  });

  it('narrows a search to the API chosen and keeps the choice in the address', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', `/#catalog&${q('alert read')}`);
    render(<CatalogView {...props(q('alert read'))} />);
    await screen.findByRole('list', { name: 'Search results' });
    await user.selectOptions(screen.getByLabelText('API'), 'microsoft-defender-for-endpoint');
    expect(window.location.hash).toBe('#catalog&api=microsoft-defender-for-endpoint&q=alert+read');
    const results = screen.getByRole('list', { name: 'Search results' });
    for (const item of within(results).getAllByRole('listitem')) {
      expect(item).toHaveTextContent('Microsoft Defender for Endpoint');
    }
  });
});

describe('CatalogView details', () => {
  it('shows the Defender endpoints that accept a Defender permission', async () => {
    render(<CatalogView {...props(q('Machine.Isolate'))} />);
    const detail = await screen.findByRole('region', { name: 'Catalog entry' });
    expect(detail).toHaveTextContent('Defender endpoints that accept it');
    expect(within(detail).getAllByText('POST /api/machines/{id}/isolate').length).toBeGreaterThan(0);
    expect(detail).toHaveTextContent('Not in the sources');
  });

  it('shows a Graph path with its permissions, least privileged first', async () => {
    const user = userEvent.setup();
    render(<CatalogView {...props(q('/security/alerts'))} />);
    const results = await screen.findByRole('list', { name: 'Search results' });
    await user.click(within(results).getAllByRole('button', { name: /\/security\/alerts$/ })[0]!);
    const detail = screen.getByRole('region', { name: 'Catalog entry' });
    const first = within(detail).getAllByRole('listitem')[0];
    expect(first).toHaveTextContent('SecurityEvents.Read.All');
  });

  it("links an API's entry to its permission list", async () => {
    render(<CatalogView {...props(q('microsoft graph'))} />);
    const results = await screen.findByRole('list', { name: 'Search results' });
    await userEvent.setup().click(within(results).getAllByRole('button', { name: /^API/ })[0]!);
    const detail = screen.getByRole('region', { name: 'Catalog entry' });
    expect(within(detail).getByRole('link', { name: 'List its permissions' })).toHaveAttribute(
      'href',
      '#catalog&api=microsoft-graph',
    );
  });
});
