import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import ClaimsSection from '../../../src/app/sections/claims-section';
import { decodeToken, type DecodedJwt } from '../../../src/token';
import { graphDelegatedV1, makeToken } from '../../fixtures/make-token';

const now = new Date('2026-11-23T12:00:00Z');

function decoded(payload: Record<string, unknown>): DecodedJwt {
  const result = decodeToken(makeToken(payload));
  if (!result.ok) throw new Error(result.error.message);
  return result.token;
}

describe('ClaimsSection', () => {
  it('explains every payload claim in one row each', () => {
    const payload = graphDelegatedV1();
    render(<ClaimsSection token={decoded(payload)} now={now} emptyText="empty" />);
    const region = screen.getByRole('region', { name: 'Claims' });
    // One header row plus one row per claim.
    expect(within(region).getAllByRole('row')).toHaveLength(Object.keys(payload).length + 1);
    expect(within(region).getByRole('rowheader', { name: 'scp' })).toBeInTheDocument();
  });

  it.each([
    ['aud', 'Audience: the API'],
    ['zzz_custom', 'Not a claim we know; shown as it is.'],
  ])('gives %s its meaning', (name, meaning) => {
    const token = decoded({ aud: 'https://graph.microsoft.com', zzz_custom: 1 });
    render(<ClaimsSection token={token} now={now} emptyText="e" />);
    const row = screen.getByRole('rowheader', { name }).closest('tr');
    expect(row).toHaveTextContent(meaning);
  });

  it('shows the empty text without a token', () => {
    render(<ClaimsSection token={null} now={now} emptyText="Paste a token above to see it here." />);
    expect(screen.getByRole('region', { name: 'Claims' })).toHaveTextContent(
      'Paste a token above to see it here.',
    );
  });
});
