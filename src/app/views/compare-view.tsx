import { useId, useMemo, useState } from 'react';
import { compareTokens, parseRequest, type ComparedToken } from '../../diagnose';
import { CALLER_SHORT, classifyToken, decodeToken, KIND_NOUN, type Classification } from '../../token';
import { findTokens } from '../../token/find';
import { CompareDifferences } from '../../ui/compare-differences';
import { CompareTokenBox } from '../../ui/compare-token-box';
import '../../ui/inspector.css';
import { useGates } from '../use-gates';
import type { ViewProps } from '../view-props';

type Side =
  | { readonly ok: true; readonly side: ComparedToken; readonly status: string }
  | { readonly ok: false; readonly status: string };

// Who the token acts for, said up front: an app-only token is never described as a user's.
function callerPrefix(caller: Classification['caller']): string {
  if (caller === null) return '';
  return caller === 'managed-identity' ? "managed identity's (app-only) " : `${CALLER_SHORT[caller]} `;
}

function readSide(text: string): Side {
  if (text.trim() === '') return { ok: false, status: 'Paste a token.' };
  const found = findTokens(text);
  if (!found.ok) return { ok: false, status: found.error.message };
  const first = found.tokens[0];
  if (!first) return { ok: false, status: 'No token found.' };
  const decoded = decodeToken(first.value);
  if (!decoded.ok) return { ok: false, status: decoded.error.message };
  const classification = classifyToken(decoded.token);
  const version = classification.version ? `v${classification.version} ` : '';
  const extra = found.tokens.length > 1 ? ` (the first of ${found.tokens.length} tokens found)` : '';
  return {
    ok: true,
    side: { token: decoded.token, classification },
    status: `Read a ${version}${callerPrefix(classification.caller)}${KIND_NOUN[classification.kind]}${classification.audience ? ` for ${classification.audience}` : ''}${extra}.`,
  };
}

/**
 * Compare two tokens: "Token A" (prefilled with the inspected token), "Token B" (from a deep link's `compare`
 * parameter, handed over in memory by the app: useHashRoute has already removed it from the URL, on load
 * and on every hashchange), an optional request, and the "Differences" region.
 */
export default function CompareView({ token, params, catalog, now }: ViewProps) {
  const [textA, setTextA] = useState(() => token?.raw ?? '');
  const [textB, setTextB] = useState(() => params.get('compare') ?? '');
  const [requestText, setRequestText] = useState(() => params.get('request') ?? '');
  const requestId = useId();

  const a = useMemo(() => readSide(textA), [textA]);
  const b = useMemo(() => readSide(textB), [textB]);
  const parsedRequest = useMemo(() => (requestText.trim() ? parseRequest(requestText) : null), [requestText]);
  const request = parsedRequest?.ok ? parsedRequest.request : null;

  // The same gates the inspector's diagnosis uses, so a verdict here matches the inspector's.
  const gates = useGates(request !== null);
  const comparison = useMemo(
    () => (a.ok && b.ok ? compareTokens(a.side, b.side, { now, catalog, request, gates }) : null),
    [a, b, now, catalog, request, gates],
  );

  return (
    <>
      <section aria-label="Tokens to compare" className="panel">
        <h2>Compare two tokens</h2>
        <p className="muted">
          Paste the token that works and the one that does not. Both stay in this tab; nothing is sent
          anywhere.
        </p>
        <div className="compare-inputs">
          <CompareTokenBox
            label="Token A"
            value={textA}
            onChange={setTextA}
            status={a.status}
            invalid={!a.ok && textA.trim() !== ''}
          />
          <CompareTokenBox
            label="Token B"
            value={textB}
            onChange={setTextB}
            status={b.status}
            invalid={!b.ok && textB.trim() !== ''}
          />
        </div>
        <div className="compare-request">
          <label htmlFor={requestId}>Request (optional)</label>
          <input
            id={requestId}
            type="text"
            value={requestText}
            onChange={(event) => setRequestText(event.target.value)}
            aria-describedby={`${requestId}-hint`}
            placeholder="GET https://graph.microsoft.com/v1.0/security/alerts_v2"
            spellCheck={false}
            autoComplete="off"
          />
          <p id={`${requestId}-hint`} className="muted">
            {parsedRequest && !parsedRequest.ok
              ? parsedRequest.error.message
              : request && catalog === null
                ? 'The permission catalog is still loading; the verdicts follow when it arrives.'
                : 'With a request, the differences that decide Allowed or Denied come first.'}
          </p>
        </div>
      </section>
      <CompareDifferences
        comparison={comparison}
        emptyText="Paste two tokens to see what differs."
        now={now}
      />
    </>
  );
}
