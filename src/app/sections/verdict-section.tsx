import { useDeferredValue, useMemo, useState } from 'react';
import type { Catalog } from '../../catalog';
import { diagnose, findRequiredPermissions, parseRequest } from '../../diagnose';
import { classifyToken, decodeToken } from '../../token';
import { RequestField } from '../../ui/request-field';
import { VerdictPanel } from '../../ui/verdict-panel';
import { useGates } from '../use-gates';
import type { ViewProps } from '../view-props';

interface BodyProps {
  readonly text: string;
  readonly onText: (text: string) => void;
  readonly token: string | null;
  readonly catalog: Catalog | null;
  readonly now: Date;
}

function VerdictBody({ text, onText, token, catalog, now }: BodyProps) {
  const deferred = useDeferredValue(text);
  const parsed = useMemo(() => (deferred.trim() === '' ? null : parseRequest(deferred)), [deferred]);
  const decoded = useMemo(() => (token ? decodeToken(token) : null), [token]);
  const classification = useMemo(() => (decoded?.ok ? classifyToken(decoded.token) : null), [decoded]);
  const request = parsed?.ok ? parsed.request : null;
  const gates = useGates(request !== null);
  const diagnosis = useMemo(
    () =>
      request && decoded?.ok && classification
        ? diagnose({
            token: { decoded: decoded.token, facts: classification },
            request,
            answer: null,
            catalog,
            gates,
            now,
          })
        : null,
    [request, decoded, classification, catalog, gates, now],
  );
  const required = useMemo(
    () => diagnosis?.required ?? (request ? findRequiredPermissions(catalog, request) : null),
    [diagnosis, request, catalog],
  );
  const note = diagnosis
    ? catalog === null
      ? 'The permission catalog is still loading.'
      : null
    : token === null
      ? 'No token loaded: paste one above to check it against this request.'
      : 'The token above could not be read, so it cannot be checked.';
  return (
    <VerdictPanel
      field={<RequestField value={text} onChange={onText} />}
      requestError={parsed && !parsed.ok ? parsed.error.message : null}
      request={request}
      verdict={request ? (diagnosis?.verdict ?? 'cant-tell') : null}
      note={note}
      findings={diagnosis?.findings ?? []}
      required={required}
    />
  );
}

// Outside the inspector page nothing shares the request, so the field keeps its own text.
function StandaloneVerdict({ initial, ...rest }: Omit<BodyProps, 'text' | 'onText'> & { initial: string }) {
  const [text, setText] = useState(initial);
  return <VerdictBody text={text} onText={setText} {...rest} />;
}

/**
 * The verdict panel: will this token work for the pasted request, and what to change. Its field edits the
 * inspector page's shared request (`inspector`), which the error and report sections read too; typing
 * never writes back to the hash.
 */
export default function VerdictSection({ params, token, catalog, now, inspector }: ViewProps) {
  if (inspector) {
    return (
      <VerdictBody
        text={inspector.request}
        onText={inspector.onRequest}
        token={token}
        catalog={catalog}
        now={now}
      />
    );
  }
  const initial = params.get('request') ?? '';
  return <StandaloneVerdict key={initial} initial={initial} token={token} catalog={catalog} now={now} />;
}
