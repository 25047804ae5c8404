import { useDeferredValue, useMemo, useState } from 'react';
import type { Catalog } from '../../catalog';
import { explainError, parseRequest } from '../../diagnose';
import { classifyToken, decodeToken } from '../../token';
import { ErrorExplanationField } from '../../ui/error-explanation-field';
import { ErrorExplanationPanel } from '../../ui/error-explanation-panel';
import type { ViewProps } from '../view-props';

interface BodyProps {
  readonly initial: string;
  readonly requestText: string | null;
  readonly token: string | null;
  readonly catalog: Catalog | null;
  readonly now: Date;
}

function ErrorBody({ initial, requestText, token, catalog, now }: BodyProps) {
  const [text, setText] = useState(initial);
  const deferred = useDeferredValue(text);
  const decoded = useMemo(() => (token ? decodeToken(token) : null), [token]);
  const classification = useMemo(
    () => (decoded?.ok ? classifyToken(decoded.token, now) : null),
    [decoded, now],
  );
  const request = useMemo(() => {
    const parsed = requestText ? parseRequest(requestText) : null;
    return parsed?.ok ? parsed.request : null;
  }, [requestText]);
  const explanation = useMemo(
    () =>
      deferred.trim() === ''
        ? null
        : explainError(deferred, {
            token: decoded?.ok ? decoded.token : null,
            classification,
            catalog,
            request,
          }),
    [deferred, decoded, classification, catalog, request],
  );
  return (
    <ErrorExplanationPanel
      field={<ErrorExplanationField value={text} onChange={setText} />}
      explanation={explanation}
      hasToken={classification !== null}
    />
  );
}

/** The error explainer panel: what a pasted API or sign-in error means, checked against the token. */
export default function ErrorSection({ params, token, catalog, now }: ViewProps) {
  const initial = params.get('error') ?? '';
  return (
    <ErrorBody
      key={initial}
      initial={initial}
      requestText={params.get('request')}
      token={token}
      catalog={catalog}
      now={now}
    />
  );
}
