/**
 * Submitting a form: the answers checked once more against the form version (complete, as Submit
 * requires), sealed, and written in one transaction with what must go out because of them (the
 * confirmation email, the delivery to the council's case system) and with the saved copy deleted.
 *
 * One submission however often it is sent: the page's idempotency key finds the first one (and the
 * same key with other answers is refused, not quietly answered), and a saved copy is submitted once
 * whichever tab sends it.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import {
  initialsOf,
  todayIn,
  type Answers,
  type SubmitRequest,
  type Submission,
  type SubmittedForm,
  longDate,
  timeOfDay,
} from '../../engine/index.ts';
import type { Repositories } from '../repositories/index.ts';
import { allAtOnce, writeTransaction } from '../db/database.ts';
import type { User } from '../repositories/users.ts';
import type { SubmissionListing } from '../repositories/submissions.ts';
import { refuseNewForm, type FormCatalogue } from './form-catalogue.ts';
import type { AnswersAtRest } from './answers-at-rest.ts';
import type { AboutPerson } from './about-person.ts';
import type { RateLimiter } from './rate-limiter.ts';
import type { SubmissionMessages } from './submission-messages.ts';
import { mailTemplates, type MailBrand } from './mail-templates.ts';
import { newReference } from './references.ts';
import type { SubmissionIndexer } from './submission-indexes.ts';
import { plainStatus, type Asked, type ReferrerStatusService } from './referrer-status.ts';
import { FieldErrors, RateLimitedError, RefusedError } from './errors.ts';
import { notFound, ResubmittedDifferentlyError, SavedCopyAlreadySentError } from './submission-refusals.ts';

export { notFound, ResubmittedDifferentlyError, SavedCopyAlreadySentError } from './submission-refusals.ts';
import { DAY, HOUR, type Clock } from './clock.ts';
import type { Counting } from './metrics.ts';
import { retentionOf, type RetentionPolicy } from './retention.ts';

/** How long the person's own list shows a submission (the guide's "submitted in the last 30 days"). */
const LISTED_FOR_MS = 30 * DAY;
/** More than a busy professional sends in an hour; fewer than would flood the case system. */
const SUBMISSIONS_PER_HOUR = { max: 30, windowMs: HOUR };
const TOO_MANY_SENT = 'You have sent a great many forms in the last hour';
const limitKey = (user: User) => `submit:user:${user.id}`;

