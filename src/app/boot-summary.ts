import {
  classifyToken,
  decodeToken,
  describeExpiry,
  findBareToken,
  summarizeToken,
  type TokenSummaryText,
} from '../token';
import { parseHash } from './routing';

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * The "Token summary" region as src/ui/token-summary.tsx renders it, built with DOM calls (text only, never
 * HTML) from the same `summarizeToken` rows, for the page before React boots. Leaves out the local times
 * (they need Intl, which waits until after the first paint; React's render adds them).
 */
export function buildSummary(doc: Document, summary: TokenSummaryText, emptyText: string): HTMLElement {
  const section = element(doc, 'section', undefined, 'panel summary');
  section.setAttribute('aria-label', 'Token summary');
  section.append(
    element(doc, 'h2', 'Token summary'),
    element(doc, 'p', summary.headline ?? emptyText, summary.headline ? 'summary-headline' : 'muted'),
  );
  const list = element(doc, 'dl');
  for (const row of summary.rows) {
    const value = element(doc, 'dd');
    if (row.badge) value.append(element(doc, 'span', row.badge.text, `badge ${row.badge.tone}`), ' ');
    value.append(row.text);
    if (row.detail) value.append(element(doc, 'span', ` · ${row.detail}`, 'muted'));
    list.append(element(doc, 'dt', row.label), value);
  }
  section.append(list);
  return section;
}

/** Fills the static first screen for the current hash. Returns what it did, for tests. */
export function writeFirstScreen(
  doc: Document,
  hash: string,
  now: Date,
): 'summary' | 'shell' | 'other-route' {
  const inspector = doc.querySelector('[data-boot="inspect"]');
  const { route, token } = parseHash(hash);
  if (route !== 'inspect') {
    // Another page: the static inspector would only flash before the app replaces it.
    inspector?.replaceChildren();
    doc.querySelector('.site-nav [aria-current]')?.removeAttribute('aria-current');
    return 'other-route';
  }
  const paste = inspector?.querySelector('section[aria-label="Paste a token"]');
  const box = paste?.querySelector('textarea');
  if (!token || !paste || !box) return 'shell';
  // As the page's own text (not a typed value): src/app/boot-carry-over.ts tells the two apart.
  box.defaultValue = token;
  // Only a bare token here: anything else (a header, a command) waits for the app's full paste scanner.
  const found = findBareToken(token);
  const decoded = found?.ok && found.tokens[0] ? decodeToken(found.tokens[0].value) : null;
  if (!decoded?.ok) return 'shell';
  const facts = classifyToken(decoded.token);
  const summary = summarizeToken(facts, null, describeExpiry(decoded.token.payload, now));
  paste.after(buildSummary(doc, summary, ''));
  return 'summary';
}

/**
 * Adds a module preload for each chunk the build names in `<meta name="tokenscope:app-files">` (vite.config.ts),
 * so the React app's files arrive together. Does nothing without that list (the dev server, the single file)
 * and checks nothing about the files: a wrong name only costs a wasted request, the import still works.
 */
export function preloadAppFiles(doc: Document): number {
  const list = doc.querySelector('meta[name="tokenscope:app-files"]')?.getAttribute('content') ?? '';
  const files = list.split(' ').filter((f) => f.startsWith('/'));
  for (const href of files) {
    const link = doc.createElement('link');
    link.rel = 'modulepreload';
    // As the page's module scripts are fetched (Vite's `crossorigin`), so the preload is the one they use.
    link.crossOrigin = '';
    link.href = href;
    doc.head.append(link);
  }
  return files.length;
}
