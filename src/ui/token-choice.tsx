import { useId, useMemo } from 'react';
import { decodeToken, type FoundToken, type TokenSource } from '../token';

export interface TokenChoiceItem {
  readonly value: string;
  /** Where it was found, e.g. "Authorization header". */
  readonly origin: string;
  /** What it is, when it can be read, e.g. "for https://graph.microsoft.com, v2.0". */
  readonly description: string | null;
}

export interface TokenChoiceProps {
  readonly tokens: readonly TokenChoiceItem[];
  readonly selectedIndex: number;
  readonly onSelect: (index: number) => void;
}

function shorten(token: string): string {
  return token.length <= 40 ? token : `${token.slice(0, 24)}…${token.slice(-12)}`;
}

/** Lets a person pick which of several tokens in the paste to inspect (a radio group: arrows move). */
export function TokenChoice({ tokens, selectedIndex, onSelect }: TokenChoiceProps) {
  const name = useId();
  return (
    <fieldset className="token-choice">
      <legend>{tokens.length} tokens found: choose one to inspect</legend>
      {tokens.map((token, index) => (
        <label key={`${index}-${token.value.slice(-16)}`}>
          <input
            type="radio"
            name={name}
            value={index}
            checked={index === selectedIndex}
            onChange={() => onSelect(index)}
          />
          <span>
            Token {index + 1} ({token.origin}){token.description ? `, ${token.description}` : ''}:{' '}
            <code>{shorten(token.value)}</code>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

const SOURCE: Record<TokenSource, string> = {
  bare: 'bare token',
  bearer: 'Bearer value',
  'authorization-header': 'Authorization header',
  curl: 'curl command',
  powershell: 'PowerShell command',
  'url-fragment': 'URL fragment',
  'url-query': 'URL query',
  json: 'JSON',
};

// Tells several tokens apart by what they are for: their prefixes (the header) are often identical.
function describe(found: FoundToken): string | null {
  const decoded = decodeToken(found.value);
  if (!decoded.ok) return null;
  const { aud, ver } = decoded.token.payload;
  const parts = [typeof aud === 'string' ? `for ${aud}` : null, typeof ver === 'string' ? `v${ver}` : null];
  return parts.filter(Boolean).join(', ') || null;
}

function originOf(found: FoundToken): string {
  const source = SOURCE[found.source];
  return found.label ? `${source}, ${found.label}` : source;
}

/** The choice for tokens as found in a paste: each told apart by where it was and what it is for. */
export function FoundTokenChoice({
  found,
  ...rest
}: Omit<TokenChoiceProps, 'tokens'> & { readonly found: readonly FoundToken[] }) {
  const tokens = useMemo(
    () => found.map((f) => ({ value: f.value, origin: originOf(f), description: describe(f) })),
    [found],
  );
  return <TokenChoice tokens={tokens} {...rest} />;
}
