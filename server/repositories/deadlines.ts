/**
 * Each submission's triage facts (the engine's TriageFacts: whether its urgency condition holds,
 * and its deadlines), written when it arrives and again when the rules they were made by change,
 * and the SQL the inbox filters and sorts by: urgent now, overdue now, next deadline.
 */
import type { Knex } from 'knex';
import type { TriageFacts } from '../../engine/index.ts';

/** Any moment after every deadline: where a referral with none sorts. */
const NO_DEADLINE = Number.MAX_SAFE_INTEGER;

/** Conditions and orderings on `submissions as s` at a moment, as raw SQL with its bindings. */
export const triageSql = {
  /** Its urgency condition holds and what ends it has not all passed (closed or not: callers add that). */
  urgent: (now: number): [string, number[]] => [
    '(s.urgent_when = 1 and (s.urgent_ends_at is null or s.urgent_ends_at >= ?))',
    [now],
  ],
  /** Every deadline has passed. */
  overdue: (now: number): [string, number[]] => ['(s.last_deadline_at < ?)', [now]],
  /** The next deadline ahead, or else the earliest passed; those with none sort after every deadline. */
  next: (now: number): [string, number[]] => [
    `coalesce(
      (select min(d.at) from submission_deadlines d where d.submission_id = s.id and d.at >= ?),
      (select min(d.at) from submission_deadlines d where d.submission_id = s.id), ${NO_DEADLINE})`,
    [now],
  ],
};

/** The columns of a submission's row its facts decide (what the inbox filters and sorts by), and the key of the rules they were made by. */
export function deadlineColumns(facts: TriageFacts, key: string) {
  const ending = facts.deadlines.filter((deadline) => deadline.endsUrgency).map((deadline) => deadline.at);
  const all = facts.deadlines.map((deadline) => deadline.at);
  return {
    urgent_when: facts.urgentWhen ? 1 : 0,
    urgent_ends_at: ending.length ? Math.max(...ending) : null,
    last_deadline_at: all.length ? Math.max(...all) : null,
    deadlines_key: key,
  };
}

async function insertDeadlines(trx: Knex, submissionId: string, facts: TriageFacts): Promise<void> {
  if (!facts.deadlines.length) return;
  await trx('submission_deadlines').insert(
    facts.deadlines.map((deadline, position) => ({
      submission_id: submissionId,
      position,
      label: deadline.label,
      at: deadline.at,
      kind: deadline.kind,
      ends_urgency: deadline.endsUrgency ? 1 : 0,
    })),
  );
}

export function createDeadlinesRepository(db: Knex) {
  return {
    /** Writes a submission's facts (in place of any it had) and the key of the rules they were made by. */
    async set(submissionId: string, facts: TriageFacts, key: string, trx: Knex = db): Promise<void> {
      await trx('submission_deadlines').where({ submission_id: submissionId }).delete();
      await insertDeadlines(trx, submissionId, facts);
      await trx('submissions').where({ id: submissionId }).update(deadlineColumns(facts, key));
    },
    /** Writes the deadlines of a submission that has none yet (one just written with `deadlineColumns` in its row). */
    addNew: (submissionId: string, facts: TriageFacts, trx: Knex = db): Promise<void> =>
      insertDeadlines(trx, submissionId, facts),

    /** The facts of these submissions, for those that have them. */
    async of(ids: string[], trx: Knex = db): Promise<Map<string, TriageFacts>> {
      const facts = new Map<string, TriageFacts>();
      if (!ids.length) return facts;
      const heads = await trx('submissions').whereIn('id', ids).whereNotNull('urgent_when').select('id', 'urgent_when');
      for (const head of heads) facts.set(head.id, { urgentWhen: Number(head.urgent_when) === 1, deadlines: [] });
      const rows = await trx('submission_deadlines')
        .whereIn('submission_id', [...facts.keys()])
        .orderBy(['submission_id', 'position']);
      for (const row of rows)
        facts.get(row.submission_id)!.deadlines.push({
          label: row.label,
          at: Number(row.at),
          kind: row.kind,
          endsUrgency: Number(row.ends_urgency) === 1,
        });
      return facts;
    },

    /**
     * Open submissions (not closed) whose facts were never worked out or were made by other rules
     * than `keys` (one per form; forms not in it are left alone), after `afterId` in id order.
     */
    async unscheduled(keys: Record<string, string>, afterId: string, limit: number, trx: Knex = db) {
      const forms = Object.keys(keys);
      if (!forms.length) return [];
      const rows = await trx('submissions')
        .join('submission_answers', 'submission_answers.submission_id', 'submissions.id')
        .whereNot('status', 'closed')
        .andWhere('id', '>', afterId)
        .andWhere((any) => {
          for (const form of forms)
            any.orWhere((q) =>
              q
                .where('form_id', form)
                .andWhere((stale) => stale.whereNull('deadlines_key').orWhereNot('deadlines_key', keys[form]!)),
            );
        })
        .select('id', 'form_id', 'form_version', 'submitted_at', 'answers')
        .orderBy('id')
        .limit(limit);
      return rows.map((row) => ({
        id: row.id as string,
        formId: row.form_id as string,
        formVersion: Number(row.form_version),
        submittedAt: Number(row.submitted_at),
        answers: row.answers as string,
      }));
    },
  };
}

export type DeadlinesRepository = ReturnType<typeof createDeadlinesRepository>;
