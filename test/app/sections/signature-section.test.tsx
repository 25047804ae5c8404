import { readFileSync } from 'node:fs';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import SignatureSection from '../../../src/app/sections/signature-section';
import type { SectionProps } from '../../../src/app/view-props';
import { inspectedFrom } from '../../fixtures/inspected';

const tokens = JSON.parse(readFileSync('test/fixtures/tokens.json', 'utf8')) as Record<string, string>;

const props = (token: string | null): SectionProps => ({
  inspected: inspectedFrom(token, { checkedAt: new Date('2026-01-01T00:00:00Z') }),
  catalog: null,
});

describe('SignatureSection', () => {
  it('renders nothing without a token', () => {
    const { container } = render(<SignatureSection {...props(null)} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('offers a labelled key box, Verify, and Fetch keys for an Entra issuer, without fetching', () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    render(<SignatureSection {...props(tokens.rs256!)} />);
    const region = screen.getByRole('region', { name: 'Signature' });
    expect(within(region).getByLabelText('Signing key')).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: 'Verify' })).toBeInTheDocument();
    expect(within(region).getByRole('button', { name: 'Fetch keys' })).toBeInTheDocument();
    expect(region).toHaveTextContent('key id test-rs256');
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('offers no Fetch keys for a B2C issuer', () => {
    render(<SignatureSection {...props(tokens.b2c!)} />);
    expect(screen.queryByRole('button', { name: 'Fetch keys' })).not.toBeInTheDocument();
  });

  it.each([
    ['graph-with-nonce', 'A Microsoft Graph token.'],
    ['alg-none', 'Unsigned token.'],
  ])('explains %s from the header alone', (name, text) => {
    render(<SignatureSection {...props(tokens[name]!)} />);
    expect(screen.getByRole('note')).toHaveTextContent(text);
  });

  it('says why an empty key cannot verify', async () => {
    render(<SignatureSection {...props(tokens.rs256!)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/Signature not verified: No key yet\./)).toBeInTheDocument();
  });
});
