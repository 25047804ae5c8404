import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalog, type Catalog } from '../../src/catalog';
import ConsentView from '../../src/app/views/consent-view';
import type { ViewProps } from '../../src/app/view-props';
import { CLIENT_APP_ID, TENANT_ID, graphAppOnlyV2, makeToken } from '../fixtures/make-token';
import { inspectedToken } from '../fixtures/inspected';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const CLIENT = '00001111-aaaa-2222-bbbb-3333cccc4444';
const DEEP =
  `tenant=contoso.onmicrosoft.com&client_id=${CLIENT}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default` +
  '&redirect_uri=https%3A%2F%2Fapp.contoso.com%2Fcb%3Fa%3D1%26b%3D2&cloud=public';

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

const urlBox = () => screen.queryByLabelText('Admin consent URL') as HTMLTextAreaElement | null;

describe('consent view', () => {
  it('builds the URL from a deep link', () => {
    render(<ConsentView {...props(DEEP)} />);
    const box = urlBox();
    expect(box).not.toBeNull();
    const url = new URL(box!.value);
    expect(url.origin + url.pathname).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/adminconsent',
    );
    expect(url.searchParams.get('redirect_uri')).toBe('https://app.contoso.com/cb?a=1&b=2');
    expect(url.searchParams.get('scope')).toBe('https://graph.microsoft.com/.default');
    expect(screen.getByRole('link', { name: 'Open' })).toHaveAttribute('href', box!.value);
    expect(screen.getByRole('link', { name: 'Open' })).toHaveAttribute('rel', 'noreferrer noopener');
    expect(screen.getByRole('link', { name: 'Open' })).toHaveAttribute('target', '_blank');
    const who = screen.getByRole('region', { name: 'Who can grant it' });
    expect(within(who).getByText(/Privileged Role Administrator/, { selector: 'p' })).toBeInTheDocument();
    const back = screen.getByRole('region', { name: 'What the redirect carries back' });
    expect(within(back).getByText('admin_consent')).toBeInTheDocument();
    expect(within(back).getByText('error_description')).toBeInTheDocument();
  });

  it('shows no URL while input is invalid, and says why beside the field', async () => {
    const user = userEvent.setup();
    render(<ConsentView {...props(DEEP)} />);
    const client = screen.getByLabelText('Client ID');
    await user.clear(client);
    await user.type(client, 'my-app');
    expect(urlBox()).toBeNull();
    expect(client).toHaveAttribute('aria-invalid', 'true');
    expect(client).toHaveAccessibleDescription(expect.stringContaining('The client ID must be a GUID'));
    expect(screen.getByText(/The link appears once these are fixed/)).toBeInTheDocument();
  });

  it('refuses common with the reason', async () => {
    render(<ConsentView {...props(DEEP.replace('contoso.onmicrosoft.com', 'common'))} />);
    expect(urlBox()).toBeNull();
    expect(screen.getByLabelText('Tenant')).toHaveAccessibleDescription(
      expect.stringContaining('Admin consent needs a tenant'),
    );
  });

  it('draws a new state when the input changes', async () => {
    const user = userEvent.setup();
    render(<ConsentView {...props(DEEP)} />);
    const first = new URL(urlBox()!.value).searchParams.get('state');
    await user.click(screen.getByLabelText('v1.0 form'));
    const second = new URL(urlBox()!.value).searchParams.get('state');
    expect(second).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(second).not.toBe(first);
    expect((screen.getByLabelText('Admin consent URL (v1.0 form)') as HTMLTextAreaElement).value).toContain(
      `/contoso.onmicrosoft.com/adminconsent?client_id=${CLIENT}`,
    );
  });

  it('copies the URL and says Copied', async () => {
    const user = userEvent.setup();
    render(<ConsentView {...props(DEEP)} />);
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByText('Copied')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toBe(urlBox()!.value);
  });

  it('prefills tenant, client and cloud from the inspected token', async () => {
    const user = userEvent.setup();
    render(<ConsentView {...props('', { token: inspectedToken(makeToken(graphAppOnlyV2())) })} />);
    await user.click(screen.getByRole('button', { name: 'Prefill from the inspected token' }));
    expect(screen.getByLabelText('Tenant')).toHaveValue(TENANT_ID);
    expect(screen.getByLabelText('Client ID')).toHaveValue(CLIENT_APP_ID);
    expect(screen.getByLabelText('Cloud')).toHaveValue('public');
    expect(screen.getByLabelText('Permission type')).toHaveValue('application');
    expect(
      screen.getByText(/Filled tenant, client ID, cloud, permission type from the token/),
    ).toBeInTheDocument();
  });

  it('asks for .default when the permission type is application', async () => {
    const user = userEvent.setup();
    render(<ConsentView {...props(DEEP.replace('%2F.default', '%2FUser.Read.All'))} />);
    expect(new URL(urlBox()!.value).searchParams.get('scope')).toBe(
      'https://graph.microsoft.com/User.Read.All',
    );
    expect(screen.getByRole('region', { name: 'User consent link' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Permission type'), 'application');
    expect(new URL(urlBox()!.value).searchParams.get('scope')).toBe('https://graph.microsoft.com/.default');
    expect(screen.getByText(/Add User.Read.All under API permissions/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'User consent link' })).toBeNull();
  });

  it('adds a permission picked from the catalog search', async () => {
    const user = userEvent.setup();
    render(<ConsentView {...props(DEEP)} />);
    await user.type(screen.getByLabelText('Search permissions'), 'Machine.Isolate');
    await user.click(
      await screen.findByRole('button', {
        name: 'Add https://api.securitycenter.microsoft.com/Machine.Isolate',
      }),
    );
    expect(screen.getByLabelText('Permissions')).toHaveValue(
      'https://graph.microsoft.com/.default\nhttps://api.securitycenter.microsoft.com/Machine.Isolate',
    );
    expect(new URL(urlBox()!.value).searchParams.get('scope')).toBe(
      'https://graph.microsoft.com/.default https://api.securitycenter.microsoft.com/Machine.Isolate',
    );
  });

  it('defaults a diagnosis link to application permissions when the inspected token is app-only', () => {
    render(
      <ConsentView
        {...props(DEEP.replace('%2F.default', '%2FUser.Read.All'), {
          token: inspectedToken(makeToken(graphAppOnlyV2())),
        })}
      />,
    );
    expect(screen.getByLabelText('Permission type')).toHaveValue('application');
    expect(new URL(urlBox()!.value).searchParams.get('scope')).toBe('https://graph.microsoft.com/.default');
    expect(screen.getByText(/the inspected token is app-only/)).toBeInTheDocument();
  });

  it('keeps an explicit type=delegated from the link', () => {
    render(
      <ConsentView
        {...props(`${DEEP}&type=delegated`, { token: inspectedToken(makeToken(graphAppOnlyV2())) })}
      />,
    );
    expect(screen.getByLabelText('Permission type')).toHaveValue('delegated');
  });

  it('offers no prefill button without a token', () => {
    render(<ConsentView {...props(DEEP)} />);
    expect(screen.queryByRole('button', { name: 'Prefill from the inspected token' })).toBeNull();
  });

  it('says the catalog is loading instead of building a URL', () => {
    render(<ConsentView {...props(DEEP, { catalog: null })} />);
    expect(urlBox()).toBeNull();
    expect(screen.getAllByText('Loading the permission catalog…').length).toBeGreaterThan(0);
  });
});
