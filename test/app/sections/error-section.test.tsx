import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import ErrorSection from '../../../src/app/sections/error-section';
import type { SectionProps } from '../../../src/app/view-props';
import { loadCatalog, type Catalog } from '../../../src/catalog';
import { inspectedFrom } from '../../fixtures/inspected';
import { defenderManagedIdentity, makeToken } from '../../fixtures/make-token';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const props = (token: string | null, answer: string): SectionProps => ({
  inspected: inspectedFrom(token, { answer, catalog }),
  catalog,
});

const DEFENDER_403 =
  '{"error":{"code":"Forbidden","message":"Missing application roles. API required roles: Ti.ReadWrite.All, Ti.ReadWrite.","target":"trk-1"}}';

describe('ErrorSection', () => {
  it('explains an error alone, with the tracking id', () => {
    render(<ErrorSection {...props(null, DEFENDER_403)} />);
    const region = screen.getByRole('region', { name: 'Error explanation' });
    expect(within(region).getByText('Defender: missing roles')).toBeInTheDocument();
    expect(region).toHaveTextContent('trk-1');
    expect(region).toHaveTextContent('Load a token above');
  });

  it('cross-checks the error with the loaded token', () => {
    render(<ErrorSection {...props(makeToken(defenderManagedIdentity()), DEFENDER_403)} />);
    const region = screen.getByRole('region', { name: 'Error explanation' });
    expect(within(region).getAllByText(/carries none of the roles/).length).toBeGreaterThan(0);
  });

  it('explains a pasted AADSTS error', () => {
    render(
      <ErrorSection
        {...props(null, 'AADSTS50105: The signed in user is not assigned to a role for the application.')}
      />,
    );
    const region = screen.getByRole('region', { name: 'Error explanation' });
    expect(region).toHaveTextContent(/AADSTS50105 \(User not assigned to the app\)/);
    // Without a token the answer's own finding says what to change, its fix said once.
    expect(within(region).getByRole('heading', { name: 'What to change' })).toBeInTheDocument();
    expect(within(region).getAllByText(/^Fix:/)).toHaveLength(1);
  });
});
