import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/app';
import { preloadAppFiles, writeFirstScreen } from '../../src/app/boot-summary';

import indexHtml from '../../index.html?raw';
import tokenFixtures from '../fixtures/tokens.json';

const tokens = tokenFixtures as Record<string, string>;

/** The page as index.html has it, before any script: a document of its own. */
function staticPage(): Document {
  return new DOMParser().parseFromString(indexHtml, 'text/html');
}

/** Markup to compare: no whitespace-only text, generated ids named alike, a textarea's value as an attribute. */
function normalized(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  const walk = (node: Node) => {
    for (const child of [...node.childNodes]) {
      if (child.nodeType === 3 && (child.textContent ?? '').trim() === '') child.remove();
      else walk(child);
    }
  };
  walk(copy);
  for (const e of [copy, ...copy.querySelectorAll('*')]) {
    for (const name of ['id', 'for', 'aria-describedby'])
      if (e.hasAttribute(name)) e.setAttribute(name, e.getAttribute(name)!.replace(/^.*?(-hint)?$/, 'id$1'));
    if (e.localName === 'textarea') {
      e.setAttribute('data-value', (e as HTMLTextAreaElement).value);
      e.textContent = '';
    }
  }
  return copy.outerHTML.replace(/>\s+</g, '><');
}

/** Each row of a summary region as "label: text". */
function rows(section: Element): string[] {
  const out: string[] = [];
  section.querySelectorAll('dt').forEach((dt) => {
    const dd = dt.nextElementSibling;
    out.push(`${dt.textContent}: ${(dd?.textContent ?? '').replace(/\s+/g, ' ').trim()}`);
  });
  return out;
}

function renderApp(hash: string) {
  window.history.replaceState(null, '', `/${hash}`);
  return render(<App />);
}

afterEach(() => window.history.replaceState(null, '', '/'));

describe('the first screen before React (index.html and src/app/boot)', () => {
  it.each([
    ['the site header', 'header.site-header'],
    ['the introduction', 'div.inspector-intro'],
    ['the paste box', 'section[aria-label="Paste a token"]'],
  ])('index.html has %s exactly as React renders it', (_name, selector) => {
    const page = staticPage();
    const { container } = renderApp('');
    const ours = page.querySelector(selector);
    const reacts = container.querySelector(selector);
    expect(ours).not.toBeNull();
    expect(reacts).not.toBeNull();
    expect(normalized(ours!)).toBe(normalized(reacts!));
  });

  it.each([
    'graph-delegated-v1',
    'graph-app-only-v2',
    'defender-managed-identity',
    'id-token-v2',
    'guest-v2',
    'b2c',
    'usgov-delegated-v1',
    'expired',
    'not-yet-valid',
    'hostile-claims',
  ])('writes the summary of a %s link as React then renders it (same words, same rows)', (name) => {
    const token = tokens[name]!;
    const hash = `#token=${token}`;
    const page = staticPage();
    expect(writeFirstScreen(page, hash, new Date())).toBe('summary');
    const ours = page.querySelector('section[aria-label="Token summary"]')!;
    const { container } = renderApp(hash);
    const reacts = container.querySelector('section[aria-label="Token summary"]')!;
    expect(reacts).not.toBeNull();
    // The paste box holds the token, as React's does.
    expect(page.querySelector('textarea')!.value).toBe(token);
    // Same place: right after the paste box.
    expect(ours.previousElementSibling?.getAttribute('aria-label')).toBe('Paste a token');
    expect(ours.querySelector('h2')?.textContent).toBe(reacts.querySelector('h2')?.textContent);
    expect(ours.querySelector('p')?.textContent).toBe(reacts.querySelector('p')?.textContent);
    expect(ours.querySelector('p')?.className).toBe(reacts.querySelector('p')?.className);
    // Every row alike, except that React adds the local time after the first paint (it needs Intl).
    const withoutLocal = rows(reacts).map((r) => r.replace(/ · [^·]* local$/, ''));
    expect(rows(ours)).toEqual(withoutLocal);
    expect([...ours.querySelectorAll('dd span')].map((s) => s.className)).toEqual(
      [...reacts.querySelectorAll('dd span')].map((s) => s.className),
    );
  });

  it.each([
    ['no hash', ''],
    ['a hash without a token', '#request=GET%20https://graph.microsoft.com/v1.0/me'],
    ['a token that does not decode', '#token=not-a-token'],
  ])('leaves the static first screen as it is for %s', (_name, hash) => {
    const page = staticPage();
    expect(writeFirstScreen(page, hash, new Date())).toBe('shell');
    expect(page.querySelector('section[aria-label="Token summary"]')).toBeNull();
  });

  it('empties the static inspector for another page, which the app then renders', () => {
    const page = staticPage();
    expect(writeFirstScreen(page, '#catalog&q=mail', new Date())).toBe('other-route');
    expect(page.querySelector('section[aria-label="Paste a token"]')).toBeNull();
    expect(page.querySelector('.site-nav [aria-current]')).toBeNull();
    expect(page.querySelector('header.site-header')).not.toBeNull();
  });

  it('treats hostile claim text as text: no element comes from a claim value', () => {
    const page = staticPage();
    writeFirstScreen(page, `#token=${tokens['hostile-claims']}`, new Date());
    const summary = page.querySelector('section[aria-label="Token summary"]')!;
    expect(summary.querySelectorAll('script, img, iframe')).toHaveLength(0);
  });

  it('leaves a link whose token is not bare to the app, which reads it once its paste scanner has loaded', async () => {
    const token = tokens['graph-delegated-v1']!;
    const hash = `#token=${encodeURIComponent(`Bearer ${token}`)}`;
    const page = staticPage();
    expect(writeFirstScreen(page, hash, new Date())).toBe('shell');
    expect(page.querySelector('section[aria-label="Token summary"]')).toBeNull();
    renderApp(hash);
    const summary = await screen.findByRole('region', { name: 'Token summary' }, { timeout: 10_000 });
    await waitFor(() => expect(summary).toHaveTextContent('Access token'), { timeout: 10_000 });
  });
});

