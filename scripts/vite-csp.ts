// Build-time Content-Security-Policy: one policy, written into every built HTML page as a <meta>, into the
// deployable header files (public/_headers, public/staticwebapp.config.json) and into `vite preview`'s
// headers. Extra sign-in authorities (VITE_EXTRA_AUTHORITIES) are read here, at build time, from the
// environment the build runs in. The dev server is left alone: it injects inline scripts of its own.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { parseAuthorities } from '../src/app/parse-authorities.ts';
import { GRAPH_ORIGINS, SIGN_IN_ORIGINS } from '../src/token/clouds.ts';

// Entra's sign-in hosts (token, metadata and key requests) and Microsoft Graph (live checks after sign-in),
// in every cloud: from the one home of cloud facts.
export { GRAPH_ORIGINS, SIGN_IN_ORIGINS };

/** Parses VITE_EXTRA_AUTHORITIES (comma-separated https origins) as the app does; anything else is dropped, loudly. */
export function parseExtraOrigins(
  raw: string | undefined,
  warn: (message: string) => void = () => {},
): string[] {
  const { origins, problems } = parseAuthorities(raw);
  for (const problem of problems) {
    warn(`VITE_EXTRA_AUTHORITIES: ${problem.message} Left out of the Content-Security-Policy.`);
  }
  return origins;
}

export interface CspOptions {
  readonly extraOrigins: readonly string[];
  /** 'sha256-…' sources for inline scripts and styles (single-file build only). */
  readonly scriptHashes?: readonly string[];
  readonly styleHashes?: readonly string[];
  /** Headers can carry frame-ancestors; a <meta> policy ignores it (and Chrome warns), so it is left out there. */
  readonly forHeader: boolean;
}

/** The policy, as one header value. */
export function buildCsp({
  extraOrigins,
  scriptHashes = [],
  styleHashes = [],
  forHeader,
}: CspOptions): string {
  const q = (hashes: readonly string[]) => hashes.map((h) => `'${h}'`);
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", ...q(scriptHashes)],
    ['style-src', "'self'", ...q(styleHashes)],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...SIGN_IN_ORIGINS, ...GRAPH_ORIGINS, ...extraOrigins],
    // MSAL renews tokens in hidden iframes that start at the sign-in host and end on our redirect page.
    ['frame-src', "'self'", ...SIGN_IN_ORIGINS, ...extraOrigins],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    // MSAL navigates with location, never a form post; no form here submits anywhere.
    ['form-action', "'none'"],
    // Trusted Types: no string reaches a script sink (innerHTML, script src, eval…) unchecked. The app's one
    // sink is the service worker's URL, which passes only through the "tokenscope" policy.
    ['require-trusted-types-for', "'script'"],
    ['trusted-types', 'tokenscope'],
  ];
  if (forHeader) directives.push(['frame-ancestors', "'none'"]);
  return directives.map((d) => d.join(' ')).join('; ');
}

/** Headers every response should carry, besides the policy. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
};

const INLINE_PLACEHOLDER = 'sha256-inline-hashes-added-after-inlining';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** Hashes of the inline <script> and <style> bodies of a page, as CSP sources. */
export function hashInlineCode(html: string): { scripts: string[]; styles: string[] } {
  const bodies = (tag: string) =>
    [...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'gi'))]
      .filter((m) => tag !== 'script' || !/\ssrc=/i.test(m[1] ?? ''))
      .map((m) => m[2] ?? '');
  return {
    scripts: [...new Set(bodies('script').map(sha256))],
    styles: [...new Set(bodies('style').map(sha256))],
  };
}

const metaTag = (policy: string) => `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;

/** Reads the policy back out of a built page. */
export function readMetaCsp(html: string): string | null {
  return /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html)?.[1] ?? null;
}

export interface CspPluginOptions {
  readonly extraOrigins: readonly string[];
  /** The single-file build: inline code is allowed by hash, never by 'unsafe-inline'. */
  readonly single: boolean;
}

/**
 * Adds the policy to every built HTML page (first thing in <head>), rewrites the deployable header files
 * in the output with the same policy plus frame-ancestors, and serves it from `vite preview`.
 */
export function contentSecurityPolicy({ extraOrigins, single }: CspPluginOptions): Plugin {
  let outDir = 'dist';
  const metaPolicy = buildCsp({
    extraOrigins,
    forHeader: false,
    ...(single ? { scriptHashes: [INLINE_PLACEHOLDER], styleHashes: [INLINE_PLACEHOLDER] } : {}),
  });
  const headerPolicy = buildCsp({ extraOrigins, forHeader: true });
  return {
    name: 'tokenscope:content-security-policy',
    // Builds and `vite preview`; never the dev server, whose inline scripts the policy would block.
    apply: (_config, env) => env.command === 'build' || env.isPreview === true,
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        return html.replace(/<head>/i, `<head>\n    ${metaTag(metaPolicy)}`);
      },
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        if (!single) return;
        // Runs after vite-plugin-singlefile has inlined everything: hash what is now inline.
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html') || typeof file.source !== 'string')
            continue;
          const { scripts, styles } = hashInlineCode(file.source);
          const policy = buildCsp({
            extraOrigins,
            forHeader: false,
            scriptHashes: scripts,
            styleHashes: styles,
          });
          file.source = file.source.replace(metaTag(metaPolicy), metaTag(policy));
        }
      },
    },
    writeBundle() {
      if (single) return;
      const headersFile = resolve(outDir, '_headers');
      if (existsSync(headersFile)) {
        const text = readFileSync(headersFile, 'utf8');
        writeFileSync(headersFile, text.replace(/(Content-Security-Policy: ).*/, `$1${headerPolicy}`));
      }
      const swaFile = resolve(outDir, 'staticwebapp.config.json');
      if (existsSync(swaFile)) {
        const swa = JSON.parse(readFileSync(swaFile, 'utf8')) as { globalHeaders?: Record<string, string> };
        swa.globalHeaders = { ...swa.globalHeaders, 'Content-Security-Policy': headerPolicy };
        writeFileSync(swaFile, `${JSON.stringify(swa, null, 2)}\n`);
      }
    },
    configurePreviewServer(server) {
      // Serve what a deployment would: the policy of the build being previewed, as a header.
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', headerPolicyOf(outDir) ?? headerPolicy);
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
        next();
      });
    },
  };
}

/** The header policy for a built folder: its page's meta policy plus frame-ancestors. */
function headerPolicyOf(outDir: string): string | null {
  const index = resolve(outDir, 'index.html');
  if (!existsSync(index)) return null;
  const meta = readMetaCsp(readFileSync(index, 'utf8'));
  return meta === null ? null : `${meta}; frame-ancestors 'none'`;
}
