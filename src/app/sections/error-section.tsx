import { useDeferredValue, useMemo, useState } from 'react';
import type { Catalog } from '../../catalog';
import { explainError, parseRequest } from '../../diagnose';
import { classifyToken, decodeToken } from '../../token';
import { ErrorExplanationField } from '../../ui/error-explanation-field';
import { ErrorExplanationPanel } from '../../ui/error-explanation-panel';
import type { ViewProps } from '../view-props';

interface BodyProps {
  readonly text: string;
  readonly onText: (text: string) => void;
  readonly requestText: string;
  readonly token: string | null;
  readonly catalog: Catalog | null;
  readonly now: Date;
}

function ErrorBody({ text, onText, requestText, token, catalog, now }: BodyProps) {
  const deferred = useDeferredValue(text);
  const deferredRequest = useDeferredValue(requestText);
  const decoded = useMemo(() => (token ? decodeToken(token) : null), [token]);
  const classification = useMemo(() => (decoded?.ok ? classifyToken(decoded.token) : null), [decoded]);
  const request = useMemo(() => {
    const parsed = deferredRequest.trim() === '' ? null : parseRequest(deferredRequest);
    return parsed?.ok ? parsed.request : null;
  }, [deferredRequest]);
  const explanation = useMemo(
    () =>
      deferred.trim() === ''
        ? null
        : explainError(deferred, {
            token: decoded?.ok ? decoded.token : null,
            classification,
            catalog,
            request,
            now,
          }),
    [deferred, decoded, classification, catalog, request, now],
  );
  return (
    <ErrorExplanationPanel
      field={<ErrorExplanationField value={text} onChange={onText} />}
      explanation={explanation}
      hasToken={classification !== null}
    />
  );
}

// Outside the inspector page nothing shares the texts, so the field keeps its own and the route gives the request.
function StandaloneError({ initial, ...rest }: Omit<BodyProps, 'text' | 'onText'> & { initial: string }) {
  const [text, setText] = useState(initial);
  return <ErrorBody text={text} onText={setText} {...rest} />;
}

/**
 * The error explainer panel: what a pasted API or sign-in error means, checked against the token and the
 * request. Its field edits the inspector page's shared error text (`inspector`); the request it checks
 * against is the shared one typed into the verdict field. It does not edit the request.
 */
export default function ErrorSection({ params, token, catalog, now, inspector }: ViewProps) {
  if (inspector) {
    return (
      <ErrorBody
        text={inspector.errorText}
        onText={inspector.onErrorText}
        requestText={inspector.request}
        token={token}
        catalog={catalog}
        now={now}
      />
    );
  }
  const initial = params.get('error') ?? '';
  return (
    <StandaloneError
      key={initial}
      initial={initial}
      requestText={params.get('request') ?? ''}
      token={token}
      catalog={catalog}
      now={now}
    />
  );
}
