/**
 * Turning answers into the errors a person must fix: the answers schema (compiled by ajv, or
 * precompiled for the browser) checks shapes, formats and limits; this adds what depends on
 * conditions and dates (which questions are mandatory right now, date rules), and words each
 * problem as one GOV.UK message per box.
 */
import type {
  Answers,
  AnswerValue,
  FieldError,
  ItemAnswers,
  Question,
  ChildQuestion,
  AddressAnswer,
} from '../types.ts';
import type { DateRule } from '../definition/definition.types.ts';
import { groupChildren } from './model.ts';
import {
  DATE_TESTS,
  evaluateCondition,
  isAnswered,
  resolveDateRef,
  type AnswerLookup,
  type DateOperator,
} from './conditions.ts';
import { addressPartMessage, capitalise, messageFor, REQUIRED_ADDRESS_PARTS, type AddressPart } from './messages.ts';
import { missingDateParts, toDayNumber } from '../values/dates.ts';

export { schemaProblems, type Problem, type SchemaError, type SchemaValidator } from './schema-problems.ts';
import type { Problem } from './schema-problems.ts';

type AnyQuestion = Question | ChildQuestion;

interface Context {
  /** Said before each message inside a repeatable group, so the person knows which item: "Person 2: ". */
  itemPrefix?: string;
  /** Inside a repeatable group: the item's path ("consultees.0") and the questions of an item. */
  item?: { path: string; questions: Map<string, ChildQuestion> };
  /** A top-level question of the form by id, wherever it is asked. */
  questionOf: (questionId: string) => Question | undefined;
  pageOf: (questionId: string) => string;
  pageId: string;
  questionId: string;
  problems: Map<string, Problem[]>;
  today: string;
  errors: FieldError[];
  /** The question's words as read with the answers (placeholders filled), worked out only for a message. */
  word: <T extends AnyQuestion>(question: T) => T;
}

function report(context: Context, path: string, message: string): void {
  if (context.errors.some((error) => error.path === path)) return;
  context.errors.push({
    pageId: context.pageId,
    questionId: context.questionId,
    path,
    message: `${context.itemPrefix ?? ''}${message}`,
  });
}

/** The first problem the schema found at this path or, for a list of options, inside it. */
function firstProblem(context: Context, path: string, inside = false): Problem | undefined {
  const own = context.problems.get(path)?.[0];
  if (own || !inside) return own;
  for (const [at, list] of context.problems) if (at.startsWith(`${path}.`)) return list[0];
  return undefined;
}

const asAsked = <T extends AnyQuestion>(question: T): T => question;

/**
 * Errors of the visible questions given, in their order on the page. `word` gives a question's
 * words as the person reads them (wording.ts); it is asked only for a question with an error.
 */
export function collectErrors(
  questions: Question[],
  answers: Answers,
  problems: Map<string, Problem[]>,
  form: { pageOf: (questionId: string) => string; questionOf: (questionId: string) => Question | undefined },
  today: string,
  word: <T extends AnyQuestion>(question: T) => T = asAsked,
): FieldError[] {
  const errors: FieldError[] = [];
  const lookup: AnswerLookup = (id) => answers[id];
  const { pageOf, questionOf } = form;
  const context: Context = { pageId: '', questionId: '', problems, today, errors, pageOf, questionOf, word };
  for (const question of questions) {
    if (question.showIf && !evaluateCondition(question.showIf, lookup, today)) continue;
    context.pageId = pageOf(question.id);
    context.questionId = question.id;
    checkQuestion(context, question, answers[question.id], question.id, lookup);
  }
  return errors;
}

function checkQuestion(
  context: Context,
  question: AnyQuestion,
  value: AnswerValue | undefined,
  path: string,
  lookup: AnswerLookup,
): void {
  const required = isRequired(question, lookup, context.today);
  if (question.type === 'address')
    return checkAddress(context, question, value as AddressAnswer | undefined, path, required);
  if (!isAnswered(value)) {
    if (required && question.type !== 'computedDate')
      report(context, path, messageFor(context.word(question), 'required'));
    return;
  }
  // Most answers are sound: with nothing found by the schema there is nothing to look up.
  const problem = context.problems.size ? firstProblem(context, path, question.type === 'checkboxes') : undefined;
  if (problem) {
    const missingParts =
      question.type === 'date' && problem.kind === 'invalid'
        ? missingDateParts(typeof value === 'string' ? value : '')
        : undefined;
    return report(
      context,
      path,
      messageFor(context.word(question), problem.kind, { limit: problem.limit, value, missingParts }),
    );
  }
  if (question.type === 'date' && question.rules && typeof value === 'string')
    checkDateRules(context, question.rules, value, path, lookup);
  if (question.type === 'computedDate' && question.rules && typeof value === 'string')
    checkDateRules(sourceContext(context, question), question.rules, value, sourcePath(context, question), lookup);
  if (question.type === 'checkboxes') {
    const chosen = value as string[];
    const alone = question.options.find((option) => option.exclusive && chosen.includes(option.value));
    if (alone && chosen.length > 1) report(context, path, `Select "${alone.label}" on its own, or untick it`);
  }
  if (question.type === 'group') checkGroupItems(context, question, value as ItemAnswers[], path, lookup);
}

