import { useId } from 'react';

export interface PasteBoxProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly onClear: () => void;
  /** Shown next to the buttons, e.g. "2 tokens found". */
  readonly status?: string;
}

/** The labelled box people paste a token, header, curl command or URL into. */
export function PasteBox({ value, onChange, onClear, status }: PasteBoxProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="paste-box">
      <label htmlFor={id}>Token or text containing a token</label>
      <textarea
        id={id}
        aria-describedby={hintId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        placeholder="eyJ0eXAiOi… or Authorization: Bearer eyJ… or a curl command or redirect URL"
      />
      <p id={hintId} className="muted">
        A bare token, a Bearer header, a curl or PowerShell command, or a redirect URL. It stays in this tab.
      </p>
      <div className="paste-actions">
        <button type="button" onClick={onClear}>
          Clear
        </button>
        <span className="muted" role="status">
          {status ?? ''}
        </span>
      </div>
    </div>
  );
}
