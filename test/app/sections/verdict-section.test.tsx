import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import VerdictSection from '../../../src/app/sections/verdict-section';
import type { SectionProps } from '../../../src/app/view-props';
import { loadCatalog, type Catalog } from '../../../src/catalog';
import { inspectedFrom } from '../../fixtures/inspected';
import { defenderManagedIdentity, makeToken } from '../../fixtures/make-token';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const props = (token: string | null, request: string): SectionProps => ({
  inspected: inspectedFrom(token, { request, catalog }),
  catalog,
});

const IMPORT = 'POST https://api.securitycenter.microsoft.com/api/indicators/import';

describe('VerdictSection', () => {
  it('shows Denied with the fix and a grant-builder link', async () => {
    render(<VerdictSection {...props(makeToken(defenderManagedIdentity()), IMPORT)} />);
    const region = screen.getByRole('region', { name: 'Verdict' });
    expect(await within(region).findByText('Denied')).toBeInTheDocument();
    expect(region).toHaveTextContent('Ti.ReadWrite.All');
    const links = within(region).getAllByRole('link', { name: /grant builder for Ti\.ReadWrite/i });
    expect(links[0]).toHaveAttribute('href', expect.stringContaining('#grant&principal_id='));
  });

  it('says Allowed when the token carries an accepted permission', async () => {
    const token = makeToken({ ...defenderManagedIdentity(), roles: ['Ti.ReadWrite.All'] });
    render(<VerdictSection {...props(token, IMPORT)} />);
    const region = screen.getByRole('region', { name: 'Verdict' });
    expect(await within(region).findByText('Allowed')).toBeInTheDocument();
  });

  it("says Can't tell without a token, and still lists what the request accepts", async () => {
    render(<VerdictSection {...props(null, IMPORT)} />);
    const region = screen.getByRole('region', { name: 'Verdict' });
    expect(await within(region).findByText("Can't tell")).toBeInTheDocument();
    expect(region).toHaveTextContent('No token loaded');
    expect(region).toHaveTextContent('Ti.ReadWrite');
  });

  it('shows why a request cannot be read', () => {
    render(<VerdictSection {...props(null, 'GET')} />);
    expect(screen.getByText(/No URL found/)).toBeInTheDocument();
  });

  it('has no field of its own: the request is typed next to the token', () => {
    render(<VerdictSection {...props(null, '')} />);
    const region = screen.getByRole('region', { name: 'Verdict' });
    expect(within(region).queryByRole('textbox')).toBeNull();
    expect(region).toHaveTextContent('Paste the request that failed above');
  });
});
