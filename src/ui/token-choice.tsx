import { useId } from 'react';

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
