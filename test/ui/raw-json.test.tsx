import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { RawJson } from '../../src/ui/raw-json';

describe('RawJson', () => {
  it('pretty-prints header and payload', () => {
    render(<RawJson header={{ alg: 'RS256' }} payload={{ aud: 'x', n: 1 }} emptyText="e" />);
    expect(screen.getByLabelText('Header JSON').textContent).toBe('{\n  "alg": "RS256"\n}');
    expect(screen.getByLabelText('Payload JSON').textContent).toBe('{\n  "aud": "x",\n  "n": 1\n}');
  });

  it.each([
    ['Copy header', '{\n  "alg": "RS256"\n}'],
    ['Copy payload', '{\n  "aud": "x"\n}'],
  ])('%s copies the JSON and says Copied', async (button, expected) => {
    const user = userEvent.setup();
    render(<RawJson header={{ alg: 'RS256' }} payload={{ aud: 'x' }} emptyText="e" />);
    await user.click(screen.getByRole('button', { name: button }));
    expect(await navigator.clipboard.readText()).toBe(expected);
    expect(await screen.findByText('Copied')).toBeInTheDocument();
  });

  it('keeps a null-prototype __proto__ key as plain data', () => {
    const payload = Object.assign(
      Object.create(null) as Record<string, unknown>,
      JSON.parse('{"__proto__":{"polluted":true}}') as object,
    );
    render(<RawJson header={{}} payload={payload} emptyText="e" />);
    expect(screen.getByLabelText('Payload JSON')).toHaveTextContent('"__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
