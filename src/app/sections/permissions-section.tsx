import { useMemo } from 'react';
import { annotateToken } from '../../catalog';
import { PermissionsPanel, type PermissionRowView } from '../../ui/permissions-panel';
import type { SectionProps } from '../view-props';

/** Each `scp` and `roles` entry: raw values at once, names and flags when the catalog arrives. */
export default function PermissionsSection({ inspected, catalog }: SectionProps) {
  const classification = inspected.token?.facts ?? null;

  const annotation = useMemo(
    () =>
      catalog && classification
        ? annotateToken(catalog, {
            audience: classification.audience,
            scopes: classification.scopes,
            roles: classification.roles,
            wids: classification.wids,
            caller: classification.caller,
            kind: classification.kind,
            clientId: classification.clientId,
          })
        : null,
    [catalog, classification],
  );

  if (!classification) return null;
  const rows: PermissionRowView[] = annotation
    ? [...annotation.scopes, ...annotation.roles]
    : [
        ...classification.scopes.map((value) => raw(value, 'delegated')),
        ...classification.roles.map((value) => raw(value, 'application')),
      ];
  const emptyText =
    classification.kind === 'id'
      ? 'ID tokens carry no permissions: they tell the app who signed in. Call an API with an access token.'
      : 'This token has no scp or roles claim, so it grants no permissions.';
  const apiNotes = annotation
    ? annotation.findings.filter(
        (f) => f.code === 'retired-api' || f.code === 'unknown-api' || f.code === 'custom-api',
      )
    : [];
  return (
    <PermissionsPanel
      rows={rows}
      apiName={annotation?.api?.name ?? null}
      catalogLoaded={annotation !== null}
      emptyText={emptyText}
      notes={classification.kind === 'id' ? [] : apiNotes}
    />
  );
}

function raw(value: string, type: PermissionRowView['type']): PermissionRowView {
  return { value, type, label: null, adminConsent: null, privilegeLevel: null, flags: [] };
}
