import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import ErrorSection from '../../src/app/sections/error-section';
import VerdictSection from '../../src/app/sections/verdict-section';
import type { ViewProps } from '../../src/app/view-props';
import { loadCatalog, type Catalog } from '../../src/catalog';
import { defenderManagedIdentity, makeToken } from '../fixtures/make-token';
import { NOW } from './load-token';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

function props(hash: string, token: string | null): ViewProps {
  return {
    params: new URLSearchParams(hash),
    token,
    onToken: () => undefined,
    catalog,
    now: NOW,
    navigate: () => undefined,
  };
}

const IMPORT = 'POST https://api.securitycenter.microsoft.com/api/indicators/import';

describe('VerdictSection', () => {
  it('shows Denied with the fix and a grant-builder link from a deep link', async () => {
    render(
      <VerdictSection
        {...props(`request=${encodeURIComponent(IMPORT)}`, makeToken(defenderManagedIdentity()))}
      />,
    );
    const region = screen.getByRole('region', { name: 'Verdict' });
    expect(await within(region).findByText('Denied')).toBeInTheDocument();
    expect(region).toHaveTextContent('Ti.ReadWrite.All');
    const links = within(region).getAllByRole('link', { name: /^open the grant builder for Ti\.ReadWrite/ });
    expect(links[0]).toHaveAttribute('href', expect.stringContaining('#grant&principal_id='));
  });

  it('updates the verdict as a request is typed', async () => {
    const user = userEvent.setup();
    const token = makeToken({ ...defenderManagedIdentity(), roles: ['Ti.ReadWrite.All'] });
    render(<VerdictSection {...props('', token)} />);
    const field = screen.getByLabelText('Request (METHOD URL, curl or PowerShell)');
    await user.type(field, IMPORT);
    const region = screen.getByRole('region', { name: 'Verdict' });
    expect(await within(region).findByText('Allowed')).toBeInTheDocument();
  });

  it("says Can't tell without a token, and still lists what the request accepts", async () => {
    render(<VerdictSection {...props(`request=${encodeURIComponent(IMPORT)}`, null)} />);
    const region = screen.getByRole('region', { name: 'Verdict' });
    expect(await within(region).findByText("Can't tell")).toBeInTheDocument();
    expect(region).toHaveTextContent('No token loaded');
    expect(region).toHaveTextContent('Ti.ReadWrite');
  });

  it('shows why a request cannot be read', async () => {
    const user = userEvent.setup();
    render(<VerdictSection {...props('', null)} />);
    await user.type(screen.getByLabelText('Request (METHOD URL, curl or PowerShell)'), 'GET');
    expect(await screen.findByText(/No URL found/)).toBeInTheDocument();
  });
});

describe('ErrorSection', () => {
  const error =
    '{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: Ti.ReadWrite.All, Ti.ReadWrite.","target":"trk-1"}}';

  it('explains an error from #error= alone, with the tracking id', async () => {
    render(<ErrorSection {...props(`error=${encodeURIComponent(error)}`, null)} />);
    const region = screen.getByRole('region', { name: 'Error explanation' });
    expect(await within(region).findByText('Defender: missing roles')).toBeInTheDocument();
    expect(region).toHaveTextContent('trk-1');
    expect(region).toHaveTextContent('Load a token above');
  });

  it('cross-checks the error with the loaded token', async () => {
    render(
      <ErrorSection {...props(`error=${encodeURIComponent(error)}`, makeToken(defenderManagedIdentity()))} />,
    );
    const region = screen.getByRole('region', { name: 'Error explanation' });
    expect((await within(region).findAllByText(/carries none of the roles/)).length).toBeGreaterThan(0);
  });

  it('explains a pasted AADSTS error', async () => {
    const user = userEvent.setup();
    render(<ErrorSection {...props('', null)} />);
    await user.click(screen.getByLabelText('API error text'));
    await user.paste('AADSTS50105: The signed in user is not assigned to a role for the application.');
    const region = screen.getByRole('region', { name: 'Error explanation' });
    expect(await within(region).findByText(/User not assigned to the app/)).toBeInTheDocument();
  });
});
