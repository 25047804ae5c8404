import { describe, expect, it } from 'vitest';
import { parseAuthorities } from '../../src/app/parse-authorities';

describe('parseAuthorities', () => {
  it.each([
    [undefined, [], 0],
    ['', [], 0],
    ['https://127.0.0.1:4443', ['https://127.0.0.1:4443'], 0],
    ['https://a.example, https://b.example/', ['https://a.example', 'https://b.example'], 0],
    ['https://a.example,https://a.example', ['https://a.example'], 0],
    ['http://insecure.example', [], 1],
    ['https://a.example/path', [], 1],
    ['not a url, https://ok.example', ['https://ok.example'], 1],
  ])('reads %j as %j with %i problems', (raw, origins, problems) => {
    const result = parseAuthorities(raw);
    expect(result.origins).toEqual(origins);
    expect(result.problems).toHaveLength(problems);
  });

  it.each([
    ['a semicolon', 'https://a.example;script-src', '";"'],
    ['a semicolon and a directive', "https://a.example; script-src 'unsafe-inline'", '";"'],
    ['a single quote', "https://'unsafe-eval'.example", `"'"`],
    ['a double quote', 'https://a.example"', '"""'],
    ['a backtick', 'https://a`.example', '"`"'],
    ['whitespace between origins', 'https://a.example https://b.example', 'whitespace'],
    ['a tab', 'https://a.example\thttps://b.example', 'whitespace'],
  ])('refuses an entry with %s, saying why', (_what, raw, named) => {
    const result = parseAuthorities(`${raw}, https://ok.example`);
    expect(result.origins).toEqual(['https://ok.example']);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toContain(
      `contains ${named}, which could add a Content-Security-Policy directive`,
    );
  });

  it('says which entry was ignored and why', () => {
    const [problem] = parseAuthorities('http://x.example').problems;
    expect(problem?.message).toBe(
      '"http://x.example" is not an https origin (like https://login.example.com); ignored.',
    );
  });
});
