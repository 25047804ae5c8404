import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../src/diagnose';

describe('parseRequest', () => {
  it.each([
    ['METHOD URL', 'GET https://graph.microsoft.com/v1.0/me', 'GET', 'graph.microsoft.com', '/me'],
    [
      'lower-case method',
      'get https://graph.microsoft.com/v1.0/users',
      'GET',
      'graph.microsoft.com',
      '/users',
    ],
    ['bare URL as GET', 'https://graph.microsoft.com/beta/groups', 'GET', 'graph.microsoft.com', '/groups'],
    ['scheme-less URL', 'graph.microsoft.com/v1.0/me/messages', 'GET', 'graph.microsoft.com', '/me/messages'],
    ['path only', 'PATCH /v1.0/users/42', 'PATCH', 'graph.microsoft.com', '/users/{id}'],
    [
      'curl with -X after the URL and headers',
      `curl "https://graph.microsoft.com/v1.0/users/8a3c3f0e-1b2c-4d5e-8f90-123456789abc" -H "Authorization: Bearer abc" -X DELETE`,
      'DELETE',
      'graph.microsoft.com',
      '/users/{id}',
    ],
    [
      'curl --request and --url',
      `curl --request POST --url 'https://api.security.microsoft.com/api/indicators/import' -H 'Content-Type: application/json'`,
      'POST',
      'api.security.microsoft.com',
      '/api/indicators/import',
    ],
    [
      'curl with a body and no -X is a POST',
      `curl -H "Authorization: Bearer x" -d '{"a":1}' https://api.securitycenter.microsoft.com/api/advancedqueries/run`,
      'POST',
      'api.securitycenter.microsoft.com',
      '/api/advancedqueries/run',
    ],
    [
      'curl with line continuations',
      'curl -X GET \\\n  "https://graph.microsoft.com/v1.0/security/alerts_v2" \\\n  -H "Authorization: Bearer x"',
      'GET',
      'graph.microsoft.com',
      '/security/alerts_v2',
    ],
    [
      'PowerShell Invoke-RestMethod',
      `Invoke-RestMethod -Method Post -Uri "https://api.securitycenter.microsoft.com/api/machines/abc123def4567890abc123def4567890abc12345/isolate" -Headers @{Authorization = "Bearer $token"}`,
      'POST',
      'api.securitycenter.microsoft.com',
      '/api/machines/{id}/isolate',
    ],
    [
      'PowerShell Invoke-WebRequest with headers first',
      `Invoke-WebRequest -Headers $headers -Uri 'https://graph.microsoft.com/v1.0/me' -Method GET`,
      'GET',
      'graph.microsoft.com',
      '/me',
    ],
    [
      'Invoke-MgGraphRequest with a relative URI',
      'Invoke-MgGraphRequest -Method PATCH -Uri "v1.0/users/42" -Body $body',
      'PATCH',
      'graph.microsoft.com',
      '/users/{id}',
    ],
    [
      'az rest',
      'az rest --method post --url "https://graph.microsoft.com/v1.0/servicePrincipals/42/appRoleAssignments" --body @body.json',
      'POST',
      'graph.microsoft.com',
      '/serviceprincipals/{id}/approleassignments',
    ],
    [
      'curly quotes',
      'curl \u201Chttps://graph.microsoft.com/v1.0/me\u201D',
      'GET',
      'graph.microsoft.com',
      '/me',
    ],
    [
      'an HTTP request line',
      'GET https://graph.microsoft.com/v1.0/me HTTP/1.1',
      'GET',
      'graph.microsoft.com',
      '/me',
    ],
  ])('parses %s', (_name, text, method, host, normalised) => {
    const result = parseRequest(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request.method).toBe(method);
    expect(result.request.host).toBe(host);
    expect(result.request.normalisedPath).toBe(normalised);
  });

  it.each([
    ['/v1.0/users/{id}', '/users/{id}'],
    ["/v1.0/users('8a3c3f0e-1b2c-4d5e-8f90-123456789abc')", '/users/{id}'],
    ["/v1.0/users(id='8a3c3f0e-1b2c-4d5e-8f90-123456789abc')/memberOf", '/users/{id}/memberof'],
    ['/v1.0/users/adele.vance@contoso.com/messages', '/users/{id}/messages'],
    ['/v1.0/users/8a3c3f0e-1b2c-4d5e-8f90-123456789abc/photo/$value', '/users/{id}/photo/$value'],
    ['/v1.0/users/$count', '/users/$count'],
    ['/v1.0/groups/123/members/$ref', '/groups/{id}/members/$ref'],
    [
      "/v1.0/reports/getOffice365ActiveUserDetail(period='D7')",
      '/reports/getoffice365activeuserdetail(period={value})',
    ],
    ['/v1.0/reports/getOffice365ActivationsUserCounts', '/reports/getoffice365activationsusercounts'],
    [
      '/v1.0/directoryObjects/8a3c3f0e-1b2c-4d5e-8f90-123456789abc/microsoft.graph.directoryRole',
      '/directoryobjects/{id}/microsoft.graph.directoryrole',
    ],
    ['/v1.0/Me/Messages?$select=subject&$top=5', '/me/messages'],
    ['/beta/security/alerts_v2/da637551227677560813_-961444813', '/security/alerts_v2/{id}'],
    ['/v1.0/domains/contoso.com', '/domains/{id}'],
    ['/v1.0/me/drive/root:/Documents/report.xlsx:/content', '/me/drive/root:/{id}:/content'],
    ['/v1.0/oauth2PermissionGrants', '/oauth2permissiongrants'],
  ])('normalises the Graph path %s to %s', (path, expected) => {
    const result = parseRequest(`GET https://graph.microsoft.com${path}`);
    expect(result.ok && result.request.normalisedPath).toBe(expected);
  });

  it.each([
    ['api.security.microsoft.com', 'security'],
    ['us.api.security.microsoft.com', 'security'],
    ['eu.api.security.microsoft.com', 'security'],
    ['uk.api.security.microsoft.com', 'security'],
    ['au.api.security.microsoft.com', 'security'],
    ['swa.api.security.microsoft.com', 'security'],
    ['ina.api.security.microsoft.com', 'security'],
    ['api.securitycenter.microsoft.com', 'securitycenter'],
    ['api-us.securitycenter.microsoft.com', 'securitycenter'],
    ['api-eu.securitycenter.microsoft.com', 'securitycenter'],
    ['api-uk.securitycenter.microsoft.com', 'securitycenter'],
    ['api-gcc.securitycenter.microsoft.us', 'securitycenter'],
    ['api-gov.securitycenter.microsoft.us', 'securitycenter'],
  ])('recognises the Defender host %s', (host, family) => {
    const result = parseRequest(`GET https://${host}/api/v1.0/machines`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request.api).toBe('defender');
    expect(result.request.defenderHost).toBe(family);
    expect(result.request.normalisedPath).toBe('/api/machines');
  });

  it.each([
    ['/api/machines/1e5bc9d7e413ddd7902c2932e418702b84d0cc07', '/api/machines/{id}'],
    ['/API/Machines/1e5bc9d7e413ddd7902c2932e418702b84d0cc07/logonusers', '/api/machines/{id}/logonusers'],
    ['/api/v1.0/alerts/da637472900382838869_1364969609/files', '/api/alerts/{id}/files'],
    ['/api/files/4388963aaa83afe2042a46a3c017ad50bdcdafb3/stats', '/api/files/{id}/stats'],
    ['/api/ips/10.209.67.177/alerts', '/api/ips/{id}/alerts'],
    ['/api/domains/client.wns.windows.com/machines', '/api/domains/{id}/machines'],
    ['/api/users/contoso%5Cjdoe/alerts', '/api/users/{id}/alerts'],
    ['/api/users/jdoe/machines', '/api/users/{id}/machines'],
    ['/api/vulnerabilities/CVE-2019-0608/machineReferences', '/api/vulnerabilities/{id}/machinereferences'],
    ['/api/Software/microsoft-_-edge/distributions', '/api/software/{id}/distributions'],
    ['/api/indicators/import', '/api/indicators/import'],
    ['/api/indicators/BatchDelete', '/api/indicators/batchdelete'],
    ['/api/indicators/995', '/api/indicators/{id}'],
    ['/api/vulnerabilities/machinesVulnerabilities', '/api/vulnerabilities/machinesvulnerabilities'],
    ['/api/exposureScore/ByMachineGroups', '/api/exposurescore/bymachinegroups'],
    [
      "/api/machines/findbyip(ip='10.0.0.1',timestamp=2019-09-22T08:44:05Z)",
      '/api/machines/findbyip(ip={value},timestamp={value})',
    ],
    ['/api/incidents/924565', '/api/incidents/{id}'],
  ])('normalises the Defender path %s to %s', (path, expected) => {
    const result = parseRequest(`GET https://api.securitycenter.microsoft.com${path}`);
    expect(result.ok && result.request.normalisedPath).toBe(expected);
  });

  it('keeps the Graph version and cloud', () => {
    const result = parseRequest('GET https://graph.microsoft.us/beta/me');
    expect(result.ok && result.request.graphVersion).toBe('beta');
    expect(result.ok && result.request.cloud).toBe('usgov');
  });

  it('treats other hosts as "other"', () => {
    const result = parseRequest('GET https://management.azure.com/subscriptions?api-version=2020-01-01');
    expect(result.ok && result.request.api).toBe('other');
  });

  it.each([
    ['', 'empty', 'Paste a request'],
    ['   ', 'empty', 'Paste a request'],
    ['GET', 'no-url', 'No URL found'],
    ['curl -H "Authorization: Bearer x"', 'no-url', 'No URL found'],
    ['FETCH https://graph.microsoft.com/v1.0/me', 'bad-method', '"FETCH" is not an HTTP method'],
    ['curl -X FETCH https://graph.microsoft.com/v1.0/me', 'bad-method', '"FETCH" is not an HTTP method'],
    ['x'.repeat(70_000), 'too-large', 'too long'],
  ])('rejects %j with %s', (text, code, message) => {
    const result = parseRequest(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(message);
  });
});

describe('parseRequest keeps OData quotes inside a URL', () => {
  it.each([
    ["GET https://graph.microsoft.com/v1.0/users('a@b.com')", "/v1.0/users('a@b.com')"],
    [`curl "https://graph.microsoft.com/v1.0/users('a@b.com')"`, "/v1.0/users('a@b.com')"],
  ])('%s', (text, path) => {
    const result = parseRequest(text);
    expect(result.ok && result.request.path).toBe(path);
  });
});
