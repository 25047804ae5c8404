import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ClaimsTable, nameDocsPage, type ClaimRowView } from '../../src/ui/claims-table';

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

  it('links each docs page once, above the table, in a new tab without a referrer', () => {
    const twice = [...rows, { ...rows[0]!, name: 'iss' }];
    render(<ClaimsTable rows={twice} now={now} emptyText="empty" />);
    const page = screen.getByRole('link', { name: 'Access token claims reference' });
    expect(page).toHaveAttribute('href', rows[0]!.link);
    expect(page).toHaveAttribute('target', '_blank');
    expect(page).toHaveAttribute('rel', 'noreferrer noopener');
    expect(page).not.toHaveAttribute('tabindex');
  });

  it("keeps each row's docs link out of the tab order", () => {
    render(<ClaimsTable rows={rows} now={now} emptyText="empty" />);
    const link = screen.getByRole('link', { name: 'docs for aud' });
    expect(link).toHaveTextContent('docs');
    expect(link).toHaveAttribute('tabindex', '-1');
    expect(link).toHaveAttribute('rel', 'noreferrer noopener');
    // Tab reaches the page link and no row link.
    const tabbable = screen.getAllByRole('link').filter((a) => a.getAttribute('tabindex') !== '-1');
    expect(tabbable.map((a) => a.textContent)).toEqual(['Access token claims reference']);
  });

  it.each([
    [
      'https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference',
      'Access token claims reference',
    ],
    [
      'https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference#groups-overage-claim',
      'Access token claims reference: groups overage claim',
    ],
    ['https://learn.microsoft.com/', 'Learn.microsoft.com'],
    ['not a url', 'not a url'],
  ])('names the docs page %s "%s"', (link, name) => {
    expect(nameDocsPage(link)).toBe(name);
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
