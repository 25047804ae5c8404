// Splits a fix sentence into text and in-app links (#consent&…, #grant&…). The links never carry a token.
const LINK = /#(?:consent|grant)&[^\s)]+/g;

import type { FixAction } from '../token';

export interface FixTextProps {
  readonly text: string;
  /** The fix's actions: consent and grant actions become builder links after the text. */
  readonly actions?: readonly FixAction[];
}

// Bridge until the panel renders actions through the app's hrefFor(route): same links as before.
function hrefOf(action: FixAction): string | null {
  const params = new URLSearchParams();
  if (action.kind === 'consent') {
    if (action.tenantId) params.set('tenant', action.tenantId);
    if (action.clientId) params.set('client_id', action.clientId);
    params.set('scope', action.scope);
    params.set('cloud', action.cloud ?? 'public');
    return `#consent&${params.toString()}`;
  }
  if (action.kind === 'grant') {
    if (action.principalId) params.set('principal_id', action.principalId);
    params.set('api', action.resourceAppId);
    params.set('permission', action.permission);
    return `#grant&${params.toString()}`;
  }
  return null;
}

/** "open the grant builder for Ti.ReadWrite.All": the permission in the text, so links differ by name. */
function linkText(href: string): string {
  const params = new URLSearchParams(href.slice(href.indexOf('&') + 1));
  if (href.startsWith('#grant'))
    return `open the grant builder for ${params.get('permission') ?? 'this permission'}`;
  const scope = params.get('scope') ?? '';
  return `open the consent builder for ${scope.slice(scope.lastIndexOf('/') + 1) || 'this permission'}`;
}

/** A fix sentence with its builder links made clickable. */
export function VerdictFixText({ text, actions = [] }: FixTextProps) {
  const parts: { kind: 'text' | 'link'; value: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index;
    // A sentence full stop or comma right after the link belongs to the sentence.
    const href = match[0].replace(/(?<![.,;])[.,;]+$/, '');
    if (start > last) parts.push({ kind: 'text', value: text.slice(last, start) });
    parts.push({ kind: 'link', value: href });
    last = start + href.length;
  }
  if (last < text.length) parts.push({ kind: 'text', value: text.slice(last) });
  for (const action of actions) {
    const href = hrefOf(action);
    if (href) parts.push({ kind: 'text', value: ' ' }, { kind: 'link', value: href });
  }
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'link' ? (
          <a key={i} href={p.value}>
            {linkText(p.value)}
          </a>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </>
  );
}