describe('the app files the first module preloads when it starts the app (preloadAppFiles)', () => {
  it('adds one module preload per file the build lists, fetched as the module scripts are', () => {
    const page = staticPage();
    const meta = page.createElement('meta');
    meta.name = 'tokenscope:app-files';
    meta.content = '/assets/main-a.js /assets/react-b.js';
    page.head.append(meta);
    expect(preloadAppFiles(page)).toBe(2);
    const links = [...page.head.querySelectorAll('link[rel="modulepreload"]')];
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['/assets/main-a.js', '/assets/react-b.js']);
    expect(links.every((l) => l.getAttribute('crossorigin') === '')).toBe(true);
  });

  it('adds nothing without the list (the dev server, the single file)', () => {
    const page = staticPage();
    expect(preloadAppFiles(page)).toBe(0);
    expect(page.querySelectorAll('link[rel="modulepreload"]')).toHaveLength(0);
  });
});

describe('what the first module hands the app (src/app/boot-handoff)', () => {
  // Each fresh copy of the hand-off listens for hash changes until told to stop, as the page's one would.
  let stop = () => {};
  afterEach(() => {
    stop();
    document.body.replaceChildren();
    vi.resetModules();
  });

  /** A fresh copy of the hand-off and the app (the kept hash is page-wide). */
  async function load() {
    vi.resetModules();
    const handoff = await import('../../src/app/boot-handoff');
    const { carryOverTyped } = await import('../../src/app/boot-carry-over');
    stop = () => handoff.stopHandingOver();
    const { App: FreshApp } = await import('../../src/app/app');
    return { ...handoff, carryOverTyped, FreshApp };
  }

  it.each([
    ['#token=', `#token=${tokens['graph-delegated-v1']}&token_type=Bearer&state=s1`, ''],
    [
      '#access_token= with a request',
      `#access_token=${tokens['graph-delegated-v1']}&request=GET%20x`,
      '#request=GET+x',
    ],
    ['a comparison link', `#compare&compare=${tokens['graph-app-only-v2']}`, '#compare'],
  ])(
    'removes the token of a %s link from the address bar at once and keeps the hash for the app',
    async (_n, hash, left) => {
      const { scrubAndHandOver, initialHash } = await load();
      window.history.replaceState(null, '', `/${hash}`);
      scrubAndHandOver(window);
      expect(window.location.hash).toBe(left);
      expect(window.location.href).not.toContain('eyJ');
      expect(initialHash()).toBe(hash);
    },
  );

  it('leaves a hash without a credential alone, and hands over the current hash once the page moved on', async () => {
    const { scrubAndHandOver, initialHash } = await load();
    window.history.replaceState(null, '', '/#catalog&q=mail');
    scrubAndHandOver(window);
    expect(window.location.hash).toBe('#catalog&q=mail');
    window.history.replaceState(null, '', `/#token=${tokens['id-token-v2']}`);
    scrubAndHandOver(window);
    window.history.replaceState(null, '', '/#consent');
    expect(initialHash()).toBe('#consent');
  });

  it('takes a token put into the hash before the app listens out of the address bar too, until the app starts', async () => {
    const { scrubAndHandOver, stopHandingOver, initialHash } = await load();
    const changed = () => new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
    window.history.replaceState(null, '', '/');
    scrubAndHandOver(window);
    const later = `#token=${tokens['graph-app-only-v2']}`;
    let seen = changed();
    window.location.hash = later;
    await seen;
    expect(window.location.href).not.toContain('eyJ');
    expect(initialHash()).toBe(later);
    // Once the app listens, the hash is its own to read and scrub.
    stopHandingOver();
    seen = changed();
    window.location.hash = `#token=${tokens['id-token-v2']}`;
    await seen;
    expect(window.location.hash).toBe(`#token=${tokens['id-token-v2']}`);
  });

  it('the app inspects the linked token the first module took out of the address bar', async () => {
    const { scrubAndHandOver, FreshApp } = await load();
    window.history.replaceState(null, '', `/#token=${tokens['graph-delegated-v1']}`);
    scrubAndHandOver(window);
    render(<FreshApp />);
    expect(screen.getByLabelText('Token or text containing a token')).toHaveValue(
      tokens['graph-delegated-v1'],
    );
    expect(screen.getByRole('region', { name: 'Token summary' })).toHaveTextContent('Access token');
    expect(window.location.href).not.toContain('eyJ');
  });

  /** index.html's static first screen in this document, as the page has it before the app renders. */
  function staticRoot(): HTMLElement {
    const page = staticPage();
    const root = page.getElementById('root')!;
    document.body.append(document.importNode(root, true));
    return document.getElementById('root')!;
  }

  it.each([
    ['the token box', 0, 'Token or text containing a token', tokens['graph-app-only-v2']!],
    [
      'the request field',
      1,
      'Request (METHOD URL, curl or PowerShell)',
      'GET https://graph.microsoft.com/v1.0/users',
    ],
    ['the API error text', 2, 'API error text', '{"error":{"code":"Forbidden"}}'],
  ])(
    'keeps what was typed into %s before the app replaced it, and its focus',
    async (_n, index, label, typed) => {
      const { carryOverTyped, FreshApp } = await load();
      window.history.replaceState(null, '', '/');
      const root = staticRoot();
      const fields = [...root.querySelectorAll('textarea')];
      fields[index]!.focus();
      fields[index]!.value = typed;
      carryOverTyped(document, root, fields, index);
      render(<FreshApp />, { container: root });
      const box = await screen.findByLabelText(label);
      await waitFor(() => expect(box).toHaveValue(typed));
      expect(box).toHaveFocus();
      expect(root.querySelector('[data-boot]')).toBeNull();
    },
  );

  it('types nothing over the app when nothing was typed (the linked token the first module wrote stays as it is)', async () => {
    const { carryOverTyped, FreshApp } = await load();
    const token = tokens['graph-delegated-v1']!;
    window.history.replaceState(
      null,
      '',
      `/#token=${token}&request=GET%20https%3A%2F%2Fgraph.microsoft.com%2Fv1.0%2Fme`,
    );
    const root = staticRoot();
    writeFirstScreen(document, window.location.hash, new Date());
    const seen: string[] = [];
    root.addEventListener('input', (e) => seen.push((e.target as HTMLTextAreaElement).value));
    carryOverTyped(document, root, [...root.querySelectorAll('textarea')], -1);
    render(<FreshApp />, { container: root });
    expect(await screen.findByLabelText('Request (METHOD URL, curl or PowerShell)')).toHaveValue(
      'GET https://graph.microsoft.com/v1.0/me',
    );
    expect(screen.getByLabelText('Token or text containing a token')).toHaveValue(token);
    expect(seen).toEqual([]);
  });

  it('carries the typed text over when it loads after the app has already replaced the static screen', async () => {
    const { carryOverTyped, FreshApp } = await load();
    window.history.replaceState(null, '', '/');
    const root = staticRoot();
    const fields = [...root.querySelectorAll('textarea')];
    fields[1]!.value = 'GET https://graph.microsoft.com/v1.0/me';
    render(<FreshApp />, { container: root });
    const request = await screen.findByLabelText('Request (METHOD URL, curl or PowerShell)');
    expect(request).toHaveValue('');
    carryOverTyped(document, root, fields, -1);
    await waitFor(() => expect(request).toHaveValue('GET https://graph.microsoft.com/v1.0/me'));
  });
});
