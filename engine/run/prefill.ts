/**
 * Answers filled in for the person so they need not type them again (WCAG 2.2, 3.3.7): from their
 * account, from an earlier page's answer, or the date and time now. The engine only says what
 * could go in each box; the page puts it there when the question comes into view, and never over
 * an answer already given. The server checks the result as any other answer.
 */
import type { Answers, AnswerValue, Question } from '../types.ts';
import { evaluateCondition, isAnswered, type AnswerLookup } from './conditions.ts';

/** What a prefill may take from the signed-in person's account. */
export interface PrefillAccount {
  forename: string;
  surname: string;
  email: string;
}

/** What a question's box could be filled with now. */
export interface PrefillOffer {
  questionId: string;
  /** Whether the prefill waits for a condition (a "Yes, it is me" answer, say). */
  conditional: boolean;
  /** Whether that condition holds now (always true without one). */
  holds: boolean;
  /** Whether the question already has an answer: then nothing is offered. */
  answered: boolean;
  /** What to put in the box: only when the condition holds, there is something to copy and the box is empty. */
  value?: AnswerValue;
}

export interface PrefillSources {
  account?: PrefillAccount;
  /** The date and time on the council's clock now. */
  now: { date: string; time: string };
  today: string;
}

function sourceValue(
  question: Question,
  answers: Answers,
  prepared: Answers,
  sources: PrefillSources,
): AnswerValue | undefined {
  const prefill = question.prefill!;
  if (prefill.now) return question.type === 'time' ? sources.now.time : sources.now.date;
  if (prefill.question) {
    // Copied as the person typed it ("0151 496 0732", not the digits kept), if it is still asked.
    const typed = answers[prefill.question];
    return isAnswered(prepared[prefill.question]) && typed !== undefined ? structuredClone(typed) : undefined;
  }
  const account = sources.account;
  if (!account || !prefill.account) return undefined;
  const value = {
    fullName: `${account.forename} ${account.surname}`.trim(),
    forename: account.forename,
    surname: account.surname,
    email: account.email,
  }[prefill.account];
  return value || undefined;
}

/** The offers for the questions given (those of a page), from the answers as typed and as validation reads them (`prepared`). */
export function prefillOffers(
  questions: Question[],
  answers: Answers,
  prepared: Answers,
  sources: PrefillSources,
): PrefillOffer[] {
  const lookup: AnswerLookup = (id) => prepared[id];
  const offers: PrefillOffer[] = [];
  for (const question of questions) {
    const prefill = question.prefill;
    if (!prefill) continue;
    if (question.showIf && !evaluateCondition(question.showIf, lookup, sources.today)) continue;
    const holds = !prefill.when || evaluateCondition(prefill.when, lookup, sources.today);
    const answered = isAnswered(prepared[question.id]);
    const value = holds && !answered ? sourceValue(question, answers, prepared, sources) : undefined;
    offers.push({
      questionId: question.id,
      conditional: prefill.when !== undefined,
      holds,
      answered,
      ...(value === undefined ? {} : { value }),
    });
  }
  return offers;
}
