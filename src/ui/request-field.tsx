import { useId } from 'react';

export interface RequestFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** The labelled box where a request line is pasted. */
export function RequestField({ value, onChange }: RequestFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="request-field">
      <label htmlFor={id}>Request (METHOD URL, curl or PowerShell)</label>
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={2}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={hintId}
        placeholder="GET https://graph.microsoft.com/v1.0/security/alerts_v2"
      />
      <p id={hintId} className="request-hint">
        The query string is ignored; the path decides which permission is needed.
      </p>
    </div>
  );
}
