/** Submitted forms, always looked up with their owner. Answers arrive and leave sealed. */
import type { Knex } from 'knex';

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
  submittedAt: number;
}

export type SubmissionListing = Omit<Submission, 'answers' | 'keyId' | 'idempotencyKey'>;

type Row = {
  id: string; reference: string; user_id: string; form_id: string; form_version: number; answers: string; key_id: string;
  idempotency_key: string; submitted_at: number;
};

const LISTED = ['id', 'reference', 'user_id', 'form_id', 'form_version', 'submitted_at'] as const;

const toListing = (row: Pick<Row, typeof LISTED[number]>): SubmissionListing => ({
  id: row.id, reference: row.reference, userId: row.user_id, formId: row.form_id, formVersion: Number(row.form_version), submittedAt: Number(row.submitted_at),
});

export function createSubmissionsRepository(db: Knex) {
  return {
    async insert(submission: Submission, trx: Knex = db): Promise<void> {
      await trx('submissions').insert({
        id: submission.id, reference: submission.reference, user_id: submission.userId, form_id: submission.formId, form_version: submission.formVersion,
        answers: submission.answers, key_id: submission.keyId, idempotency_key: submission.idempotencyKey, submitted_at: submission.submittedAt,
      });
    },
    /** The submission a page already made with this key, if any. */
    async findByIdempotencyKey(userId: string, idempotencyKey: string, trx: Knex = db): Promise<SubmissionListing | null> {
      const row = await trx<Row>('submissions').select(...LISTED).where({ user_id: userId, idempotency_key: idempotencyKey }).first();
      return row ? toListing(row) : null;
    },
    /** A person's submissions since a time, the most recent first. */
    async listForUserSince(userId: string, since: number, trx: Knex = db): Promise<SubmissionListing[]> {
      const rows = await trx<Row>('submissions').select(...LISTED).where({ user_id: userId }).andWhere('submitted_at', '>=', since)
        .orderBy([{ column: 'submitted_at', order: 'desc' }, { column: 'id' }]);
      return rows.map(toListing);
    },
  };
}

export type SubmissionsRepository = ReturnType<typeof createSubmissionsRepository>;
