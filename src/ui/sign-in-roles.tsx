import type { ReactNode } from 'react';
import { DEFAULT_USER_ROLES, MISSING_WIDS_REASONS, checkKeyDirectoryRoles } from '../auth';
import './sign-in.css';

export interface SignInRolesProps {
  /** The access token's `wids`, or null when the claim is absent. */
  readonly wids: readonly string[] | null;
  /** Names a role template ID (from the catalog), or null when unknown. */
  readonly roleName: (id: string) => string | null;
  /** The live Graph check, offered below the answer. */
  readonly liveCheck?: ReactNode;
}

/** "Your directory roles": a yes/no for the security roles from `wids`, and why `wids` may be missing. */
export function SignInRoles({ wids, roleName, liveCheck }: SignInRolesProps) {
  const checks = checkKeyDirectoryRoles(wids);
  const others = (wids ?? []).filter((id) => !checks.some((c) => c.role.id === id.toLowerCase()));
  return (
    <section className="signin-roles" aria-label="Your directory roles">
      <h2>Your directory roles</h2>
      {wids === null ? (
        <>
          <p>
            The access token has no <code>wids</code> claim, so it cannot say which directory roles you hold.
            That can be because:
          </p>
          <ul>
            {MISSING_WIDS_REASONS.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <p>Ask Microsoft Graph instead (below).</p>
        </>
      ) : (
        <p>
          From the access token&apos;s <code>wids</code> claim (active roles at sign-in; eligible PIM roles
          only show once activated).
        </p>
      )}
      <ul className="signin-role-checks">
        {checks.map(({ role, holds }) => (
          <li key={role.id} className={holds ? 'yes' : holds === false ? 'no' : 'unknown'}>
            {role.name}: <strong>{holds === null ? 'unknown' : holds ? 'yes' : 'no'}</strong>
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <>
          <h3>Other roles in the token</h3>
          <ul>
            {others.map((id) => (
              <li key={id}>
                {roleName(id) ?? DEFAULT_USER_ROLES[id.toLowerCase()] ?? 'Unknown role'} <code>{id}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {liveCheck}
    </section>
  );
}
