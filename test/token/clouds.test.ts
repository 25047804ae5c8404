import { describe, expect, it } from 'vitest';
import {
  CLOUD_IDS,
  CLOUDS,
  issuerOfHost,
  metadataHostOf,
  parseCloud,
  SIGN_IN_ORIGINS,
  GRAPH_ORIGINS,
} from '../../src/token';

describe('issuerOfHost', () => {
  it.each<[string, string, string | null]>([
    ['login.microsoftonline.com', 'entra', 'public'],
    ['sts.windows.net', 'entra', 'public'],
    ['login.windows.net', 'entra', 'public'],
    ['LOGIN.MICROSOFTONLINE.COM', 'entra', 'public'],
    ['login.microsoftonline.us', 'entra', 'usgov'],
    ['login.chinacloudapi.cn', 'entra', 'china'],
    ['login.partner.microsoftonline.cn', 'entra', 'china'],
    ['sts.chinacloudapi.cn', 'entra', 'china'],
    ['contoso.b2clogin.com', 'entra-b2c', 'public'],
    ['contoso.b2clogin.us', 'entra-b2c', 'usgov'],
    ['contoso.b2clogin.cn', 'entra-b2c', 'china'],
    ['contoso.ciamlogin.com', 'entra-external-id', 'public'],
    ['b2clogin.com', 'other', null],
    ['.b2clogin.com', 'other', null],
    ['ciamlogin.com', 'other', null],
    ['login.microsoftonline.com.evil.example', 'other', null],
    ['accounts.google.com', 'other', null],
    ['', 'other', null],
  ])('%s is %s (%s)', (host, kind, cloud) => {
    expect(issuerOfHost(host)).toEqual({ kind, cloud });
  });
});

describe('metadataHostOf', () => {
  it.each([
    ['login.microsoftonline.com', 'login.microsoftonline.com'],
    ['sts.windows.net', 'login.microsoftonline.com'],
    ['sts.chinacloudapi.cn', 'login.chinacloudapi.cn'],
    ['login.partner.microsoftonline.cn', 'login.partner.microsoftonline.cn'],
    ['login.microsoftonline.us', 'login.microsoftonline.us'],
    ['login.windows.net', null],
    ['contoso.b2clogin.com', null],
    ['example.com', null],
  ])('%s publishes its keys at %s', (host, expected) => {
    expect(metadataHostOf(host)).toBe(expected);
  });
});

describe('parseCloud', () => {
  it.each([
    ['public', 'public'],
    [' USGov ', 'usgov'],
    ['china', 'china'],
    ['germany', null],
    ['constructor', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%s reads as %s', (value, cloud) => {
    expect(parseCloud(value)).toBe(cloud);
  });
});

describe('CLOUDS', () => {
  it.each(CLOUD_IDS)(
    '%s lists its login host first among its sign-in hosts and its Graph host first',
    (id) => {
      const c = CLOUDS[id];
      expect(c.cloud).toBe(id);
      expect(c.signInHosts[0]).toBe(c.loginHost);
      expect(c.graphUrl).toBe(`https://${c.graphHosts[0] ?? ''}`);
    },
  );

  it('gives the CSP every sign-in and Graph origin, https only', () => {
    expect(SIGN_IN_ORIGINS).toContain('https://login.partner.microsoftonline.cn');
    expect(GRAPH_ORIGINS).toContain('https://dod-graph.microsoft.us');
    expect([...SIGN_IN_ORIGINS, ...GRAPH_ORIGINS].every((o) => o.startsWith('https://'))).toBe(true);
  });
});
