import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import type { Knex } from 'knex';
import { testDatabases } from '../support/databases.ts';
import { createRepositories, type Repositories } from '../../server/repositories/index.ts';
import { createOutboxRepository } from '../../server/repositories/outbox.ts';
import { createDatabase } from '../../server/db/database.ts';
import { forgetExpired } from '../../server/services/housekeeping.ts';
import { createCodeService } from '../../server/services/accounts/codes.ts';
import { manualClock } from '../../server/services/clock.ts';

for (const database of await testDatabases()) {
  const test = suite(`Repositories on ${database.name}`);
  let db: Knex;
  let repos: Repositories;
  let where: { dataDir: string; databaseUrl?: string };
  test.before(async () => {
    if (database.skip) return;
    let dataDir: string;
    let databaseUrl: string | undefined;
    ({ db, dataDir, databaseUrl } = await database.create());
    where = { dataDir, databaseUrl };
    repos = createRepositories(db);
  });
  const it = database.skip ? test.skip : test;

  if (database.name === 'SQLite') {
    it('should open every SQLite connection in WAL mode with synchronous=FULL', async () => {
      // Ask on several connections at once, so more than the first one of the pool answers.
      const answers = await Promise.all(
        Array.from({ length: 4 }, () =>
          db.transaction(async (trx) => [
            (await trx.raw('PRAGMA journal_mode'))[0].journal_mode,
            (await trx.raw('PRAGMA synchronous'))[0].synchronous,
          ]),
        ),
      );
      for (const [mode, synchronous] of answers) {
        assert.is(mode, 'wal');
        assert.is(synchronous, 2, 'FULL');
      }
    });
  }

  it('should store emails lower-cased, so one address is one account', async () => {
    await repos.users.insert({
      id: 'u1',
      email: 'Sam.Carter@Example.org',
      forename: 'Sam',
      surname: 'Carter',
      passwordHash: 'h',
      role: 'referrer',
      createdAt: 1,
      passwordChangedAt: 1,
    });
    assert.is((await repos.users.findByEmail('SAM.carter@example.ORG'))?.id, 'u1');
    let duplicate = false;
    await repos.users
      .insert({
        id: 'u2',
        email: 'sam.carter@example.org',
        forename: 'S',
        surname: 'C',
        passwordHash: 'h',
        role: 'referrer',
        createdAt: 1,
        passwordChangedAt: 1,
      })
      .catch(() => {
        duplicate = true;
      });
    assert.ok(duplicate, 'a second account for the same address is refused');
    assert.is(await repos.users.findById('nobody'), null);
  });

  it('should count rate-limit hits per key and window, in one statement', async () => {
    assert.is(await repos.rateLimits.increment('sign-in:ip:1.2.3.4', 1000), 1);
    assert.is(await repos.rateLimits.increment('sign-in:ip:1.2.3.4', 1000), 2);
    assert.is(await repos.rateLimits.increment('sign-in:ip:1.2.3.4', 2000), 1);
    assert.is(await repos.rateLimits.increment('sign-in:ip:5.6.7.8', 1000), 1);
    assert.is(await repos.rateLimits.deleteExpiredBefore(2000), 2);
  });

  it('should count hits from many requests at once without losing any', async () => {
    await Promise.all(Array.from({ length: 20 }, () => repos.rateLimits.increment('burst', 5000)));
    assert.is(await repos.rateLimits.increment('burst', 5000), 21);
  });

  it('should let a code be used only once, and make older codes stop working', async () => {
    const base = {
      purpose: 'register' as const,
      subjectId: 'r1',
      codeHash: 'x',
      attempts: 0,
      expiresAt: 99,
      consumedAt: null,
    };
    await repos.emailCodes.replace({ ...base, id: 'c1', createdAt: 10 });
    await repos.emailCodes.replace({ ...base, id: 'c2', createdAt: 20 });
    assert.is((await repos.emailCodes.findLatest('register', 'r1'))?.id, 'c2');
    assert.ok(await repos.emailCodes.consume('c2', 30));
    assert.not.ok(await repos.emailCodes.consume('c2', 31), 'a second use is refused');
    assert.not.ok(await repos.emailCodes.consume('c1', 31), 'the replaced code is dead');
    assert.is(await repos.emailCodes.reserveAttempt('c2', 5), null, 'a used code has no tries left');
    assert.equal(
      await repos.emailCodes.countSince('register', 'r1', 0),
      { count: 2, earliest: 10, latest: null },
      'two codes sent, none waiting to be used',
    );
    assert.is(
      await repos.emailCodes.clearEarlier('register', 'r1', 20),
      1,
      'the code replaced before the one used goes',
    );
    assert.equal(await repos.emailCodes.countSince('register', 'r1', 0), { count: 1, earliest: 20, latest: null });
  });

  it('should spend a captcha solution once', async () => {
    assert.ok(await repos.spentCaptchas.spend('sig-1', 100));
    assert.not.ok(await repos.spentCaptchas.spend('sig-1', 100));
    assert.is(await repos.spentCaptchas.deleteExpiredBefore(101), 1);
  });

  it('should revoke every session of a user but the one kept', async () => {
    await repos.users.insert({
      id: 'u9',
      email: 'nine@example.org',
      forename: 'N',
      surname: 'N',
      passwordHash: 'h',
      role: 'referrer',
      createdAt: 1,
      passwordChangedAt: 1,
    });
    for (const idHash of ['s1', 's2', 's3'])
      await repos.sessions.insert({
        idHash,
        userId: 'u9',
        createdAt: 1,
        lastSeenAt: 1,
        expiresAt: 100,
        revokedAt: null,
      });
    assert.is(await repos.sessions.revokeAllForUser('u9', 50, 's2'), 2);
    assert.is((await repos.sessions.findByIdHash('s1'))?.revokedAt, 50);
    assert.is((await repos.sessions.findByIdHash('s2'))?.revokedAt, null);
  });

  it('should keep the audit log append-only: the database refuses to change or delete an entry', async () => {
    await repos.auditLog.add({
      at: 1,
      event: 'sign-in',
      outcome: 'failure',
      emailHash: 'abc',
      detail: { reason: 'wrong password' },
    });
    const [entry] = await repos.auditLog.list();
    assert.equal(
      { event: entry!.event, outcome: entry!.outcome, detail: entry!.detail },
      { event: 'sign-in', outcome: 'failure', detail: { reason: 'wrong password' } },
    );
    let updateRefused = false;
    await db('audit_log')
      .update({ outcome: 'success' })
      .catch(() => {
        updateRefused = true;
      });
    let deleteRefused = false;
    await db('audit_log')
      .delete()
      .catch(() => {
        deleteRefused = true;
      });
    assert.ok(updateRefused && deleteRefused);
    assert.is((await repos.auditLog.list())[0]!.outcome, 'failure');
  });

  it('should forget unfinished registrations, old codes and ended sessions after a day, and keep the rest', async () => {
    const day = 24 * 3_600_000;
    const now = 10 * day;
    await repos.registrations.insert({
      id: 'old-reg',
      email: 'old@example.org',
      forename: 'O',
      surname: 'L',
      passwordHash: 'h',
      createdAt: now - 2 * day,
    });
    await repos.registrations.insert({
      id: 'new-reg',
      email: 'new@example.org',
      forename: 'N',
      surname: 'W',
      passwordHash: 'h',
      createdAt: now - 60_000,
    });
    const forgotten = await forgetExpired(repos, now);
    assert.ok((forgotten.registrations ?? 0) >= 1);
    assert.is(await repos.registrations.findById('old-reg'), null);
    assert.ok(await repos.registrations.findById('new-reg'));
  });

  it('should say whether a row went when deleting one, and name every delete of what has expired alike', async () => {
    await repos.registrations.insert({
      id: 'gone-reg',
      email: 'gone@example.org',
      forename: 'G',
      surname: 'N',
      passwordHash: 'h',
      createdAt: 1,
    });
    assert.is(await repos.registrations.delete('gone-reg'), true);
    assert.is(await repos.registrations.delete('gone-reg'), false);
    const deletes = Object.entries(repos).flatMap(([name, repository]) =>
      Object.keys(repository)
        .filter((method) => method.startsWith('delete'))
        .map((method) => `${name}.${method}`),
    );
    assert.ok(deletes.length >= 8, deletes.join(', '));
    for (const method of deletes) assert.match(method, /\.(delete|deleteExpiredBefore)$/);
  });

  it('should bind a code to its purpose in its hash: the same digits stored for another purpose do not match', async () => {
    const clock = manualClock(1_000_000);
    const secret = Buffer.alloc(32, 7);
    const codes = createCodeService({ emailCodes: repos.emailCodes, auditLog: repos.auditLog, clock, secret });
    const code = await codes.issue('register', 'subject-9');
    const row = await db('email_codes').where({ purpose: 'register', subject_id: 'subject-9' }).first();
    await db('email_codes').insert({ ...row, id: 'moved-to-reset', purpose: 'reset' });
    let message = '';
    await codes.consume('reset', 'subject-9', code, {}).catch((error: Error) => {
      message = error.message;
    });
    assert.match(message, /not right/);
    await codes.consume('register', 'subject-9', code, {});
  });

  it('should let one sender at a time claim an outbox message, and only the holder of the claim mark it', async () => {
    await repos.users.insert({
      id: 'u-out',
      email: 'outbox@example.org',
      forename: 'O',
      surname: 'B',
      passwordHash: 'h',
      role: 'referrer',
      createdAt: 1,
      passwordChangedAt: 1,
    });
    await repos.submissions.insert({
      id: 's-out',
      reference: 'ASC-TEST-0001',
      userId: 'u-out',
      formId: 'f',
      formVersion: 1,
      answers: 'sealed',
      keyId: 'k',
      idempotencyKey: 'key-0000000000000001',
      answersDigest: 'd',
      draftId: null,
      submittedAt: 1,
    });
    for (let n = 0; n < 6; n++)
      await repos.outbox.insert({
        id: `m${n}`,
        submissionId: 's-out',
        kind: 'email',
        payload: 'sealed',
        keyId: 'k',
        createdAt: 1,
        nextAttemptAt: 100 + n,
      });
    const [first, second] = await Promise.all([
      repos.outbox.claimDue(1_000, 60_000, 4),
      repos.outbox.claimDue(1_000, 60_000, 4),
    ]);
    const ids = [...first!, ...second!].map((m) => m.id);
    assert.is(ids.length, 6, 'every message claimed');
    assert.is(new Set(ids).size, 6, 'none by both');
    assert.equal(await repos.outbox.claimDue(2_000, 60_000, 4), [], 'a live claim keeps others off');

    // Past its time, a claim lapses: another sender may take the message, and the first can no longer mark it.
    const [stale] = first!;
    const [retaken] = (await repos.outbox.claimDue(100_000, 60_000, 10)).filter((m) => m.id === stale!.id);
    assert.ok(retaken, 'taken again after the claim lapsed');
    assert.is(await repos.outbox.markSent(stale!, 100_001), false, 'the old claim cannot mark it');
    assert.is(await repos.outbox.markSent(retaken!, 100_002), true);
    const row = await db('outbox').where({ id: stale!.id }).first();
    assert.is(Number(row.sent_at), 100_002);
    assert.is(row.payload, '', 'its content blanked once sent');
  });

  it('should give each outbox message to one sender when several processes claim at once', async () => {
    await db('outbox').update({ sent_at: 1 });
    // Each a pool of its own, as each server process has.
    const processes = [db, ...Array.from({ length: 3 }, () => createDatabase(where))];
    try {
      const senders = processes.map(createOutboxRepository);
      for (let round = 0; round < 10; round++) {
        const now = 1_000_000 + round * 1_000;
        for (let n = 0; n < 20; n++)
          await repos.outbox.insert({
            id: `race-${round}-${n}`,
            submissionId: 's-out',
            kind: n % 2 ? 'email' : 'delivery',
            payload: 'sealed',
            keyId: 'k',
            createdAt: now,
            nextAttemptAt: now - n,
          });
        const claimed = (
          await Promise.all(
            senders.flatMap((sender) => [sender.claimDue(now, 60_000, 5), sender.claimDue(now, 60_000, 5)]),
          )
        ).flat();
        // A claim skips rows another holds at that instant, so one left over is taken afterwards.
        claimed.push(...(await repos.outbox.claimDue(now, 60_000, 20)));
        const ids = claimed.map((message) => message.id);
        assert.is(new Set(ids).size, ids.length, `round ${round}: no message claimed twice`);
        assert.is(ids.length, 20, `round ${round}: every message claimed`);
        for (const message of claimed) await repos.outbox.markSent(message, now);
      }
    } finally {
      for (const other of processes.slice(1)) await other.destroy();
    }
  });

  test.run();
}
