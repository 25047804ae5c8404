import type { Verdict } from '../diagnose';
import type { Finding, FixAction } from '../token';
import { FixView } from './fix-actions';

/** The permission the request needs and the token lacks, least privileged of the token's type. */
export interface PermissionToAdd {
  readonly value: string;
  readonly type: 'delegated' | 'application';
  readonly apiName: string;
}

export interface AnswerCardProps {
  /** "GET /security/alerts_v2 on graph.microsoft.com", or null without a readable request. */
  readonly requestLine: { readonly method: string; readonly path: string; readonly host: string } | null;
  /** The verdict, or null when there is no request to judge. */
  readonly verdict: Verdict | null;
  /** "403 Forbidden": what the pasted answer said, or null without one. */
  readonly answerLine: string | null;
  /** The one diagnosis's findings, what to fix first first. */
  readonly findings: readonly Finding[];
  readonly permissionToAdd: PermissionToAdd | null;
  /** Shown when there is nothing to judge yet (no request and no answer). */
  readonly prompt: string | null;
  readonly hrefOf: (action: FixAction) => string | null;
}

const WORD: Record<Verdict, string> = { allowed: 'Allowed', denied: 'Denied', 'cant-tell': "Can't tell" };

const PRA = 'Privileged Role Administrator';

/** Who can carry out an action, in the Entra admin center's role names; null when anyone can. */
function whoCanDo(action: FixAction | undefined): string | null {
  switch (action?.kind) {
    case 'consent':
      return `A ${PRA} or Global Administrator; a Cloud Application Administrator or Application Administrator for anything but Microsoft Graph application permissions.`;
    case 'grant':
      return `A ${PRA} or Global Administrator for Microsoft Graph app roles; a Cloud Application Administrator or Application Administrator for other APIs.`;
    case 'role-assignment':
      return 'Someone with Owner, User Access Administrator or Role Based Access Control Administrator on the scope.';
    case 'portal':
      return action.path.includes('Roles & admins') ? `A ${PRA} or Global Administrator.` : null;
    default:
      return null;
  }
}

/**
 * The answer first: the verdict for the request (or what the pasted answer means), the one thing to do
 * with who can do it, and what else to check. Everything here comes from the one diagnosis the page made;
 * the full findings follow in the sections below.
 */
export function AnswerCard(props: AnswerCardProps) {
  const { requestLine, verdict, answerLine, findings, permissionToAdd, prompt, hrefOf } = props;
  const general = findings.find((f) => f.fix !== null && f.severity !== 'info') ?? null;
  // A known Microsoft client (Graph Explorer, Graph PowerShell, Azure CLI) is fixed in how it signs in, not
  // in an app registration: when the token lacks a permission, that client's way is the one thing to do.
  const client = findings.find((f) => f.code === 'client-fix' && f.fix !== null) ?? null;
  const todo = client !== null && general !== null ? client : general;
  const blocking = findings.find((f) => f.severity === 'error') ?? general;
  // A near miss (a permission close to the one needed) is worth seeing next to the verdict.
  const rest = findings.filter(
    (f) => f !== todo && f !== blocking && (f.severity !== 'info' || f.code === 'near-miss-permission'),
  );
  const who = todo?.fix ? whoCanDo(todo.fix.actions[0]) : null;
  const verdictClass = verdict ?? (answerLine ? 'denied' : 'cant-tell');
  return (
    <section aria-label="Answer" className="panel answer-card">
      <h2 className="visually-hidden">Answer</h2>
      {prompt !== null ? (
        <p className="answer-prompt">{prompt}</p>
      ) : (
        <>
          <p className={`verdict verdict-${verdictClass}`} aria-live="polite">
            <strong>{verdict ? WORD[verdict] : answerLine ? 'Refused' : "Can't tell"}</strong>
            {requestLine && (
              <span className="verdict-request">
                {' '}
                {requestLine.method} <code>{requestLine.path}</code> on {requestLine.host}
              </span>
            )}
            {answerLine && <span className="verdict-request"> · the API answered {answerLine}</span>}
          </p>
          {blocking && <p className="answer-why">{blocking.message}</p>}
          {permissionToAdd && (
            <p className="answer-permission">
              Permission to add: <code>{permissionToAdd.value}</code> ({permissionToAdd.type},{' '}
              {permissionToAdd.apiName})
            </p>
          )}
          {todo?.fix && (
            <div className="answer-todo">
              <h3>What to do</h3>
              {todo === client && <p>{todo.message}</p>}
              <FixView fix={todo.fix} hrefOf={hrefOf} />
              {who && (
                <p className="answer-who">
                  <strong>Who can do it:</strong> {who}
                </p>
              )}
            </div>
          )}
          {rest.length > 0 && (
            <div className="answer-rest">
              <h3>Also check</h3>
              <ul>
                {rest.map((f, i) => (
                  <li key={`${f.code}-${i}`}>{f.message}</li>
                ))}
              </ul>
            </div>
          )}
          {verdict === 'allowed' && (
            <p className="verdict-note">
              As far as the token and the permission catalog show. The API can still refuse for reasons a
              token does not carry: licences, Conditional Access, or rights on the object itself.
            </p>
          )}
        </>
      )}
    </section>
  );
}
