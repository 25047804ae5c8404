import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  /** Changing this resets a failed panel (e.g. a new token was pasted). */
  readonly resetKey?: unknown;
  /** Names the panel for screen readers, e.g. "Signature". */
  readonly label?: string;
  readonly children?: ReactNode;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
  readonly resetKey: unknown;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/** Catches a failing panel so the rest of the page stays usable. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error: error instanceof Error ? error : new Error(messageOf(error)) };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(_error: Error, _info: ErrorInfo): void {
    // Shown in the panel; nothing is reported anywhere (nothing leaves this page).
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error) {
      return (
        <div
          role="alert"
          className="panel-failed"
          aria-label={this.props.label ? `${this.props.label} failed` : undefined}
        >
          This panel failed: {messageOf(error)}
        </div>
      );
    }
    return this.props.children;
  }
}
