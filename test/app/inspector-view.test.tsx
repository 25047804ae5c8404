import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { InspectorView } from '../../src/app/inspector-view';
import { useInspection, type PageInspection } from '../../src/app/use-inspection';
import type { FoundToken, TokenErrorCode } from '../../src/token';
import { titleForTokenError } from '../../src/ui/token-error';
import { graphAppOnlyV2, graphDelegatedV1, makeToken } from '../fixtures/make-token';

// Lazy chunks (sections, splitter) load slowly on a shared machine: give each test room.
vi.setConfig({ testTimeout: 30_000 });

const common = {
  params: new URLSearchParams(),
  catalog: null,
  names: null,
  linkNotice: null,
  onDismissNotice: () => undefined,
};

function renderWith(inspection: PageInspection, extra: Partial<Parameters<typeof InspectorView>[0]> = {}) {
  const handlers = { onTextChange: vi.fn(), onClear: vi.fn(), onSelect: vi.fn() };
  render(<InspectorView {...common} {...handlers} text="pasted" inspection={inspection} {...extra} />);
  return handlers;
}

/** The inspector wired to the real token layer, as the app does. */
function Live() {
  const [text, setText] = useState('');
  const [selected, setSelected] = useState(0);
  const inspection = useInspection(text, selected);
  return (
    <InspectorView
      {...common}
      text={text}
      onTextChange={setText}
      onClear={() => setText('')}
      inspection={inspection}
      onSelect={setSelected}
    />
  );
}

// Sections and the token choice are lazy chunks: their first import in a test run can take a while.
const LAZY = { timeout: 15_000 };

describe('the paste box', () => {
  it('is labelled and inspects what is pasted', async () => {
    const user = userEvent.setup();
    render(<Live />);
    await user.click(screen.getByLabelText('Token or text containing a token'));
    await user.paste(makeToken(graphDelegatedV1()));
    const summary = screen.getByRole('region', { name: 'Token summary' });
    expect(summary).toHaveTextContent('Access token');
    expect(summary).toHaveTextContent('v1.0');
    expect(summary).toHaveTextContent('Delegated');
    expect(summary).toHaveTextContent('https://graph.microsoft.com');
    // The claim explanations are a lazy chunk: the region is there at once, its rows a moment later.
    await waitFor(
      () => expect(screen.getByRole('region', { name: 'Claims' })).toHaveTextContent('scp'),
      LAZY,
    );
    expect(screen.getByText('1 token found')).toBeInTheDocument();
  });

  it('says what the tool does and shows no empty tables before a token arrives', async () => {
    render(<Live />);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Why does this token get 403?' }),
    ).toBeInTheDocument();
    for (const name of ['Token summary', 'Claims', 'Raw header and payload', 'Answer'])
      expect(screen.queryByRole('region', { name })).toBeNull();
    expect(screen.queryByText('—')).toBeNull();
    expect(
      await screen.findByRole('heading', { name: 'Try an example' }, { timeout: 5000 }),
    ).toBeInTheDocument();
  });
});

describe('several tokens in one paste', () => {
  const tokens: FoundToken[] = [
    { value: makeToken(graphDelegatedV1()), source: 'authorization-header', label: 'Authorization' },
    { value: makeToken(graphAppOnlyV2()), source: 'url-fragment', label: 'access_token' },
  ];
  const inspection: PageInspection = {
    found: { ok: true, tokens },
    selectedIndex: 1,
    failure: null,
    token: null,
    pending: false,
  };

  it('lists them as a radio group with the chosen one checked', async () => {
    renderWith(inspection);
    const group = await screen.findByRole('group', { name: '2 tokens found: choose one to inspect' }, LAZY);
    expect(group).toBeInTheDocument();
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(2);
    expect(radios[1]).toBeChecked();
    expect(radios[0]).toHaveAccessibleName(/Token 1 \(Authorization header, Authorization\)/);
  });

  it('picks another with the keyboard', async () => {
    const user = userEvent.setup();
    const { onSelect } = renderWith({ ...inspection, selectedIndex: 0 });
    (await screen.findAllByRole('radio', undefined, LAZY))[0]!.focus();
    await user.keyboard('{ArrowDown}');
    expect(onSelect).toHaveBeenCalledWith(1);
  });
});

describe('errors', () => {
  const codes: TokenErrorCode[] = [
    'too-large',
    'no-token-found',
    'opaque',
    'encrypted',
    'two-segments',
    'wrong-segment-count',
    'not-base64url',
    'not-json',
    'not-object',
  ];

  it.each([...codes, 'scanner-not-loaded' as const])(
    'explains %s with a title and the message',
    async (code) => {
      const message = `message for ${code}`;
      const failsToFind = code === 'too-large' || code === 'no-token-found';
      const error = { code, message };
      renderWith({
        found:
          code === 'scanner-not-loaded'
            ? { ok: true, tokens: [] }
            : failsToFind
              ? { ok: false, error: { code, message } }
              : { ok: true, tokens: [{ value: 'x.y', source: 'bare', label: null }] },
        selectedIndex: failsToFind || code === 'scanner-not-loaded' ? null : 0,
        failure: error,
        token: null,
        pending: false,
      });
      expect(await screen.findByText(titleForTokenError(code))).toBeInTheDocument();
      expect(screen.getByText(`message for ${code}`)).toBeInTheDocument();
      expect(titleForTokenError(code)).not.toBe('Cannot read this token');
    },
  );

  it('shows no error for an empty box', () => {
    renderWith(
      {
        found: { ok: false, error: { code: 'empty', message: 'Nothing was pasted.' } },
        selectedIndex: null,
        failure: { code: 'empty', message: 'Nothing was pasted.' },
        token: null,
        pending: false,
      },
      { text: '' },
    );
    expect(screen.queryByText('Nothing was pasted.')).not.toBeInTheDocument();
  });
});

describe('Clear', () => {
  it('empties the box', async () => {
    const user = userEvent.setup();
    render(<Live />);
    await user.click(screen.getByLabelText('Token or text containing a token'));
    await user.paste(makeToken(graphDelegatedV1()));
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByLabelText('Token or text containing a token')).toHaveValue('');
    expect(screen.queryByRole('region', { name: 'Token summary' })).toBeNull();
  });
});
