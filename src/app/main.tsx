import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/theme.css';
import { App } from './app';
import { carryOverTyped } from './boot-handoff';

// Loaded by src/app/boot.ts, which has already put the first screen (and a linked token's summary) on the
// page: this first render replaces it with the same content.
const root = document.getElementById('root');
if (root) {
  // Text typed into the static first screen while this loaded is typed into the app's fields.
  carryOverTyped(document, root);
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
// The offline worker and its update prompt wait for the load event: nothing of them is needed to show a token.
const startWorker = () => void import('./service-worker').then((sw) => sw.startServiceWorker());
if (document.readyState === 'complete') startWorker();
else window.addEventListener('load', startWorker, { once: true });
