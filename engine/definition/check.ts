/**
 * What a definition must get right beyond its schema: unique ids, conditions that name earlier
 * questions and real options, progress that never goes down, sane limits, and nothing that can
 * never be shown, even through a chain of conditions. Each problem says where (a JSON pointer) and how to fix it. One module of
 * checks/ for each kind of check, run in this order.
 */
import type { FormDefinition } from '../types.ts';
import type { DefinitionProblem } from '../errors.ts';
import { CheckContext } from './checks/context.ts';
import { placeQuestions } from './checks/ids.ts';
import { checkPages } from './checks/pages.ts';
import { checkItem } from './checks/questions.ts';
import { checkAboutPerson } from './checks/about.ts';
import { checkReachability } from './checks/reachability.ts';
import { checkBlankText } from './checks/blank-text.ts';

/** Every problem of a definition that already matches the schema; empty when it is sound. */
export function checkDefinition(definition: FormDefinition): DefinitionProblem[] {
  const ctx = new CheckContext(definition);
  placeQuestions(ctx);
  checkPages(ctx);
  checkBlankText(ctx);
  ctx.walkItems((item, pointer, position, groupId) => checkItem(ctx, item, pointer, position, groupId));
  checkAboutPerson(ctx);
  checkReachability(ctx);
  return ctx.problems;
}
