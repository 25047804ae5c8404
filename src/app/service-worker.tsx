import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { config } from './config';
import './service-worker.css';

/** The parts of a registration the update watch needs (a fake in tests). */
export interface UpdateSource {
  readonly waiting: { postMessage(message: unknown): void } | null;
  readonly installing: {
    readonly state: string;
    addEventListener(type: 'statechange', listener: () => void): void;
  } | null;
  addEventListener(type: 'updatefound', listener: () => void): void;
}

/**
 * Calls `onWaiting` once a new version has installed and is waiting, but only when a page is already
 * controlled (the very first install is not an "update"). Does not activate anything by itself.
 */
export function watchForUpdate(
  registration: UpdateSource,
  hasController: () => boolean,
  onWaiting: () => void,
): void {
  if (registration.waiting && hasController()) {
    onWaiting();
    return;
  }
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && hasController()) onWaiting();
    });
  });
}

export interface UpdatePromptProps {
  readonly onReload: () => void;
}

/** "New version available — Reload". */
export function UpdatePrompt({ onReload }: UpdatePromptProps) {
  const [busy, setBusy] = useState(false);
  return (
    <aside aria-label="Update" className="update-prompt">
      <p role="status">New version available.</p>
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          onReload();
        }}
      >
        Reload
      </button>
    </aside>
  );
}

function showPrompt(registration: ServiceWorkerRegistration) {
  const host = document.createElement('div');
  document.body.append(host);
  createRoot(host).render(
    <UpdatePrompt
      onReload={() => {
        navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
          once: true,
        });
        registration.waiting?.postMessage('skip-waiting');
      }}
    />,
  );
}

interface TrustedTypesFactory {
  createPolicy(
    name: string,
    rules: { createScriptURL: (url: string) => string },
  ): { createScriptURL: (url: string) => unknown };
}

/**
 * The worker's URL as a TrustedScriptURL where the browser enforces Trusted Types (the policy requires it
 * for `register`); the plain string elsewhere. The "tokenscope" policy passes this one URL and no other.
 */
function trustedWorkerUrl(url: string): string {
  const factory = (window as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory) return url;
  const policy = factory.createPolicy('tokenscope', {
    createScriptURL: (candidate) => {
      if (candidate !== url) throw new TypeError(`Not the app's service worker: ${candidate}`);
      return candidate;
    },
  });
  // register() accepts a TrustedScriptURL where Trusted Types exist; TypeScript's DOM types only say string.
  return policy.createScriptURL(url) as string;
}

/**
 * Registers the offline service worker (src/app/sw.ts, built by vite-plugin-pwa) in production builds
 * served over http(s), and shows the update prompt when a new version waits. Does nothing in dev, from
 * file:// (the single-file build) or where service workers are unavailable. Never throws.
 */
export function startServiceWorker(): void {
  if (!config.production || !/^https?:$/.test(window.location.protocol) || !('serviceWorker' in navigator))
    return;
  const register = () => {
    let url: string;
    try {
      url = trustedWorkerUrl(`${config.baseUrl}sw.js`);
    } catch {
      return; // A page that refuses the policy runs without offline support, as without a worker.
    }
    navigator.serviceWorker
      .register(url, { scope: config.baseUrl })
      .then((registration) =>
        watchForUpdate(
          registration,
          () => navigator.serviceWorker.controller !== null,
          () => showPrompt(registration),
        ),
      )
      .catch(() => {
        // Offline support is an extra: the app works the same without it.
      });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
