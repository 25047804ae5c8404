import { useMemo } from 'react';
import { findRequiredPermissions } from '../../diagnose';
import { VerdictPanel } from '../../ui/verdict-panel';
import { fixHref } from '../fix-links';
import type { SectionProps } from '../view-props';

/**
 * The verdict in full: the request as read, what it accepts, and every finding with its fix, from the
 * inspector page's one diagnosis. It reads nothing itself and edits nothing.
 */
export default function VerdictSection({ inspected, catalog }: SectionProps) {
  const { request: parsed, diagnosis, token } = inspected;
  const request = parsed?.ok ? parsed.request : null;
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
      requestError={parsed && !parsed.ok ? parsed.error.message : null}
      request={request}
      verdict={request ? (diagnosis?.verdict ?? 'cant-tell') : null}
      note={note}
      findings={diagnosis ? inspected.findings : []}
      required={required}
      hrefOf={fixHref}
    />
  );
}
