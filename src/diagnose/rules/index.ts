import type { Rule } from '../context';
import { audienceRule, defenderHostRule } from './audience';
import { cloudRule } from './cloud';
import { coverageRule } from './coverage';
import { issuerRule } from './issuer';
import { kindRule } from './kind';
import { lifetimeRule } from './lifetime';
import { appOnlyNoRolesRule, managedIdentityRule, permissionRule } from './permissions';
import { defenderRoleRule, securityRoleRule } from './security-role';

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
  coverageRule,
];
