/** Question ids: each used once, none a name every JavaScript object already has. */
import { isQuestion } from '../../types.ts';
import type { AnyQuestion, CheckContext, Placed } from './context.ts';

/** Places every question for the checks that follow, reporting reserved and repeated ids. */
export function placeQuestions(ctx: CheckContext): void {
  ctx.walkItems((item, pointer, position, groupId) => {
    if (!('id' in item) || !item.id) return;
    if (item.id in Object.prototype) {
      ctx.problem(
        `${pointer}/id`,
        'reserved-id',
        `"${item.id}" is a name JavaScript already uses for every object, so it cannot be a question id. Choose another, such as "${item.id}Answer".`,
      );
      return;
    }
    const first = ctx.seenIds.get(item.id);
    if (first) {
      ctx.problem(
        `${pointer}/id`,
        'duplicate-id',
        `The id "${item.id}" is already used at ${first}. Give each question its own id: it names the answer in saved forms and exports.`,
      );
      return;
    }
    ctx.seenIds.set(item.id, pointer);
    if (!isQuestion(item)) return;
    const placed: Placed = { question: item as AnyQuestion, position, pointer, groupId };
    if (groupId) ctx.inGroup.get(groupId)!.set(item.id, placed);
    else ctx.topLevel.set(item.id, placed);
    if (item.type === 'group') ctx.inGroup.set(item.id, new Map());
  });
}
