import { ErrorExplanationPanel } from '../../ui/error-explanation-panel';
import { fixHref } from '../fix-links';
import type { SectionProps } from '../view-props';

/**
 * The pasted API or sign-in answer in full: what it says, the IDs to quote to support, and the
 * cross-check against the token, from the inspector page's one reading of it.
 */
export default function ErrorSection({ inspected }: SectionProps) {
  return (
    <ErrorExplanationPanel
      explanation={inspected.explanation}
      hasToken={inspected.token !== null}
      findings={inspected.findings}
      hrefOf={fixHref}
    />
  );
}
