/**
 * The triage team's work on a referral: assigning it, moving its status on (closing it with a
 * coded outcome, or asking the referrer a question), and private notes. Each is written with its
 * history entry and its audit row in one transaction; a change the referrer can see (their plain
 * status, or a question) queues an email to them through the outbox, with no personal data in it.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { offeredOutcomes, type Outcome, type TriageStatus } from '../../../engine/index.ts';
import type { Repositories } from '../../repositories/index.ts';
import type { InboxRow, TriageEventRow } from '../../repositories/triage.ts';
import type { AnswersAtRest } from '../answers-at-rest.ts';
import { sealedForOutbox } from '../submission-messages.ts';
import { mailTemplates, type MailBrand } from '../mail-templates.ts';
import { eventRecord, plainStatus } from '../referrer-status.ts';
import { ConflictError, FieldErrors } from '../errors.ts';
import type { Clock } from '../clock.ts';
import { submissionNotFound, type Actor } from './inbox.ts';

export function createTriage(deps: {
  db: Knex;
  repos: Repositories;
  answersAtRest: AnswersAtRest;
  clock: Clock;
  brand: MailBrand;
  /** Where the referrer signs in to read what changed. */
  signInUrl: string;
  /** Called once an email is queued, to send it without waiting for the relay's next round. */
  queued: () => void;
  /** Called when a closed referral is opened again, to give it its deadlines by today's rules. */
  reopened: (row: InboxRow) => Promise<void>;
  /** portal.json's outcomes: a referral is closed with one not retired. */
  outcomes: readonly Outcome[];
}) {
  const { db, repos, answersAtRest, clock, brand, signInUrl, queued, reopened } = deps;
  const offered = offeredOutcomes(deps.outcomes);
  const choose = `Choose one of the outcomes: ${offered.map((o) => `‘${o.label}’`).join(', ')}`;
  /** What is wrong with the outcome given on closing; null when it is one offered. */
  const outcomeProblem = (code: string | undefined): string | null => {
    if (!code) return 'Choose the outcome of the referral';
    if (offered.some((o) => o.code === code)) return null;
    const retired = deps.outcomes.find((o) => o.code === code);
    return retired
      ? `‘${retired.label}’ is no longer used to close referrals. ${choose}`
      : `There is no outcome ‘${code}’. ${choose}`;
  };

  /** The referral, while it can still be worked on: once its answers and notes were deleted, its record is final. */
  const found = async (id: string) => {
    const row = await repos.triage.find(id);
    if (!row) throw submissionNotFound();
    if (row.answersDeletedAt !== null)
      throw new ConflictError(
        'answers-deleted',
        `The answers and notes of ${row.reference} were deleted, as the council's retention policy says: it can no longer be changed. Ask the referrer to send a new referral if there is more to do.`,
      );
    return row;
  };
  /** One history entry, its text sealed, and its audit row, in the transaction. */
  const record = async (
    trx: Knex,
    actor: Actor,
    submissionId: string,
    event: Pick<TriageEventRow, 'kind'> & Partial<Pick<TriageEventRow, 'assigneeId' | 'status' | 'outcome'>>,
    text: string | null,
    reference: string,
  ) => {
    const id = randomUUID();
    const at = clock.now();
    await repos.triage.addEvent(
      {
        id,
        submissionId,
        staffId: actor.member.id,
        at,
        kind: event.kind,
        assigneeId: event.assigneeId ?? null,
        status: event.status ?? null,
        outcome: event.outcome ?? null,
        text: text === null ? null : await answersAtRest.seal(eventRecord(id), text),
        keyId: text === null ? null : answersAtRest.keyId,
      },
      trx,
    );
    // The audit row says what was done, never the note or the question.
    await repos.auditLog.add(
      {
        at,
        event: `staff-${event.kind === 'assigned' ? 'assign' : event.kind}`,
        outcome: 'success',
        userId: actor.member.id,
        ip: actor.ip,
        detail: {
          submissionId,
          reference,
          ...(event.kind === 'assigned' ? { assignee: event.assigneeId ?? null } : {}),
          ...(event.status ? { status: event.status } : {}),
          ...(event.outcome ? { outcome: event.outcome } : {}),
        },
      },
      trx,
    );
  };

  return {
    /** Gives the referral to a member who can sign in (`me`, their id), or to nobody (null). */
    async assign(actor: Actor, id: string, assignee: string | null): Promise<void> {
      const row = await found(id);
      const assigneeId = assignee === 'me' ? actor.member.id : assignee;
      if (assigneeId !== null) {
        const member = await repos.staff.findById(assigneeId);
        if (!member || member.disabledAt !== null || member.totpEnrolledAt === null)
          throw new FieldErrors([{ field: 'assignee', message: 'Choose a member of staff from the list' }]);
      }
      await db.transaction(async (trx) => {
        await repos.triage.setAssignee(id, assigneeId, trx);
        await record(trx, actor, id, { kind: 'assigned', assigneeId }, null, row.reference);
      });
    },

    async changeStatus(
      actor: Actor,
      id: string,
      change: { status: TriageStatus; outcome?: string; question?: string },
    ): Promise<void> {
      const row = await found(id);
      const question = change.question?.trim() ?? '';
      const problems = [];
      const wrongOutcome = change.status === 'closed' ? outcomeProblem(change.outcome) : null;
      if (wrongOutcome) problems.push({ field: 'outcome', message: wrongOutcome });
      if (change.status === 'more-information' && !question)
        problems.push({ field: 'question', message: 'Enter the question for the referrer' });
      if (problems.length) throw new FieldErrors(problems);
      const outcome = change.status === 'closed' ? change.outcome! : null;
      const asked = change.status === 'more-information' ? question : null;
      const referrerSees = asked !== null || plainStatus(change.status) !== plainStatus(row.status);
      const now = clock.now();
      const email = referrerSees
        ? await sealedForOutbox(
            answersAtRest,
            id,
            now,
            'email',
            mailTemplates.referralUpdated(brand, {
              to: row.referrer.email,
              reference: row.reference,
              signInUrl,
              question: asked !== null,
            }),
          )
        : null;
      await db.transaction(async (trx) => {
        await repos.triage.setStatus(id, { status: change.status, outcome, at: now }, trx);
        await record(trx, actor, id, { kind: 'status', status: change.status, outcome }, asked, row.reference);
        if (email) await repos.outbox.insert(email, trx);
      });
      if (email) queued();
      if (row.status === 'closed' && change.status !== 'closed') await reopened(row);
    },

    /** A note for staff only, sealed like the answers. */
    async addNote(actor: Actor, id: string, text: string): Promise<void> {
      const row = await found(id);
      if (!text.trim()) throw new FieldErrors([{ field: 'note', message: 'Enter the note' }]);
      await db.transaction((trx) => record(trx, actor, id, { kind: 'note' }, text.trim(), row.reference));
    },
  };
}

export type Triage = ReturnType<typeof createTriage>;
