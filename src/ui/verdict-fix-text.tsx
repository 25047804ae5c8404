// Splits a fix sentence into text and in-app links (#consent&…, #grant&…). The links never carry a token.
const LINK = /#(?:consent|grant)&[^\s)]+/g;

export interface FixTextProps {
  readonly text: string;
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
export function VerdictFixText({ text }: FixTextProps) {
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
