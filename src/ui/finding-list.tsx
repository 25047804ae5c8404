import type { Finding } from '../token';

export interface FindingListProps {
  readonly findings: readonly Finding[];
  /** Accessible name of the list region. */
  readonly label: string;
}

const BADGE: Record<Finding['severity'], string> = {
  error: 'badge err',
  warning: 'badge warn',
  info: 'badge ok',
};
const WORD: Record<Finding['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/**
 * Findings as a plain list: severity, message, and the fix when there is one ("Fix" for what blocks or
 * may block, "Note" for a caveat's advice). Renders nothing when empty.
 */
export function FindingList({ findings, label }: FindingListProps) {
  if (findings.length === 0) return null;
  return (
    <section aria-label={label} className="panel">
      <h2>{label}</h2>
      <ul className="finding-list">
        {findings.map((f, i) => (
          <li key={`${f.code}-${i}`}>
            <span className={BADGE[f.severity]}>{WORD[f.severity]}</span> {f.message}
            {f.fix && (
              <span className="finding-fix">
                {' '}
                {f.severity === 'info' ? 'Note' : 'Fix'}: {f.fix.text}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
