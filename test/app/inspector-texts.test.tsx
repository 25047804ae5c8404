import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { InspectorView } from '../../src/app/inspector-view';
import { useInspection } from '../../src/app/use-inspection';
import { loadCatalog, type Catalog } from '../../src/catalog';
import { graphAppOnlyV2, makeToken } from '../fixtures/make-token';

// Lazy chunks (sections, splitter) load slowly on a shared machine: give each test room.
vi.setConfig({ testTimeout: 30_000 });

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

const REQUEST = 'GET https://graph.microsoft.com/v1.0/users';
const REQUEST_ID = '11111111-2222-3333-4444-555555555555';
const DENIED = `{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation.","innerError":{"request-id":"${REQUEST_ID}"}}}`;
const token = makeToken({ ...graphAppOnlyV2(), roles: ['Mail.Read'] });
const MISSING = /none of the application permissions GET \/users accepts/;

/** The inspector wired as the app wires it; a new `hash` is a new route (rerender keeps the pasted text). */
function Live({ hash, initialText = token }: { hash: string; initialText?: string }) {
  const [text, setText] = useState(initialText);
  const params = new URLSearchParams(hash);
  const inspection = useInspection(text, 0);
  return (
    <InspectorView
      // As the app does: a new link's parameters start the page afresh.
      key={params.toString()}
      params={params}
      catalog={catalog}
      names={null}
      linkNotice={null}
      onDismissNotice={() => undefined}
      text={text}
      onTextChange={setText}
      onClear={() => setText('')}
      inspection={inspection}
      onSelect={() => undefined}
    />
  );
}

// The sections are lazy chunks: their first import in a test run can take a while.
const LAZY = { timeout: 15_000 };
const requestField = () =>
  screen.findByLabelText('Request (METHOD URL, curl or PowerShell)', undefined, LAZY);
const errorField = () => screen.findByLabelText('API error text', undefined, LAZY);
const reportPreview = async () =>
  within(await screen.findByRole('region', { name: 'Report' }, LAZY)).getByLabelText('Report preview');

describe('the request and answer fields next to the token', () => {
  it('puts a typed request into the report', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    render(<Live hash="" />);
    expect(await reportPreview()).not.toHaveTextContent(REQUEST);
    await user.click(await requestField());
    await user.paste(REQUEST);
    await expect.poll(async () => (await reportPreview()).textContent).toContain(`\`${REQUEST}\``);
    expect(await reportPreview()).toHaveTextContent(/## Verdict: /);
    const report = screen.getByRole('region', { name: 'Report' });
    expect(within(report).queryByRole('textbox')).toBeNull();
    expect(within(report).getByRole('button', { name: 'Copy report' })).toBeInTheDocument();
    expect(within(report).getByRole('button', { name: 'Copy redacted claims' })).toBeInTheDocument();
  });

  it('cross-checks the pasted answer against the typed request', { timeout: 20_000 }, async () => {
    const user = userEvent.setup();
    render(<Live hash="" />);
    await user.click(await errorField());
    await user.paste(DENIED);
    const region = await screen.findByRole('region', { name: 'Error explanation' }, LAZY);
    expect(await within(region).findByText(REQUEST_ID, undefined, LAZY)).toBeInTheDocument();
    expect(region).not.toHaveTextContent(MISSING);
    await user.click(await requestField());
    await user.paste(REQUEST);
    expect((await within(region).findAllByText(MISSING, undefined, LAZY)).length).toBeGreaterThan(0);
    expect(region).toHaveTextContent('User.ReadBasic.All');
    await expect.poll(async () => (await reportPreview()).textContent).toContain(REQUEST_ID);
  });

  it(
    'starts from #request=…&error=… and resets to a new link, keeping nothing typed',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup();
      const hash = `request=${encodeURIComponent(REQUEST)}&error=${encodeURIComponent(DENIED)}`;
      const { rerender } = render(<Live hash={hash} />);
      expect(await requestField()).toHaveValue(REQUEST);
      expect(await errorField()).toHaveValue(DENIED);
      const region = screen.getByRole('region', { name: 'Error explanation' });
      expect((await within(region).findAllByText(MISSING, undefined, LAZY)).length).toBeGreaterThan(0);
      expect(await reportPreview()).toHaveTextContent(REQUEST_ID);

      await user.type(await requestField(), '/extra');
      expect(await requestField()).toHaveValue(`${REQUEST}/extra`);
      rerender(<Live hash="error=AADSTS50105" />);
      expect(await requestField()).toHaveValue('');
      expect(await errorField()).toHaveValue('AADSTS50105');
      const fresh = await screen.findByRole('region', { name: 'Error explanation' }, LAZY);
      expect(
        (await within(fresh).findAllByText(/User not assigned to the app/, undefined, LAZY)).length,
      ).toBeGreaterThan(0);
    },
  );

  it('explains #error=… alone', async () => {
    render(<Live hash={`error=${encodeURIComponent(DENIED)}`} initialText="" />);
    const region = await screen.findByRole('region', { name: 'Error explanation' }, LAZY);
    expect(await within(region).findByText(REQUEST_ID)).toBeInTheDocument();
    expect(await requestField()).toHaveValue('');
  });

  it('empties the request and error on Clear', async () => {
    const user = userEvent.setup();
    render(<Live hash={`request=${encodeURIComponent(REQUEST)}&error=${encodeURIComponent(DENIED)}`} />);
    expect(await requestField()).toHaveValue(REQUEST);
    await user.click(screen.getByRole('button', { name: /clear/i }));
    expect(await requestField()).toHaveValue('');
    expect(await errorField()).toHaveValue('');
  });

  it('takes a whole curl command pasted into the token box apart into the three fields', async () => {
    const user = userEvent.setup();
    render(<Live hash="" initialText="" />);
    const box = screen.getByLabelText('Token or text containing a token');
    await user.click(box);
    await user.paste(
      `curl -sS 'https://graph.microsoft.com/v1.0/users' \\\n  -H 'Authorization: Bearer ${token}'\n${DENIED}`,
    );
    // The splitter is its own chunk, loaded on the first paste that may hold a command.
    await waitFor(() => expect(box).toHaveValue(token), LAZY);
    expect(await requestField()).toHaveValue(REQUEST);
    expect(await errorField()).toHaveValue(DENIED);
    await waitFor(
      () => expect(screen.getByRole('region', { name: 'Answer' })).toHaveTextContent('Denied'),
      LAZY,
    );
    // The fields stay editable after the split.
    await user.clear(await requestField());
    await user.paste('GET https://graph.microsoft.com/v1.0/me');
    expect(await requestField()).toHaveValue('GET https://graph.microsoft.com/v1.0/me');
  }, 20_000);

  it('shows the same findings in the answer card and the error explanation', async () => {
    render(<Live hash={`request=${encodeURIComponent(REQUEST)}&error=${encodeURIComponent(DENIED)}`} />);
    const region = await screen.findByRole('region', { name: 'Error explanation' }, LAZY);
    expect((await within(region).findAllByText(MISSING, undefined, LAZY)).length).toBeGreaterThan(0);
    expect(screen.getByRole('region', { name: 'Answer' })).toHaveTextContent(MISSING);
  });
});
