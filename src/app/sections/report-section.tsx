import { useMemo } from 'react';
import { buildReport, diagnose, explainError, parseRequest, redactClaims } from '../../diagnose';
import { classifyToken, decodeToken } from '../../token';
import { ReportPanel } from '../../ui/report-panel';
import type { ViewProps } from '../view-props';

function fileNameFor(now: Date): string {
  return `tokenscope-report-${now.toISOString().slice(0, 16).replace(':', '-')}Z.md`;
}

/**
 * "Copy redacted claims", "Copy report" and "Download report (.md)" for the inspected token. The request and
 * the pasted error come from the route's `request` and `error` parameters, the same ones the verdict and
 * error sections start from.
 */
export default function ReportSection({ token, params, catalog, now }: ViewProps) {
  const decoded = useMemo(() => (token ? decodeToken(token) : null), [token]);
  const requestText = params.get('request') ?? '';
  const errorText = params.get('error') ?? '';

  const result = useMemo(() => {
    if (!decoded?.ok) return null;
    const classification = classifyToken(decoded.token, now);
    const parsed = requestText.trim() ? parseRequest(requestText) : null;
    const request = parsed?.ok ? parsed.request : null;
    const diagnosis = request ? diagnose({ token: decoded.token, classification, request, catalog, now }) : null;
    const errorExplanation = errorText.trim()
      ? explainError(errorText, { token: decoded.token, classification, catalog, request })
      : null;
    const report = buildReport({
      request,
      diagnosis,
      errorExplanation,
      token: decoded.token,
      classification,
      catalog,
      now,
    });
    const redacted = redactClaims(decoded.token.payload);
    const covers = [
      ...(request ? ['the request', 'the verdict with its findings and fixes'] : []),
      ...(errorExplanation?.ok ? ['the pasted error with its correlation IDs'] : []),
      'the token facts',
      'the redacted claims',
    ];
    return { report, redacted, covers };
  }, [decoded, requestText, errorText, catalog, now]);

  if (result === null) return null;
  return (
    <ReportPanel
      redactedClaims={JSON.stringify(result.redacted.claims, null, 2)}
      masked={result.redacted.masked}
      report={result.report}
      fileName={fileNameFor(now)}
      covers={result.covers}
    />
  );
}
