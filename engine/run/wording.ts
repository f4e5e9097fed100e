/**
 * A question's words showing earlier answers: "Does {personFullName|the person} object?" reads
 * "Does Edith Marsh object?" once the person's name is given, and "Does the person object?" until
 * then (the syntax is in definition/placeholders.ts).
 */
import type { ChildQuestion, Question } from '../types.ts';
import { fillPlaceholders, WORDED_TEXTS, wordedTexts } from '../definition/placeholders.ts';

type AnyQuestion = Question | ChildQuestion;

const worded = new WeakMap<AnyQuestion, boolean>();

/** Whether any of a question's texts (or, for a group, its questions' texts) shows an answer; worked out once per question. */
function showsAnswers(question: AnyQuestion): boolean {
  let shows = worded.get(question);
  if (shows === undefined) {
    shows =
      wordedTexts(question).some(({ text }) => text.includes('{')) ||
      (question.type === 'group' && question.questions.some((item) => 'label' in item && showsAnswers(item)));
    worded.set(question, shows);
  }
  return shows;
}

/** The question with its texts showing the answers; the question itself when it shows none. */
export function wordQuestion<T extends AnyQuestion>(question: T, shown: (questionId: string) => string | undefined): T {
  if (!showsAnswers(question)) return question;
  const copy: T = { ...question };
  for (const key of WORDED_TEXTS) {
    const text = question[key];
    if (typeof text === 'string') (copy as unknown as Record<string, unknown>)[key] = fillPlaceholders(text, shown);
  }
  if (question.messages)
    copy.messages = Object.fromEntries(
      Object.entries(question.messages).map(([kind, text]) => [kind, fillPlaceholders(text as string, shown)]),
    );
  if (copy.type === 'group')
    copy.questions = copy.questions.map((item) =>
      'label' in item ? wordQuestion(item, shown) : item,
    ) as typeof copy.questions;
  return copy;
}
