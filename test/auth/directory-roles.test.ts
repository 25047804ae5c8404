import { describe, expect, it } from 'vitest';
import { checkKeyDirectoryRoles } from '../../src/auth';

const READER = '5d6b6bb7-de71-4623-b4af-96380a352509';
const MEMBER = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

describe('checkKeyDirectoryRoles', () => {
  it.each([
    ['a security reader', [READER, MEMBER], [true, false, false]],
    ['a plain member', [MEMBER], [false, false, false]],
    ['upper-case IDs', [READER.toUpperCase()], [true, false, false]],
    ['a global administrator', ['62e90394-69f5-4237-9190-012177145e10'], [false, false, true]],
    ['no wids claim', null, [null, null, null]],
  ])('answers for %s', (_name, wids, expected) => {
    expect(checkKeyDirectoryRoles(wids).map((c) => c.holds)).toEqual(expected);
  });

  it('checks Security Reader, Security Administrator and Global Administrator in that order', () => {
    expect(checkKeyDirectoryRoles([]).map((c) => c.role.name)).toEqual([
      'Security Reader',
      'Security Administrator',
      'Global Administrator',
    ]);
  });
});
