import { useDeferredValue, useMemo } from 'react';
import type { Catalog } from '../../catalog';
import { buildReport, diagnose, explainError, parseRequest, redactClaims } from '../../diagnose';
import { classifyToken, decodeToken } from '../../token';
import { ReportPanel } from '../../ui/report-panel';
import type { ViewProps } from '../view-props';

function fileNameFor(now: Date): string {
  return `tokenscope-report-${now.toISOString().slice(0, 16).replace(':', '-')}Z.md`;
}

interface BodyProps {
  readonly token: string;
  readonly requestText: string;
  readonly errorText: string;
  readonly catalog: Catalog | null;
  readonly now: Date;
}

function ReportBody({ token, requestText, errorText, catalog, now }: BodyProps) {
  const deferredRequest = useDeferredValue(requestText);
  const deferredError = useDeferredValue(errorText);
  const decoded = useMemo(() => decodeToken(token), [token]);
  const parsed = useMemo(
    () => (deferredRequest.trim() ? parseRequest(deferredRequest) : null),
    [deferredRequest],
  );

  const result = useMemo(() => {
    if (!decoded.ok) return null;
    const classification = classifyToken(decoded.token);
    const request = parsed?.ok ? parsed.request : null;
    const diagnosis = request
      ? diagnose({
          token: { decoded: decoded.token, facts: classification },
          request,
          answer: null,
          catalog,
          gates: null,
          now,
        })
      : null;
    const errorExplanation = deferredError.trim()
      ? explainError(deferredError, { token: decoded.token, classification, catalog, request, now })
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
      ...(errorExplanation?.ok ? ['the error with its correlation IDs'] : []),
      'the token facts',
      'the redacted claims',
    ];
    return { report, redacted, covers };
  }, [decoded, parsed, deferredError, catalog, now]);

  if (result === null) return null;
  return (
    <ReportPanel
      redactedClaims={JSON.stringify(result.redacted.claims, null, 2)}
      masked={result.redacted.masked}
      report={result.report}
      fileName={fileNameFor(now)}
      covers={result.covers}
      requestProblem={parsed && !parsed.ok ? parsed.error.message : null}
    />
  );
}

/**
 * "Copy redacted claims", "Copy report" and "Download report (.md)" for the inspected token. The report
 * holds the inspector page's shared request and error text (`inspector`: what is typed into the verdict
 * and error explanation fields); it has no fields of its own and never edits them.
 */
export default function ReportSection({ token, catalog, now, inspector }: ViewProps) {
  if (token === null) return null;
  return (
    <ReportBody
      // A new token starts a fresh panel ("Downloaded" belongs to the old one).
      key={token}
      token={token}
      requestText={inspector?.request ?? ''}
      errorText={inspector?.errorText ?? ''}
      catalog={catalog}
      now={now}
    />
  );
}
