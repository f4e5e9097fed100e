/**
 * The inbox's order and pages on both databases, page by page as staff click Next: sorted by
 * deadline, the open referrals as the team reads them and then the closed ones, the newest first,
 * each once, whatever the page size; the newest first through ties of one millisecond; and
 * submissions stored before their answers had a table of their own keep them when it is made.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import type { Knex } from 'knex';
import { testDatabases } from '../support/databases.ts';
import { createRepositories, type Repositories } from '../../server/repositories/index.ts';
import { migrateToLatest, migrationSource } from '../../server/db/migrations/index.ts';
import type { InboxFilter, InboxOrder } from '../../server/repositories/triage.ts';
import type { TriageFacts, TriageStatus } from '../../engine/index.ts';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 24, 9);
/** A submission's id (36 characters, as the app's), named so a failure reads plainly. */
const idOf = (name: string) => `${name}-`.padEnd(36, '0');

for (const database of await testDatabases()) {
  const test = suite(`The inbox's order and pages on ${database.name}`);
  let db: Knex;
  let repos: Repositories;
  test.before(async () => {
    if (database.skip) return;
    ({ db } = await database.create());
    repos = createRepositories(db);
    await repos.users.insert({
      id: 'u1',
      email: 'referrer@example.org',
      forename: 'Jo',
      surname: 'Ashcroft',
      passwordHash: 'h',
      role: 'referrer',
      createdAt: 1,
      passwordChangedAt: 1,
    });
  });
  const it = database.skip ? test.skip : test;

  const store = async (
    name: string,
    { status, hoursAgo, facts }: { status: TriageStatus; hoursAgo: number; facts?: TriageFacts },
  ) => {
    const id = idOf(name);
    await repos.submissions.insert({
      id,
      reference: `ASC-${name.toUpperCase()}`,
      userId: 'u1',
      formId: 'social-care-referral',
      formVersion: 2,
      answers: `sealed ${name}`,
      keyId: 'k1',
      idempotencyKey: name,
      answersDigest: '0'.repeat(64),
      draftId: null,
      submittedAt: NOW - hoursAgo * HOUR,
    });
    if (status !== 'new')
      await repos.triage.setStatus(id, { status, outcome: status === 'closed' ? 'passed-to-team' : null, at: NOW });
    if (facts) await repos.deadlines.set(id, facts, 'rules');
    return id;
  };
  const due = (hoursFromNow: number, endsUrgency = false) => ({
    label: 'Screening due',
    at: NOW + hoursFromNow * HOUR,
    kind: 'instant' as const,
    endsUrgency,
  });

  /**
   * Every page of a list, `size` at a time, following the order's own way to the next page;
   * `hoursBetween` the clock moves on between two clicks on Next.
   */
  const walk = async (filter: InboxFilter, by: 'newest' | 'deadline', size: number, hoursBetween = 0) => {
    const seen: string[] = [];
    let order: InboxOrder = by === 'deadline' ? { by, now: NOW, offset: 0 } : { by };
    for (let pages = 0; pages < 50; pages++) {
      const now = NOW + pages * hoursBetween * HOUR;
      const { rows, total } = await repos.triage.list(filter, { order, limit: size, now });
      seen.push(...rows.map((row) => row.reference.slice(4).toLowerCase()));
      if (seen.length >= total || rows.length < size) return { seen, total };
      const last = rows[rows.length - 1]!;
      order =
        by === 'deadline'
          ? { by, now: NOW, offset: seen.length }
          : { by, after: { submittedAt: last.submittedAt, id: last.id } };
    }
    throw new Error('the pages never ended');
  };

  it('should sort by deadline: urgent, overdue, the next deadline soonest, then the closed ones the newest first, on every page', async () => {
    await store('late', { status: 'screening', hoursAgo: 30, facts: { urgentWhen: false, deadlines: [due(-2)] } });
    await store('urgent', { status: 'new', hoursAgo: 1, facts: { urgentWhen: true, deadlines: [due(3, true)] } });
    await store('soon', { status: 'new', hoursAgo: 2, facts: { urgentWhen: false, deadlines: [due(5)] } });
    await store('later', { status: 'accepted', hoursAgo: 3, facts: { urgentWhen: false, deadlines: [due(40)] } });
    await store('none', { status: 'new', hoursAgo: 4 });
    await store('closed-old', {
      status: 'closed',
      hoursAgo: 50,
      facts: { urgentWhen: true, deadlines: [due(3, true)] },
    });
    await store('closed-new', { status: 'closed', hoursAgo: 5 });
    const expected = ['urgent', 'late', 'soon', 'later', 'none', 'closed-new', 'closed-old'];
    for (const size of [1, 2, 3, 5, 7, 50]) {
      const { seen, total } = await walk({}, 'deadline', size);
      assert.equal(seen, expected, `pages of ${size}`);
      assert.is(total, 7);
    }
    // Deadlines pass while someone reads page 1: the pages go on in the order page 1 was in.
    assert.equal((await walk({}, 'deadline', 1, 4)).seen, expected, 'the clock moving between pages');
    // A page that starts past the open ones, as a cursor carried from an earlier look does.
    const past = await repos.triage.list({}, { order: { by: 'deadline', now: NOW, offset: 6 }, limit: 5, now: NOW });
    assert.equal(
      past.rows.map((row) => row.reference),
      ['ASC-CLOSED-OLD'],
    );
    assert.equal((await walk({ status: 'closed' }, 'deadline', 1)).seen, ['closed-new', 'closed-old']);
    assert.equal((await walk({ urgent: true }, 'deadline', 1)).seen, ['urgent'], 'a closed one is urgent no more');
    assert.equal((await walk({ overdue: true }, 'deadline', 2)).seen, ['late']);
  });

  it('should page the newest first through submissions sent in the same millisecond, each once, with their answers', async () => {
    for (let i = 0; i < 5; i++) await store(`tie${i}`, { status: 'new', hoursAgo: 0.5 });
    const { seen, total } = await walk({}, 'newest', 2);
    assert.is(seen.length, total, 'each once');
    assert.is(new Set(seen).size, total);
    assert.equal(seen.slice(0, 5), ['tie4', 'tie3', 'tie2', 'tie1', 'tie0'], 'ties by id, the same every time');
    const [first] = (await repos.triage.list({}, { order: { by: 'newest' }, limit: 1, now: NOW })).rows;
    assert.is(first!.answers, 'sealed tie4', 'the page carries its sealed answers');
  });

  it('should move the answers of submissions stored before they had a table of their own, and keep them', async () => {
    // Back to the schema before, with a submission stored as it then was.
    await db.migrate.down({ migrationSource, name: '012-time-indexes' });
    await db.migrate.down({ migrationSource, name: '011-answers-apart' });
    await db('submissions').insert({
      id: idOf('before'),
      reference: 'ASC-BEFORE',
      user_id: 'u1',
      form_id: 'social-care-referral',
      form_version: 2,
      answers: 'sealed before',
      key_id: 'k1',
      idempotency_key: 'before',
      answers_digest: '0'.repeat(64),
      submitted_at: NOW,
    });
    assert.equal(await migrateToLatest(db), ['011-answers-apart', '012-time-indexes']);
    const moved = await repos.submissions.findForUserSince(idOf('before'), 'u1', 0);
    assert.is(moved?.answers, 'sealed before');
    const urgent = await repos.submissions.findForUserSince(idOf('urgent'), 'u1', 0);
    assert.is(urgent?.answers, 'sealed urgent', 'and those already stored');
  });

  test.run();
}
