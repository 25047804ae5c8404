import { describe, expect, it } from 'vitest';
import gatesJson from '../../src/catalog/data/gates.json';
import type { GateData } from '../../src/catalog';
import { parseRequest } from '../../src/diagnose';
import { classifyHost } from '../../src/diagnose/hosts';

const gates = gatesJson as unknown as GateData;
const concrete = (pattern: string) => (pattern.startsWith('*.') ? `example${pattern.slice(1)}` : pattern);

describe('request hosts of every Microsoft resource', () => {
  // hosts.ts holds a copy of the hosts so requests are recognised before the data loads; this keeps them equal.
  it.each(
    gates.resources
      .filter((r) => !['graph', 'defender-endpoint', 'defender-xdr', 'sentinel', 'intune'].includes(r.id))
      .flatMap((r) => r.clouds.flatMap((c) => c.hosts.map((h) => [r.id, h, c.cloud] as const))),
  )('%s: %s is recognised in its cloud (%s)', (id, host, cloud) => {
    const info = classifyHost(concrete(host));
    expect(info.resources).toContain(id);
    expect(info.cloud).toBe(cloud);
  });

  it('parseRequest carries the resource ids of an ARM or data-plane host', () => {
    const parsed = parseRequest('GET https://contoso.vault.azure.net/secrets/db?api-version=7.4');
    expect(parsed.ok && parsed.request.resources).toEqual(['key-vault']);
    const sb = parseRequest('POST https://ns.servicebus.windows.net/q/messages');
    expect(sb.ok && sb.request.resources).toEqual(['event-hubs', 'service-bus']);
  });

  it('a bare suffix is not a subdomain of itself', () => {
    expect(classifyHost('vault.azure.net').resources).toBeUndefined();
  });
});
