import type { Rule } from '../context';
import { factsOf, has } from './derive';
import { finding } from './finding';

/** Read-write or directory-wide permissions that are far more than a read needs. */
const isBroad = (value: string): boolean => /readwrite|\.all$|^directory\./i.test(value);

/**
 * Least privilege: the token works, but only through permissions broader than the least privileged one
 * the request accepts (e.g. Directory.ReadWrite.All for GET /users, where User.ReadBasic.All does). Says
 * which smaller permission would do; never changes the verdict.
 */
export const leastPrivilegeRule: Rule = (ctx) => {
  const f = factsOf(ctx);
  if (!f || !f.required.known || f.present.length === 0) return [];
  const own = f.appOnly ? f.required.application : f.required.delegated;
  const least = own[0];
  if (!least || has(f.held, least.value)) return [];
  const leastRank = 0;
  const broadest = f.present.filter((p) => own.indexOf(p) > leastRank && isBroad(p.value));
  if (broadest.length === 0) return [];
  const read = f.request.method === 'GET';
  return [
    finding(
      'excess-privilege',
      'info',
      { [f.appOnly ? 'roles' : 'scp']: broadest.map((p) => p.value), least: least.value },
      `The token works through ${broadest.map((p) => p.value).join(', ')}, far more than ${read ? 'a read of' : ''} ${f.request.method} ${f.required.matchedPath} needs: the least privileged permission it accepts is ${least.value}.`.replace(
        'than  ',
        'than ',
      ),
      `If nothing else the app does needs ${broadest[0]?.value ?? 'it'}, replace it with ${least.value} (${f.appOnly ? 'application' : 'delegated'}) and remove the broader one.`,
    ),
  ];
};
