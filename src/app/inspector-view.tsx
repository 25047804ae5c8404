import { lazy, Suspense, useCallback, useMemo, useState, type ComponentType } from 'react';
import { decodeToken, type FoundToken, type TokenSource } from '../token';
import type { LoadedCatalog } from './catalog-access';
import type { PageInspection } from './use-inspection';
import { ErrorBoundary } from '../ui/error-boundary';
import '../ui/inspector.css';
import { PasteBox } from '../ui/paste-box';
import { TokenChoice } from '../ui/token-choice';
import { TokenErrorMessage } from '../ui/token-error';
import { TokenSummary, type NamedId } from '../ui/token-summary';
import { FindingList } from '../ui/finding-list';
import type { InspectorTexts, ViewProps } from './view-props';

// Panels owned by the feature work; each its own lazy chunk so first load holds only the inspector.
const VerdictSection = lazy(() => import('./sections/verdict-section'));
const ErrorSection = lazy(() => import('./sections/error-section'));
const PermissionsSection = lazy(() => import('./sections/permissions-section'));
const RolesSection = lazy(() => import('./sections/roles-section'));
const SignatureSection = lazy(() => import('./sections/signature-section'));
const ReportSection = lazy(() => import('./sections/report-section'));
// The claim dictionary is the heaviest part of the token layer: the Claims table explains claims in its own chunk.
const ClaimsSection = lazy(() => import('./sections/claims-section'));
const RawJson = lazy(() => import('../ui/raw-json').then((m) => ({ default: m.RawJson })));

const SOURCE: Record<TokenSource, string> = {
  bare: 'bare token',
  bearer: 'Bearer value',
  'authorization-header': 'Authorization header',
  curl: 'curl command',
  powershell: 'PowerShell command',
  'url-fragment': 'URL fragment',
  'url-query': 'URL query',
  json: 'JSON',
};

// Tells several tokens apart by what they are for: their prefixes (the header) are often identical.
function describe(found: FoundToken): string | null {
  const decoded = decodeToken(found.value);
  if (!decoded.ok) return null;
  const { aud, ver } = decoded.token.payload;
  const parts = [typeof aud === 'string' ? `for ${aud}` : null, typeof ver === 'string' ? `v${ver}` : null];
  return parts.filter(Boolean).join(', ') || null;
}

function originOf(found: FoundToken): string {
  const source = SOURCE[found.source];
  return found.label ? `${source}, ${found.label}` : source;
}

export interface InspectorViewProps extends Omit<ViewProps, 'token'> {
  readonly text: string;
  readonly onTextChange: (text: string) => void;
  readonly onClear: () => void;
  /** The inspection of (a deferred copy of) `text`. */
  readonly inspection: PageInspection;
  readonly onSelect: (index: number) => void;
  /** Naming lookups, once the catalog has loaded. */
  readonly names?: LoadedCatalog | null;
}

function Section({
  component: Panel,
  label,
  props,
}: {
  component: ComponentType<ViewProps>;
  label: string;
  props: ViewProps;
}) {
  return (
    <ErrorBoundary resetKey={props.token} label={label}>
      <Suspense fallback={null}>
        <Panel {...props} />
      </Suspense>
    </ErrorBoundary>
  );
}

function nameApi(names: LoadedCatalog | null, raw: string | null): NamedId | null {
  if (raw === null) return null;
  return { raw, name: names ? names.nameOfApi(raw) : null };
}

function nameApp(names: LoadedCatalog | null, raw: string | null): NamedId | null {
  if (raw === null) return null;
  return { raw, name: names ? names.nameOfApp(raw) : null };
}

/**
 * The request and error text the verdict, error explanation and report sections share: seeded from the
 * route's `request` and `error` parameters and reset when the route's parameters change (state reset
 * during render, as the React docs describe: no effect copies the route into state).
 */
function useInspectorTexts(params: URLSearchParams) {
  const routeKey = params.toString();
  const routeRequest = params.get('request') ?? '';
  const routeError = params.get('error') ?? '';
  const [forRoute, setForRoute] = useState(routeKey);
  const [request, setRequest] = useState(routeRequest);
  const [errorText, setErrorText] = useState(routeError);
  if (forRoute !== routeKey) {
    setForRoute(routeKey);
    setRequest(routeRequest);
    setErrorText(routeError);
  }
  const texts: InspectorTexts = useMemo(
    () => ({ request, onRequest: setRequest, errorText, onErrorText: setErrorText }),
    [request, errorText],
  );
  const clear = useCallback(() => {
    setRequest('');
    setErrorText('');
  }, []);
  return { texts, clear };
}

