/**
 * The triage team's inbox: submissions the newest first, each with its urgency and next deadline
 * by the triage clock (services/triage), filtered and searched, each opened with
 * its answers by page (as the referrer read them on check your answers) and its history. The
 * answers are opened for the one request that asks; every look is written to the audit log.
 */
import type {
  Answers,
  InboxItem,
  InboxPage,
  StaffMemberRef,
  StaffSubmission,
  Triage,
  TriageEvent,
  TriageFacts,
  TriageStatus,
} from '../../../engine/index.ts';
import { todayIn } from '../../../engine/index.ts';
import type { Repositories } from '../../repositories/index.ts';
import type { StaffMember } from '../../repositories/staff.ts';
import type { InboxFilter, InboxOrder, InboxRow } from '../../repositories/triage.ts';
import type { FormCatalogue } from '../form-catalogue.ts';
import { SealedValueError, type AnswersAtRest } from '../answers-at-rest.ts';
import type { AboutPerson } from '../about-person.ts';
import type { SearchKeys } from '../search-keys.ts';
import { eventRecord, replyRecord } from '../referrer-status.ts';
import { NotFoundError, RefusedError } from '../errors.ts';
import type { Clock } from '../clock.ts';
import type { TriageClock } from '../triage/index.ts';
import { retentionOf, type RetentionPolicy } from '../retention.ts';

export const INBOX_PAGE_SIZE = 50;
/** The most one export holds: past it, narrow the filters. */
export const EXPORT_LIMIT = 5000;

/** What the inbox is asked for, as the route reads it from the address. */
export interface InboxQuery {
  form?: string;
  status?: TriageStatus;
  /** `me`, `nobody`, or a member's id. */
  assignee?: string;
  q?: string;
  /** Only those urgent now, or with every deadline passed (open ones only). */
  urgent?: 'yes';
  overdue?: 'yes';
  /** Only those whose referrer answered the question, not moved on by staff since ("Answer received"). */
  answered?: 'yes';
  /** The newest first (the default), or as the team reads them: urgent, overdue, then the next deadline first. */
  sort?: 'newest' | 'deadline';
  cursor?: string;
}

/** Who is looking, and from where, for the audit log. */
export interface Actor {
  member: StaffMember;
  ip: string;
}

export const submissionRecord = (id: string) => `submission:${id}`;
const nameOf = (person: { forename: string; surname: string }) => `${person.forename} ${person.surname}`;
export const memberRef = (member: { id: string; forename: string; surname: string }): StaffMemberRef => ({
  id: member.id,
  name: nameOf(member),
});

export const submissionNotFound = () =>
  new NotFoundError('There is no submission here: check the address, or find it in the inbox.');

/** The next page's cursor: where the last one ended, by date, or (sorted by deadline) by position, read at the same moment. */
const encodeCursor = (order: InboxOrder, row: InboxRow, shown: number) =>
  Buffer.from(
    JSON.stringify(order.by === 'deadline' ? ['deadline', order.offset + shown, order.now] : [row.submittedAt, row.id]),
  ).toString('base64url');
function orderOf(query: InboxQuery, now: number): InboxOrder {
  const sortedBy = query.sort ?? 'newest';
  if (!query.cursor) return sortedBy === 'deadline' ? { by: 'deadline', now, offset: 0 } : { by: 'newest' };
  try {
    const [a, b, c] = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8')) as unknown[];
    if (sortedBy === 'newest' && typeof a === 'number' && typeof b === 'string')
      return { by: 'newest', after: { submittedAt: a, id: b } };
    if (
      sortedBy === 'deadline' &&
      a === 'deadline' &&
      Number.isSafeInteger(b) &&
      (b as number) >= 0 &&
      typeof c === 'number'
    )
      return { by: 'deadline', offset: b as number, now: c };
  } catch {
    /* refused below */
  }
  throw new RefusedError('bad-cursor', 'That page of the inbox is not one it gave: go back to the first page.');
}

