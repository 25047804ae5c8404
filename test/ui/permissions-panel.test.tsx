import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PermissionsPanel, PRIVILEGE_NOTE, type PermissionRowView } from '../../src/ui/permissions-panel';
import { fixOf, type Finding } from '../../src/token';

const flag = (severity: Finding['severity'], fix: string | null): Finding => ({
  code: 'test-flag',
  severity,
  evidence: { claim: 'scp' },
  message: `A ${severity} about this permission.`,
  fix: fix === null ? null : fixOf(fix),
});

const row = (flags: readonly Finding[]): PermissionRowView => ({
  value: 'SecurityEvents.Read.All',
  type: 'application',
  label: 'Read your organization’s security events',
  adminConsent: true,
  privilegeLevel: 3,
  flags,
});

describe('PermissionsPanel wording', () => {
  it.each([
    ['error', 'Check', 'Fix:'],
    ['warning', 'Check', 'Fix:'],
    ['info', 'Note', null],
  ] as const)('a %s flag is badged "%s" and its advice is labelled %s', (severity, badge, label) => {
    render(
      <PermissionsPanel
        rows={[row([flag(severity, 'Use SecurityAlert.Read.All for alerts_v2.')])]}
        apiName="Microsoft Graph"
        catalogLoaded
        emptyText="none"
      />,
    );
    const item = screen.getByRole('listitem');
    expect(within(item).getByText(badge)).toBeInTheDocument();
    expect(item).toHaveTextContent('Use SecurityAlert.Read.All for alerts_v2.');
    if (label) expect(within(item).getByText(label)).toBeInTheDocument();
    else expect(item.textContent).not.toContain('Fix');
  });

  it('explains the privilege levels and consent once, under the table', () => {
    render(<PermissionsPanel rows={[row([])]} apiName="Microsoft Graph" catalogLoaded emptyText="none" />);
    const region = screen.getByRole('region', { name: 'Permissions' });
    expect(within(region).getByText('Level 3 of 4')).toBeInTheDocument();
    expect(within(region).getByText(PRIVILEGE_NOTE)).toBeInTheDocument();
    expect(PRIVILEGE_NOTE).toMatch(/level 1 \(least\) to level 4 \(most\)/);
    expect(within(region).getByText('Admin consent required')).toBeInTheDocument();
  });

  it('names the column of every cell, for the stacked rows of a narrow screen', () => {
    render(<PermissionsPanel rows={[row([])]} apiName="Microsoft Graph" catalogLoaded emptyText="none" />);
    const cells = within(screen.getByRole('table')).getAllByRole('cell');
    expect(cells.map((c) => c.getAttribute('data-label'))).toEqual([
      'Type',
      'Name',
      'Consent',
      'Privilege',
      'Notes',
    ]);
  });
});
