/**
 * Texts that show earlier answers ({personFullName|the person}): each names a question asked
 * before it, whose answer reads well in a sentence, with words to stand in until it is answered.
 */
import { hasStrayBraces, placeholdersIn, wordedTexts } from '../placeholders.ts';
import type { AnyQuestion, CheckContext, Scope } from './context.ts';

/** Answers that do not fit in a sentence: long text, several lines or choices, a tick. */
const NOT_SHOWN_IN_WORDS = ['textarea', 'address', 'group', 'declaration', 'checkboxes'];

export function checkWordedTexts(ctx: CheckContext, question: AnyQuestion, pointer: string, scope: Scope): void {
  for (const { at, text } of wordedTexts(question)) {
    const where = `${pointer}/${at}`;
    const name = at.startsWith('messages/') ? 'message' : at;
    if (hasStrayBraces(text)) {
      ctx.problem(
        where,
        'bad-placeholder',
        `The ${name} has a "{" or "}" that does not show an answer. Write {questionId|words shown until it is answered}, such as {personFullName|the person}, or take the brace out.`,
      );
      continue;
    }
    for (const { questionId, fallback } of placeholdersIn(text)) {
      const target = scope(questionId);
      if (!target || target.groupId) {
        ctx.problem(
          where,
          'unknown-question',
          ctx.seenIds.has(questionId)
            ? `The ${name} shows the answer to "${questionId}", which comes later (or sits in a repeatable group). It can only show an answer given before it: move that question up, or name another.`
            : `The ${name} shows the answer to "${questionId}", but the form has no question with that id. Check the spelling against the questions' "id"s.`,
        );
      } else if (target.question.sensitive || NOT_SHOWN_IN_WORDS.includes(target.question.type)) {
        ctx.problem(
          where,
          'bad-placeholder',
          `The ${name} shows the answer to "${questionId}", ${target.question.sensitive ? 'which is sensitive and never shown' : `a ${target.question.type} question, whose answer does not read in a sentence`}. Show a short answer such as a name or a date.`,
        );
      } else if (!fallback.trim()) {
        ctx.problem(
          where,
          'bad-placeholder',
          `{${questionId}|} has no words to show until "${questionId}" is answered. Add them after the bar: {${questionId}|the person}.`,
        );
      }
    }
  }
}
