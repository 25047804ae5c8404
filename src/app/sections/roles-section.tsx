import { useMemo } from 'react';
import { annotateToken } from '../../catalog';
import { RolesPanel, type RoleRowView } from '../../ui/roles-panel';
import type { SectionProps } from '../view-props';

const AUTH_CODE_FLOW = 'https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow';
const NO_WIDS_USER =
  'This user token has no wids claim, so it does not show which directory roles the user holds. ' +
  'Tokens from the implicit flow may leave it out: sign in with the authorization code flow to get it.';
const NO_WIDS_APP = 'App-only tokens carry no directory roles (no wids claim): the app acts as itself.';
const NO_WIDS_OTHER =
  'This token has no wids claim, so it does not say which directory roles the user holds.';

/** Each `wids` entry by role name, with privileged badges and the security roles highlighted. */
export default function RolesSection({ inspected, catalog }: SectionProps) {
  const classification = inspected.token?.facts ?? null;

  const annotation = useMemo(
    () =>
      catalog && classification
        ? annotateToken(catalog, {
            audience: classification.audience,
            scopes: [],
            roles: [],
            wids: classification.wids,
            caller: classification.caller,
            kind: classification.kind,
          })
        : null,
    [catalog, classification],
  );

  if (!classification) return null;
  const rows: RoleRowView[] | null = annotation
    ? (annotation.wids?.map((r) => ({
        templateId: r.templateId,
        name: r.name,
        privileged: r.privileged,
        highlighted: r.highlight !== null,
        isDefaultMember: r.isDefaultMember,
        note: r.note,
      })) ?? null)
    : (classification.wids?.map((templateId) => ({
        templateId,
        name: null,
        privileged: null,
        highlighted: false,
        isDefaultMember: false,
        note: null,
      })) ?? null);
  const caller = classification.caller;
  const missingText =
    caller === 'delegated'
      ? NO_WIDS_USER
      : caller === 'app-only' || caller === 'managed-identity'
        ? NO_WIDS_APP
        : NO_WIDS_OTHER;
  return (
    <RolesPanel
      rows={rows}
      catalogLoaded={annotation !== null}
      missingText={missingText}
      missingLink={caller === 'delegated' ? AUTH_CODE_FLOW : null}
    />
  );
}
