import { describe, expect, it } from 'vitest';
import { setUpBrowser, type AppPage } from './support/shared-browser';
import { graphDelegatedV1, makeToken } from '../fixtures/make-token';

// Tokens and other credentials that arrive in a link: read into memory, gone from the address bar whether
// the page was opened with them or the fragment changed later, and the person is told that the browser's
// history already holds them.
const browser = setUpBrowser();

const token = makeToken({ ...graphDelegatedV1(), scp: 'User.Read' });
const second = makeToken({ ...graphDelegatedV1(), scp: 'User.Read Mail.Read' });
const REFRESH = '0.AXoAzqRefreshToken0123456789abcdefghijklmnopqrstuv';
const CODE = 'zqAuthCode0123456789';
const SESSION = 'zqSessionState0123';
const ID_TOKEN = makeToken({ ...graphDelegatedV1(), aud: 'bbbbbbbb-0000-0000-0000-000000000002' });

const CASES = [
  {
    name: '#token=',
    hash: `#token=${token}`,
    secrets: [token],
    loaded: (app: AppPage) => app.page.getByLabel('Token or text containing a token').inputValue(),
    expected: token,
  },
  {
    name: '#access_token=…&refresh_token=…&code=…&session_state=…&id_token=…',
    hash: `#access_token=${token}&token_type=Bearer&refresh_token=${REFRESH}&code=${CODE}&session_state=${SESSION}&id_token=${ID_TOKEN}`,
    secrets: [token, REFRESH, CODE, SESSION, ID_TOKEN, 'refresh_token', 'code=', 'session_state', 'id_token'],
    loaded: (app: AppPage) => app.page.getByLabel('Token or text containing a token').inputValue(),
    expected: token,
  },
  {
    name: '#compare&compare=…',
    hash: `#compare&compare=${second}`,
    secrets: [second, 'compare='],
    loaded: (app: AppPage) => app.page.getByLabel('Token B').inputValue(),
    expected: second,
  },
] as const;

async function expectScrubbedWithNotice(app: AppPage, secrets: readonly string[]): Promise<void> {
  await app.page.getByRole('note', { name: 'This token came in a link' }).waitFor();
  expect(await app.page.getByRole('note', { name: 'This token came in a link' }).textContent()).toContain(
    "the browser's history already holds the full link",
  );
  const href = await app.page.evaluate(() => location.href);
  for (const secret of secrets) expect(href).not.toContain(secret);
  expect(app.pageErrors).toEqual([]);
}

describe('credentials in a link are loaded, scrubbed and announced', () => {
  for (const c of CASES) {
    it(`${c.name}: opened by link`, async () => {
      const app = await browser.open(`/${c.hash}`);
      await expect.poll(() => c.loaded(app), { timeout: 15_000 }).toBe(c.expected);
      await expectScrubbedWithNotice(app, c.secrets);
      await app.close();
    });

    it(`${c.name}: arriving by hashchange`, async () => {
      const app = await browser.open(c.name.startsWith('#compare') ? '/#compare' : '/');
      await app.page.locator('main').waitFor();
      await app.page.evaluate((hash) => {
        location.hash = hash;
      }, c.hash);
      await expect.poll(() => c.loaded(app), { timeout: 15_000 }).toBe(c.expected);
      await expectScrubbedWithNotice(app, c.secrets);
      // Back and forward never bring the credential back into the address bar.
      await app.page.goBack();
      await app.page.goForward();
      const href = await app.page.evaluate(() => location.href);
      for (const secret of c.secrets) expect(href).not.toContain(secret);
      await app.close();
    });
  }
});

describe('values from a token never become in-app links', () => {
  const HOSTILE =
    '#grant&principal_id=zqEvilPrincipal&api=00000003-0000-0000-c000-000000000000&permission=Directory.ReadWrite.All';
  const hostileToken = makeToken({
    ...graphDelegatedV1(),
    oid: HOSTILE,
    app_displayname: '#consent&client_id=zqEvilClient&scope=Directory.ReadWrite.All',
    name: 'javascript:alert(1)',
  });

  it('an oid, app name or name holding an app route renders as text, never as an <a>', async () => {
    const request = encodeURIComponent('GET https://graph.microsoft.com/v1.0/security/alerts_v2');
    const app = await browser.open(`/#token=${hostileToken}&request=${request}`);
    const { page } = app;
    await expect
      .poll(() => page.getByRole('region', { name: 'Claims' }).textContent(), { timeout: 15_000 })
      .toContain(HOSTILE);
    const anchors = await page.evaluate(() =>
      [...document.querySelectorAll('a')].map((a) => ({
        href: a.getAttribute('href') ?? '',
        text: a.textContent ?? '',
      })),
    );
    for (const a of anchors) {
      expect(a.text).not.toContain('zqEvil');
      expect(a.text).not.toContain('javascript:');
      // A link the app builds may carry a value percent-encoded, never the raw route from the token.
      expect(a.href).not.toContain('principal_id=zqEvilPrincipal');
      expect(a.href).not.toContain('client_id=zqEvilClient');
      expect(a.href).not.toMatch(/^javascript:/i);
    }
    expect(page.url()).not.toContain('zqEvil');
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});
