import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The paint flag is page-wide and set once: each test loads a fresh copy of the module.
async function load() {
  vi.resetModules();
  return import('../../src/app/after-first-paint');
}

describe('AfterFirstPaint', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] }));
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('renders the fallback in the first frame and the children only after it was painted', async () => {
    const { AfterFirstPaint } = await load();
    render(
      <AfterFirstPaint fallback={<p>Claims: reading…</p>}>
        <p>All the claims</p>
      </AfterFirstPaint>,
    );
    expect(screen.getByText('Claims: reading…')).toBeInTheDocument();
    expect(screen.queryByText('All the claims')).toBeNull();
    // The frame callback runs before the paint; the children wait for the task after it.
    await act(() => vi.advanceTimersToNextFrame());
    expect(screen.queryByText('All the claims')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(screen.getByText('All the claims')).toBeInTheDocument();
    expect(screen.queryByText('Claims: reading…')).toBeNull();
  });

  it('renders nothing in place of the children when no fallback is given', async () => {
    const { AfterFirstPaint } = await load();
    const { container } = render(
      <AfterFirstPaint>
        <p>Later</p>
      </AfterFirstPaint>,
    );
    expect(container).toBeEmptyDOMElement();
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(screen.getByText('Later')).toBeInTheDocument();
  });

  it('renders children at once when mounted after the first paint (another route, a second token)', async () => {
    const { AfterFirstPaint } = await load();
    const first = render(
      <AfterFirstPaint>
        <p>First</p>
      </AfterFirstPaint>,
    );
    await act(() => vi.advanceTimersByTimeAsync(50));
    first.unmount();
    const seen: string[] = [];
    function Probe() {
      seen.push('rendered');
      return <p>Second</p>;
    }
    render(
      <AfterFirstPaint fallback={<p>waiting</p>}>
        <Probe />
      </AfterFirstPaint>,
    );
    expect(screen.getByText('Second')).toBeInTheDocument();
    expect(screen.queryByText('waiting')).toBeNull();
  });

  it.each([
    ['frames never run (a hidden tab)', () => 0],
    ['the browser has no requestAnimationFrame', undefined],
  ])('shows the children within half a second when %s', async (_name, raf) => {
    vi.stubGlobal('requestAnimationFrame', raf);
    const { AfterFirstPaint } = await load();
    render(
      <AfterFirstPaint fallback={<p>waiting</p>}>
        <p>Shown</p>
      </AfterFirstPaint>,
    );
    expect(screen.queryByText('Shown')).toBeNull();
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(screen.getByText('Shown')).toBeInTheDocument();
  });

  it('useAfterFirstPaint tells a component whether the first paint has happened', async () => {
    const { useAfterFirstPaint } = await load();
    function Probe() {
      return <p>{useAfterFirstPaint() ? 'painted' : 'first frame'}</p>;
    }
    render(<Probe />);
    expect(screen.getByText('first frame')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(screen.getByText('painted')).toBeInTheDocument();
  });
});

describe('the inspector below the summary (src/app/inspector-results)', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] }));
  afterEach(() => vi.useRealTimers());

  it.each([
    ['no token', null],
    ['a token', 'graph-delegated-v1'],
  ])(
    'with %s, the first frame holds the answer and the summary; the details mount after the paint',
    async (_name, fixture) => {
      vi.resetModules();
      const { default: InspectorResults } = await import('../../src/app/inspector-results');
      const { useInspection } = await import('../../src/app/use-inspection');
      const { default: tokens } = await import('../fixtures/tokens.json');
      const text = fixture === null ? '' : (tokens as Record<string, string>)[fixture]!;
      function Page() {
        const { token } = useInspection(text, 0);
        return (
          <InspectorResults
            token={token}
            requestText=""
            answerText=""
            catalog={null}
            summary={<section aria-label="Token summary">summary</section>}
            emptyText="Nothing yet"
          />
        );
      }
      render(<Page />);
      expect(screen.getByRole('region', { name: 'Answer' })).toBeInTheDocument();
      expect(screen.getByRole('region', { name: 'Token summary' })).toBeInTheDocument();
      const details = () => [...document.querySelectorAll('details > summary')].map((s) => s.textContent);
      expect(details()).toEqual([]);
      await act(() => vi.advanceTimersToNextFrame());
      await act(() => vi.advanceTimersByTimeAsync(1));
      // Painted: the rest may still take a moment to render on a loaded machine.
      vi.useRealTimers();
      await waitFor(
        () =>
          expect(details()).toEqual(
            fixture === null
              ? ['Verdict', 'Error explanation']
              : [
                  'Verdict',
                  'Error explanation',
                  'Permissions',
                  'Directory roles',
                  'Claims',
                  'Raw header and payload',
                  'Signature',
                  'Report',
                ],
          ),
        { timeout: 10_000 },
      );
    },
  );
});
