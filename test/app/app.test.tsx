import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/app';
import { graphDelegatedV1, idTokenV2, makeToken, TENANT_ID } from '../fixtures/make-token';

const graphToken = makeToken(graphDelegatedV1());

function setHash(hash: string) {
  window.history.replaceState(null, '', `/${hash}`);
}

beforeEach(() => setHash(''));
afterEach(() => setHash(''));

describe('deep links', () => {
  it.each([
    ['#token=', graphToken, 'Access token'],
    ['#access_token=', graphToken, 'Access token'],
    ['#id_token=', makeToken(idTokenV2()), 'ID token'],
  ])('reads %s, inspects it and drops it from the URL', async (prefix, token, kind) => {
    setHash(`${prefix}${token}&token_type=Bearer&state=xyz`);
    render(<App />);
    const summary = await screen.findByRole('region', { name: 'Token summary' });
    expect(summary).toHaveTextContent(kind);
    expect(summary).toHaveTextContent(TENANT_ID);
    expect(window.location.href).not.toContain(token);
    // The redirect's companions (token_type, state) go with the token.
    expect(window.location.hash).toBe('');
    expect(screen.getByLabelText('Token or text containing a token')).toHaveValue(token);
  });

  it('inspects a token that arrives by hashchange after load', async () => {
    render(<App />);
    await act(async () => {
      window.location.hash = `#token=${graphToken}`;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('region', { name: 'Token summary' })).toHaveTextContent('Access token');
    expect(window.location.href).not.toContain(graphToken);
  });
});

describe('navigation', () => {
  it('marks the current page in the main navigation and switches views by hash', async () => {
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Inspect' })).toHaveAttribute('aria-current', 'page');
    await act(async () => {
      window.location.hash = '#catalog&q=Mail';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(within(nav).getByRole('link', { name: 'Catalog' })).toHaveAttribute('aria-current', 'page');
    expect(document.title).toBe('Catalog · Tokenscope');
    expect(screen.queryByLabelText('Token or text containing a token')).not.toBeInTheDocument();
  });

  it('names the app and promises nothing leaves the page', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Tokenscope' })).toBeInTheDocument();
    expect(screen.getByText('Nothing leaves this page')).toBeInTheDocument();
  });
});

describe('Clear', () => {
  it('wipes the text, the inspection and the route parameters', async () => {
    const user = userEvent.setup();
    setHash('#error=access_denied');
    render(<App />);
    const box = screen.getByLabelText('Token or text containing a token');
    await user.click(box);
    await user.paste(graphToken);
    expect(await screen.findByRole('region', { name: 'Token summary' })).toHaveTextContent('Access token');
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(screen.getByLabelText('Token or text containing a token')).toHaveValue('');
    expect(screen.queryByRole('region', { name: 'Token summary' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'Claims' })).toBeNull();
    expect(window.location.hash).toBe('');
  });
});

describe('the live clock', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('turns a valid token into an expired one as time passes, without any input', async () => {
    vi.useFakeTimers({
      now: new Date('2026-11-23T12:00:00Z'),
      toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
    const exp = Date.parse('2026-11-23T12:00:03Z') / 1000;
    setHash(`#token=${makeToken({ ...graphDelegatedV1(), iat: exp - 3600, nbf: exp - 3600, exp })}`);
    render(<App />);
    const summary = screen.getByRole('region', { name: 'Token summary' });
    expect(summary).toHaveTextContent('Valid');
    await act(async () => {
      vi.advanceTimersByTime(5000);
    });
    expect(summary).toHaveTextContent('Expired');
  });
});
