import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Classification, Expiry } from '../../src/token';
import { TokenSummary } from '../../src/ui/token-summary';

const expiry: Expiry = {
  state: 'expired',
  issuedAt: null,
  notBefore: null,
  expiresAt: new Date('2026-11-23T11:57:00Z'),
  secondsLeft: -180,
  text: 'expired 3 minutes ago',
};
const base: Classification = {
  kind: 'access',
  version: '1.0',
  caller: 'delegated',
  issuer: { value: 'https://sts.windows.net/t/', kind: 'entra', cloud: 'public' },
  tenantId: '00000000-1111-2222-3333-444444444444',
  audience: 'https://graph.microsoft.com',
  clientId: '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
  clientName: null,
  user: null,
  guest: false,
  homeTenantId: null,
  managedIdentity: null,
  scopes: ['User.Read'],
  roles: [],
  wids: null,
};

const region = () => screen.getByRole('region', { name: 'Token summary' });

describe('TokenSummary', () => {
  it.each([
    [
      {},
      [
        'Access token',
        'v1.0',
        'Delegated',
        'Member of the tenant',
        'Public cloud',
        'Expired',
        'expired 3 minutes ago',
      ],
    ],
    [{ version: '2.0', caller: 'app-only' }, ['v2.0', 'App-only']],
    [{ caller: 'managed-identity' }, ['Managed identity']],
    [{ guest: true }, ['Guest (B2B) user']],
    [
      { issuer: { value: 'https://login.microsoftonline.us/t/v2.0', kind: 'entra', cloud: 'usgov' } },
      ['US Government'],
    ],
  ] as [Partial<Classification>, string[]][])('states %j', (change, texts) => {
    render(
      <TokenSummary
        classification={{ ...base, ...change }}
        api={{ raw: 'https://graph.microsoft.com', name: null }}
        client={null}
        catalogLoaded={false}
        expiry={expiry}
        emptyText="empty"
      />,
    );
    for (const text of texts) expect(region()).toHaveTextContent(text);
    expect(region()).toHaveTextContent(base.tenantId!);
  });

  it('leaves out the caller for an ID token', () => {
    render(
      <TokenSummary
        classification={{ ...base, kind: 'id', caller: null }}
        api={null}
        client={null}
        catalogLoaded={false}
        expiry={expiry}
        emptyText="e"
      />,
    );
    expect(region()).toHaveTextContent('ID token');
    expect(region()).not.toHaveTextContent('Caller');
  });

  it('shows the raw aud until the catalog names it', () => {
    const props = { classification: base, client: null, expiry, emptyText: 'e' };
    const { rerender } = render(
      <TokenSummary
        {...props}
        api={{ raw: 'https://graph.microsoft.com', name: null }}
        catalogLoaded={false}
      />,
    );
    expect(region()).toHaveTextContent('https://graph.microsoft.com');
    expect(region()).not.toHaveTextContent('Microsoft Graph');
    rerender(
      <TokenSummary
        {...props}
        api={{ raw: 'https://graph.microsoft.com', name: 'Microsoft Graph' }}
        catalogLoaded
      />,
    );
    expect(region()).toHaveTextContent('Microsoft Graph (https://graph.microsoft.com)');
  });

  it('keeps the same rows before and after an access token arrives, so nothing jumps', () => {
    const props = { api: null, client: null, catalogLoaded: false, expiry, emptyText: 'Paste a token' };
    const { rerender } = render(<TokenSummary {...props} classification={null} />);
    const before = screen.getAllByRole('term').map((t) => t.textContent);
    rerender(<TokenSummary {...props} classification={base} />);
    expect(screen.getAllByRole('term').map((t) => t.textContent)).toEqual(before);
  });

  it('sums the token up in one line', () => {
    render(
      <TokenSummary
        classification={base}
        api={{ raw: 'https://graph.microsoft.com', name: 'Microsoft Graph' }}
        client={null}
        catalogLoaded
        expiry={expiry}
        emptyText="e"
      />,
    );
    expect(screen.getByText('Access token (v1.0) for Microsoft Graph, delegated.')).toBeInTheDocument();
  });

  it('keeps the region with a hint before a token arrives', () => {
    render(
      <TokenSummary
        classification={null}
        api={null}
        client={null}
        catalogLoaded={false}
        expiry={expiry}
        emptyText="Paste a token"
      />,
    );
    expect(region()).toHaveTextContent('Paste a token');
  });
});
