import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/theme.css';
import { App } from './app';
import { stopHandingOver } from './boot-handoff';

// Loaded by src/app/boot.ts, which has already put the first screen (and a linked token's summary) on the
// page: this first render replaces it with the same content.
const root = document.getElementById('root');
if (root) {
  // Text typed into the static first screen while this loaded is typed into the app's fields (the static
  // fields keep their values once replaced). From its first render on, the app reads the hash and takes
  // tokens out of it (src/app/use-hash-route.ts).
  const fields = [...root.querySelectorAll('[data-boot="inspect"] textarea')] as HTMLTextAreaElement[];
  const focused = fields.indexOf(document.activeElement as HTMLTextAreaElement);
  stopHandingOver();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  if (fields.length > 0)
    void import('./boot-carry-over').then((m) => m.carryOverTyped(document, root, fields, focused));
}
// The offline worker and its update prompt wait for the load event: nothing of them is needed to show a token.
const startWorker = () => void import('./service-worker').then((sw) => sw.startServiceWorker());
if (document.readyState === 'complete') startWorker();
else window.addEventListener('load', startWorker, { once: true });
