import { CopyButton } from './copy-button';

export interface RawJsonProps {
  readonly header: unknown;
  readonly payload: unknown;
  readonly emptyText: string;
}

function pretty(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? '';
  } catch {
    return String(value);
  }
}

/** The decoded header and payload as pretty-printed JSON, each with a copy button. */
export function RawJson({ header, payload, emptyText }: RawJsonProps) {
  const present = header !== undefined && payload !== undefined;
  const headerText = present ? pretty(header) : '';
  const payloadText = present ? pretty(payload) : '';
  return (
    <section aria-label="Raw header and payload" className="panel">
      <h2>Raw header and payload</h2>
      {!present ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <div className="raw-grid">
          <div>
            <div className="raw-head">
              <h3>Header</h3>
              <CopyButton label="Copy header" text={headerText} />
            </div>
            <pre tabIndex={0} aria-label="Header JSON">
              {headerText}
            </pre>
          </div>
          <div>
            <div className="raw-head">
              <h3>Payload</h3>
              <CopyButton label="Copy payload" text={payloadText} />
            </div>
            <pre tabIndex={0} aria-label="Payload JSON">
              {payloadText}
            </pre>
          </div>
        </div>
      )}
    </section>
  );
}
