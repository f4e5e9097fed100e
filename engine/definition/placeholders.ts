/**
 * The syntax of texts that show earlier answers, shared by the checker and the running form:
 * {questionId|words shown until it is answered}, as in "Does {personFullName|the person} object?".
 */
import type { ChildQuestion, Question } from '../types.ts';

type AnyQuestion = Question | ChildQuestion;

/** {questionId|words shown until it is answered} */
const PLACEHOLDER = /\{([a-z][a-zA-Z0-9]*)\|([^{}]*)\}/g;

/** The texts of a question that may show earlier answers. */
export const WORDED_TEXTS = ['label', 'hint', 'subject', 'summaryLabel'] as const;

export interface Placeholder {
  questionId: string;
  fallback: string;
}

/** The answers a text shows, in order. */
export function placeholdersIn(text: string): Placeholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => ({ questionId: match[1]!, fallback: match[2]! }));
}

/** Whether braces are left in a text once its placeholders are taken out: a mistyped one. */
export function hasStrayBraces(text: string): boolean {
  return /[{}]/.test(text.replace(PLACEHOLDER, ''));
}

/** Each text of a question that may show earlier answers, with where it is in the question. */
export function wordedTexts(question: AnyQuestion): Array<{ at: string; text: string }> {
  const texts: Array<{ at: string; text: string }> = [];
  for (const key of WORDED_TEXTS) {
    const text = question[key];
    if (typeof text === 'string') texts.push({ at: key, text });
  }
  for (const [kind, text] of Object.entries(question.messages ?? {}))
    if (typeof text === 'string') texts.push({ at: `messages/${kind}`, text });
  return texts;
}

/** The text with each placeholder replaced by the answer `shown` gives, or its words while there is none. */
export function fillPlaceholders(text: string, shown: (questionId: string) => string | undefined): string {
  return text.replace(PLACEHOLDER, (_, id: string, fallback: string) => shown(id) || fallback);
}
