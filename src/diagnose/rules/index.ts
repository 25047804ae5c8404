import type { Rule } from '../context';
import {
  answerChallengeRule,
  answerDefenderRule,
  answerGraphRule,
  answerPermissionsRule,
  answerRbacRule,
  answerSignInRule,
  answerTokenRule,
} from './answer-rules';
import { audienceRule, defenderHostRule } from './audience';
import { cloudRule } from './cloud';
import { coverageRule } from './coverage';
import { issuerRule } from './issuer';
import { kindRule } from './kind';
import { lifetimeRule } from './lifetime';
import { appOnlyNoRolesRule, managedIdentityRule, permissionRule } from './permissions';
import { defenderRoleRule, securityRoleRule } from './security-role';
import { delegatedRoleRule } from './gates/delegated-role';
import { exchangeScopingRule } from './gates/exchange';
import { selectedScopesRule } from './gates/selected';
import { sensitiveUserRule } from './gates/sensitive-user';
import { teamsProtectedRule } from './gates/teams';
import { leastPrivilegeRule } from './least-privilege';
import { clientFixRule, nearMissRule } from './near-miss';
import { resourceRule } from './resources';
import { staleTokenRule } from './stale-token';

/**
 * Every rule, in the order they run; `diagnose` then sorts the findings into fix order. To add a rule:
 * one module under rules/, one line here, one line in docs/diagnosis.md.
 */
export const RULES: readonly Rule[] = [
  issuerRule,
  kindRule,
  lifetimeRule,
  audienceRule,
  defenderHostRule,
  cloudRule,
  appOnlyNoRolesRule,
  permissionRule,
  managedIdentityRule,
  securityRoleRule,
  defenderRoleRule,
  // Gates outside the token.
  teamsProtectedRule,
  exchangeScopingRule,
  selectedScopesRule,
  sensitiveUserRule,
  delegatedRoleRule,
  resourceRule,
  coverageRule,
  // Beyond pass or fail: a stale token, more privilege than needed, near misses, the client's own fix.
  staleTokenRule,
  leastPrivilegeRule,
  nearMissRule,
  clientFixRule,
  // What a pasted answer says (src/diagnose/rules/answer-*.ts), one rule per error family.
  answerSignInRule,
  answerTokenRule,
  answerChallengeRule,
  answerPermissionsRule,
  answerGraphRule,
  answerDefenderRule,
  answerRbacRule,
];