export function createInbox(deps: {
  repos: Repositories;
  catalogue: FormCatalogue;
  answersAtRest: AnswersAtRest;
  aboutPerson: AboutPerson;
  searchKeys: SearchKeys;
  clock: Clock;
  /** Urgency and deadlines by portal.json's triage rules. */
  triage: TriageClock;
  /** RETENTION_DAYS: when a closed one's answers and notes go. */
  retention: RetentionPolicy;
}) {
  const { repos, catalogue, answersAtRest, aboutPerson, searchKeys, clock, triage, retention } = deps;
  const audit = (actor: Actor, event: string, detail: Record<string, unknown>) =>
    repos.auditLog.add({ at: clock.now(), event, outcome: 'success', userId: actor.member.id, ip: actor.ip, detail });

  /** The answers, or null when they were deleted or their key is not at hand (the log at start names it). */
  const answersOf = async (row: InboxRow): Promise<Answers | null> => {
    if (row.answersDeletedAt !== null) return null;
    try {
      return await answersAtRest.open<Answers>(submissionRecord(row.id), row.answers);
    } catch (error) {
      if (error instanceof SealedValueError) return null;
      throw error;
    }
  };
  /** Its urgency and deadlines at `now`, by the facts stored with it; none once closed (nothing is left to be late for). */
  const triageOf = (row: InboxRow, facts: TriageFacts | undefined, now: number) =>
    facts && row.status !== 'closed' ? triage.at(facts, now) : null;
  const itemOf = (row: InboxRow, answers: Answers | null, clockSays: Triage | null): InboxItem => {
    const about = answers ? aboutPerson.inAnswers(row.formId, row.formVersion, answers) : undefined;
    const organisation = answers?.referrerOrganisation;
    const next = clockSays?.next;
    const kept = retentionOf(row, retention);
    return {
      id: row.id,
      reference: row.reference,
      formId: row.formId,
      formVersion: row.formVersion,
      formTitle: catalogue.get(row.formId, row.formVersion)?.definition.title ?? row.formId,
      ...(about ? { about } : {}),
      referrer: {
        name: nameOf(row.referrer),
        ...(typeof organisation === 'string' && organisation ? { organisation } : {}),
      },
      submittedAt: row.submittedAt,
      status: row.status,
      ...(row.outcome ? { outcome: row.outcome } : {}),
      ...(row.assignee ? { assignee: memberRef(row.assignee) } : {}),
      ...(row.statusChangedAt !== null ? { statusChangedAt: row.statusChangedAt } : {}),
      ...(row.closedAt !== null ? { closedAt: row.closedAt } : {}),
      ...(row.answerReceivedAt !== null ? { answerReceivedAt: row.answerReceivedAt } : {}),
      ...(clockSays?.urgent ? { urgent: true as const } : {}),
      ...(next ? { deadline: { label: next.label, at: next.at, kind: next.kind, overdue: clockSays.overdue } } : {}),
      ...(kept ? { retention: kept } : {}),
    };
  };

  /** The filters as the repository takes them, and what the audit log may say of them (never the search text). */
  const filterOf = (actor: Actor, query: InboxQuery): { filter: InboxFilter; logged: Record<string, unknown> } => {
    const filter: InboxFilter = {};
    const logged: Record<string, unknown> = {};
    if (query.form) filter.formId = logged.form = query.form;
    if (query.status) filter.status = logged.status = query.status;
    if (query.urgent) filter.urgent = logged.urgent = true;
    if (query.overdue) filter.overdue = logged.overdue = true;
    if (query.answered) filter.answered = logged.answered = true;
    if (query.sort) logged.sort = query.sort;
    if (query.assignee) {
      filter.assigneeId =
        query.assignee === 'me' ? actor.member.id : query.assignee === 'nobody' ? null : query.assignee;
      logged.assignee = query.assignee;
    }
    const search = query.q ? searchKeys.query(query.q) : null;
    if (search?.by === 'reference') filter.reference = search.reference;
    else if (search) filter.searchHash = search.hash;
    if (search) logged.searchBy = search.by;
    return { filter, logged };
  };

  /** The inbox's items for these rows: answers opened, urgency and deadlines read at `now`. */
  const itemsOf = async (rows: InboxRow[], now: number): Promise<InboxItem[]> => {
    const facts = await repos.deadlines.of(rows.map((row) => row.id));
    return Promise.all(
      rows.map(async (row) => itemOf(row, await answersOf(row), triageOf(row, facts.get(row.id), now))),
    );
  };

  const members = async (): Promise<Map<string, StaffMemberRef>> =>
    new Map((await repos.staff.list()).map((member) => [member.id, memberRef(member)]));

  return {
    async list(actor: Actor, query: InboxQuery): Promise<InboxPage> {
      const { filter, logged } = filterOf(actor, query);
      const now = clock.now();
      const order = orderOf(query, now);
      const { rows, total } = await repos.triage.list(filter, { order, limit: INBOX_PAGE_SIZE + 1, now });
      const shown = rows.slice(0, INBOX_PAGE_SIZE);
      const items = await itemsOf(shown, order.by === 'deadline' ? order.now : now);
      await audit(actor, logged.searchBy ? 'staff-search' : 'staff-inbox', { ...logged, shown: items.length });
      return {
        items,
        total,
        ...(rows.length > INBOX_PAGE_SIZE
          ? { nextCursor: encodeCursor(order, shown[shown.length - 1]!, shown.length) }
          : {}),
      };
    },

    /** Every submission the filters match (up to EXPORT_LIMIT), in the inbox's order, for a CSV or JSON file. */
    async export(actor: Actor, query: InboxQuery, format: 'csv' | 'json'): Promise<InboxItem[]> {
      const { filter, logged } = filterOf(actor, query);
      const now = clock.now();
      const order = orderOf({ ...query, cursor: undefined }, now);
      const { rows, total } = await repos.triage.list(filter, { order, limit: EXPORT_LIMIT, now });
      if (total > EXPORT_LIMIT)
        throw new RefusedError(
          'too-many',
          `${total} submissions match: an export holds ${EXPORT_LIMIT} at most. Narrow the filters and export again.`,
        );
      const items = await itemsOf(rows, now);
      await audit(actor, 'staff-export', { ...logged, format, exported: items.length });
      return items;
    },

    async open(actor: Actor, id: string): Promise<StaffSubmission> {
      const row = await repos.triage.find(id);
      const entry = row && catalogue.get(row.formId, row.formVersion);
      if (!row || !entry) throw submissionNotFound();
      const answers = await answersOf(row);
      if (!answers && row.answersDeletedAt === null)
        throw new RefusedError(
          'sealed',
          `The answers of ${row.reference} cannot be opened: the key they were sealed with is not in ANSWERS_KEYS. Ask council IT to add it back.`,
        );
      const clockSays = triageOf(row, (await repos.deadlines.of([id])).get(id), clock.now());
      const item = itemOf(row, answers, clockSays);
      const staff = await members();
      const history: TriageEvent[] = [];
      for (const event of await repos.triage.events(id)) {
        const by = staff.get(event.staffId) ?? { id: event.staffId, name: 'A former member of staff' };
        const assignee = event.assigneeId ? staff.get(event.assigneeId) : undefined;
        history.push({
          at: event.at,
          by,
          kind: event.kind,
          ...(assignee ? { assignee } : {}),
          ...(event.status ? { status: event.status } : {}),
          ...(event.outcome ? { outcome: event.outcome } : {}),
          ...(event.text ? { text: await answersAtRest.open<string>(eventRecord(event.id), event.text) } : {}),
        });
      }
      for (const reply of await repos.replies.forSubmission(id))
        history.push({
          at: reply.at,
          kind: 'reply',
          status: 'screening',
          ...(reply.text ? { text: await answersAtRest.open<string>(replyRecord(reply.id), reply.text) } : {}),
        });
      // Each answer among the staff's doings by when it came (a stable sort: an answer follows what happened in its millisecond).
      history.sort((a, b) => a.at - b.at);
      await audit(actor, 'staff-view', { submissionId: id, reference: row.reference });
      return {
        ...item,
        referrer: { ...item.referrer, email: row.referrer.email },
        // Deleted by the retention policy: what it was stays, its answers do not.
        summary: answers
          ? entry.form.summary(answers, { today: todayIn(new Date(row.submittedAt), entry.form.timeZone) })
          : [],
        deadlines: clockSays?.deadlines ?? [],
        history,
      };
    },

    /** The members a referral can be assigned to: those who can sign in. */
    async assignable(actor: Actor): Promise<StaffMemberRef[]> {
      const members = (await repos.staff.list())
        .filter((member) => member.disabledAt === null && member.totpEnrolledAt !== null)
        .map(memberRef);
      await audit(actor, 'staff-members', { shown: members.length });
      return members;
    },
  };
}

export type Inbox = ReturnType<typeof createInbox>;
