import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClaimsTable, type ClaimRowView } from '../../src/ui/claims-table';

const now = new Date('2026-11-23T12:00:00Z');
const rows: ClaimRowView[] = [
  {
    name: 'aud',
    value: 'https://graph.microsoft.com',
    display: 'https://graph.microsoft.com',
    meaning: 'Who the token is for.',
    link: 'https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference',
    known: true,
  },
  {
    name: 'exp',
    value: Date.parse('2026-11-23T12:30:00Z') / 1000,
    display: '2026-11-23T12:30:00Z (in 30 minutes)',
    meaning: 'When it expires.',
    link: null,
    known: true,
    notes: ['Entra tokens live 60 to 90 minutes.'],
  },
  {
    name: '<img src=x onerror=alert(1)>',
    value: '<b>bold</b>',
    display: '<b>bold</b>',
    meaning: null,
    link: null,
    known: false,
  },
];

describe('ClaimsTable', () => {
  it('shows one row per claim in a table named Claims', () => {
    render(<ClaimsTable rows={rows} now={now} emptyText="empty" />);
    const region = screen.getByRole('region', { name: 'Claims' });
    const table = within(region).getByRole('table');
    // A header row plus one per claim.
    expect(within(table).getAllByRole('row')).toHaveLength(rows.length + 1);
    expect(within(table).getByRole('rowheader', { name: 'aud' })).toBeInTheDocument();
  });

  it('links the docs in a new tab without a referrer', () => {
    render(<ClaimsTable rows={rows} now={now} emptyText="empty" />);
    const link = screen.getByRole('link', { name: 'docs' });
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noreferrer noopener');
  });

  it('marks unknown claims and renders markup as text', () => {
    render(<ClaimsTable rows={rows} now={now} emptyText="empty" />);
    const row = screen.getByRole('rowheader', { name: '<img src=x onerror=alert(1)>' }).closest('tr')!;
    expect(within(row).getByText('Unknown claim')).toBeInTheDocument();
    expect(row).toHaveTextContent('<b>bold</b>');
    expect(row.querySelector('img, b')).toBeNull();
  });

  it('adds local and relative time to time claims, and the notes', () => {
    render(<ClaimsTable rows={rows} now={now} emptyText="empty" />);
    const row = screen.getByRole('rowheader', { name: 'exp' }).closest('tr')!;
    expect(row).toHaveTextContent('2026-11-23T12:30:00Z');
    expect(row).toHaveTextContent('Local time:');
    expect(row).toHaveTextContent('in 30 minutes');
    expect(row).toHaveTextContent('Entra tokens live 60 to 90 minutes.');
  });

  it('keeps the region with a hint when there is nothing to show', () => {
    render(<ClaimsTable rows={null} now={now} emptyText="Paste a token above to see it here." />);
    expect(screen.getByRole('region', { name: 'Claims' })).toHaveTextContent(
      'Paste a token above to see it here.',
    );
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
