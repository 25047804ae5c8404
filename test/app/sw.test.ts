import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (event: unknown) => void;

// A stand-in for the worker's global scope: records listeners, and a cache storage that only names caches.
function fakeWorkerScope() {
  const listeners = new Map<string, Listener[]>();
  const scope = {
    registration: { scope: `${window.location.origin}/` },
    clients: { claim: vi.fn(async () => {}) },
    skipWaiting: vi.fn(async () => {}),
    __WB_MANIFEST: [
      { url: 'index.html', revision: 'abc' },
      { url: 'favicon.svg', revision: 'def' },
      { url: 'assets/main-1234.js', revision: null },
      { url: 'assets/catalog-5678.js', revision: null },
    ],
    addEventListener: (type: string, listener: Listener) =>
      listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    caches: {
      keys: vi.fn(async () => ['tokenscope-0123456789ab', 'tokenscope-precache', 'someone-else']),
      delete: vi.fn(async () => true),
      open: vi.fn(async () => ({ match: async () => undefined, put: async () => {}, keys: async () => [] })),
      match: vi.fn(async () => undefined),
    },
  };
  const dispatch = (type: string, event: unknown) => listeners.get(type)?.forEach((l) => l(event));
  return { scope, dispatch, listeners };
}

async function startWorker() {
  const fake = fakeWorkerScope();
  vi.stubGlobal('self', fake.scope);
  vi.stubGlobal('caches', fake.scope.caches);
  vi.resetModules();
  await import('../../src/app/sw');
  return fake;
}

/** Dispatches a fetch and tells whether the worker answered it (called respondWith). */
function answers(fake: ReturnType<typeof fakeWorkerScope>, url: string, method = 'GET', mode = 'cors') {
  const respondWith = vi.fn((p: Promise<unknown>) => void p.catch(() => {}));
  const request = new Request(url, { method });
  // A page's navigation has mode "navigate", which a Request cannot be constructed with.
  Object.defineProperty(request, 'mode', { value: mode });
  fake.dispatch('fetch', {
    request,
    respondWith,
    waitUntil: (p: Promise<unknown>) => void p.catch(() => {}),
  });
  return respondWith.mock.calls.length > 0;
}

describe('the service worker', () => {
  beforeEach(() => vi.spyOn(console, 'warn').mockImplementation(() => {}));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const here = window.location.origin;
  it.each([
    ['a built, hashed file', `${here}/assets/main-1234.js`, 'GET', 'no-cors', true],
    ['a lazy catalog chunk', `${here}/assets/catalog-5678.js`, 'GET', 'cors', true],
    ['the shell at the scope root', `${here}/`, 'GET', 'navigate', true],
    ['the shell with a query', `${here}/index.html?x=1`, 'GET', 'navigate', true],
    ['a POST to a built file', `${here}/assets/main-1234.js`, 'POST', 'cors', false],
    ['a same-origin file the build does not list', `${here}/api/data.json`, 'GET', 'cors', false],
    ['the sign-in redirect bridge', `${here}/redirect.html?code=abc`, 'GET', 'navigate', false],
    ['sign-in at Entra', 'https://login.microsoftonline.com/common/oauth2/v2.0/token', 'GET', 'cors', false],
    ['a Graph call', 'https://graph.microsoft.com/v1.0/me/memberOf', 'GET', 'cors', false],
    ['signing keys', 'https://login.microsoftonline.com/common/discovery/v2.0/keys', 'GET', 'cors', false],
    [
      'a cross-origin file with a listed path',
      'https://example.test/assets/main-1234.js',
      'GET',
      'cors',
      false,
    ],
  ])('%s: answered %s', async (_name, url, method, mode, expected) => {
    const fake = await startWorker();
    expect(answers(fake, url, method, mode)).toBe(expected);
  });

  it('answers other navigations of the app from the network first (a deep path the host rewrites)', async () => {
    const fake = await startWorker();
    expect(answers(fake, `${here}/some/deep/path`, 'GET', 'navigate')).toBe(true);
  });

  it('does not activate a new version by itself: skipWaiting only on the "Reload" message', async () => {
    const fake = await startWorker();
    fake.dispatch('install', { waitUntil: (p: Promise<unknown>) => void p.catch(() => {}) });
    expect(fake.scope.skipWaiting).not.toHaveBeenCalled();
    fake.dispatch('message', { data: 'something else' });
    expect(fake.scope.skipWaiting).not.toHaveBeenCalled();
    fake.dispatch('message', { data: 'skip-waiting' });
    expect(fake.scope.skipWaiting).toHaveBeenCalledTimes(1);
  });

  it('on activation deletes the caches of earlier workers, keeps others, and takes control', async () => {
    const fake = await startWorker();
    const waits: Promise<unknown>[] = [];
    fake.dispatch('activate', { waitUntil: (p: Promise<unknown>) => waits.push(p) });
    await Promise.allSettled(waits);
    expect(fake.scope.caches.delete).toHaveBeenCalledWith('tokenscope-0123456789ab');
    expect(fake.scope.caches.delete).not.toHaveBeenCalledWith('tokenscope-precache');
    expect(fake.scope.caches.delete).not.toHaveBeenCalledWith('someone-else');
    expect(fake.scope.clients.claim).toHaveBeenCalled();
  });
});
