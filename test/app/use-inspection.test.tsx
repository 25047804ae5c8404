import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphDelegatedV1, makeToken } from '../fixtures/make-token';

const jwt = makeToken(graphDelegatedV1());
const CURL = `curl -H "Authorization: Bearer ${jwt}" https://graph.microsoft.com/v1.0/me`;

afterEach(() => {
  vi.doUnmock('../../src/token/find');
  vi.resetModules();
});

describe('useInspection: the bare-token reader first, the full paste scanner once it has loaded', () => {
  it('reads a bare token in the first render, before the scanner has loaded', async () => {
    const { useInspection } = await import('../../src/app/use-inspection');
    const first: { raw: string | null; pending: boolean }[] = [];
    renderHook(() => {
      const inspection = useInspection(`  ${jwt}\n`, 0);
      first.push({ raw: inspection.token?.raw ?? null, pending: inspection.pending });
      return inspection;
    });
    // The very first render's answer, not one after the scanner's effect.
    expect(first[0]).toEqual({ raw: jwt, pending: false });
  });

  it('says "pending" for a command until the scanner loads, then finds its token', async () => {
    const { useInspection } = await import('../../src/app/use-inspection');
    const seen: boolean[] = [];
    const { result } = renderHook(() => {
      const inspection = useInspection(CURL, 0);
      seen.push(inspection.pending);
      return inspection;
    });
    expect(seen[0]).toBe(true);
    await waitFor(() => expect(result.current.pending).toBe(false));
    expect(result.current.failure).toBeNull();
    expect(result.current.found).toEqual({
      ok: true,
      tokens: [{ value: jwt, source: 'curl', label: 'Authorization' }],
    });
    expect(result.current.token?.raw).toBe(jwt);
  });

  it('names the failure when the scanner cannot load, and still reads bare tokens', async () => {
    vi.doMock('../../src/token/find', () => Promise.reject(new Error('offline')));
    const { useInspection } = await import('../../src/app/use-inspection');
    const { result, rerender } = renderHook(({ text }) => useInspection(text, 0), {
      initialProps: { text: CURL },
    });
    await waitFor(() => expect(result.current.failure?.code).toBe('scanner-not-loaded'));
    expect(result.current.pending).toBe(false);
    expect(result.current.token).toBeNull();
    rerender({ text: jwt });
    expect(result.current.failure).toBeNull();
    expect(result.current.token?.raw).toBe(jwt);
  });
});
