// @vitest-environment node
// The header files in public/ are what a host serves before any build rewrites them: keep them the policy.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { buildCsp, hashInlineCode, parseExtraOrigins, SECURITY_HEADERS } from '../../scripts/vite-csp.ts';

const policy = buildCsp({ extraOrigins: [], forHeader: true });

describe('the deployable header files', () => {
  it('public/_headers carries the policy and the security headers', () => {
    const text = readFileSync('public/_headers', 'utf8');
    expect(text).toContain(`Content-Security-Policy: ${policy}\n`);
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(text).toContain(`${name}: ${value}\n`);
  });

  it('isolates the window from cross-origin openers but keeps the sign-in popup working', () => {
    expect(SECURITY_HEADERS['Cross-Origin-Opener-Policy']).toBe('same-origin-allow-popups');
    expect(readFileSync('public/_headers', 'utf8')).toContain(
      'Cross-Origin-Opener-Policy: same-origin-allow-popups\n',
    );
  });

  it('public/staticwebapp.config.json carries them as globalHeaders', () => {
    const swa = JSON.parse(readFileSync('public/staticwebapp.config.json', 'utf8')) as {
      globalHeaders: Record<string, string>;
    };
    expect(swa.globalHeaders).toEqual({ 'Content-Security-Policy': policy, ...SECURITY_HEADERS });
  });
});

describe('buildCsp', () => {
  it('never allows inline or eval code, and frames the app nowhere', () => {
    expect(policy).not.toMatch(/unsafe-|\*/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(buildCsp({ extraOrigins: [], forHeader: false })).not.toContain('frame-ancestors');
  });

  it('adds extra authorities to connect-src and frame-src only', () => {
    const csp = buildCsp({ extraOrigins: ['https://login.example.com'], forHeader: false });
    const withOrigin = csp
      .split('; ')
      .filter((d) => d.includes('https://login.example.com'))
      .map((d) => d.split(' ')[0]);
    expect(withOrigin).toEqual(['connect-src', 'frame-src']);
  });

  it('allows inline code of the single file by hash', () => {
    const csp = buildCsp({
      extraOrigins: [],
      forHeader: false,
      scriptHashes: ['sha256-abc='],
      styleHashes: ['sha256-def='],
    });
    expect(csp).toContain("script-src 'self' 'sha256-abc='");
    expect(csp).toContain("style-src 'self' 'sha256-def='");
  });
});

describe('parseExtraOrigins', () => {
  it.each([
    ['https://a.example, https://b.example/', ['https://a.example', 'https://b.example'], 0],
    ['http://insecure.example', [], 1],
    ['https://a.example/path', [], 1],
    ['*', [], 1],
    ["https://a.example;script-src 'unsafe-inline'", [], 1],
    ['', [], 0],
  ])('parses %j', (raw, origins, warnings) => {
    const warn = vi.fn();
    expect(parseExtraOrigins(raw, warn)).toEqual(origins);
    expect(warn).toHaveBeenCalledTimes(warnings);
  });
});

describe('hashInlineCode', () => {
  it('hashes inline scripts and styles, not external scripts', () => {
    const html = '<script type="module">a()</script><script src="/x.js"></script><style>p{}</style>';
    const { scripts, styles } = hashInlineCode(html);
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(scripts[0]).toMatch(/^sha256-[A-Za-z0-9+/]+=*$/);
  });
});
