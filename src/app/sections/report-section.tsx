import { useMemo } from 'react';
import { buildReport, redactClaims, redactOptionsFor } from '../../diagnose';
import { ReportPanel } from '../../ui/report-panel';
import type { SectionProps } from '../view-props';

function fileNameFor(now: Date): string {
  return `tokenscope-report-${now.toISOString().slice(0, 16).replace(':', '-')}Z.md`;
}

/**
 * "Copy redacted claims", "Copy report" and "Download report (.md)" for the inspected token, with the
 * request, verdict and error the inspector page worked out once. It has no fields of its own.
 */
export default function ReportSection({ inspected, catalog }: SectionProps) {
  const { token, request: parsed, diagnosis, explanation: errorExplanation, checkedAt: now } = inspected;
  const result = useMemo(() => {
    if (token === null) return null;
    const request = parsed?.ok ? parsed.request : null;
    const report = buildReport({
      request,
      diagnosis,
      errorExplanation,
      token: token.decoded,
      classification: token.facts,
      catalog,
      now,
    });
    const redacted = redactClaims(token.decoded.payload, redactOptionsFor(token.facts));
    const covers = [
      ...(request ? ['the request', 'the verdict with its findings and fixes'] : []),
      ...(errorExplanation?.ok ? ['the error with its correlation IDs'] : []),
      'the token facts',
      'the redacted claims',
    ];
    return { report, redacted, covers };
  }, [token, parsed, diagnosis, errorExplanation, catalog, now]);

  if (result === null || token === null) return null;
  return (
    <ReportPanel
      // A new token starts a fresh panel ("Downloaded" belongs to the old one).
      key={token.raw}
      redactedClaims={JSON.stringify(result.redacted.claims, null, 2)}
      masked={result.redacted.masked}
      report={result.report}
      fileName={fileNameFor(now)}
      covers={result.covers}
      requestProblem={parsed && !parsed.ok ? parsed.error.message : null}
    />
  );
}
