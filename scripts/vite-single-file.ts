// `vite build --mode single`: one self-contained HTML file (dist-single/index.html) that works opened from
// disk, for air-gapped admins. Every chunk, lazy ones included, is inlined by vite-plugin-singlefile; the
// favicon becomes a data: URL; the Content-Security-Policy allows the inline code by hash (scripts/vite-csp.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin, PluginOption } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

/** Inlines the favicon, which a file:// page could not otherwise load. */
function inlineFavicon(root: string): Plugin {
  return {
    name: 'tokenscope:inline-favicon',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const svg = readFileSync(resolve(root, 'public/favicon.svg'));
        return html.replace(
          /href="\.?\/favicon\.svg"/,
          `href="data:image/svg+xml;base64,${svg.toString('base64')}"`,
        );
      },
    },
  };
}

/** The plugins of the single-file build. */
export function singleFile(root: string): PluginOption[] {
  return [inlineFavicon(root), viteSingleFile({ removeViteModuleLoader: true })];
}
