import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../ui/theme.css';
import { App } from './app';

const root = document.getElementById('root');
if (root) {
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
