/// <reference types="vitest/config" />
import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { renameSync, rmSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { contentSecurityPolicy, parseExtraOrigins } from './scripts/vite-csp.ts';
import { VitePWA } from 'vite-plugin-pwa';
import { singleFile } from './scripts/vite-single-file.ts';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The page starts with src/app/boot.ts (the summary before React) and imports the React app from there, after
 * the first paint. Two changes to the built index.html:
 * - The first module's script is render-blocking (`blocking="render"`): for a linked token the first frame is
 *   then the static screen with the summary already in it, not the bare shell laid out and painted once and
 *   then again with the summary (measured: the extra frame cost about 30–50 ms before the summary showed).
 * - The app chunk and every chunk it imports statically (only what the first screen needs; lazy sections and
 *   views stay lazy) are named in `<meta name="tokenscope:app-files">`, which boot.ts turns into module
 *   preloads when it starts the app: fetched together, not one import after another, and not before the
 *   first frame, where the page timing showed prefetching them held the summary back by about 30 ms.
 * scripts/check-build.mjs counts both as first-load JS.
 */
function firstScreen(bootEntry: string, appEntry: string): Plugin {
  return {
    name: 'tokenscope:first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const bundle = ctx.bundle;
        // Only the app's page: the sign-in redirect bridge (redirect.html) runs no app code.
        if (!bundle || ctx.path !== '/index.html') return html;
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        // index.html is the entry (its script is a module of the entry chunk), so not `facadeModuleId` here.
        const boot = chunks.find((c) => c.isEntry && c.moduleIds.includes(bootEntry));
        if (!boot) throw new Error('tokenscope:first-screen: no entry chunk holds src/app/boot.ts');
        const base = ctx.server?.config.base ?? '/';
        const tag = new RegExp(`<script type="module"([^>]*) src="${base}${boot.fileName}"`);
        if (!tag.test(html)) throw new Error(`tokenscope:first-screen: no script tag for ${boot.fileName}`);
        const out = html.replace(
          tag,
          `<script type="module"$1 blocking="render" src="${base}${boot.fileName}"`,
        );
        const app = chunks.find((c) => c.facadeModuleId === appEntry);
        // Not a chunk of its own when the page loads it directly: nothing to preload then.
        if (!app) return out;
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          chunks.find((c) => c.fileName === fileName)?.imports.forEach(visit);
        };
        visit(app.fileName);
        const list = [...files].filter((f) => f !== boot.fileName).map((f) => `${base}${f}`);
        return {
          html: out,
          tags: [
            {
              tag: 'meta',
              attrs: { name: 'tokenscope:app-files', content: list.join(' ') },
              injectTo: 'head' as const,
            },
          ],
        };
      },
    },
  };
}

/**
 * Vite wraps every lazy `import()` in a helper that first loads the chunk's CSS and module-preload list. This
 * build has neither (`cssCodeSplit: false`, `modulePreload: false` below), so each list is empty and the helper
 * (about 0.7 KB gz in the first module) only defers the import by a microtask: replaced by a plain call. Only
 * when both options are off; otherwise Vite's own helper stays.
 */
function plainLazyImports(): Plugin {
  const helperId = '\0vite/preload-helper.js';
  let listsAreEmpty = false;
  return {
    name: 'tokenscope:plain-lazy-imports',
    apply: 'build',
    enforce: 'pre',
    configResolved(config) {
      listsAreEmpty = config.build.cssCodeSplit === false && config.build.modulePreload === false;
    },
    load(id) {
      if (!listsAreEmpty || id !== helperId) return null;
      return 'export const __vitePreload = (load) => load();';
    },
  };
}

/**
 * The offline service worker (src/app/sw.ts), built by Vite and given the build's file list by Workbox.
 * Registered by src/app/service-worker.tsx (no injected registration script: the CSP allows no inline
 * script, and the update prompt is ours). No web manifest: the app is not an installable PWA.
 */
function serviceWorker() {
  return VitePWA({
    strategies: 'injectManifest',
    srcDir: 'src/app',
    filename: 'sw.ts',
    injectRegister: false,
    manifest: false,
    injectManifest: {
      // The shell, every built chunk and style (lazy catalog and panels too) and the icon. Not the sign-in
      // redirect bridge (it needs the network anyway) nor the host configuration files.
      globPatterns: ['**/*.{html,js,css,svg}'],
      globIgnores: ['redirect.html', 'sw.js'],
      // Hashed names change with their content: no revision needed.
      dontCacheBustURLsMatching: /^assets\//,
      maximumFileSizeToCacheInBytes: 1024 * 1024,
    },
  });
}

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
        if (req.url?.startsWith('/redirect.html'))
          req.url = req.url.replace('/redirect.html', '/src/auth/redirect.html');
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

export default defineConfig(({ mode }) => {
  // Build-time only: the sign-in origins the Content-Security-Policy allows besides Entra's (scripts/vite-csp.ts).
  const env = { ...loadEnv(mode, here('.'), 'VITE_'), ...process.env };
  const extraOrigins = parseExtraOrigins(env.VITE_EXTRA_AUTHORITIES, (m) => console.warn(m));
  // `--mode single`: one HTML file for file:// (no sign-in redirect page, no service worker).
  const single = mode === 'single';
  return {
    plugins: [
      react(),
      ...(single
        ? singleFile(here('.'))
        : [
            redirectBridgeAtRoot(),
            firstScreen(here('./src/app/boot.ts'), here('./src/app/main.tsx')),
            plainLazyImports(),
            serviceWorker(),
          ]),
      contentSecurityPolicy({ extraOrigins, single }),
    ],
    // The single file needs nothing beside it: the favicon is inlined, the header files are for servers.
    ...(single ? { publicDir: false as const } : {}),
    build: {
      target: 'es2022',
      // No module-preload lists in the lazy imports: the app's first-load chunks are preloaded by boot.ts from
      // the list firstScreen (above) writes into index.html; a lazy section's own imports are fetched as the browser reads it (after the first
      // paint, mostly shared chunks already loaded). The lists and the helper's work on them cost first-load
      // bytes and time in the first render (issue 16).
      modulePreload: false,
      // One stylesheet for the whole app (about 4 KB gz), linked by index.html: a lazy section then brings no
      // CSS file of its own, so the first render starts no stylesheet requests and a warm load has fewer files.
      cssCodeSplit: false,
      ...(single ? { outDir: 'dist-single' } : {}),
      rolldownOptions: {
        input: {
          main: here('./index.html'),
          ...(single ? {} : { redirect: here('./src/auth/redirect.html') }),
        } as Record<string, string>,
        // React, React DOM and the scheduler in one chunk (not four): gzip shares one dictionary across them,
        // and the page fetches one file less. (The single file inlines everything anyway.)
        ...(single
          ? {}
          : {
              output: {
                codeSplitting: {
                  groups: [{ name: 'react', test: /node_modules[\\/](?:react|react-dom|scheduler)[\\/]/ }],
                },
              },
            }),
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
  };
});
