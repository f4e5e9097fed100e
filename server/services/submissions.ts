/**
 * Submitting a form: the answers checked once more against the form version (complete, as Submit
 * requires), sealed, and written in one transaction with what must go out because of them (the
 * confirmation email, the delivery to the council's case system) and with the saved copy deleted.
 * A page's idempotency key makes a doubled or retried request find the first submission.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { todayOf, type Answers } from '../../engine/index.ts';
import type { Repositories } from '../repositories/index.ts';
import type { User } from '../repositories/users.ts';
import type { SubmissionListing } from '../repositories/submissions.ts';
import type { FormCatalogue } from './form-catalogue.ts';
import type { AnswersAtRest } from './answers-at-rest.ts';
import { mailTemplates, type MailBrand } from './mail-templates.ts';
import { newReference } from './references.ts';
import { FieldErrors, HttpError } from '../http/errors.ts';
import { DAY, type Clock } from './clock.ts';

/** How long the person's own list shows a submission (the guide's "submitted in the last 30 days"). */
export const LISTED_FOR_MS = 30 * DAY;

export interface SubmitRequest {
  formId: string;
  formVersion: number;
  answers: Answers;
  /** The page's key for this submission: the same key again finds the same submission. */
  idempotencyKey: string;
  /** The saved copy these answers came from, deleted once they are submitted. */
  draftId?: string;
}

export interface SubmissionSummary {
  id: string;
  reference: string;
  formId: string;
  formVersion: number;
  formTitle: string;
  submittedAt: number;
}

/** What the council's case system receives, signed (see outbox-relay.ts). */
export interface Delivery {
  submissionId: string;
  reference: string;
  formId: string;
  formVersion: number;
  submittedAt: string;
  referrer: { forename: string; surname: string; email: string };
  answers: Answers;
}

const isUniqueViolation = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT' || /UNIQUE constraint failed/.test(String((error as Error).message));
};

export function createSubmissionService(deps: {
  db: Knex; repos: Repositories; catalogue: FormCatalogue; answersAtRest: AnswersAtRest; clock: Clock; brand: MailBrand;
  /** Whether submissions are delivered to a case system (WEBHOOK_URL is set). */
  deliversToCaseSystem: boolean;
  /** Called once a submission is written, to send what it queued without waiting for the relay's next round. */
  queued: () => void;
}) {
  const { db, repos, catalogue, answersAtRest, clock, brand, deliversToCaseSystem, queued } = deps;

  const summaryOf = (submission: SubmissionListing): SubmissionSummary => ({
    id: submission.id, reference: submission.reference, formId: submission.formId, formVersion: submission.formVersion,
    formTitle: catalogue.get(submission.formId, submission.formVersion)?.definition.title ?? submission.formId, submittedAt: submission.submittedAt,
  });

  const whenSent = (at: number) => new Date(at).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' });

  return {
    /** Submits; `created` is false when the same page already submitted these answers under this key. */
    async submit(user: User, request: SubmitRequest): Promise<{ submission: SubmissionSummary; created: boolean }> {
      const earlier = await repos.submissions.findByIdempotencyKey(user.id, request.idempotencyKey);
      if (earlier) return { submission: summaryOf(earlier), created: false };

      const entry = catalogue.get(request.formId, request.formVersion);
      if (!entry) throw new HttpError(400, `There is no form "${request.formId}" version ${request.formVersion} to submit.`, 'bad-form');
      const shapeProblems = entry.draftProblems(request.answers);
      if (shapeProblems.length) throw new FieldErrors(shapeProblems.map(({ path, message }) => ({ field: path, message })));
      const today = todayOf(new Date(clock.now()));
      const answers = entry.form.prepare(request.answers, { today });
      const missing = entry.form.errors(answers, { today });
      if (missing.length) throw new FieldErrors(missing.map((error) => ({ field: error.path, message: error.message })));

      const now = clock.now();
      const id = randomUUID();
      const reference = newReference();
      const title = entry.definition.title;
      const outbox: Array<{ kind: 'email' | 'webhook'; content: unknown }> = [
        { kind: 'email', content: mailTemplates.submitted(brand, user.email, user.forename, title, reference, whenSent(now)) },
      ];
      if (deliversToCaseSystem) {
        const delivery: Delivery = {
          submissionId: id, reference, formId: request.formId, formVersion: request.formVersion, submittedAt: new Date(now).toISOString(),
          referrer: { forename: user.forename, surname: user.surname, email: user.email }, answers,
        };
        outbox.push({ kind: 'webhook', content: delivery });
      }
      const sealedOutbox = await Promise.all(outbox.map(async ({ kind, content }) => {
        const outboxId = randomUUID();
        return { id: outboxId, submissionId: id, kind, payload: await answersAtRest.seal(`outbox:${outboxId}`, content), keyId: answersAtRest.keyId, createdAt: now, nextAttemptAt: now };
      }));
      const sealedAnswers = await answersAtRest.seal(`submission:${id}`, answers);
      try {
        await db.transaction(async (trx) => {
          await repos.submissions.insert({
            id, reference, userId: user.id, formId: request.formId, formVersion: request.formVersion, answers: sealedAnswers,
            keyId: answersAtRest.keyId, idempotencyKey: request.idempotencyKey, submittedAt: now,
          }, trx);
          for (const message of sealedOutbox) await repos.outbox.insert(message, trx);
          if (request.draftId) await repos.drafts.delete(request.draftId, user.id, trx);
        });
      } catch (error) {
        // The same key from a request that raced this one: it won, and this is the same submission.
        const winner = isUniqueViolation(error) ? await repos.submissions.findByIdempotencyKey(user.id, request.idempotencyKey) : null;
        if (winner) return { submission: summaryOf(winner), created: false };
        throw error;
      }
      queued();
      return { submission: summaryOf({ id, reference, userId: user.id, formId: request.formId, formVersion: request.formVersion, submittedAt: now }), created: true };
    },

    /** The person's submissions of the last 30 days, the most recent first. */
    async listRecent(userId: string): Promise<SubmissionSummary[]> {
      return (await repos.submissions.listForUserSince(userId, clock.now() - LISTED_FOR_MS)).map(summaryOf);
    },
  };
}

export type SubmissionService = ReturnType<typeof createSubmissionService>;
