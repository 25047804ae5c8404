import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/ui/error-boundary';

function Boom({ message }: { message: string }): never {
  throw new Error(message);
}

let spy: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  // React logs caught errors; keep the output readable.
  spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => spy.mockRestore());

describe('ErrorBoundary', () => {
  it('shows which panel failed and keeps its siblings', () => {
    render(
      <>
        <ErrorBoundary label="Signature">
          <Boom message="key parse exploded" />
        </ErrorBoundary>
        <ErrorBoundary label="Claims">
          <p>Claims still here</p>
        </ErrorBoundary>
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('This panel failed: key parse exploded');
    expect(screen.getByText('Claims still here')).toBeInTheDocument();
  });

  it('recovers when its reset key changes', () => {
    const { rerender } = render(
      <ErrorBoundary resetKey="a">
        <Boom message="first" />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('This panel failed: first');
    rerender(
      <ErrorBoundary resetKey="b">
        <p>fine now</p>
      </ErrorBoundary>,
    );
    expect(screen.getByText('fine now')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
