export type LinkNoticeKindProp = 'token' | 'credential';

export interface LinkNoticeProps {
  /** A token to inspect came in the link, or only other credentials (a code, a refresh token). */
  readonly kind: LinkNoticeKindProp;
  readonly onDismiss: () => void;
}

/**
 * Says what no page can undo: the browser wrote the link, token and all, to its history before this page
 * ran. The address bar has been cleaned; the history entry is the person's to delete.
 */
export function LinkNotice({ kind, onDismiss }: LinkNoticeProps) {
  return (
    <div className="link-notice" role="note" aria-label="This token came in a link">
      <p>
        <strong>{kind === 'token' ? 'This token came in a link.' : 'This link carried a credential.'}</strong>{' '}
        The address bar no longer shows it, but the browser's history already holds the full link. To remove
        it, open the history (Ctrl+H, or ⌘Y on a Mac) and delete the entry, or clear browsing data
        (Ctrl+Shift+Delete in Chromium browsers). Pasting a token leaves no such trace.
      </p>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
