import type { Rule } from '../context';
import { answerChallengeRule } from './answer-challenge';
import { answerDefenderRule } from './answer-defender';
import { answerGraphRule } from './answer-graph';
import { answerPermissionsRule } from './answer-permissions';
import { answerRbacRule } from './answer-rbac';
import { answerSignInRule } from './answer-sign-in';
import { answerTokenRule } from './answer-token';

export {
  answerChallengeRule,
  answerDefenderRule,
  answerGraphRule,
  answerPermissionsRule,
  answerRbacRule,
  answerSignInRule,
  answerTokenRule,
};
export { answerNeedsAzureRoles, storageDataAction } from './answer-rbac';
export { answerNeedsAadstsNames } from './answer-sign-in';

/** The rules that read a pasted answer, in their order within RULES (also what `explainError` runs). */
export const ANSWER_RULES: readonly Rule[] = [
  answerSignInRule,
  answerTokenRule,
  answerChallengeRule,
  answerPermissionsRule,
  answerGraphRule,
  answerDefenderRule,
  answerRbacRule,
];
