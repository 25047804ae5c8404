import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/app';
import { graphDelegatedV1, makeToken } from '../fixtures/make-token';

vi.mock('../../src/app/sections/signature-section', () => ({
  default: function BrokenSection(props: { token: string | null }): null {
    if (props.token) throw new Error('signature panel exploded');
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
  it('shows its own failure and leaves the rest of the page intact', async () => {
    const user = userEvent.setup();
    render(<App />);
    await user.click(screen.getByLabelText('Token or text containing a token'));
    await user.paste(makeToken(graphDelegatedV1()));
    expect(await screen.findByText('This panel failed: signature panel exploded')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Token summary' })).toHaveTextContent('Access token');
    expect(screen.getByRole('region', { name: 'Claims' })).toHaveTextContent('aud');
  });
});
