/** Submitted forms, always looked up with their owner. Answers arrive and leave sealed. */
import type { Knex } from 'knex';
import type { TriageStatus } from '../../engine/index.ts';

export interface Submission {
  id: string;
  reference: string;
  userId: string;
  formId: string;
  formVersion: number;
  /** The sealed answers (JWE). */
  answers: string;
  keyId: string;
  idempotencyKey: string;
  /** A digest of what was sent under the key (form, version and answers). */
  answersDigest: string;
  /** The saved copy it came from, if any. */
  draftId: string | null;
  submittedAt: number;
}

export type SubmissionListing = Omit<
  Submission,
  'answers' | 'keyId' | 'idempotencyKey' | 'answersDigest' | 'draftId'
> & {
  /** Where the triage team has it (new until someone starts on it). */
  triageStatus: TriageStatus;
  closedAt: number | null;
  /** When its answers were deleted (retention); then `answers` is empty. */
  answersDeletedAt: number | null;
};

/** A submission as listed, with its answers still sealed. */
export type SealedSubmission = SubmissionListing & Pick<Submission, 'answers'>;

type Row = {
  id: string;
  reference: string;
  user_id: string;
  form_id: string;
  form_version: number;
  answers: string;
  key_id: string;
  idempotency_key: string;
  answers_digest: string;
  draft_id: string | null;
  submitted_at: number;
  status: TriageStatus;
  closed_at: number | null;
  answers_deleted_at: number | null;
};

/** A unique index refused the row (SQLite and PostgreSQL name it differently). */
export function isUniqueViolation(error: unknown): boolean {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return code === '23505' || (code === 'SQLITE_CONSTRAINT' && /UNIQUE/.test(String(message)));
}

const LISTED = [
  'id',
  'reference',
  'user_id',
  'form_id',
  'form_version',
  'submitted_at',
  'status',
  'closed_at',
  'answers_deleted_at',
] as const;
const orNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

const toListing = (row: Pick<Row, (typeof LISTED)[number]>): SubmissionListing => ({
  id: row.id,
  reference: row.reference,
  userId: row.user_id,
  formId: row.form_id,
  formVersion: Number(row.form_version),
  submittedAt: Number(row.submitted_at),
  triageStatus: row.status,
  closedAt: orNumber(row.closed_at),
  answersDeletedAt: orNumber(row.answers_deleted_at),
});

/** Submissions with their sealed answers beside them (none once retention deleted them). */
const withAnswers = (trx: Knex) =>
  trx<Row>('submissions')
    .leftJoin('submission_answers', 'submission_answers.submission_id', 'submissions.id')
    .select(...LISTED.map((column) => `submissions.${column}`), 'submission_answers.answers');

export function createSubmissionsRepository(db: Knex) {
  /**
   * Adds a submission; 'duplicate' when a unique index refuses it (its key, its saved copy or its
   * reference is taken). `columns` are more of its row's columns (its indexes' facts, written
   * with it rather than after it).
   */
  async function insert(
    submission: Submission,
    trx: Knex = db,
    columns: Record<string, unknown> = {},
  ): Promise<'inserted' | 'duplicate'> {
    if (!trx.isTransaction) return db.transaction((inner) => insert(submission, inner, columns));
    // Refused by a unique index, the row is not written and the statement does not fail, so a
    // surrounding transaction stays usable on PostgreSQL without a savepoint of its own.
    const written = await trx('submissions')
      .insert({
        ...columns,
        id: submission.id,
        reference: submission.reference,
        user_id: submission.userId,
        form_id: submission.formId,
        form_version: submission.formVersion,
        key_id: submission.keyId,
        idempotency_key: submission.idempotencyKey,
        answers_digest: submission.answersDigest,
        draft_id: submission.draftId,
        submitted_at: submission.submittedAt,
      })
      .onConflict()
      .ignore()
      .returning('id');
    if (!written.length) return 'duplicate';
    await trx('submission_answers').insert({ submission_id: submission.id, answers: submission.answers });
    return 'inserted';
  }

  return {
    insert,
    /** The submission made from a saved copy, if any. */
    async findByDraft(
      userId: string,
      draftId: string,
      trx: Knex = db,
    ): Promise<(SubmissionListing & { answersDigest: string }) | null> {
      const row = await trx<Row>('submissions')
        .select(...LISTED, 'answers_digest')
        .where({ user_id: userId, draft_id: draftId })
        .first();
      return row ? { ...toListing(row), answersDigest: row.answers_digest } : null;
    },
    /** The submission a page already made with this key, if any. */
    async findByIdempotencyKey(
      userId: string,
      idempotencyKey: string,
      trx: Knex = db,
    ): Promise<(SubmissionListing & { answersDigest: string }) | null> {
      const row = await trx<Row>('submissions')
        .select(...LISTED, 'answers_digest')
        .where({ user_id: userId, idempotency_key: idempotencyKey })
        .first();
      return row ? { ...toListing(row), answersDigest: row.answers_digest } : null;
    },
    /** A person's submissions since a time, the most recent first, with their sealed answers (which say whom each is about). */
    async listForUserSince(userId: string, since: number, trx: Knex = db): Promise<SealedSubmission[]> {
      const rows = await withAnswers(trx)
        .where({ user_id: userId })
        .andWhere('submitted_at', '>=', since)
        .orderBy([{ column: 'submitted_at', order: 'desc' }, { column: 'id' }]);
      return rows.map((row) => ({ ...toListing(row), answers: row.answers ?? '' }));
    },
    /** One of a person's submissions, with its sealed answers, if it is theirs and was made since a time. */
    async findForUserSince(
      id: string,
      userId: string,
      since: number,
      trx: Knex = db,
    ): Promise<SealedSubmission | null> {
      const row = await withAnswers(trx).where({ id, user_id: userId }).andWhere('submitted_at', '>=', since).first();
      return row ? { ...toListing(row), answers: row.answers ?? '' } : null;
    },
  };
}

export type SubmissionsRepository = ReturnType<typeof createSubmissionsRepository>;
