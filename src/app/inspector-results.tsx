import { lazy, Suspense, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import type { Catalog } from '../catalog';
import { AnswerCard } from '../ui/answer-card';
import { ChangedAtField, readChangedAt } from '../ui/changed-at-field';
import { ErrorBoundary } from '../ui/error-boundary';
import { FindingList } from '../ui/finding-list';
import { answerCardProps } from './answer';
import { fixHref } from './fix-links';
import { useDiagnosis } from './use-diagnosis';
import { useNow } from './use-now';
import type { InspectedToken, SectionProps } from './view-props';

// The detail panels: each its own lazy chunk, fetched after the answer.
const VerdictSection = lazy(() => import('./sections/verdict-section'));
const ErrorSection = lazy(() => import('./sections/error-section'));
const PermissionsSection = lazy(() => import('./sections/permissions-section'));
const RolesSection = lazy(() => import('./sections/roles-section'));
const SignatureSection = lazy(() => import('./sections/signature-section'));
const ReportSection = lazy(() => import('./sections/report-section'));
// The claim dictionary is the heaviest part of the token layer: the Claims table explains claims in its own chunk.
const ClaimsSection = lazy(() => import('./sections/claims-section'));
const RawJson = lazy(() => import('../ui/raw-json').then((m) => ({ default: m.RawJson })));

export interface InspectorResultsProps {
  readonly token: InspectedToken | null;
  /** The request and answer fields' text (deferred copies, so typing stays responsive). */
  readonly requestText: string;
  readonly answerText: string;
  readonly catalog: Catalog | null;
  /** The summary, rendered by the page (it is first-load weight); placed between the answer and the details. */
  readonly summary: ReactNode;
  readonly emptyText: string;
}

function Section({
  component: Panel,
  label,
  props,
  resetKey,
}: {
  component: ComponentType<SectionProps>;
  label: string;
  props: SectionProps;
  resetKey: string | null;
}) {
  return (
    <Collapsible label={label}>
      <ErrorBoundary resetKey={resetKey} label={label}>
        <Suspense fallback={null}>
          <Panel {...props} />
        </Suspense>
      </ErrorBoundary>
    </Collapsible>
  );
}

/** A detail panel that can be folded away: a real `<details>` with a real `<summary>`. */
function Collapsible({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details className="section-details" open>
      <summary>{label}</summary>
      {children}
    </details>
  );
}

/** The Claims table with a slower clock of its own (its relative times are in minutes). */
function LiveClaims({ token, emptyText }: { token: InspectedToken | null; emptyText: string }) {
  const now = useNow(10_000);
  return <ClaimsSection token={token?.decoded ?? null} now={now} emptyText={emptyText} />;
}

// Stands in for a lazy panel while its chunk loads: the same region, heading and panel.
function PendingPanel({ label, text }: { label: string; text: string }) {
  return (
    <section aria-label={label} className="panel">
      <h2>{label}</h2>
      <p className="muted">{text}</p>
    </section>
  );
}

/**
 * The answer card and the details below the summary: the request read once, the token diagnosed once and
 * the pasted answer explained once, here, and the result handed to every panel. A lazy chunk, because the
 * diagnosis layer is too big for the first load; the page shows the summary while it loads.
 */
export default function InspectorResults(props: InspectorResultsProps) {
  const { token, requestText, answerText, catalog, summary, emptyText } = props;
  const [changedText, setChangedText] = useState('');
  const changedAt = readChangedAt(changedText).at;
  const inspected = useDiagnosis(token, requestText, answerText, catalog, changedAt);
  const sectionProps: SectionProps = useMemo(() => ({ inspected, catalog }), [inspected, catalog]);
  const answer = useMemo(() => answerCardProps(inspected, catalog), [inspected, catalog]);
  const resetKey = token?.raw ?? null;
  return (
    <>
      {
        <ErrorBoundary resetKey={resetKey} label="Answer">
          <AnswerCard {...answer} hrefOf={fixHref} />
        </ErrorBoundary>
      }
      {/* Only a token has an issue time to compare the change with. */}
      {token && <ChangedAtField value={changedText} onChange={setChangedText} />}
      {summary}
      <FindingList findings={token?.findings ?? []} label="Token warnings" />
      {
        <div className="inspector-details">
          <Section component={VerdictSection} label="Verdict" props={sectionProps} resetKey={resetKey} />
          <Section
            component={ErrorSection}
            label="Error explanation"
            props={sectionProps}
            resetKey={resetKey}
          />
          {token && (
            <>
              <Section
                component={PermissionsSection}
                label="Permissions"
                props={sectionProps}
                resetKey={resetKey}
              />
              <Section
                component={RolesSection}
                label="Directory roles"
                props={sectionProps}
                resetKey={resetKey}
              />
              <Collapsible label="Claims">
                <ErrorBoundary resetKey={resetKey} label="Claims">
                  <Suspense fallback={<PendingPanel label="Claims" text="Reading…" />}>
                    <LiveClaims token={token} emptyText={emptyText} />
                  </Suspense>
                </ErrorBoundary>
              </Collapsible>
              <Collapsible label="Raw header and payload">
                <ErrorBoundary resetKey={resetKey} label="Raw header and payload">
                  <Suspense fallback={<PendingPanel label="Raw header and payload" text="Reading…" />}>
                    <RawJson
                      header={token.decoded.header}
                      payload={token.decoded.payload}
                      emptyText={emptyText}
                    />
                  </Suspense>
                </ErrorBoundary>
              </Collapsible>
              <Section
                component={SignatureSection}
                label="Signature"
                props={sectionProps}
                resetKey={resetKey}
              />
              <Section component={ReportSection} label="Report" props={sectionProps} resetKey={resetKey} />
            </>
          )}
        </div>
      }
    </>
  );
}
