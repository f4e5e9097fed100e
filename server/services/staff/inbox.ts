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
  TriageEvent,
  TriageStatus,
} from '../../../engine/index.ts';
import { todayIn } from '../../../engine/index.ts';
import type { Repositories } from '../../repositories/index.ts';
import type { StaffMember } from '../../repositories/staff.ts';
import type { InboxCursor, InboxFilter, InboxRow } from '../../repositories/triage.ts';
import type { FormCatalogue } from '../form-catalogue.ts';
import { SealedValueError, type AnswersAtRest } from '../answers-at-rest.ts';
import type { AboutPerson } from '../about-person.ts';
import type { SearchKeys } from '../search-keys.ts';
import { eventRecord, replyRecord } from '../referrer-status.ts';
import { NotFoundError, RefusedError } from '../errors.ts';
import type { Clock } from '../clock.ts';
import type { TriageClock } from '../triage/index.ts';

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

const encodeCursor = (row: InboxRow) => Buffer.from(JSON.stringify([row.submittedAt, row.id])).toString('base64url');
function decodeCursor(cursor: string): InboxCursor {
  try {
    const [submittedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof submittedAt === 'number' && typeof id === 'string') return { submittedAt, id };
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
}) {
  const { repos, catalogue, answersAtRest, aboutPerson, searchKeys, clock, triage } = deps;
  const audit = (actor: Actor, event: string, detail: Record<string, unknown>) =>
    repos.auditLog.add({ at: clock.now(), event, outcome: 'success', userId: actor.member.id, ip: actor.ip, detail });

  /** The answers, or null when their key is not at hand (the log at start names it). */
  const answersOf = async (row: InboxRow): Promise<Answers | null> => {
    try {
      return await answersAtRest.open<Answers>(submissionRecord(row.id), row.answers);
    } catch (error) {
      if (error instanceof SealedValueError) return null;
      throw error;
    }
  };
  /** Its urgency and deadlines now; none for a form it cannot open, or once closed (nothing is left to be late for). */
  const triageOf = (row: InboxRow, answers: Answers | null) =>
    answers && row.status !== 'closed'
      ? triage.of({ formId: row.formId, formVersion: row.formVersion, answers, submittedAt: row.submittedAt })
      : null;
  const itemOf = (row: InboxRow, answers: Answers | null): InboxItem => {
    const about = answers ? aboutPerson.inAnswers(row.formId, row.formVersion, answers) : undefined;
    const organisation = answers?.referrerOrganisation;
    const clockSays = triageOf(row, answers);
    const next = clockSays?.next;
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
    };
  };

  /** The filters as the repository takes them, and what the audit log may say of them (never the search text). */
  const filterOf = (actor: Actor, query: InboxQuery): { filter: InboxFilter; logged: Record<string, unknown> } => {
    const filter: InboxFilter = {};
    const logged: Record<string, unknown> = {};
    if (query.form) filter.formId = logged.form = query.form;
    if (query.status) filter.status = logged.status = query.status;
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

  const members = async (): Promise<Map<string, StaffMemberRef>> =>
    new Map((await repos.staff.list()).map((member) => [member.id, memberRef(member)]));

  return {
    async list(actor: Actor, query: InboxQuery): Promise<InboxPage> {
      const { filter, logged } = filterOf(actor, query);
      const after = query.cursor ? decodeCursor(query.cursor) : undefined;
      const { rows, total } = await repos.triage.list(filter, { after, limit: INBOX_PAGE_SIZE + 1 });
      const shown = rows.slice(0, INBOX_PAGE_SIZE);
      const items = await Promise.all(shown.map(async (row) => itemOf(row, await answersOf(row))));
      await audit(actor, logged.searchBy ? 'staff-search' : 'staff-inbox', { ...logged, shown: items.length });
      return {
        items,
        total,
        ...(rows.length > INBOX_PAGE_SIZE ? { nextCursor: encodeCursor(shown[shown.length - 1]!) } : {}),
      };
    },

    /** Every submission the filters match (up to EXPORT_LIMIT), for a CSV or JSON file. */
    async export(actor: Actor, query: InboxQuery, format: 'csv' | 'json'): Promise<InboxItem[]> {
      const { filter, logged } = filterOf(actor, query);
      const { rows, total } = await repos.triage.list(filter, { limit: EXPORT_LIMIT });
      if (total > EXPORT_LIMIT)
        throw new RefusedError(
          'too-many',
          `${total} submissions match: an export holds ${EXPORT_LIMIT} at most. Narrow the filters and export again.`,
        );
      const items = await Promise.all(rows.map(async (row) => itemOf(row, await answersOf(row))));
      await audit(actor, 'staff-export', { ...logged, format, exported: items.length });
      return items;
    },

    async open(actor: Actor, id: string): Promise<StaffSubmission> {
      const row = await repos.triage.find(id);
      const entry = row && catalogue.get(row.formId, row.formVersion);
      if (!row || !entry) throw submissionNotFound();
      const answers = await answersOf(row);
      if (!answers)
        throw new RefusedError(
          'sealed',
          `The answers of ${row.reference} cannot be opened: the key they were sealed with is not in ANSWERS_KEYS. Ask council IT to add it back.`,
        );
      const item = itemOf(row, answers);
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
          text: await answersAtRest.open<string>(replyRecord(reply.id), reply.text),
        });
      // Each answer among the staff's doings by when it came (a stable sort: an answer follows what happened in its millisecond).
      history.sort((a, b) => a.at - b.at);
      await audit(actor, 'staff-view', { submissionId: id, reference: row.reference });
      return {
        ...item,
        referrer: { ...item.referrer, email: row.referrer.email },
        summary: entry.form.summary(answers, { today: todayIn(new Date(row.submittedAt), entry.form.timeZone) }),
        deadlines: (triageOf(row, answers)?.deadlines ?? []).map(({ label, at, kind }) => ({ label, at, kind })),
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
