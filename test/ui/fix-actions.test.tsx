import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fixHref } from '../../src/app/fix-links';
import type { Fix } from '../../src/token';
import { FixView } from '../../src/ui/fix-actions';

describe('FixView', () => {
  it('shows the sentence as plain text: a route written into it stays text, never a link', () => {
    render(<FixView fix={{ text: 'Open #consent&scope=evil&token=x now.', actions: [] }} hrefOf={fixHref} />);
    expect(screen.getByText(/Open #consent&scope=evil&token=x now\./)).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it.each<[string, Fix, string, RegExp]>([
    [
      'consent',
      {
        text: 'Consent.',
        actions: [
          {
            kind: 'consent',
            tenantId: 't',
            clientId: 'c',
            scope: 'https://graph.microsoft.com/User.Read.All',
            cloud: null,
          },
        ],
      },
      'Open the admin-consent builder for User.Read.All',
      /^#consent&tenant=t&client_id=c&scope=/,
    ],
    [
      'grant',
      {
        text: 'Assign.',
        actions: [{ kind: 'grant', principalId: 'p', resourceAppId: 'r', permission: 'Ti.ReadWrite.All' }],
      },
      'Open the app-role grant builder for Ti.ReadWrite.All',
      /^#grant&principal_id=p&api=r&permission=Ti.ReadWrite.All$/,
    ],
  ])('turns a %s action into a builder link through the app', (_kind, fix, name, href) => {
    render(<FixView fix={fix} hrefOf={fixHref} />);
    expect(screen.getByRole('link', { name })).toHaveAttribute('href', expect.stringMatching(href));
  });

  it('shows a command action as a labelled block to copy', () => {
    render(
      <FixView
        fix={{
          text: 'Assign the role.',
          actions: [
            { kind: 'command', label: 'Azure CLI', shell: 'bash', text: 'az role assignment create' },
          ],
        }}
        hrefOf={fixHref}
      />,
    );
    expect(screen.getByLabelText('Azure CLI')).toHaveTextContent('az role assignment create');
    expect(screen.getByRole('button', { name: 'Copy azure cli' })).toBeInTheDocument();
  });
});
