/**
 * Turning what a person typed into what is validated and saved: each answer normalised to its
 * stored form, computed dates worked out, and every answer to a question hidden by a condition
 * dropped (along with anything the form does not ask).
 */
import type { AddressAnswer, AnswerValue, Answers, ItemAnswers, Question, ChildQuestion } from '../types.ts';
import type { FormModel } from './model.ts';
import { groupChildren } from './model.ts';
import { evaluateCondition, isAnswered, type AnswerLookup } from './conditions.ts';
import { normaliseNhsNumber, normalisePhone, normalisePostcode, normaliseTime } from '../values/formats.ts';
import { addDays, normaliseDate } from '../values/dates.ts';
import { ADDRESS_PARTS } from './messages.ts';

function normaliseString(value: AnswerValue | undefined): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  return (value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value).trim();
}

function normaliseAddress(value: AnswerValue | undefined): AddressAnswer | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const address: AddressAnswer = {};
  for (const part of Object.keys(ADDRESS_PARTS) as Array<keyof AddressAnswer>) {
    const text = normaliseString((value as AddressAnswer)[part]);
    if (text) address[part] = part === 'postcode' ? normalisePostcode(text) : text;
  }
  return address;
}

/** One answer in its stored form; undefined when there is none. Values of the wrong kind are kept for validation to report. */
function normaliseAnswer(question: Question | ChildQuestion, value: AnswerValue | undefined): AnswerValue | undefined {
  if (value === undefined || value === null) return undefined;
  switch (question.type) {
    case 'number': {
      if (typeof value === 'number') return value;
      const text = normaliseString(value);
      if (!text) return undefined;
      // Typed text that reads as a number becomes one ("1,250" with its thousands comma too);
      // anything else stays text, for a clear error rather than a quiet guess.
      const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text;
      return /^-?\d{1,15}(\.\d+)?$/.test(plain) ? Number(plain) : text;
    }
    case 'checkboxes':
      // A single value sent for checkboxes is one ticked box.
      return (Array.isArray(value) ? [...new Set(value as unknown[])] : [value]).filter(
        (v): v is string => typeof v === 'string' && v !== '',
      );
    case 'declaration':
      return value === true || value === 'true' || value === 'yes' ? true : undefined;
    case 'address':
      return normaliseAddress(value);
    case 'group':
      return Array.isArray(value) ? value : undefined;
    default: {
      const text = normaliseString(value);
      if (text === undefined) return value; // a wrong kind of value: validation says so
      switch (question.type) {
        case 'postcode':
          return normalisePostcode(text);
        case 'phone':
          return normalisePhone(text);
        case 'nhsNumber':
          return normaliseNhsNumber(text);
        case 'time':
          return normaliseTime(text);
        case 'date':
          return text.replace(/-/g, '').trim() === '' ? '' : normaliseDate(text);
        default:
          return text;
      }
    }
  }
}

type AnyQuestion = Question | ChildQuestion;

/** Works out a computed date from answers already kept; undefined until both parts are given. */
function computeDate(
  question: Extract<AnyQuestion, { type: 'computedDate' }>,
  lookup: AnswerLookup,
): string | undefined {
  const start = lookup(question.compute.date);
  const days = lookup(question.compute.addDaysFrom);
  if (typeof start !== 'string' || typeof days !== 'number' || !Number.isInteger(days)) return undefined;
  return addDays(start, days) ?? undefined;
}

/**
 * Keeps the answers of visible questions, in definition order. Conditions only look at earlier
 * questions (the checker sees to that), so one pass over the form settles every condition.
 */
function keepVisible(
  questions: AnyQuestion[],
  source: Answers,
  kept: Answers,
  lookup: AnswerLookup,
  today: string,
): void {
  for (const question of questions) {
    if (question.showIf && !evaluateCondition(question.showIf, lookup, today)) continue;
    const given = Object.hasOwn(source, question.id) ? source[question.id] : undefined;
    let value = question.type === 'computedDate' ? computeDate(question, lookup) : normaliseAnswer(question, given);
    if (question.type === 'group' && Array.isArray(value)) {
      const children = groupChildren(question);
      value = (value as unknown[]).map((item) => {
        const itemKept: Answers = {};
        const itemSource = item && typeof item === 'object' ? (item as Answers) : {};
        const itemLookup: AnswerLookup = (id) => (id in itemKept ? itemKept[id] : lookup(id));
        keepVisible(children, itemSource, itemKept, itemLookup, today);
        return itemKept as ItemAnswers;
      });
    }
    if (isAnswered(value)) kept[question.id] = value;
  }
}

export function prepareAnswers(model: FormModel, answers: Answers, today: string): Answers {
  // Answers from outside may be anything: what is not an object of answers is no answers.
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) answers = {};
  const kept: Answers = {};
  const lookup: AnswerLookup = (id) => kept[id];
  for (const page of model.definition.pages) {
    if (page.showIf && !evaluateCondition(page.showIf, lookup, today)) continue;
    keepVisible(model.pageQuestions.get(page.id)!, answers, kept, lookup, today);
  }
  return kept;
}
