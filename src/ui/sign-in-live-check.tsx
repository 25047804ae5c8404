import type { ReactNode } from 'react';
import './sign-in.css';

export interface SignInLiveCheckProps {
  readonly title: string;
  /** What the check calls and the permission it asks for. */
  readonly description: ReactNode;
  readonly runLabel: string;
  readonly status: 'idle' | 'loading' | 'error' | 'success';
  /** The explained error, when status is "error". */
  readonly error?: ReactNode;
  /** The result, when status is "success". */
  readonly result?: ReactNode;
  readonly onRun: () => void;
  readonly onCancel: () => void;
}

/** One live check: a button that starts it, a visible loading state with Cancel, then the result or error. */
export function SignInLiveCheck(props: SignInLiveCheckProps) {
  const { title, description, runLabel, status, error, result, onRun, onCancel } = props;
  return (
    <div className="signin-live" role="group" aria-label={title}>
      <h3>{title}</h3>
      <p>{description}</p>
      <div className="signin-actions">
        <button type="button" onClick={onRun} disabled={status === 'loading'}>
          {runLabel}
        </button>
        {status === 'loading' && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <div aria-live="polite">
        {status === 'loading' && <p>Checking…</p>}
        {status === 'error' && error}
        {status === 'success' && result}
      </div>
    </div>
  );
}
