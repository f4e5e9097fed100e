/**
 * The triage clock for the council's staff: for a submitted form (its answers opened), whether it
 * is urgent and when each of its deadlines falls, by portal.json's triage rules and working hours
 * and the form version it was sent on, counted from the server's clock. What the rules make of a
 * submission once received (its facts) is stored beside it (repositories/deadlines.ts) under the
 * key of the rules, so the inbox can filter and sort on it. It reads nothing from the database and
 * writes nothing to the log.
 */
import { createHash } from 'node:crypto';
import {
  compareTriage,
  triageAt,
  triageFactsOf,
  triageProblems,
  workingCalendarOf,
  type Answers,
  type Triage,
  type TriageFacts,
  type WorkingCalendar,
} from '../../../engine/index.ts';
import type { Clock } from '../clock.ts';
import type { FormCatalogue } from '../form-catalogue.ts';

/** What the triage clock needs to know of a submission. */
export interface TriageSubject {
  formId: string;
  formVersion: number;
  /** The answers as submitted, opened. */
  answers: Answers;
  /** When the council received it (ms). */
  submittedAt: number;
}

export interface TriageClock {
  /** The council's working week, bank holidays and time zone, as portal.json gives them. */
  readonly calendar: WorkingCalendar;
  /**
   * The urgency and deadlines of one submission now (by the clock, or at `now` when given); null
   * when its form version is not one the portal serves.
   */
  of(subject: TriageSubject, now?: number): Triage | null;
  /** What the rules make of one submission whatever the moment; null when its form version is not one the portal serves. */
  facts(subject: TriageSubject): TriageFacts | null;
  /** Urgency and deadlines at a moment (by the clock when none is given), from stored facts. */
  at(facts: TriageFacts, now?: number): Triage;
  /** For each form served, a key that changes when its rules or the working calendar do. */
  readonly keys: Readonly<Record<string, string>>;
  /** The order the triage team reads forms in (urgent, then overdue, then the next deadline first), for Array.sort. */
  compare(a: Triage, b: Triage): number;
}

/**
 * The triage clock over the catalogue's forms. Throws, naming each problem, when portal.json's
 * rules do not fit the forms (validate-forms shows where): better at start than at a staff member's click.
 */
export function createTriageClock(catalogue: FormCatalogue, clock: Clock): TriageClock {
  const formIds = catalogue.list().map((form) => form.id);
  const published = formIds.map((id) => catalogue.get(id)!.definition);
  // Rules for a form this portal does not serve (one withdrawn, or a folder of a few forms) wait
  // unused: validate-forms names them; only rules that do not fit a form served stop the start.
  const served = Object.fromEntries(
    Object.entries(catalogue.portal.triage ?? {}).filter(([id]) => formIds.includes(id)),
  );
  const problems = triageProblems({ ...catalogue.portal, triage: served }, formIds, published);
  if (problems.length)
    throw new Error(
      `portal.json's triage rules do not fit the forms (\`npm run validate-forms\` shows where):\n${problems.map((p) => `  ${p.pointer}  ${p.message}`).join('\n')}`,
    );
  const calendar = workingCalendarOf(catalogue.portal);
  const rules = catalogue.portal.triage ?? {};
  const facts = (subject: TriageSubject): TriageFacts | null => {
    const entry = catalogue.get(subject.formId, subject.formVersion);
    if (!entry) return null;
    return triageFactsOf(entry.form, {
      answers: subject.answers,
      receivedAt: subject.submittedAt,
      rules: Object.hasOwn(rules, subject.formId) ? rules[subject.formId] : undefined,
      calendar,
    });
  };
  const keys = Object.fromEntries(
    formIds.map((id) => [
      id,
      createHash('sha256')
        .update(JSON.stringify({ rules: Object.hasOwn(rules, id) ? rules[id] : null, calendar }))
        .digest('base64url')
        .slice(0, 16),
    ]),
  );
  return {
    calendar,
    keys,
    facts,
    at: (stored, now = clock.now()) => triageAt(stored, now),
    of: (subject, now = clock.now()) => {
      const found = facts(subject);
      return found && triageAt(found, now);
    },
    compare: compareTriage,
  };
}