export function createSubmissionService(deps: {
  db: Knex;
  repos: Repositories;
  catalogue: FormCatalogue;
  answersAtRest: AnswersAtRest;
  aboutPerson: AboutPerson;
  clock: Clock;
  brand: MailBrand;
  limiter: RateLimiter;
  /** The search keys and triage facts written beside each submission. */
  indexer: SubmissionIndexer;
  referrerStatus: ReferrerStatusService;
  /** What a submission queues in the outbox, sealed (submission-messages.ts). */
  messages: SubmissionMessages;
  /** Called once a submission is written, to send what it queued without waiting for the relay's next round. */
  queued: () => void;
  metrics?: Pick<Counting, 'submissionAccepted'>;
  /** RETENTION_DAYS: when a closed one's answers go. */
  retention: RetentionPolicy;
}) {
  const { db, repos, catalogue, answersAtRest, aboutPerson, clock, brand, limiter, queued, indexer } = deps;
  const record = (id: string) => `submission:${id}`;
  /** How far the confirmation email names the person (portal.json): email is less safe than the portal. */
  const emailNames = catalogue.portal.confirmationEmail?.namesThePerson ?? 'initials';

  const summaryOf = (submission: SubmissionListing, about?: string, asked?: Asked): Submission => {
    const kept = retentionOf({ ...submission, status: submission.triageStatus }, deps.retention);
    return {
      id: submission.id,
      reference: submission.reference,
      formId: submission.formId,
      formVersion: submission.formVersion,
      formTitle: catalogue.get(submission.formId, submission.formVersion)?.definition.title ?? submission.formId,
      ...(about ? { about } : {}),
      submittedAt: submission.submittedAt,
      status: plainStatus(submission.triageStatus),
      ...asked,
      ...(kept ? { retention: kept } : {}),
    };
  };
  // On the council's clock, as the person's own records and the council's are kept, wherever the server runs.
  // As the confirmation page and the lists write it: "1 July 2026 at 11:59pm".
  const whenSent = (at: number) => `${longDate(at, catalogue.timeZone)} at ${timeOfDay(at, catalogue.timeZone)}`;
  const digestOf = (request: SubmitRequest, answers: Answers) =>
    createHash('sha256')
      .update(JSON.stringify([request.formId, request.formVersion, answers]))
      .digest('hex');

  /** The submission these answers already made (by this key, or from this saved copy), if any. */
  const earlier = async (userId: string, request: SubmitRequest, digest: string): Promise<Submission | null> => {
    const byKey = await repos.submissions.findByIdempotencyKey(userId, request.idempotencyKey);
    if (byKey && byKey.answersDigest !== digest) throw new ResubmittedDifferentlyError();
    const found = byKey ?? (request.draftId ? await repos.submissions.findByDraft(userId, request.draftId) : null);
    // Another tab sent this saved copy first, with other answers: these were not sent, and are not quietly dropped.
    if (found && !byKey && found.answersDigest !== digest) throw new SavedCopyAlreadySentError(found.reference);
    return found ? summaryOf(found) : null;
  };

  return {
    /** Submits; `created` is false when these answers were already submitted (a retry, a double click, another tab). */
    async submit(user: User, request: SubmitRequest): Promise<{ submission: Submission; created: boolean }> {
      const entry = catalogue.get(request.formId, request.formVersion);
      if (!entry)
        throw new RefusedError(
          'bad-form',
          `There is no form "${request.formId}" version ${request.formVersion} to submit.`,
        );
      const check = entry.form.check(request.answers, { complete: true });
      if (!check.answers) throw new FieldErrors(check.problems);
      const { answers } = check;
      const digest = digestOf(request, answers);
      // Asked beside the look-up below, told after it (a replay is answered even past the limit).
      const limited = limiter.check(limitKey(user), SUBMISSIONS_PER_HOUR, TOO_MANY_SENT).then(
        () => null,
        (error: unknown) => error,
      );
      // A submission already made with these answers (or this key with others) is settled before
      // what the answers lack, so a retry is answered alike whatever the check says now.
      const already = await earlier(user.id, request, digest);
      if (already) return { submission: already, created: false };
      // A retired version takes only forms saved on it before it was retired.
      if (entry.definition.status === 'retired') {
        const saved = request.draftId ? await repos.drafts.find(request.draftId, user.id) : null;
        if (saved?.formId !== request.formId || saved.formVersion !== request.formVersion)
          refuseNewForm(catalogue, entry);
      }
      if (!check.valid) throw new FieldErrors(check.problems);
      // Checked here, counted once written: a replay of one submission (a retry racing the first
      // send) is the same submission, not one more against the hour's limit.
      const refusal = await limited;
      if (refusal) throw refusal;

      const now = clock.now();
      const id = randomUUID();
      const title = entry.definition.title;
      const about = aboutPerson.inAnswers(request.formId, request.formVersion, answers);
      // As check your answers showed them as they sent it: the date rules' today is the day it is sent.
      const summary = entry.form.summary(answers, { today: todayIn(new Date(now), entry.form.timeZone) });
      const aboutInEmail =
        !about || emailNames === 'none'
          ? undefined
          : emailNames === 'fullName'
            ? { name: about }
            : { initials: initialsOf(about) };
      // A reference already taken (one in hundreds of billions) is drawn again.
      for (let draw = 0; draw < 3; draw++) {
        const reference = newReference();
        const messages = await deps.messages({
          id,
          reference,
          now,
          formId: request.formId,
          formVersion: request.formVersion,
          formTitle: title,
          answers,
          summary,
          referrer: { forename: user.forename, surname: user.surname, email: user.email },
          confirmation: mailTemplates.submitted(brand, {
            to: user.email,
            forename: user.forename,
            formTitle: title,
            reference,
            when: whenSent(now),
            about: aboutInEmail,
          }),
        });
        const sealedAnswers = await answersAtRest.seal(record(id), answers);
        const indexes = indexer.forNew({
          id,
          formId: request.formId,
          formVersion: request.formVersion,
          answers,
          submittedAt: now,
        });
        // One transaction, each table written in one statement: the submission, its answers, its
        // indexes, its outbox messages, the saved copy gone, and the hour's count.
        const outcome = await writeTransaction(db, async (trx) => {
          const inserted = await repos.submissions.insert(
            {
              id,
              reference,
              userId: user.id,
              formId: request.formId,
              formVersion: request.formVersion,
              answers: sealedAnswers,
              keyId: answersAtRest.keyId,
              idempotencyKey: request.idempotencyKey,
              answersDigest: digest,
              draftId: request.draftId ?? null,
              submittedAt: now,
            },
            trx,
            indexes.columns,
          );
          if (inserted === 'duplicate') return 'duplicate';
          // The rest need none of each other's answers (on SQLite asked at once: see allAtOnce).
          await allAtOnce(trx, [
            () => indexes.write(trx),
            () => repos.outbox.insertAll(messages, trx),
            !!request.draftId && (() => repos.drafts.delete(request.draftId!, user.id, trx)),
            // Sent, so counted: past the limit, only the next one is refused (by the check above).
            () =>
              limiter.hit(limitKey(user), SUBMISSIONS_PER_HOUR, TOO_MANY_SENT, trx).catch((error: unknown) => {
                if (!(error instanceof RateLimitedError)) throw error;
              }),
          ]);
          return 'inserted';
        });
        if (outcome === 'inserted') {
          queued();
          deps.metrics?.submissionAccepted(request.formId);
          return {
            submission: summaryOf(
              {
                id,
                reference,
                userId: user.id,
                formId: request.formId,
                formVersion: request.formVersion,
                submittedAt: now,
                triageStatus: 'new',
                closedAt: null,
                answersDeletedAt: null,
              },
              about,
            ),
            created: true,
          };
        }
        // Refused by a unique index: the same key or saved copy from a request that raced this one (it
        // won, and this is the same submission), or else the reference was taken.
        const winner = await earlier(user.id, request, digest);
        if (winner) return { submission: winner, created: false };
      }
      throw new Error('Could not draw a reference number that is not taken.');
    },

    /** The person's submissions of the last 30 days, the most recent first. */
    async listRecent(userId: string): Promise<Submission[]> {
      const listed = await repos.submissions.listForUserSince(userId, clock.now() - LISTED_FOR_MS);
      const questions = await deps.referrerStatus.questions(listed.map((s) => s.id));
      return Promise.all(
        listed.map(async (submission) =>
          summaryOf(
            submission,
            submission.answersDeletedAt === null
              ? await aboutPerson.inSealed(
                  submission.formId,
                  submission.formVersion,
                  record(submission.id),
                  submission.answers,
                )
              : undefined,
            questions.get(submission.id),
          ),
        ),
      );
    },

    /**
     * One of the person's submissions of the last 30 days, opened again: its answers as they read
     * them on check your answers when they sent it (the date rules' today is the day it was sent).
     * Another person's, an older one and one that does not exist are alike not found.
     */
    async open(userId: string, id: string): Promise<SubmittedForm> {
      const found = await repos.submissions.findForUserSince(id, userId, clock.now() - LISTED_FOR_MS);
      const entry = found && catalogue.get(found.formId, found.formVersion);
      if (!found || !entry) throw notFound();
      const asked = (await deps.referrerStatus.questions([id])).get(id);
      // Deleted by the council's retention policy: the reference, dates and status stay, the answers do not.
      if (found.answersDeletedAt !== null) return { ...summaryOf(found, undefined, asked), summary: [] };
      const answers = await answersAtRest.open<Answers>(record(id), found.answers);
      return {
        ...summaryOf(found, aboutPerson.inAnswers(found.formId, found.formVersion, answers), asked),
        summary: entry.form.summary(answers, { today: todayIn(new Date(found.submittedAt), entry.form.timeZone) }),
      };
    },
  };
}

export type SubmissionService = ReturnType<typeof createSubmissionService>;
