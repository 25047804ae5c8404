import type { ReactNode } from 'react';

export interface PrefillBarProps {
  readonly onPrefill: () => void;
  /** What the last prefill did; announced politely. */
  readonly note: ReactNode;
}

/** "Prefill from the inspected token" and what it filled. Shown only when a token is being inspected. */
export function PrefillBar({ onPrefill, note }: PrefillBarProps) {
  return (
    <p className="form-prefill">
      <button type="button" onClick={onPrefill}>
        Prefill from the inspected token
      </button>{' '}
      <span role="status">{note}</span>
    </p>
  );
}

/**
 * The warning above a result whose values arrived in the page's link: someone else may have chosen the
 * app and the permissions. Does not decide when it applies; the page does.
 */
export function LinkPrefillNotice() {
  return (
    <p className="form-link-notice">
      These values came from a link: check the app and permissions before you open it.
    </p>
  );
}