/** Mandatory always (required), or only while its requiredWhen condition holds. */
function isRequired(question: AnyQuestion, lookup: AnswerLookup, today: string): boolean {
  if (question.required) return true;
  return question.requiredWhen !== undefined && evaluateCondition(question.requiredWhen, lookup, today);
}

type ComputedDate = Extract<AnyQuestion, { type: 'computedDate' }>;

/**
 * The question whose box a computed date's broken rule is shown at, where the person can change
 * it: the date it is worked out from or, when that date is worked out too, the number of days.
 */
function sourceOf(context: Context, question: ComputedDate): string {
  const { date, addDaysFrom } = question.compute;
  const start = context.item?.questions.get(date) ?? context.questionOf(date);
  return start?.type === 'computedDate' ? addDaysFrom : date;
}

function sourcePath(context: Context, question: ComputedDate): string {
  const id = sourceOf(context, question);
  return context.item?.questions.has(id) ? `${context.item.path}.${id}` : id;
}

/** Where a computed date's error belongs: with its item's question, or with a question of the form on that question's page. */
function sourceContext(context: Context, question: ComputedDate): Context {
  const id = sourceOf(context, question);
  if (context.item?.questions.has(id)) return context;
  return { ...context, questionId: id, pageId: context.pageOf(id) };
}

function checkAddress(
  context: Context,
  question: AnyQuestion,
  address: AddressAnswer | undefined,
  path: string,
  required: boolean,
): void {
  const answered = isAnswered(address as AnswerValue | undefined);
  if (!answered && !required) return;
  if (!answered) return report(context, `${path}.line1`, messageFor(context.word(question), 'required'));
  const reported = context.errors.length;
  // Part of an address is no address: once any box is filled, the essential ones are needed.
  if (context.problems.size)
    for (const part of Object.keys(address ?? {}) as AddressPart[]) {
      const problem = firstProblem(context, `${path}.${part}`);
      if (problem)
        report(
          context,
          `${path}.${part}`,
          addressPartMessage(
            context.word(question),
            part,
            problem.kind === 'tooLong' ? 'tooLong' : 'invalid',
            problem.limit,
          ),
        );
    }
  for (const part of REQUIRED_ADDRESS_PARTS) {
    if (!isAnswered(address?.[part]))
      report(context, `${path}.${part}`, addressPartMessage(context.word(question), part, 'required'));
  }
  if (context.errors.length === reported) return;
  context.errors.sort((a, b) =>
    a.path.startsWith(`${path}.`) && b.path.startsWith(`${path}.`) ? partOrder(a.path) - partOrder(b.path) : 0,
  );
}

function partOrder(path: string): number {
  return ['line1', 'line2', 'town', 'county', 'postcode'].indexOf(path.slice(path.lastIndexOf('.') + 1));
}

type Group = Extract<Question, { type: 'group' }>;
const childrenByGroup = new WeakMap<Group, Map<string, ChildQuestion>>();

/** A group's questions by id, worked out once per group. */
function childrenById(group: Group): Map<string, ChildQuestion> {
  let byId = childrenByGroup.get(group);
  if (!byId) childrenByGroup.set(group, (byId = new Map(groupChildren(group).map((child) => [child.id, child]))));
  return byId;
}

function checkGroupItems(
  context: Context,
  group: Extract<Question, { type: 'group' }>,
  items: ItemAnswers[],
  path: string,
  outer: AnswerLookup,
): void {
  const children = groupChildren(group);
  const questions = childrenById(group);
  items.forEach((item, index) => {
    const lookup: AnswerLookup = (id) => (id in item ? item[id] : outer(id));
    const itemContext: Context = {
      ...context,
      itemPrefix: `${capitalise(group.itemName)} ${index + 1}: `,
      item: { path: `${path}.${index}`, questions },
    };
    for (const child of children) {
      if (child.showIf && !evaluateCondition(child.showIf, lookup, context.today)) continue;
      checkQuestion(itemContext, child, item[child.id], `${path}.${index}.${child.id}`, lookup);
    }
  });
}

// A date rule's words, as the condition tests they mean.
const RULE_OPERATORS = {
  before: 'before',
  after: 'after',
  notBefore: 'onOrAfter',
  notAfter: 'onOrBefore',
} as const satisfies Record<string, DateOperator>;

const RULE_WORDS = Object.keys(RULE_OPERATORS) as Array<keyof typeof RULE_OPERATORS>;

function ruleWordOf(rule: DateRule): keyof typeof RULE_OPERATORS | undefined {
  for (const word of RULE_WORDS) if (rule[word] !== undefined) return word;
  return undefined;
}

function checkDateRules(context: Context, rules: DateRule[], value: string, path: string, lookup: AnswerLookup): void {
  const answerDay = toDayNumber(value);
  if (answerDay === null) return;
  for (const rule of rules) {
    if (rule.when && !evaluateCondition(rule.when, lookup, context.today)) continue;
    const word = ruleWordOf(rule);
    if (!word) continue;
    const refDay = resolveDateRef(rule[word]!, lookup, context.today);
    if (refDay !== null && !DATE_TESTS[RULE_OPERATORS[word]](answerDay, refDay))
      return report(context, path, rule.message);
  }
}
