import type { Fix } from '../../token';
import { fixOf } from '../../token';
import type { DiagnoseFinding, DiagnoseFindingCode } from '../types';

/** Builds a finding in the one shape; a string fix becomes a fix with no actions. */
export function finding(
  code: DiagnoseFindingCode,
  severity: DiagnoseFinding['severity'],
  evidence: Record<string, unknown>,
  message: string,
  fix: string | Fix | null,
): DiagnoseFinding {
  return { code, severity, evidence, message, fix: typeof fix === 'string' ? fixOf(fix) : fix };
}
