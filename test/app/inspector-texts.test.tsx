import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import { InspectorView } from '../../src/app/inspector-view';
import { useInspection } from '../../src/app/use-inspection';
import { loadCatalog, type Catalog } from '../../src/catalog';
import { graphAppOnlyV2, makeToken } from '../fixtures/make-token';
import { NOW } from '../diagnose/load-token';

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
  const inspection = useInspection(text, 0, NOW);
  return (
    <InspectorView
      // A fresh URLSearchParams every render, as a careless caller would pass: the texts key on its content.
      params={params}
      onToken={setText}
      catalog={catalog}
      now={NOW}
      navigate={() => undefined}
      text={text}
      onTextChange={setText}
      onClear={() => setText('')}
      inspection={inspection}
      onSelect={() => undefined}
    />
  );
}

// The sections are lazy chunks: their first import in a test run can take a while.
const LAZY = { timeout: 5000 };
const requestField = () =>
  screen.findByLabelText('Request (METHOD URL, curl or PowerShell)', undefined, LAZY);
const errorField = () => screen.findByLabelText('API error text', undefined, LAZY);
const reportPreview = async () =>
  within(await screen.findByRole('region', { name: 'Report' }, LAZY)).getByLabelText('Report preview');

describe('the request and error text shared by the inspector sections', () => {
  it('puts a request typed into the verdict field into the report', async () => {
    const user = userEvent.setup();
    render(<Live hash="" />);
    expect(await reportPreview()).not.toHaveTextContent(REQUEST);
    await user.type(await requestField(), REQUEST);
    await expect.poll(async () => (await reportPreview()).textContent).toContain(`\`${REQUEST}\``);
    expect(await reportPreview()).toHaveTextContent(/## Verdict: /);
    const report = screen.getByRole('region', { name: 'Report' });
    expect(within(report).queryByRole('textbox')).toBeNull();
    expect(within(report).getByRole('button', { name: 'Copy report' })).toBeInTheDocument();
    expect(within(report).getByRole('button', { name: 'Copy redacted claims' })).toBeInTheDocument();
  });

  it("cross-checks the error explanation against the verdict field's request", async () => {
    const user = userEvent.setup();
    render(<Live hash="" />);
    await user.click(await errorField());
    await user.paste(DENIED);
    const region = screen.getByRole('region', { name: 'Error explanation' });
    expect(await within(region).findByText(REQUEST_ID)).toBeInTheDocument();
    expect(region).not.toHaveTextContent(MISSING);
    await user.type(await requestField(), REQUEST);
    expect(await within(region).findByText(MISSING)).toBeInTheDocument();
    expect(region).toHaveTextContent('User.ReadBasic.All');
    await expect.poll(async () => (await reportPreview()).textContent).toContain(REQUEST_ID);
  });

  it('starts from #request=…&error=… and resets to a new link, keeping nothing typed', async () => {
    const user = userEvent.setup();
    const hash = `request=${encodeURIComponent(REQUEST)}&error=${encodeURIComponent(DENIED)}`;
    const { rerender } = render(<Live hash={hash} />);
    expect(await requestField()).toHaveValue(REQUEST);
    expect(await errorField()).toHaveValue(DENIED);
    const region = screen.getByRole('region', { name: 'Error explanation' });
    expect(await within(region).findByText(MISSING)).toBeInTheDocument();
    expect(await reportPreview()).toHaveTextContent(REQUEST_ID);

    await user.type(await requestField(), '/extra');
    expect(await requestField()).toHaveValue(`${REQUEST}/extra`);
    rerender(<Live hash="error=AADSTS50105" />);
    expect(await requestField()).toHaveValue('');
    expect(await errorField()).toHaveValue('AADSTS50105');
    expect(await within(region).findByText(/User not assigned to the app/)).toBeInTheDocument();
  });

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
});
