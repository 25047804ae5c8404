import type { Rule } from '../context';
import { answerFinding, answerView } from './answer-view';

/** Defender refusals that are not about the token: a tenant feature turned off, an operation refused for a stated reason. */
export const answerDefenderRule: Rule = (ctx) => {
  const v = answerView(ctx);
  if (!v) return [];
  if (v.answer.family === 'defender-disabled-feature')
    return [
      answerFinding(
        'not-a-permission-problem',
        'info',
        { roles: v.c?.roles ?? [], scp: v.c?.scopes ?? [] },
        'This 403 is not about the token: its permissions are not what failed.',
        {
          text: 'Turn the feature on in the Defender portal (Settings > Endpoints > Advanced features) or check the licence.',
          actions: [
            {
              kind: 'portal',
              path: ['Microsoft Defender portal', 'Settings', 'Endpoints', 'Advanced features'],
            },
          ],
        },
      ),
    ];
  if (v.answer.family === 'defender-disallowed-operation')
    return [
      answerFinding(
        'operation-refused',
        'info',
        { message: v.answer.message },
        `Defender refused this operation for the reason it gives${v.answer.message ? ` ("${v.answer.message.slice(0, 200)}")` : ''}: the token's permissions are not what failed.`,
        {
          text: 'Change the state the message names (the device, indicator or device group), then retry.',
          actions: [],
        },
      ),
    ];
  return [];
};
