import { getCloudInfo } from './clouds';
import type { ScriptContext } from './grant-input';

/**
 * The raw Microsoft Graph requests: the lookup of the API's service principal and one POST per app role.
 * Takes checked values only. The resource ID stays a placeholder: only the tenant knows it.
 */
export function graphRequests(c: ScriptContext): string {
  const graph = `${getCloudInfo(c.cloud).graphUrl}/v1.0`;
  const lines = [
    "# 1. Find the API's service principal in the tenant (its id is the resourceId below; appRoles lists the role ids).",
    `GET ${graph}/servicePrincipals?$filter=appId eq '${c.apiAppId}'&$select=id,appId,displayName,appRoles`,
    '',
    '# 2. One request per app role.',
  ];
  for (const role of c.roles) {
    lines.push(
      `# ${role.value}`,
      `POST ${graph}/servicePrincipals/${c.principalId}/appRoleAssignments`,
      'Content-Type: application/json',
      '',
      JSON.stringify(
        {
          principalId: c.principalId,
          resourceId: '{resource-service-principal-id}',
          appRoleId: role.appRoleId ?? `{app-role-id of ${role.value}}`,
        },
        null,
        2,
      ),
      '',
    );
  }
  return lines.join('\n');
}
