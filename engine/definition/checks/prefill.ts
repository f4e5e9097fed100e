/**
 * Prefills: what a question is filled in from must be something it can hold, asked before it on
 * an earlier page (a box filled from one on the same page would fill as the first letter is typed).
 */
import type { Question } from '../../types.ts';
import type { AnyQuestion, CheckContext, Scope } from './context.ts';
import { checkCondition } from './conditions.ts';

/** Question types a prefill could never suit: a declaration is the person's own tick, the others are not typed. */
const NEVER_PREFILLED = ['declaration', 'computedDate', 'group'];
/** Answers a text question may copy besides another text question's. */
const COPIED_INTO_TEXT = ['text', 'email', 'phone', 'postcode', 'nhsNumber'];

function pageOf(pointer: string): number {
  return Number(/^\/pages\/(\d+)/.exec(pointer)?.[1] ?? -1);
}

export function checkPrefill(
  ctx: CheckContext,
  question: AnyQuestion,
  pointer: string,
  scope: Scope,
  groupId?: string,
): void {
  const prefill = (question as Question).prefill;
  if (!prefill) return;
  const at = `${pointer}/prefill`;
  const refuse = (where: string, message: string) => ctx.problem(where, 'bad-prefill', message);
  if (groupId)
    return refuse(at, `"${question.id}" is inside a repeatable group, which cannot be prefilled. Remove "prefill".`);
  if (NEVER_PREFILLED.includes(question.type))
    return refuse(
      at,
      `"${question.id}" is a ${question.type} question, which cannot be prefilled${question.type === 'declaration' ? ': the person must tick it themselves' : ''}. Remove "prefill".`,
    );
  if (prefill.now && question.type !== 'date' && question.type !== 'time')
    refuse(
      `${at}/now`,
      `"now" fills a date question with today or a time question with the time now, but "${question.id}" is a ${question.type} question. Remove it, or use "account" or "question".`,
    );
  if (prefill.account) {
    const fits = prefill.account === 'email' ? ['email', 'text'] : ['text'];
    if (!fits.includes(question.type))
      refuse(
        `${at}/account`,
        `The account's ${prefill.account} is text, but "${question.id}" is a ${question.type} question. Prefill ${fits.join(' or ')} questions from it.`,
      );
  }
  if (prefill.question) checkCopied(ctx, question, prefill.question, `${at}/question`, pointer);
  if (prefill.when) checkCondition(ctx, prefill.when, `${at}/when`, scope);
}

function checkCopied(ctx: CheckContext, question: AnyQuestion, sourceId: string, at: string, pointer: string): void {
  const source = ctx.topLevel.get(sourceId);
  if (!source) {
    const inGroup = ctx.seenIds.has(sourceId);
    ctx.problem(
      at,
      'unknown-question',
      inGroup
        ? `"${sourceId}" is not a question a prefill can copy (it is a text block or inside a repeatable group). Name a question of an earlier page.`
        : `"${question.id}" is prefilled from "${sourceId}", but the form has no question with that id. Check the spelling against the questions' "id"s.`,
    );
    return;
  }
  if (pageOf(source.pointer) >= pageOf(pointer)) {
    ctx.problem(
      at,
      'unknown-question',
      `"${question.id}" is prefilled from "${sourceId}", which is ${pageOf(source.pointer) === pageOf(pointer) ? 'on the same page' : 'on a later page'}. A prefill copies an answer from an earlier page: move one of them, or name another question.`,
    );
    return;
  }
  const from = source.question;
  if (from.sensitive)
    ctx.problem(at, 'bad-prefill', `"${sourceId}" is sensitive, so its answer is never copied. Name another question.`);
  else if (from.type !== question.type && !(question.type === 'text' && COPIED_INTO_TEXT.includes(from.type)))
    ctx.problem(
      at,
      'bad-prefill',
      `"${question.id}" is a ${question.type} question and cannot hold the answer to "${sourceId}", a ${from.type} question. Copy from a question of the same type${question.type === 'text' ? ' (or an email, phone, postcode or NHS number)' : ''}.`,
    );
}
