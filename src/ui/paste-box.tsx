import { useId } from 'react';

export interface PasteBoxProps {
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly onClear: () => void;
  /** Shown next to the buttons, e.g. "2 tokens found". */
  readonly status?: string;
  /** Called when the box gets focus (the page starts fetching what a paste will need). */
  readonly onFocus?: () => void;
  /** Puts focus in the box when it mounts (after Clear, which starts the page afresh). */
  readonly autoFocus?: boolean;
}

/** The labelled box people paste a token, header, curl command or URL into. */
export function PasteBox({ value, onChange, onClear, status, onFocus, autoFocus }: PasteBoxProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="paste-box">
      <label htmlFor={id}>Token or text containing a token</label>
      <textarea
        id={id}
        // Only on mount: a keyboard user who pressed Clear goes on in the box, not at the top of the page.
        autoFocus={autoFocus}
        aria-describedby={hintId}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onFocus={onFocus}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        placeholder="eyJ0eXAiOi… or Authorization: Bearer eyJ…"
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
