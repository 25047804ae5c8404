import { lazy, Suspense, useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { describeExpiry } from '../token';
import type { LoadedCatalog } from './catalog-access';
import type { PageInspection } from './use-inspection';
import { ErrorBoundary } from '../ui/error-boundary';
import '../ui/inspector.css';
import { PasteBox } from '../ui/paste-box';
import { RequestField } from '../ui/request-field';
import { ErrorExplanationField } from '../ui/error-explanation-field';
import { TokenErrorMessage } from '../ui/token-error';
import { TokenSummary, type NamedId } from '../ui/token-summary';
import type { SplitPaste } from '../diagnose/split-paste';
import { useNow } from './use-now';
import type { InspectedToken } from './view-props';
import type { Catalog } from '../catalog';
import type { LinkNoticeKind } from './use-hash-route';
import type { Example } from './examples';

// The answer and the details need the diagnosis layer: a chunk of its own, fetched when the page has something
// to diagnose, so the first load holds only the paste box and the summary.
const InspectorResults = lazy(() => import('./inspector-results'));
const Examples = lazy(() => import('./examples-picker'));
// Only for a paste that holds several tokens. Fetched as soon as the box gets focus, so the choice is there
// with the summary: a keyboard user who pastes and presses Tab must not pass it before it arrives.
const loadTokenChoice = () => import('../ui/token-choice');
const TokenChoice = lazy(() => loadTokenChoice().then((m) => ({ default: m.FoundTokenChoice })));
const prefetchTokenChoice = () => {
  loadTokenChoice().catch(() => undefined);
};
// Shown only after a link carried a token.
const LinkNotice = lazy(() => import('../ui/link-notice').then((m) => ({ default: m.LinkNotice })));

// The paste splitter is loaded on the first paste that may hold a command or an HTTP exchange.
const loadSplitter = () => import('../diagnose/split-paste');

/** A cheap look for what splitPaste reads (a command name or a status line); most pastes are a bare token. */
function mayHoldRequest(text: string): boolean {
  const lower = text.toLowerCase();
  return ['curl', 'invoke-', 'irm ', 'iwr ', 'az rest', 'http/'].some((word) => lower.includes(word));
}

export interface InspectorViewProps {
  /** The token box's text (the composition root holds it: links and sign-in put tokens in). */
  readonly text: string;
  readonly onTextChange: (text: string) => void;
  readonly onClear: () => void;
  /** The inspection of (a deferred copy of) `text`. */
  readonly inspection: PageInspection;
  readonly onSelect: (index: number) => void;
  /** The route's parameters: `request` and `error` seed the fields (the page is keyed by them). */
  readonly params: URLSearchParams;
  readonly catalog: Catalog | null;
  /** Naming lookups, once the catalog has loaded. */
  readonly names: LoadedCatalog | null;
  /** Set when a token or credential arrived in the link, which the browser's history now holds. */
  readonly linkNotice: LinkNoticeKind | null;
  readonly onDismissNotice: () => void;
  /** Set when the page was started afresh by Clear: focus goes back into the box. */
  readonly autoFocus?: boolean;
}

/** Names an API (an audience) or, with `app`, an app ID, once the catalog has loaded. */
function named(names: LoadedCatalog | null, raw: string | null, app: boolean): NamedId | null {
  if (raw === null) return null;
  return { raw, name: names && (app ? names.nameOfApp(raw) : names.nameOfApi(raw)) };
}

/** The summary with a clock of its own: only it re-renders every second (for "expires in …"). */
function LiveSummary({
  token,
  names,
  emptyText,
}: {
  token: InspectedToken | null;
  names: LoadedCatalog | null;
  emptyText: string;
}) {
  const now = useNow(1000);
  const facts = token?.facts ?? null;
  // Only the expiry depends on the clock: the facts were read once, by the composition root.
  const expiry = useMemo(
    () => (token === null ? null : describeExpiry(token.decoded.payload, now)),
    [token, now],
  );
  const isId = facts?.kind === 'id';
  // An ID token's audience is the client app.
  const api = useMemo(() => named(names, facts?.audience ?? null, isId), [names, facts?.audience, isId]);
  const client = useMemo(() => named(names, facts?.clientId ?? null, true), [names, facts?.clientId]);
  return (
    <TokenSummary
      classification={facts}
      expiry={expiry}
      api={api}
      client={client}
      catalogLoaded={names !== null}
      emptyText={emptyText}
    />
  );
}

/**
 * The inspector page: one paste box for the token, the request and the API's answer; the answer card
 * (verdict, the one thing to do, what else to check); the summary; then the details, each collapsible.
 * Everything is worked out once here (one reading of the request, one diagnosis) and handed down.
 */
export function InspectorView(props: InspectorViewProps) {
  const { text, onTextChange, inspection, onSelect, params, catalog, names } = props;
  // Seeded from the link once: the page is remounted (keyed) when the link's parameters change.
  const [requestText, setRequestText] = useState(() => params.get('request') ?? '');
  const [answerText, setAnswerText] = useState(() => params.get('error') ?? '');
  const deferredRequest = useDeferredValue(requestText);
  const deferredAnswer = useDeferredValue(answerText);
  const { onClear: clearText } = props;
  // Clear empties the request and the answer with the token text: they are part of what was pasted.
  const onClear = useCallback(() => {
    setRequestText('');
    setAnswerText('');
    clearText();
  }, [clearText]);

  // One paste takes everything: a command or an HTTP exchange fills the three fields at once.
  // The text last put into the box: a split that arrives after the person typed on is dropped.
  const latest = useRef(text);
  const onPaste = useCallback(
    (pasted: string) => {
      latest.current = pasted;
      onTextChange(pasted);
      if (!mayHoldRequest(pasted)) return;
      const apply = (split: SplitPaste) => {
        if (latest.current !== pasted || (split.request === null && split.answer === null)) return;
        const tokens = split.tokens.join('\n');
        latest.current = tokens;
        onTextChange(tokens);
        if (split.request !== null) setRequestText(split.request);
        if (split.answer !== null) setAnswerText(split.answer);
      };
      // A failed chunk load leaves the paste as it is, in the token box.
      loadSplitter().then(
        (m) => apply(m.splitPaste(pasted)),
        () => undefined,
      );
    },
    [onTextChange],
  );

  const onExample = useCallback(
    (example: Example) => {
      onTextChange(example.token);
      setRequestText(example.request);
      setAnswerText(example.answer ?? '');
    },
    [onTextChange],
  );

  const { found, token, failure } = inspection;
  const tokens = found.ok ? found.tokens : [];
  const selectedIndex = inspection.selectedIndex ?? 0;

  const error = failure !== null && failure.code !== 'empty' ? failure : null;
  const empty = text.trim() === '' && requestText.trim() === '' && answerText.trim() === '';
  const emptyText =
    text.trim() === ''
      ? 'Paste a token above to see it here.'
      : error
        ? 'Nothing to show: see the message above.'
        : 'Reading…';
  const status =
    tokens.length === 0 ? '' : tokens.length === 1 ? '1 token found' : `${tokens.length} tokens found`;
  const resetKey = token?.raw ?? null;
  const summary =
    text.trim() === '' ? null : (
      <ErrorBoundary resetKey={resetKey} label="Token summary">
        <LiveSummary token={token} names={names} emptyText={emptyText} />
      </ErrorBoundary>
    );

  return (
    <>
      <div className="inspector-intro">
        <h1>Why does this token get 403?</h1>
        <p className="muted">
          Paste an Entra ID token, or the whole failing call (curl, PowerShell, az rest, HTTP): the verdict
          and the fix, offline in this tab.
        </p>
      </div>
      <section aria-label="Paste a token" className="panel paste-panel">
        <h2 className="visually-hidden">Paste a token</h2>
        {props.linkNotice && (
          <Suspense fallback={null}>
            <LinkNotice kind={props.linkNotice} onDismiss={props.onDismissNotice} />
          </Suspense>
        )}
        <div className="paste-grid">
          <div className="paste-main">
            <PasteBox
              value={text}
              onChange={onPaste}
              onClear={onClear}
              status={status}
              onFocus={prefetchTokenChoice}
              autoFocus={props.autoFocus}
            />
            {tokens.length > 1 && (
              <Suspense fallback={null}>
                <TokenChoice found={tokens} selectedIndex={selectedIndex} onSelect={onSelect} />
              </Suspense>
            )}
            {error && <TokenErrorMessage error={error} />}
          </div>
          <div className="paste-side">
            <RequestField value={requestText} onChange={setRequestText} />
            <ErrorExplanationField value={answerText} onChange={setAnswerText} />
          </div>
        </div>
        {empty && (
          <Suspense fallback={null}>
            <Examples onPick={onExample} />
          </Suspense>
        )}
      </section>
      {!empty && (
        <Suspense fallback={summary}>
          <InspectorResults
            token={token}
            requestText={deferredRequest}
            answerText={deferredAnswer}
            catalog={catalog}
            summary={summary}
            emptyText={emptyText}
          />
        </Suspense>
      )}
    </>
  );
}
