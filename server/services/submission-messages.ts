/**
 * What a new submission puts in the outbox, sealed: the confirmation email to the referrer, the
 * delivery to the case system (its answers both as values and as the referrer read them), and (when TRIAGE_TEAM_EMAIL is set) a notice to the triage team's
 * mailbox, with the reference, the form, whether it is urgent and its next deadline, and a link
 * to the staff pages: nothing personal.
 */
import { randomUUID } from 'node:crypto';
import type { Answers, SummaryPage } from '../../engine/index.ts';
import type { OutboxMessage } from '../repositories/outbox.ts';
import type { AnswersAtRest } from './answers-at-rest.ts';
import type { MailMessage } from './mailer.ts';
import { mailTemplates, type MailBrand } from './mail-templates.ts';
import type { TriageClock } from './triage/index.ts';
import { longDate, timeOfDay } from '../../engine/index.ts';

/** The triage team's mailbox, and the staff pages' address a referral's link starts with. */
export interface TeamNotice {
  email: string;
  staffUrl: string;
}

/** One outbox message for a submission, its content sealed under its own id, due now. */
export async function sealedForOutbox(
  answersAtRest: AnswersAtRest,
  submissionId: string,
  now: number,
  kind: OutboxMessage['kind'],
  content: unknown,
): Promise<Omit<OutboxMessage, 'attempts'>> {
  const id = randomUUID();
  return {
    id,
    submissionId,
    kind,
    payload: await answersAtRest.seal(`outbox:${id}`, content),
    keyId: answersAtRest.keyId,
    createdAt: now,
    nextAttemptAt: now,
  };
}

export function createSubmissionMessages(deps: {
  answersAtRest: AnswersAtRest;
  brand: MailBrand;
  triage: TriageClock;
  team?: TeamNotice;
  timeZone: string;
}) {
  const { answersAtRest, brand, triage, team, timeZone } = deps;
  const sealed = (submissionId: string, now: number, kind: OutboxMessage['kind'], content: unknown) =>
    sealedForOutbox(answersAtRest, submissionId, now, kind, content);

  /** The team's notice of a submission, by the triage clock at the moment it arrived. */
  const notice = (team: TeamNotice, s: Submitted): MailMessage => {
    const clockSays = triage.of(
      { formId: s.formId, formVersion: s.formVersion, answers: s.answers, submittedAt: s.now },
      s.now,
    );
    const next = clockSays?.next;
    const day = next && longDate(next.at, timeZone);
    return mailTemplates.newReferral(brand, {
      to: team.email,
      reference: s.reference,
      formTitle: s.formTitle,
      urgent: clockSays?.urgent ?? false,
      deadline: next
        ? `${next.label}, ${next.kind === 'endOfDay' ? day : `${day} at ${timeOfDay(next.at, timeZone)}`}`
        : undefined,
      link: `${team.staffUrl}/submissions/${s.id}`,
    });
  };

  /** What the case system is sent: the machine values, and beside them the same answers as the referrer read them. */
  const deliveryOf = (s: Submitted): Delivery => ({
    submissionId: s.id,
    reference: s.reference,
    formId: s.formId,
    formVersion: s.formVersion,
    submittedAt: new Date(s.now).toISOString(),
    referrer: s.referrer,
    answers: s.answers,
    summary: s.summary,
  });

  return async (s: Submitted) => [
    await sealed(s.id, s.now, 'email', s.confirmation),
    await sealed(s.id, s.now, 'delivery', deliveryOf(s)),
    ...(team ? [await sealed(s.id, s.now, 'email', notice(team, s))] : []),
  ];
}

/** A submission about to be written, with what its outbox messages carry. */
export interface Submitted {
  id: string;
  reference: string;
  now: number;
  formId: string;
  formVersion: number;
  formTitle: string;
  answers: Answers;
  /** The answers as the referrer read them on check your answers (the form's `summary`). */
  summary: SummaryPage[];
  referrer: Delivery['referrer'];
  confirmation: MailMessage;
}

/**
 * What the council's case system receives, signed (see outbox-relay.ts). `answers` are the
 * machine values, as the form version's answers schema has them; `summary` is the same answers
 * in the words the referrer read (pages, labels, options' labels), for a person at the case system.
 */
export interface Delivery {
  submissionId: string;
  reference: string;
  formId: string;
  formVersion: number;
  /** ISO 8601. */
  submittedAt: string;
  referrer: { forename: string; surname: string; email: string };
  answers: Answers;
  summary: SummaryPage[];
}

export type SubmissionMessages = ReturnType<typeof createSubmissionMessages>;
