// The offline service worker, built by vite-plugin-pwa (injectManifest: Vite builds this file and Workbox
// writes the build's file list into `self.__WB_MANIFEST`). It precaches the app shell and every built file,
// lazy catalog and panel chunks included, so the app works offline after the first visit. It only ever
// handles same-origin GET requests: sign-in, Graph and key fetches go to the network untouched, and nothing
// is cached at run time. A new version waits until the user picks "Reload" (src/app/service-worker.tsx).
import { PrecacheController, PrecacheRoute, type PrecacheEntry } from 'workbox-precaching';
import { NavigationRoute, Router } from 'workbox-routing';

// The parts of the worker's global scope used here (the project's types are the page's, not a worker's).
interface WorkerEvent {
  waitUntil(promise: Promise<unknown>): void;
}
interface WorkerFetchEvent extends WorkerEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerInstallEvent extends WorkerEvent {
  /** The Service Worker Static Routing API (Chromium): routes the browser follows without running this worker. */
  readonly addRoutes?: (routes: readonly unknown[]) => Promise<void>;
}
interface WorkerScope {
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  readonly __WB_MANIFEST: (PrecacheEntry | string)[];
  skipWaiting(): Promise<void>;
  addEventListener(type: 'fetch', listener: (event: WorkerFetchEvent) => void): void;
  addEventListener(type: 'install', listener: (event: WorkerInstallEvent) => void): void;
  addEventListener(type: 'activate', listener: (event: WorkerEvent) => void): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
}

// In this file `self` is the worker's scope, not the page's window.
declare const self: WorkerScope;
const SCOPE = new URL(self.registration.scope);
const CACHE = 'tokenscope-precache';
const SHELL = new URL('index.html', SCOPE).href;

const precache = new PrecacheController({ cacheName: CACHE });
// Adds the install step (fetch every listed file, no skipWaiting) and the activate step (drop stale entries).
precache.precache(self.__WB_MANIFEST);

const router = new Router();
// Built files, cache first: their names carry a content hash, or their revision is in the manifest.
router.registerRoute(
  new PrecacheRoute(precache, { ignoreURLParametersMatching: [/./], directoryIndex: 'index.html' }),
);
// Any other page of the app (its routes live in the hash, so this is the shell) comes from the network when
// it can, so a deep path the host rewrites still works, and falls back to the precached shell offline.
const shellHandler = precache.createHandlerBoundToURL(SHELL);
router.registerRoute(
  new NavigationRoute(
    async (options) => {
      try {
        return await fetch(options.request);
      } catch {
        return shellHandler(options);
      }
    },
    // The sign-in redirect bridge must reach the network with its query: never answered from here.
    { denylist: [/^\/redirect\.html/] },
  ),
);

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Cross-origin requests (sign-in, Graph, signing keys) are never seen, answered or cached here.
  if (url.origin !== SCOPE.origin) return;
  const response = router.handleRequest({ request, event: event as never });
  if (response) event.respondWith(response);
});

self.addEventListener('install', (event) => {
  // Warm loads: for the app's hashed files (same origin, GET) the browser races the network (its HTTP cache:
  // they are immutable) against this worker's precache, so a load need not wait for the worker to start.
  // Offline the worker answers. ('cache' as the source broke offline reloads: test/e2e/offline.e2e.test.ts.)
  if (typeof event.addRoutes !== 'function' || typeof URLPattern !== 'function') return;
  event.waitUntil(
    event
      .addRoutes([
        {
          condition: {
            urlPattern: new URLPattern({ pathname: `${SCOPE.pathname}assets/*` }),
            requestMethod: 'GET',
          },
          source: 'race-network-and-fetch-handler',
        },
      ])
      .catch(() => {}),
  );
});

self.addEventListener('activate', (event) => {
  // Caches of earlier workers (the hand-written one named them tokenscope-<version>), then take this page.
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('tokenscope-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') void self.skipWaiting();
});
