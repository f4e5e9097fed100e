/**
 * The triage clock for one submitted form: whether it is urgent, and the deadlines its council's
 * rules (portal.json's triage) give it, from its answers, the time it was received and now. The
 * answers are prepared by the form itself (computed dates worked out, hidden answers dropped) as
 * on the day it was received, so a deadline reads exactly what the referrer sent.
 */
import type { Answers } from '../types.ts';
import type { DeadlineRule, PortalContent, TriageRules } from '../contracts/portal.types.ts';
import { evaluateCondition, type AnswerLookup } from '../run/conditions.ts';
import { addDays, DEFAULT_TIME_ZONE, isRealDate, todayIn } from '../values/dates.ts';
import { addWorkingHours, type WorkingCalendar } from '../values/working-hours.ts';
import { endOfDay, instantOnClock, minutesOfDay } from '../values/zoned-time.ts';

/**
 * One deadline. `at` is an instant (ms since 1970); `kind` says how to read it: `endOfDay` is the
 * last millisecond of a whole day on the council's clock (show the date alone), `instant` an exact
 * time (show the date and the time).
 */
export interface TriageDeadline {
  label: string;
  at: number;
  kind: 'endOfDay' | 'instant';
}

export interface Triage {
  /** The rules' urgentWhen holds, and the deadlines its urgentUntil names (when any apply) have not all passed. */
  urgent: boolean;
  /** Every deadline that applies, earliest first. */
  deadlines: TriageDeadline[];
  /** The earliest deadline still ahead; when every one has passed, the earliest of them; null with none. */
  next: TriageDeadline | null;
  /** Every deadline has passed (so `next` has too). */
  overdue: boolean;
}

/** What the triage clock needs of a form: preparing answers as the form does, on a given day. */
export interface PreparesAnswers {
  prepare(answers: Answers, options: { today: string }): Answers;
}

export interface TriageInput {
  /** The answers as they were submitted. */
  answers: Answers;
  /** When the council received the form (ms). */
  receivedAt: number;
  /** The time now (ms): the clock to count from, injected. */
  now: number;
  /** This form's rules (portal.json's triage[formId]); none gives no deadlines and no urgency. */
  rules: TriageRules | undefined;
  /** The council's working hours and time zone (see workingCalendarOf). */
  calendar: WorkingCalendar;
}

/** The working calendar portal.json describes: its week, its bank holidays and council.timeZone. */
export function workingCalendarOf(portal: PortalContent): WorkingCalendar {
  return {
    timeZone: portal.council.timeZone ?? DEFAULT_TIME_ZONE,
    week: portal.workingHours?.week ?? {},
    bankHolidays: (portal.workingHours?.bankHolidays ?? []).map((holiday) => holiday.date),
  };
}

/** When one rule's deadline falls for these answers, or null when the answer it needs is not given. */
function deadlineOf(rule: DeadlineRule, answers: Answers, input: Omit<TriageInput, 'now'>): TriageDeadline | null {
  const { timeZone } = input.calendar;
  const { label } = rule;
  if (rule.date) {
    const date = answers[rule.date.question];
    if (typeof date !== 'string' || !isRealDate(date)) return null;
    const time = rule.date.time === undefined ? undefined : answers[rule.date.time];
    const minutes = typeof time === 'string' ? minutesOfDay(time) : null;
    return minutes === null
      ? { label, at: endOfDay(date, timeZone), kind: 'endOfDay' }
      : { label, at: instantOnClock(date, minutes, timeZone), kind: 'instant' };
  }
  const after = rule.afterReceived;
  if (after?.days !== undefined) {
    const day = addDays(todayIn(new Date(input.receivedAt), timeZone), after.days)!;
    return { label, at: endOfDay(day, timeZone), kind: 'endOfDay' };
  }
  if (after?.workingHours !== undefined)
    return { label, at: addWorkingHours(input.receivedAt, after.workingHours, input.calendar), kind: 'instant' };
  return null;
}

/**
 * What the rules make of a form once it is received, which no later moment changes: whether its
 * urgency condition holds and each deadline with whether it ends the urgency. Stored beside the
 * submission, it lets the inbox filter and sort by urgency and deadline without opening answers.
 */
export interface TriageFacts {
  /** The rules' urgentWhen holds for the answers. */
  urgentWhen: boolean;
  /** Every deadline that applies, earliest first, each marked when urgentUntil names it. */
  deadlines: Array<TriageDeadline & { endsUrgency: boolean }>;
}

/**
 * The facts of one submission by its rules. Conditions are read on the day it was received, as the
 * answers were prepared, so the facts are the same whenever they are worked out.
 */
export function triageFactsOf(form: PreparesAnswers, input: Omit<TriageInput, 'now'>): TriageFacts {
  const { rules, calendar } = input;
  const received = todayIn(new Date(input.receivedAt), calendar.timeZone);
  const prepared = form.prepare(input.answers, { today: received });
  const lookup: AnswerLookup = (id) => prepared[id];
  const holds = (condition: TriageRules['urgentWhen']) => !condition || evaluateCondition(condition, lookup, received);
  const deadlines = (rules?.deadlines ?? [])
    .filter((rule) => holds(rule.when))
    .map((rule) => deadlineOf(rule, prepared, input))
    .filter((deadline): deadline is TriageDeadline => deadline !== null)
    .sort((a, b) => a.at - b.at)
    .map((deadline) => ({ ...deadline, endsUrgency: rules?.urgentUntil?.includes(deadline.label) ?? false }));
  return { urgentWhen: rules?.urgentWhen !== undefined && holds(rules.urgentWhen), deadlines };
}

/** Urgency and deadlines at `now`, from the facts; see Triage. */
export function triageAt(facts: TriageFacts, now: number): Triage {
  const deadlines = facts.deadlines.map(({ label, at, kind }) => ({ label, at, kind }));
  const ending = facts.deadlines.filter((deadline) => deadline.endsUrgency);
  const ended = ending.length > 0 && ending.every((deadline) => deadline.at < now);
  const next = deadlines.find((deadline) => deadline.at >= now) ?? deadlines[0] ?? null;
  return { urgent: facts.urgentWhen && !ended, deadlines, next, overdue: next !== null && next.at < now };
}

/** Whether the form is urgent and when each of its deadlines falls, at `input.now`; see Triage. */
export function triageOf(form: PreparesAnswers, input: TriageInput): Triage {
  return triageAt(triageFactsOf(form, input), input.now);
}

/**
 * The order the triage team reads forms in: urgent ones first, then those with a deadline passed,
 * then by their next deadline, earliest first; forms with no deadline last.
 */
export function compareTriage(a: Triage, b: Triage): number {
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  return (a.next?.at ?? Number.POSITIVE_INFINITY) - (b.next?.at ?? Number.POSITIVE_INFINITY);
}
