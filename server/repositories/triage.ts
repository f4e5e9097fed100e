/**
 * The triage team's side of submissions: the inbox's listing (filtered, the newest first, paged
 * by a cursor), each one's status and assignee, its history, and its search keys.
 */
import type { Knex } from 'knex';
import { addSearchKeys } from './submission-search.ts';
import { TRIAGE_STATUSES, type TriageStatus } from '../../engine/index.ts';
import { triageSql } from './deadlines.ts';

export interface InboxFilter {
  formId?: string;
  status?: TriageStatus;
  /** A member's id, or null for nobody's. */
  assigneeId?: string | null;
  reference?: string;
  /** A search key's hash (name, date of birth or NHS number). */
  searchHash?: string;
  /** Only open referrals urgent at `now` (see repositories/deadlines.ts). */
  urgent?: boolean;
  /** Only open referrals with every deadline passed at `now`. */
  overdue?: boolean;
  /** Only those whose referrer answered the team's question, not moved on by staff since. */
  answered?: boolean;
}

/** The order of the inbox: the newest first, or as the triage team reads it (engine's compareTriage) at `now`. */
export type InboxOrder = { by: 'newest'; after?: InboxCursor } | { by: 'deadline'; now: number; offset: number };

/** Where the next page starts: after this submission, in the inbox's order. */
export interface InboxCursor {
  submittedAt: number;
  id: string;
}

export interface InboxRow {
  id: string;
  reference: string;
  formId: string;
  formVersion: number;
  submittedAt: number;
  /** Sealed (JWE). */
  answers: string;
  referrer: { forename: string; surname: string; email: string };
  status: TriageStatus;
  outcome: string | null;
  assignee: { id: string; forename: string; surname: string } | null;
  statusChangedAt: number | null;
  closedAt: number | null;
  /** When its answers, notes and search keys were deleted (retention); then `answers` is empty. */
  answersDeletedAt: number | null;
  /** When the referrer answered the team's question, until staff next change the status. */
  answerReceivedAt: number | null;
}

export interface TriageEventRow {
  id: string;
  submissionId: string;
  staffId: string;
  at: number;
  kind: 'assigned' | 'status' | 'note';
  assigneeId: string | null;
  status: TriageStatus | null;
  outcome: string | null;
  /** Sealed (JWE), or null. */
  text: string | null;
  keyId: string | null;
}

const orNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));

const SELECTED = [
  's.id',
  's.reference',
  's.form_id',
  's.form_version',
  's.submitted_at',
  'sa.answers',
  's.status',
  's.outcome',
  's.status_changed_at',
  's.closed_at',
  's.answers_deleted_at',
  's.answer_received_at',
  'u.forename as referrer_forename',
  'u.surname as referrer_surname',
  'u.email as referrer_email',
  'a.id as assignee_id',
  'a.forename as assignee_forename',
  'a.surname as assignee_surname',
];

// biome-ignore lint/suspicious/noExplicitAny: a joined row, read column by column below
const toRow = (row: any): InboxRow => ({
  id: row.id,
  reference: row.reference,
  formId: row.form_id,
  formVersion: Number(row.form_version),
  submittedAt: Number(row.submitted_at),
  answers: row.answers ?? '',
  referrer: { forename: row.referrer_forename, surname: row.referrer_surname, email: row.referrer_email },
  status: row.status,
  outcome: row.outcome,
  assignee: row.assignee_id
    ? { id: row.assignee_id, forename: row.assignee_forename, surname: row.assignee_surname }
    : null,
  statusChangedAt: orNumber(row.status_changed_at),
  closedAt: orNumber(row.closed_at),
  answersDeletedAt: orNumber(row.answers_deleted_at),
  answerReceivedAt: orNumber(row.answer_received_at),
});

/** Statuses of referrals still in the team's hands. */
const OPEN_STATUSES = TRIAGE_STATUSES.filter((status) => status !== 'closed');

