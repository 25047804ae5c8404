import { TextField } from './text-field';

export interface ChangedAtFieldProps {
  /** The time as typed. */
  readonly value: string;
  readonly onChange: (value: string) => void;
}

// 2026-12-01 14:30, 2026-12-01T14:30:05Z, 2026-12-01T15:30+01:00: anchored and bounded, so linear.
const TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,9})? ?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads "I changed it at": a date and time, in UTC unless it says its offset. Null for an empty field;
 * an error message for text that is not such a time. Does not guess formats beyond these.
 */
export function readChangedAt(text: string): { at: Date | null; error: string | null } {
  const t = text.trim();
  if (t === '') return { at: null, error: null };
  const m = t.length <= 40 ? TIME.exec(t) : null;
  if (!m)
    return {
      at: null,
      error: 'Enter a date and time such as 2026-12-01 14:30 (UTC) or 2026-12-01T15:30+01:00.',
    };
  const [, y, mo, d, h, mi, s, zone] = m;
  const offset =
    !zone || zone.toUpperCase() === 'Z'
      ? 'Z'
      : zone.includes(':')
        ? zone
        : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${offset}`);
  return Number.isNaN(at.getTime())
    ? { at: null, error: 'That date or time does not exist.' }
    : { at, error: null };
}

/**
 * "I changed it at": when the permission was granted or the role assigned or activated. The diagnosis
 * compares it with the token's `iat` to tell a stale token from a change that did not reach it.
 */
export function ChangedAtField({ value, onChange }: ChangedAtFieldProps) {
  const { error } = readChangedAt(value);
  return (
    <TextField
      className="changed-at-field"
      label="I changed it at (optional)"
      hint="When you granted the permission, assigned or activated the role: UTC unless you add an offset, e.g. 2026-12-01 14:30."
      value={value}
      onChange={onChange}
      errors={error ? [error] : []}
      placeholder="2026-12-01 14:30"
    />
  );
}
