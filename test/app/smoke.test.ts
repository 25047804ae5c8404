import { describe, expect, it } from 'vitest';
import { SPA_ORIGIN } from '../e2e/support/constants.mjs';

describe('browser test constants', () => {
  it('point only at loopback', () => {
    expect(new URL(SPA_ORIGIN).hostname).toBe('127.0.0.1');
  });
});
