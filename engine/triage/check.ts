/**
 * Checking portal.json's working hours and triage rules: office hours that open before they
 * close, real bank holiday dates, rules for forms that exist, and rules that name only questions
 * each published version of their form asks (of the right type), in conditions the forms' own
 * checker accepts.
 */
import type { DefinitionProblem } from '../errors.ts';
import type { Condition, FormDefinition } from '../types.ts';
import type { PortalContent, TriageRules } from '../contracts/portal.types.ts';
import { CheckContext } from '../definition/checks/context.ts';
import { placeQuestions } from '../definition/checks/ids.ts';
import { checkCondition } from '../definition/checks/conditions.ts';
import { isRealDate } from '../values/dates.ts';
import { minutesOfDay } from '../values/zoned-time.ts';

type Problem = (pointer: string, code: string, message: string) => void;

function checkWorkingHours(content: PortalContent, problem: Problem): void {
  const hours = content.workingHours;
  if (!hours) return;
  for (const [day, { opens, closes }] of Object.entries(hours.week)) {
    const name = `${day[0]!.toUpperCase()}${day.slice(1)}`;
    if (minutesOfDay(closes)! <= minutesOfDay(opens)!)
      problem(
        `/workingHours/week/${day}/closes`,
        'closes-before-opening',
        `On ${name} the office closes at ${closes}, not after it opens at ${opens}. Write a closing time later the same day, or leave ${name} out if the office is closed.`,
      );
  }
  const seen = new Set<string>();
  (hours.bankHolidays ?? []).forEach(({ date }, i) => {
    if (!isRealDate(date))
      problem(
        `/workingHours/bankHolidays/${i}/date`,
        'not-a-date',
        `"${date}" is not a date. Write it as YYYY-MM-DD, as GOV.UK's list gives it ("2026-12-28").`,
      );
    else if (seen.has(date))
      problem(`/workingHours/bankHolidays/${i}/date`, 'duplicate-date', `${date} is listed twice: remove one.`);
    seen.add(date);
  });
}

/** Checks one form's rules against one published version of it. */
function checkAgainst(rules: TriageRules, definition: FormDefinition, at: string, problem: Problem): void {
  const ctx = new CheckContext(definition);
  placeQuestions(ctx);
  const version = `version ${definition.version} of "${definition.id}"`;
  // Rules read the form once it is sent, so they may name any question outside a repeatable group.
  const questions = new CheckContext(definition);
  for (const [id, placed] of ctx.topLevel) questions.topLevel.set(id, placed);
  const scope = (id: string) => questions.topLevel.get(id);
  const condition = (value: Condition | undefined, pointer: string) => {
    if (!value) return;
    const before = questions.problems.length;
    checkCondition(questions, value, pointer, scope);
    for (const p of questions.problems.slice(before)) problem(p.pointer, p.code, `In ${version}: ${p.message}`);
  };
  const named = (id: string, pointer: string, types: string[], what: string) => {
    const question = scope(id)?.question;
    if (!question)
      problem(
        pointer,
        'unknown-question',
        `${version[0]!.toUpperCase()}${version.slice(1)} (${definition.status}) has no question "${id}"${ctx.questionWithId(id) ? ' outside a repeatable group' : ''}. Name ${what} it asks, or change the form.`,
      );
    else if (!types.includes(question.type))
      problem(pointer, 'wrong-question-type', `"${id}" is a ${question.type} question in ${version}: name ${what}.`);
  };
  condition(rules.urgentWhen, `${at}/urgentWhen`);
  rules.deadlines.forEach((rule, i) => {
    const pointer = `${at}/deadlines/${i}`;
    if (rule.date) {
      named(
        rule.date.question,
        `${pointer}/date/question`,
        ['date', 'computedDate'],
        'a date (or worked-out date) question',
      );
      if (rule.date.time !== undefined) named(rule.date.time, `${pointer}/date/time`, ['time'], 'a time question');
    }
    condition(rule.when, `${pointer}/when`);
  });
}

/**
 * Every problem with the working hours and triage rules of portal content that matches its
 * schema; `formIds` are the forms that exist, `published` the definitions of their published versions.
 */
export function triageProblems(
  content: PortalContent,
  formIds: string[],
  published: FormDefinition[],
): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const problem: Problem = (pointer, code, message) => problems.push({ pointer, code, message });
  checkWorkingHours(content, problem);
  for (const [formId, rules] of Object.entries(content.triage ?? {})) {
    const at = `/triage/${formId}`;
    if (!formIds.includes(formId)) {
      problem(
        at,
        'unknown-form',
        `There is no form "${formId}" in forms/ for these rules. Use the id of a form there (${formIds.join(', ')}).`,
      );
      continue;
    }
    const labels = new Set(rules.deadlines.map((rule) => rule.label));
    rules.urgentUntil?.forEach((label, i) => {
      if (!labels.has(label))
        problem(
          `${at}/urgentUntil/${i}`,
          'unknown-deadline',
          `"${label}" is not the label of one of this form's deadlines. Use one of: ${[...labels].join(', ') || 'none yet: add the deadline first'}.`,
        );
    });
    rules.deadlines.forEach((rule, i) => {
      if (rule.afterReceived?.workingHours !== undefined && !content.workingHours)
        problem(
          `${at}/deadlines/${i}/afterReceived/workingHours`,
          'no-working-hours',
          'This deadline counts working hours, but portal.json has no "workingHours": add the office hours of each day of the week (and the bank holidays), or count calendar "days" instead.',
        );
    });
    for (const definition of published.filter((d) => d.id === formId)) checkAgainst(rules, definition, at, problem);
  }
  return problems;
}
