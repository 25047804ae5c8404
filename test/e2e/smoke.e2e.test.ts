import { describe, expect, it } from 'vitest';
import { setUpBrowser } from './support/shared-browser';

const browser = setUpBrowser();

describe('the built app', () => {
  it('loads with no page error and no request off loopback', async () => {
    const app = await browser.open();
    await app.page.getByRole('heading', { name: 'Tokenscope' }).waitFor();
    expect(app.pageErrors).toEqual([]);
    expect(app.offLoopback).toEqual([]);
    await app.close();
  });
});
