/**
 * The referrer's answer to the triage team's question: taken only from the submission's own
 * referrer, only while the council waits on that question, and once. It is sealed like the
 * answers, puts the referral back to screening marked "Answer received" (the team is no longer
 * waiting, and the referral needs looking at again), and is written with its audit row and an
 * email to whoever has the referral (its assignee, else the team's mailbox) in one transaction.
 * The email holds the reference and a link, nothing the referrer wrote.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { REPLY_MAX_LENGTH } from '../../engine/index.ts';
import type { Repositories } from '../repositories/index.ts';
import type { User } from '../repositories/users.ts';
import type { FormCatalogue } from './form-catalogue.ts';
import type { AnswersAtRest } from './answers-at-rest.ts';
import { sealedForOutbox } from './submission-messages.ts';
import { mailTemplates, type MailBrand } from './mail-templates.ts';
import { replyRecord } from './referrer-status.ts';
import { notFound } from './submissions.ts';
import { ConflictError, FieldErrors } from './errors.ts';
import { DAY, type Clock } from './clock.ts';

/** As the person's list: a submission sent more than 30 days ago is not theirs to open here. */
const LISTED_FOR_MS = 30 * DAY;

export class NotAskedError extends ConflictError {
  override readonly name = 'NotAskedError';
  constructor() {
    super(
      'no-question',
      'The council is not waiting for an answer on this form: it has no question for you now, or you have already answered it. Reload the page to see where it is.',
    );
  }
}

export function createReferrerReplies(deps: {
  db: Knex;
  repos: Repositories;
  catalogue: FormCatalogue;
  answersAtRest: AnswersAtRest;
  clock: Clock;
  brand: MailBrand;
  /** The staff pages' address (a referral's link starts with it), and the team's mailbox when there is one. */
  staffUrl: string;
  teamEmail?: string;
  /** Called once an email is queued, to send it without waiting for the relay's next round. */
  queued: () => void;
}) {
  const { db, repos, catalogue, answersAtRest, clock, brand, staffUrl, teamEmail, queued } = deps;

  /** Whom the answer is announced to: the member who has the referral, else the team's mailbox, else nobody. */
  const recipient = async (assigneeId: string | undefined): Promise<string | undefined> => {
    const member = assigneeId ? await repos.staff.findById(assigneeId) : null;
    return member && member.disabledAt === null ? member.email : teamEmail;
  };

  return {
    async reply(user: User, id: string, given: string, ip: string): Promise<void> {
      const now = clock.now();
      const submission = await repos.submissions.findForUserSince(id, user.id, now - LISTED_FOR_MS);
      const row = submission && (await repos.triage.find(id));
      if (!submission || !row) throw notFound();
      const latest = (await repos.replies.latestQuestions([id])).get(id);
      if (!latest?.waiting || latest.reply) throw new NotAskedError();
      const text = given.trim();
      if (!text) throw new FieldErrors([{ field: 'answer', message: 'Enter your answer to the council’s question' }]);
      if (text.length > REPLY_MAX_LENGTH)
        throw new FieldErrors([
          { field: 'answer', message: `Your answer must be ${REPLY_MAX_LENGTH} characters or fewer` },
        ]);

      const replyId = randomUUID();
      const to = await recipient(row.assignee?.id);
      const formTitle = catalogue.get(row.formId, row.formVersion)?.definition.title ?? row.formId;
      const email = to
        ? await sealedForOutbox(
            answersAtRest,
            id,
            now,
            'email',
            mailTemplates.answerReceived(brand, {
              to,
              reference: row.reference,
              formTitle,
              link: `${staffUrl}/submissions/${id}`,
            }),
          )
        : null;
      const sealed = await answersAtRest.seal(replyRecord(replyId), text);
      const outcome = await db.transaction(async (trx) => {
        const added = await repos.replies.add(
          {
            id: replyId,
            submissionId: id,
            questionId: latest.eventId,
            userId: user.id,
            at: now,
            text: sealed,
            keyId: answersAtRest.keyId,
          },
          trx,
        );
        if (added === 'duplicate') return added;
        await repos.triage.answerReceived(id, now, trx);
        // What was done and to which referral: never the answer.
        await repos.auditLog.add(
          {
            at: now,
            event: 'referrer-reply',
            outcome: 'success',
            userId: user.id,
            ip,
            detail: { submissionId: id, reference: row.reference },
          },
          trx,
        );
        if (email) await repos.outbox.insert(email, trx);
        return added;
      });
      // Another tab or a double click answered it first.
      if (outcome === 'duplicate') throw new NotAskedError();
      if (email) queued();
    },
  };
}

export type ReferrerReplies = ReturnType<typeof createReferrerReplies>;
