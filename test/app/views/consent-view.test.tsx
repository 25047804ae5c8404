import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCatalog, type Catalog } from '../../../src/catalog';
import ConsentView from '../../../src/app/views/consent-view';
import type { ViewProps } from '../../../src/app/view-props';
import {
  CLIENT_APP_ID,
  MI_OID,
  TENANT_ID,
  defenderManagedIdentity,
  graphAppOnlyV2,
  makeToken,
} from '../../fixtures/make-token';
import { inspectedToken } from '../../fixtures/inspected';

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

const MI_CLIENT = 'eeeeeeee-0000-0000-0000-000000000005';
const MI_LINK =
  `tenant=${TENANT_ID}&client_id=${MI_CLIENT}` +
  '&scope=https%3A%2F%2Fapi.securitycenter.microsoft.com%2FMachine.Isolate&cloud=public';

describe('consent view for a managed identity', () => {
  it('builds no consent link for the managed identity of the inspected token, says why and links to Grant, prefilled', () => {
    render(
      <ConsentView {...props(MI_LINK, { token: inspectedToken(makeToken(defenderManagedIdentity())) })} />,
    );
    expect(urlBox()).toBeNull();
    expect(screen.queryByRole('link', { name: 'Open' })).toBeNull();
    const result = screen.getByRole('region', { name: 'Admin consent link' });
    expect(within(result).getByRole('heading')).toHaveTextContent('No consent link for a managed identity');
    expect(result).toHaveTextContent(
      'Managed identities cannot be granted permissions through a consent link',
    );
    expect(result).toHaveTextContent('An app role is assigned to their service principal');
    const grant = within(result).getByRole('link', { name: 'Assign the app role on the Grant page' });
    const href = new URLSearchParams(grant.getAttribute('href')!.replace(/^#grant&/, ''));
    expect(Object.fromEntries(href)).toEqual({
      principal_id: MI_OID,
      api: 'https://api.securitycenter.microsoft.com',
      permission: 'Machine.Isolate',
      cloud: 'public',
    });
  });

  it('still builds the link for another app while a managed identity token is inspected', () => {
    render(
      <ConsentView
        {...props(`${MI_LINK.replace(MI_CLIENT, CLIENT)}&redirect_uri=https%3A%2F%2Fapp.contoso.com%2Fcb`, {
          token: inspectedToken(makeToken(defenderManagedIdentity())),
        })}
      />,
    );
    expect(urlBox()).not.toBeNull();
  });

  it('makes the prefill note a real link to the Grant page', async () => {
    const user = userEvent.setup();
    render(<ConsentView {...props('', { token: inspectedToken(makeToken(defenderManagedIdentity())) })} />);
    await user.click(screen.getByRole('button', { name: 'Prefill from the inspected token' }));
    const note = screen.getByRole('status');
    expect(note).toHaveTextContent('This token is from a managed identity');
    expect(within(note).getByRole('link', { name: 'Assign them on the Grant page' })).toHaveAttribute(
      'href',
      `#grant&principal_id=${MI_OID}&api=https%3A%2F%2Fapi.securitycenter.microsoft.com&cloud=public`,
    );
    expect(screen.getByLabelText('Client ID')).toHaveValue(MI_CLIENT);
    expect(urlBox()).toBeNull();
  });

  it('links the intro to the Grant page', () => {
    render(<ConsentView {...props('')} />);
    expect(screen.getByRole('link', { name: 'grant scripts' })).toHaveAttribute('href', '#grant');
  });
});

const LINK_NOTICE = 'These values came from a link: check the app and permissions before you open it.';

async function fill(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  const box = screen.getByLabelText(label);
  await user.clear(box);
  await user.click(box);
  await user.paste(text);
}

describe('consent view filled from a link', () => {
  it('says so above the link', () => {
    render(<ConsentView {...props(DEEP)} />);
    const result = screen.getByRole('region', { name: 'Admin consent link' });
    const notice = within(result).getByText(LINK_NOTICE);
    const url = within(result).getByLabelText('Admin consent URL');
    expect(notice.compareDocumentPosition(url) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says nothing when the person typed every value', async () => {
    const user = userEvent.setup();
    render(<ConsentView {...props('')} />);
    await fill(user, 'Tenant', 'contoso.onmicrosoft.com');
    await fill(user, 'Client ID', CLIENT);
    await fill(user, 'Redirect URI', 'https://app.contoso.com/cb');
    await fill(user, 'Permissions', 'https://graph.microsoft.com/User.Read');
    expect(urlBox()).not.toBeNull();
    expect(screen.queryByText(LINK_NOTICE)).toBeNull();
  });

  it('stops saying so once every value from the link was replaced', async () => {
    const user = userEvent.setup();
    render(<ConsentView {...props(`client_id=${CLIENT}`)} />);
    await fill(user, 'Tenant', 'contoso.onmicrosoft.com');
    await fill(user, 'Redirect URI', 'https://app.contoso.com/cb');
    await fill(user, 'Permissions', 'https://graph.microsoft.com/User.Read');
    expect(screen.getByText(LINK_NOTICE)).toBeInTheDocument();
    await fill(user, 'Client ID', CLIENT.replace('0000', '9999'));
    expect(urlBox()).not.toBeNull();
    expect(screen.queryByText(LINK_NOTICE)).toBeNull();
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'treats the prototype-named value "%s" in every field as text',
    (name) => {
      render(
        <ConsentView
          {...props(
            `tenant=${name}&client_id=${name}&redirect_uri=${name}&scope=${name}&cloud=${name}&type=${name}`,
          )}
        />,
      );
      expect(urlBox()).toBeNull();
      expect(screen.getByText(/The link appears once these are fixed/)).toBeInTheDocument();
      expect(screen.getByLabelText('Client ID')).toHaveValue(name);
    },
  );
});
