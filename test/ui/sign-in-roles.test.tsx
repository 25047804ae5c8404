import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { SignInRoles } from '../../src/ui/sign-in-roles';

const READER = '5d6b6bb7-de71-4623-b4af-96380a352509';
const MEMBER = 'b79fbf4d-3ef9-4689-8143-76b194e85509';
const region = () => screen.getByRole('region', { name: 'Your directory roles' });

describe('SignInRoles', () => {
  it.each([
    ['a security reader', [READER, MEMBER], 'Security Reader: yes'],
    ['a plain member', [MEMBER], 'Security Reader: no'],
    ['a token without wids', null, 'Security Reader: unknown'],
  ])('answers for %s', (_name, wids, text) => {
    render(<SignInRoles wids={wids} roleName={() => null} />);
    expect(within(region()).getByText(text.split(':')[0] + ':', { exact: false })).toHaveTextContent(text);
  });

  it('explains why wids can be missing and points to the live check', () => {
    render(
      <SignInRoles
        wids={null}
        roleName={() => null}
        liveCheck={<button type="button">Check my roles in Graph</button>}
      />,
    );
    expect(within(region()).getByText(/implicit grant/)).toBeInTheDocument();
    expect(within(region()).getByRole('button', { name: 'Check my roles in Graph' })).toBeInTheDocument();
  });

  it('names other roles from the catalog, and the default member role', () => {
    const other = '88d8e3e3-8f55-4a1e-953a-9b9898b8876b';
    render(
      <SignInRoles wids={[other, MEMBER]} roleName={(id) => (id === other ? 'Directory Readers' : null)} />,
    );
    expect(within(region()).getByText(/Directory Readers/)).toBeInTheDocument();
    expect(within(region()).getByText(/Default member/)).toBeInTheDocument();
  });
});
