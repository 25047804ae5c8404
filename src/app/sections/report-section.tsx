import { useDeferredValue, useMemo, useState } from 'react';
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
  readonly initialRequest: string;
  readonly initialError: string;
  readonly catalog: Catalog | null;
  readonly now: Date;
}

function ReportBody({ token, initialRequest, initialError, catalog, now }: BodyProps) {
  const [requestText, setRequestText] = useState(initialRequest);
  const [errorText, setErrorText] = useState(initialError);
  const deferredRequest = useDeferredValue(requestText);
  const deferredError = useDeferredValue(errorText);
  const decoded = useMemo(() => decodeToken(token), [token]);
  const parsed = useMemo(
    () => (deferredRequest.trim() ? parseRequest(deferredRequest) : null),
    [deferredRequest],
  );

  const result = useMemo(() => {
    if (!decoded.ok) return null;
    const classification = classifyToken(decoded.token, now);
    const request = parsed?.ok ? parsed.request : null;
    const diagnosis = request ? diagnose({ token: decoded.token, classification, request, catalog, now }) : null;
    const errorExplanation = deferredError.trim()
      ? explainError(deferredError, { token: decoded.token, classification, catalog, request })
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
      requestText={requestText}
      onRequestChange={setRequestText}
      requestProblem={parsed && !parsed.ok ? parsed.error.message : null}
      errorText={errorText}
      onErrorChange={setErrorText}
    />
  );
}

/**
 * "Copy redacted claims", "Copy report" and "Download report (.md)" for the inspected token. Its request and
 * error fields start from the route's `request` and `error` parameters, as the verdict and error sections'
 * fields do; those sections keep what is typed into them to themselves, so the report has its own fields.
 */
export default function ReportSection({ token, params, catalog, now }: ViewProps) {
  if (token === null) return null;
  const initialRequest = params.get('request') ?? '';
  const initialError = params.get('error') ?? '';
  // A new deep link (or token) starts fresh fields.
  return (
    <ReportBody
      key={`${token}\n${initialRequest}\n${initialError}`}
      token={token}
      initialRequest={initialRequest}
      initialError={initialError}
      catalog={catalog}
      now={now}
    />
  );
}
