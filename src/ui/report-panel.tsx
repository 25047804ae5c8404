import { useState } from 'react';
import { CopyButton } from './copy-button';
import './report-panel.css';

export interface ReportPanelProps {
  /** The redacted payload as pretty JSON. */
  readonly redactedClaims: string;
  /** Names of the claims whose values were masked. */
  readonly masked: readonly string[];
  /** The Markdown report. */
  readonly report: string;
  /** The download's file name, e.g. "tokenscope-report.md". */
  readonly fileName: string;
  /** What the report covers, e.g. ["the request", "the verdict"], shown so people know before they send it. */
  readonly covers: readonly string[];
  /** Why the request (typed into the verdict field) could not be read, or null. */
  readonly requestProblem: string | null;
}

/**
 * Copy and download buttons for a support report. The text it is given is already redacted: this panel
 * only moves it to the clipboard or a file, on the person's click.
 */
export function ReportPanel(props: ReportPanelProps) {
  const { redactedClaims, masked, report, fileName, covers } = props;
  const [downloaded, setDownloaded] = useState(false);

  const download = () => {
    const blob = new Blob([report], { type: 'text/markdown;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
    // The browser has taken the file by the next tasks; the object URL must not outlive the click.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setDownloaded(true);
  };

  return (
    <section aria-label="Report" className="panel report-panel">
      <h2>Report for support</h2>
      <p>
        A Markdown report for a ticket or a colleague: {covers.join(', ')}. It never holds the token or its
        signature; personal and secret values are masked.
      </p>
      <p className="muted">
        It takes the request from the Verdict field and the error from the Error explanation field above (with
        the error's request-id, client-request-id and date).
        {props.requestProblem !== null && ` The request is left out: ${props.requestProblem}`}
      </p>
      <div className="report-actions">
        <CopyButton label="Copy redacted claims" text={redactedClaims} />
        <CopyButton label="Copy report" text={report} />
        <button type="button" onClick={download}>
          Download report (.md)
        </button>
        <span className="copy-status" role="status">
          {downloaded ? 'Downloaded' : ''}
        </span>
      </div>
      <p className="muted">
        {masked.length === 0 ? 'Nothing needed masking.' : `Masked: ${masked.join(', ')}.`}
      </p>
      <details className="report-preview">
        <summary>Preview the report</summary>
        <pre tabIndex={0} aria-label="Report preview">
          {report}
        </pre>
      </details>
    </section>
  );
}
