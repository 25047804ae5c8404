import { useId } from 'react';

export interface CompareTokenBoxProps {
  /** "Token A" or "Token B": the box's label. */
  readonly label: string;
  readonly value: string;
  readonly onChange: (text: string) => void;
  /** What was read from the box, e.g. "v1.0 access token for Microsoft Graph", or why nothing was. */
  readonly status: string;
  readonly invalid: boolean;
}

/** One labelled paste box of the comparison. */
export function CompareTokenBox({ label, value, onChange, status, invalid }: CompareTokenBoxProps) {
  const id = useId();
  return (
    <div className="paste-box compare-box">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        aria-describedby={`${id}-status`}
        aria-invalid={invalid || undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        placeholder="eyJ0eXAiOi… or Authorization: Bearer eyJ…"
      />
      <p id={`${id}-status`} className="muted">
        {status}
      </p>
    </div>
  );
}
