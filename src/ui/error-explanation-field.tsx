import { useId } from 'react';

export interface ErrorExplanationFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** The labelled box where an API error is pasted. */
export function ErrorExplanationField({ value, onChange }: ErrorExplanationFieldProps) {
  const id = useId();
  return (
    <div className="error-explanation-field">
      <label htmlFor={id}>API error text</label>
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={4}
        spellCheck={false}
        autoComplete="off"
        placeholder='{"error":{"code":"Forbidden","message":"Missing application roles. …"}}'
      />
    </div>
  );
}
