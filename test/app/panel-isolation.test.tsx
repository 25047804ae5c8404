import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/app';
import { graphDelegatedV1, makeToken } from '../fixtures/make-token';

vi.mock('../../src/app/sections/signature-section', () => ({
  default: function BrokenSection(props: { inspected: { token: unknown } }): null {
    if (props.inspected.token) throw new Error('signature panel exploded');
    return null;
  },
}));

let spy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  window.history.replaceState(null, '', '/');
  spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => spy.mockRestore());

describe('a failing panel', () => {
  it('shows its own failure and leaves the rest of the page intact', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByLabelText('Token or text containing a token'));
    await user.paste(makeToken(graphDelegatedV1()));
    // The sections are lazy chunks: their first import in a test run can take a while.
    expect(
      await screen.findByText('This panel failed: signature panel exploded', undefined, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Token summary' })).toHaveTextContent('Access token');
    expect(await screen.findByRole('region', { name: 'Claims' }, { timeout: 10_000 })).toHaveTextContent(
      'aud',
    );
  });
});
