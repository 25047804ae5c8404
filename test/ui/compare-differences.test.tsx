import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/diagnose';
import { CompareDifferences } from '../../src/ui/compare-differences';

const NOW = new Date('2026-01-01T12:00:00Z');
const at = (iso: string) => Date.parse(iso) / 1000;

const comparison = (changed: Comparison['claims']['changed']): Comparison => ({
  differences: [],
  claims: { added: [], removed: [], changed, unchangedCount: 3 },
  diagnoses: null,
  samePayload: false,
});

describe('CompareDifferences claim by claim', () => {
  it.each([
    ['exp', at('2026-01-01T13:00:00Z'), '2026-01-01 13:00:00 UTC (in 1 hour)'],
    ['iat', at('2026-01-01T09:00:00Z'), '2026-01-01 09:00:00 UTC (3 hours ago)'],
    ['nbf', at('2025-12-31T12:00:00Z'), '2025-12-31 12:00:00 UTC (yesterday)'],
  ])('shows %s as a date and how far from now', (claim, seconds, text) => {
    render(
      <CompareDifferences
        comparison={comparison([{ claim, a: seconds, b: seconds + 60 }])}
        emptyText=""
        now={NOW}
      />,
    );
    const row = screen.getByRole('row', { name: new RegExp(claim) });
    const [, a] = within(row).getAllByRole('cell');
    expect(a).toHaveTextContent(text);
    expect(a).toHaveTextContent(String(seconds));
  });

  it('leaves other numbers as they are', () => {
    render(
      <CompareDifferences comparison={comparison([{ claim: 'ver', a: 1, b: 2 }])} emptyText="" now={NOW} />,
    );
    const cells = within(screen.getByRole('row', { name: /ver/ })).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['changed', '1', '2']);
  });

  it('labels each value for the stacked layout of narrow screens', () => {
    render(
      <CompareDifferences
        comparison={comparison([{ claim: 'scp', a: 'x', b: 'y' }])}
        emptyText=""
        now={NOW}
      />,
    );
    const cells = within(screen.getByRole('row', { name: /scp/ })).getAllByRole('cell');
    expect(cells.map((c) => c.getAttribute('data-label'))).toEqual(['Change', 'Token A', 'Token B']);
  });
});
