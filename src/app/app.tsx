import {
  lazy,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useState,
  type ComponentType,
} from 'react';
import { ErrorBoundary } from '../ui/error-boundary';
import { SiteHeader, type NavLink } from '../ui/site-header';
import { InspectorView } from './inspector-view';
import { hrefFor, type Route } from './routing';
import { useCatalog } from './use-catalog';
import { useInspection } from './use-inspection';
import { readInitialHashToken, useHashRoute } from './use-hash-route';
import { useNow } from './use-now';
import type { ViewProps } from './view-props';

type ViewRoute = Exclude<Route, 'inspect'>;

// Whole pages other than the inspector: each its own lazy chunk, so first load holds only the inspector.
const VIEWS: Record<ViewRoute, ComponentType<ViewProps>> = {
  catalog: lazy(() => import('./views/catalog-view')),
  consent: lazy(() => import('./views/consent-view')),
  grant: lazy(() => import('./views/grant-view')),
  signin: lazy(() => import('./views/signin-view')),
  compare: lazy(() => import('./views/compare-view')),
};

const NAV: readonly { route: Route; label: string }[] = [
  { route: 'inspect', label: 'Inspect' },
  { route: 'catalog', label: 'Catalog' },
  { route: 'consent', label: 'Consent' },
  { route: 'grant', label: 'Grant' },
  { route: 'signin', label: 'Sign in' },
  { route: 'compare', label: 'Compare' },
];

interface InspectorInput {
  readonly text: string;
  /** Which token of several was chosen, for the text it was chosen in (a new paste resets it). */
  readonly choice: { readonly forText: string; readonly index: number } | null;
  /** Bumped by Clear: remounts the inspector so every panel's own state is wiped too. */
  readonly clearKey: number;
}

/** The composition root: route, shared state (pasted text, catalog, clock) and the page for the route. */
export function App() {
  const [input, setInput] = useState<InspectorInput>(() => ({
    text: readInitialHashToken() ?? '',
    choice: null,
    clearKey: 0,
  }));
  const setText = useCallback((text: string) => setInput((prev) => ({ ...prev, text })), []);
  const { route, params, navigate } = useHashRoute(setText);
  const now = useNow(1000);
  const loadedCatalog = useCatalog();
  const catalog = loadedCatalog?.catalog ?? null;

  // Typing stays responsive on a large paste: the inspection follows a deferred copy of the text.
  const deferredText = useDeferredValue(input.text);
  const selected = input.choice !== null && input.choice.forText === deferredText ? input.choice.index : 0;
  const inspection = useInspection(deferredText, selected, now);
  const token =
    inspection.found.ok && inspection.selectedIndex !== null
      ? (inspection.found.tokens[inspection.selectedIndex]?.value ?? null)
      : null;
  const onSelect = useCallback(
    (index: number) => setInput((prev) => ({ ...prev, choice: { forText: deferredText, index } })),
    [deferredText],
  );

  const onToken = useCallback(
    (token: string) => {
      setText(token);
      navigate('');
    },
    [setText, navigate],
  );

  const onClear = useCallback(() => {
    setInput((prev) => ({ text: '', choice: null, clearKey: prev.clearKey + 1 }));
    // Request and error parameters are part of what was pasted: Clear drops them too.
    if ([...params.keys()].length > 0) navigate('');
  }, [params, navigate]);

  const links: NavLink[] = useMemo(
    () => NAV.map((item) => ({ href: hrefFor({ route: item.route }), label: item.label, current: item.route === route })),
    [route],
  );

  useEffect(() => {
    // Screen readers and history menus tell the pages apart by title.
    const label = NAV.find((item) => item.route === route)?.label ?? 'Inspect';
    document.title =
      route === 'inspect' ? 'Tokenscope: why does this token get 403?' : `${label} · Tokenscope`;
  }, [route]);

  const View = route === 'inspect' ? null : VIEWS[route];
  const viewProps: ViewProps = { params, token, onToken, catalog, now, navigate };

  return (
    <>
      <SiteHeader links={links} />
      <main id="main" tabIndex={-1} className="site-main">
        {View === null ? (
          <InspectorView
            key={input.clearKey}
            text={input.text}
            onTextChange={setText}
            onClear={onClear}
            inspection={inspection}
            onSelect={onSelect}
            params={params}
            onToken={onToken}
            catalog={catalog}
            names={loadedCatalog}
            now={now}
            navigate={navigate}
          />
        ) : (
          <ErrorBoundary resetKey={route} label={route}>
            <Suspense fallback={<p className="muted">Loading…</p>}>
              <View {...viewProps} />
            </Suspense>
          </ErrorBoundary>
        )}
      </main>
    </>
  );
}