// Stands in for a lazy panel while its chunk loads: the same region, heading and panel, so the page keeps its
// regions (the chunks load with the page, so in practice only a #token= link sees this).
function PendingPanel({ label, text }: { label: string; text: string }) {
  return (
    <section aria-label={label} className="panel">
      <h2>{label}</h2>
      <p className="muted">{text}</p>
    </section>
  );
}

/** The inspector page: paste box, summary, the feature sections, claims, raw JSON. */
export function InspectorView(props: InspectorViewProps) {
  const { text, onTextChange, inspection, onSelect, params, onToken, catalog, now, navigate } = props;
  const { texts: inspector, clear: clearTexts } = useInspectorTexts(params);
  const { onClear: clearText } = props;
  // Clear empties the request and error with the token text: they are part of what was pasted.
  const onClear = useCallback(() => {
    clearTexts();
    clearText();
  }, [clearTexts, clearText]);
  const names = props.names ?? null;
  const { found, decoded, classification } = inspection;
  const tokens = found.ok ? found.tokens : [];
  const selectedIndex = inspection.selectedIndex ?? 0;
  const token = tokens[selectedIndex]?.value ?? null;
  const choices = useMemo(
    () =>
      found.ok
        ? found.tokens.map((f) => ({ value: f.value, origin: originOf(f), description: describe(f) }))
        : [],
    [found],
  );

  const sectionProps: ViewProps = useMemo(
    () => ({ params, token, onToken, catalog, now, navigate, inspector }),
    [params, token, onToken, catalog, now, navigate, inspector],
  );

  const isId = classification?.kind === 'id';
  const api = useMemo(
    () =>
      isId
        ? nameApp(names, classification?.audience ?? null)
        : nameApi(names, classification?.audience ?? null),
    [names, classification?.audience, isId],
  );
  const client = useMemo(
    () => nameApp(names, classification?.clientId ?? null),
    [names, classification?.clientId],
  );

  const failure = !found.ok ? found.error : decoded !== null && !decoded.ok ? decoded.error : null;
  const error = failure !== null && failure.code !== 'empty' ? failure : null;
  const header = decoded?.ok ? decoded.token.header : undefined;
  const payload = decoded?.ok ? decoded.token.payload : undefined;
  const findings = decoded?.ok ? decoded.findings : [];
  const emptyText =
    text.trim() === ''
      ? 'Paste a token above to see it here.'
      : error
        ? 'Nothing to show: see the message above.'
        : 'Reading…';
  const status =
    tokens.length === 0 ? '' : tokens.length === 1 ? '1 token found' : `${tokens.length} tokens found`;

  return (
    <>
      <section aria-label="Paste a token" className="panel">
        <h2 className="visually-hidden">Paste a token</h2>
        <PasteBox value={text} onChange={onTextChange} onClear={onClear} status={status} />
        {tokens.length > 1 && (
          <TokenChoice tokens={choices} selectedIndex={selectedIndex} onSelect={onSelect} />
        )}
        {error && <TokenErrorMessage error={error} />}
      </section>
      <ErrorBoundary resetKey={token} label="Token summary">
        <TokenSummary
          classification={classification}
          api={api}
          client={client}
          expiry={inspection.expiry}
          catalogLoaded={names !== null}
          emptyText={emptyText}
        />
        <FindingList findings={findings} label="Token warnings" />
      </ErrorBoundary>
      <Section component={VerdictSection} label="Verdict" props={sectionProps} />
      <Section component={ErrorSection} label="Error explanation" props={sectionProps} />
      <Section component={PermissionsSection} label="Permissions" props={sectionProps} />
      <Section component={RolesSection} label="Directory roles" props={sectionProps} />
      <ErrorBoundary resetKey={token} label="Claims">
        <Suspense fallback={<PendingPanel label="Claims" text={decoded?.ok ? 'Reading…' : emptyText} />}>
          <ClaimsSection token={decoded?.ok ? decoded.token : null} now={now} emptyText={emptyText} />
        </Suspense>
      </ErrorBoundary>
      <ErrorBoundary resetKey={token} label="Raw header and payload">
        <Suspense
          fallback={
            <PendingPanel label="Raw header and payload" text={decoded?.ok ? 'Reading…' : emptyText} />
          }
        >
          <RawJson header={header} payload={payload} emptyText={emptyText} />
        </Suspense>
      </ErrorBoundary>
      <Section component={SignatureSection} label="Signature" props={sectionProps} />
      <Section component={ReportSection} label="Report" props={sectionProps} />
    </>
  );
}
