import { preview, type PreviewServer } from 'vite';
import { existsSync } from 'node:fs';
import { E2E_DIST, SPA_PORT } from './constants.mjs';
import { startOp } from './op-server';

// Starts what the browser tests talk to, all on loopback: the built app under `vite preview` and the
// local OpenID provider the sign-in tests use (test/e2e/support/op-server.ts).
export default async function setup(): Promise<() => Promise<void>> {
  if (!existsSync(`${E2E_DIST}/index.html`)) {
    throw new Error(`${E2E_DIST}/index.html is missing: run the browser tests through "npm test".`);
  }
  const op = await startOp();
  let server: PreviewServer;
  try {
    server = await preview({
      logLevel: 'warn',
      build: { outDir: E2E_DIST },
      preview: { host: '127.0.0.1', port: SPA_PORT, strictPort: true },
    });
  } catch (error) {
    await op.close();
    throw error;
  }
  return async () => {
    await server.close();
    await op.close();
  };
}