export function createTriageRepository(db: Knex) {
  const joined = (trx: Knex) =>
    trx('submissions as s')
      .join('users as u', 'u.id', 's.user_id')
      .leftJoin('staff as a', 'a.id', 's.assignee_id')
      .leftJoin('submission_answers as sa', 'sa.submission_id', 's.id');
  /**
   * The submissions a filter matches, on their own narrow rows: the joins above filter nothing,
   * and the answers are read for the page shown only.
   */
  const filtered = (trx: Knex, filter: InboxFilter, now: number) => {
    const query = trx('submissions as s');
    if (filter.urgent || filter.overdue) query.whereIn('s.status', OPEN_STATUSES);
    if (filter.urgent) query.whereRaw(...triageSql.urgent(now));
    if (filter.overdue) query.whereRaw(...triageSql.overdue(now));
    if (filter.answered) query.whereNotNull('s.answer_received_at');
    if (filter.formId) query.where('s.form_id', filter.formId);
    if (filter.status) query.where('s.status', filter.status);
    if (filter.assigneeId === null) query.whereNull('s.assignee_id');
    else if (filter.assigneeId) query.where('s.assignee_id', filter.assigneeId);
    if (filter.reference) query.where('s.reference', filter.reference);
    if (filter.searchHash)
      query.whereIn('s.id', trx('submission_search').select('submission_id').where('hash', filter.searchHash));
    return query;
  };
  const count = async (query: Knex.QueryBuilder) =>
    Number(((await query.count({ count: '*' })) as Array<{ count: number | string }>)[0]?.count ?? 0);
  const ids = async (query: Knex.QueryBuilder) => (await query.select('s.id')).map((row: { id: string }) => row.id);
  const newestFirst = (query: Knex.QueryBuilder) => query.orderBy('s.submitted_at', 'desc').orderBy('s.id', 'desc');

  /** A page's ids by deadline: the open referrals as the team reads them, then the closed ones, the newest first. */
  async function byDeadline(trx: Knex, filter: InboxFilter, now: number, offset: number, limit: number) {
    const [urgent, urgentAt] = triageSql.urgent(now);
    const [overdue, overdueAt] = triageSql.overdue(now);
    const open = await ids(
      filtered(trx, filter, now)
        .whereNot('s.status', 'closed')
        .orderByRaw(`case when ${urgent} then 0 else 1 end`, urgentAt)
        .orderByRaw(`case when ${overdue} then 0 else 1 end`, overdueAt)
        .orderByRaw(...triageSql.next(now))
        // Of those due together, the one waiting longest first.
        .orderBy([
          { column: 's.submitted_at', order: 'asc' },
          { column: 's.id', order: 'asc' },
        ])
        .offset(offset)
        .limit(limit),
    );
    if (open.length === limit) return open;
    const openInAll =
      open.length || !offset
        ? offset + open.length
        : await count(filtered(trx, filter, now).whereNot('s.status', 'closed'));
    const closed = await ids(
      newestFirst(filtered(trx, filter, now).where('s.status', 'closed'))
        .offset(Math.max(0, offset - openInAll))
        .limit(limit - open.length),
    );
    return [...open, ...closed];
  }

  return {
    /** A page of the inbox in its order, and how many match in all; urgency and deadlines are read at `now`. */
    async list(
      filter: InboxFilter,
      { order, limit, now }: { order: InboxOrder; limit: number; now: number },
      trx: Knex = db,
    ): Promise<{ rows: InboxRow[]; total: number }> {
      // Sorted by deadline, each page is read at the moment of the first (the cursor's): a
      // referral turning overdue between two pages would otherwise move and be missed or seen twice.
      const at = order.by === 'deadline' ? order.now : now;
      let page: string[];
      if (order.by === 'deadline') page = await byDeadline(trx, filter, at, order.offset, limit);
      else {
        const query = filtered(trx, filter, at);
        const { after } = order;
        // Written so both databases walk the date index from the cursor on.
        if (after)
          query
            .where('s.submitted_at', '<=', after.submittedAt)
            .andWhere((q) => q.where('s.submitted_at', '<', after.submittedAt).orWhere('s.id', '<', after.id));
        page = await ids(newestFirst(query).limit(limit));
      }
      const found = page.length
        ? await joined(trx)
            .select(...SELECTED)
            .whereIn('s.id', page)
        : [];
      const byId = new Map(found.map((row) => [row.id as string, toRow(row)]));
      return {
        rows: page.flatMap((id) => byId.get(id) ?? []),
        total: await count(filtered(trx, filter, at)),
      };
    },
    async find(id: string, trx: Knex = db): Promise<InboxRow | null> {
      const row = await joined(trx)
        .select(...SELECTED)
        .where('s.id', id)
        .first();
      return row ? toRow(row) : null;
    },
    async setAssignee(id: string, assigneeId: string | null, trx: Knex = db): Promise<void> {
      await trx('submissions').where({ id }).update({ assignee_id: assigneeId });
    },
    async setStatus(
      id: string,
      change: { status: TriageStatus; outcome: string | null; at: number },
      trx: Knex = db,
    ): Promise<void> {
      await trx('submissions')
        .where({ id })
        .update({
          status: change.status,
          outcome: change.outcome,
          status_changed_at: change.at,
          closed_at: change.status === 'closed' ? change.at : null,
          // Staff have moved it on since the referrer's answer: it is news no longer.
          answer_received_at: null,
        });
    },
    /** The referrer answered the team's question: back to screening, marked as answered. */
    async answerReceived(id: string, at: number, trx: Knex = db): Promise<void> {
      await trx('submissions')
        .where({ id })
        .update({ status: 'screening', status_changed_at: at, answer_received_at: at });
    },
    async addEvent(event: TriageEventRow, trx: Knex = db): Promise<void> {
      await trx('submission_events').insert({
        id: event.id,
        submission_id: event.submissionId,
        staff_id: event.staffId,
        at: event.at,
        kind: event.kind,
        assignee_id: event.assigneeId,
        status: event.status,
        outcome: event.outcome,
        text: event.text,
        key_id: event.keyId,
      });
    },
    /** A submission's history, the oldest first. */
    async events(submissionId: string, trx: Knex = db): Promise<TriageEventRow[]> {
      const rows = await trx('submission_events').where({ submission_id: submissionId }).orderBy('seq');
      return rows.map((row) => ({
        id: row.id,
        submissionId: row.submission_id,
        staffId: row.staff_id,
        at: Number(row.at),
        kind: row.kind,
        assigneeId: row.assignee_id,
        status: row.status,
        outcome: row.outcome,
        text: row.text,
        keyId: row.key_id,
      }));
    },
    /** Writes a submission's search keys (in place of any it had) and the key they were made with. */
    async index(submissionId: string, hashes: string[], keyId: string, trx: Knex = db): Promise<void> {
      await trx('submission_search').where({ submission_id: submissionId }).delete();
      await addSearchKeys(trx, submissionId, hashes);
      await trx('submissions').where({ id: submissionId }).update({ search_key_id: keyId });
    },
    /** Adds search keys to a submission, in one statement (one just written names their key in its row). */
    addKeys: (submissionId: string, hashes: string[], trx: Knex = db) => addSearchKeys(trx, submissionId, hashes),
    /** Submissions whose search keys were never written (from before the index) or made with another key, with their sealed answers; none whose answers were deleted. */
    async unindexed(keyId: string, afterId: string, limit: number, trx: Knex = db) {
      const rows = await trx('submissions')
        .join('submission_answers', 'submission_answers.submission_id', 'submissions.id')
        .where((q) => q.whereNull('search_key_id').orWhereNot('search_key_id', keyId))
        .whereNull('answers_deleted_at')
        .andWhere('id', '>', afterId)
        .select('id', 'form_id', 'form_version', 'answers')
        .orderBy('id')
        .limit(limit);
      return rows.map((row) => ({
        id: row.id as string,
        formId: row.form_id as string,
        formVersion: Number(row.form_version),
        answers: row.answers as string,
      }));
    },
  };
}

export type TriageRepository = ReturnType<typeof createTriageRepository>;
