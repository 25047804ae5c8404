import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fixOf, type Finding } from '../../src/token';
import { FindingList } from '../../src/ui/finding-list';

const finding = (severity: Finding['severity'], fix: string | null): Finding => ({
  code: `test-${severity}`,
  severity,
  evidence: { claim: 'scp' },
  message: `A ${severity} finding.`,
  fix: fix === null ? null : fixOf(fix),
});

describe('FindingList', () => {
  it.each([
    ['error', 'Error', 'Fix: Grant the permission.'],
    ['warning', 'Warning', 'Fix: Grant the permission.'],
    ['info', 'Note', 'Note: Grant the permission.'],
  ] as const)('labels a %s finding %s and its advice "%s"', (severity, word, advice) => {
    render(<FindingList findings={[finding(severity, 'Grant the permission.')]} label="Token warnings" />);
    const item = within(screen.getByRole('region', { name: 'Token warnings' })).getByRole('listitem');
    expect(item.textContent).toContain(word);
    expect(item.textContent).toContain(advice);
    if (severity === 'info') expect(item.textContent).not.toContain('Fix:');
  });

  it('shows no advice for a finding without a fix', () => {
    render(<FindingList findings={[finding('warning', null)]} label="Token warnings" />);
    expect(screen.getByRole('listitem').textContent).not.toMatch(/Fix:|Note:/);
  });

  it('renders nothing without findings', () => {
    const { container } = render(<FindingList findings={[]} label="Token warnings" />);
    expect(container.innerHTML).toBe('');
  });
});
