/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { renameSync, rmSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The MSAL v5 redirect bridge lives beside the auth code (src/auth/redirect.html) but must be
 * served at /redirect.html, the redirect URI users register.
 */
function redirectBridgeAtRoot(): Plugin {
  let outDir = 'dist';
  return {
    name: 'tokenscope:redirect-bridge-at-root',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url?.startsWith('/redirect.html')) req.url = req.url.replace('/redirect.html', '/src/auth/redirect.html');
        next();
      });
    },
    closeBundle() {
      const built = resolve(outDir, 'src/auth/redirect.html');
      if (!existsSync(built)) return;
      renameSync(built, resolve(outDir, 'redirect.html'));
      rmSync(resolve(outDir, 'src'), { recursive: true, force: true });
    },
  };
}

export default defineConfig(() => ({
  plugins: [react(), redirectBridgeAtRoot()],
  build: {
    target: 'es2022',
    rolldownOptions: {
      input: { main: here('./index.html'), redirect: here('./src/auth/redirect.html') },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    projects: [
      {
        extends: true as const,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**'],
          setupFiles: ['test/setup.ts'],
        },
      },
      {
        extends: true as const,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/e2e/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
}));
