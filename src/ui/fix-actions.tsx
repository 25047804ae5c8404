import type { Fix, FixAction } from '../token';
import { CopyButton } from './copy-button';

export interface FixViewProps {
  readonly fix: Fix;
  /** The in-app hash for a consent or grant action (the app's `hrefFor`), or null for other actions. */
  readonly hrefOf: (action: FixAction) => string | null;
  /** "Fix" for what blocks the call; "Note" for a caveat. */
  readonly label?: 'Fix' | 'Note';
}

// POSIX single quotes: nothing inside is expanded, so a value from a token cannot run as a command.
const quote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

function roleAssignmentCommand(action: Extract<FixAction, { kind: 'role-assignment' }>): string {
  const parts = ['az role assignment create'];
  parts.push(`--assignee ${action.assignee === null ? '<object ID>' : quote(action.assignee)}`);
  parts.push(`--role ${quote(action.role)}`);
  parts.push(`--scope ${action.scope === null ? '<scope>' : quote(action.scope)}`);
  return parts.join(' \\\n  ');
}

function lastSegment(scope: string): string {
  return scope.slice(scope.lastIndexOf('/') + 1) || scope;
}

function CodeBlock({ label, text }: { label: string; text: string }) {
  return (
    <div className="fix-code">
      <pre tabIndex={0} aria-label={label}>
        <code>{text}</code>
      </pre>
      <CopyButton label={`Copy ${label.toLowerCase()}`} text={text} />
    </div>
  );
}

function Action({
  action,
  href,
  commands,
}: {
  action: FixAction;
  href: string | null;
  /** True when the fix carries its own commands: a role assignment is then named, not printed twice. */
  commands: boolean;
}) {
  switch (action.kind) {
    case 'consent':
      return href === null ? null : (
        <a className="fix-link" href={href}>
          Open the admin-consent builder for {lastSegment(action.scope)}
        </a>
      );
    case 'grant':
      return href === null ? null : (
        <a className="fix-link" href={href}>
          Open the app-role grant builder for {action.permission}
        </a>
      );
    case 'role-assignment':
      return commands ? (
        <p className="fix-portal">
          Azure role assignment: <strong>{action.role}</strong> for{' '}
          <code>{action.assignee ?? '<object ID>'}</code> at <code>{action.scope ?? '<scope>'}</code>
        </p>
      ) : (
        <CodeBlock label="Azure CLI command" text={roleAssignmentCommand(action)} />
      );
    case 'command':
      return <CodeBlock label={action.label} text={action.text} />;
    case 'portal':
      return (
        <p className="fix-portal">
          <span className="visually-hidden">In the portal: </span>
          {action.path.join(' › ')}
        </p>
      );
    case 'doc':
      // Only Microsoft's https pages: a data value never becomes a script or in-app link here.
      return action.url.startsWith('https://') ? (
        <a className="fix-doc" href={action.url} target="_blank" rel="noreferrer noopener">
          {action.label}
        </a>
      ) : null;
  }
}

/**
 * A fix: its sentence as plain text (never parsed for links, so a value from a token stays text), then
 * each action as a link into the app, a command to copy, a portal path or a documentation link.
 */
export function FixView({ fix, hrefOf, label = 'Fix' }: FixViewProps) {
  return (
    <div className="verdict-fix">
      <p>
        <strong>{label}:</strong> {fix.text}
      </p>
      {fix.actions.length > 0 && (
        <ul className="fix-actions">
          {fix.actions.map((action, i) => (
            <li key={`${action.kind}-${i}`}>
              <Action
                action={action}
                href={hrefOf(action)}
                commands={fix.actions.some((a) => a.kind === 'command')}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
