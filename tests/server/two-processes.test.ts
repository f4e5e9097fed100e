/**
 * Two server processes on one PostgreSQL database, as behind a load balancer: the same
 * SESSION_SECRET, ANSWERS_KEYS and WEBHOOK_SECRET, a real SMTP server and a real case system,
 * both relays running. One referrer moves between them with one browser's cookies; then both take
 * load at once and one is stopped with SIGTERM in the middle of it: no request is lost, and every
 * email and every delivery arrives exactly once.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { testDatabases } from '../support/databases.ts';
import { sharedBuild } from '../support/shared-build.ts';
import { startSmtpServer } from '../support/smtp.ts';
import { startCaseSystem } from '../support/case-system.ts';
import { closeAtEnd } from '../support/shared.ts';
import { exited, portalDataDir, startPortal } from '../support/portal-process.ts';
import { client, registerOverApi, signInOverApi, type Client } from '../support/http-client.ts';
import { loadForms, newestVersion } from '../fixtures/forms.ts';

// Social care referral answers hold only past dates, so the server's real clock takes them on any day.
const complete = loadForms().find((f) => f.definition.id === 'social-care-referral')!.answers;
const FORM = { formId: 'social-care-referral', formVersion: newestVersion('social-care-referral') };

const postgres = (await testDatabases()).find((database) => database.name === 'PostgreSQL')!;
const test = suite('Two processes on one PostgreSQL');
const it = postgres.skip ? test.skip : test;

let db: Knex;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let caseSystem: Awaited<ReturnType<typeof startCaseSystem>>;
let portals: Array<Awaited<ReturnType<typeof startPortal>>>;
const email = 'two.processes@example.org';
let as: Client;
let submitted = 0;

test.before(async () => {
  if (postgres.skip) return;
  smtp = await startSmtpServer();
  closeAtEnd(smtp.close);
  caseSystem = await startCaseSystem();
  closeAtEnd(caseSystem.close);
  const created = await postgres.create();
  db = created.db;
  const shared = {
    BUILD_DIR: await sharedBuild(),
    DATABASE_URL: created.databaseUrl!,
    SESSION_SECRET: 'a1'.repeat(32),
    ANSWERS_KEYS: `first:${'b2'.repeat(32)}`,
    WEBHOOK_URL: caseSystem.url,
    WEBHOOK_SECRET: 'c3'.repeat(32),
    SMTP_URL: smtp.url,
    PASSWORD_HASH_COST: '12',
    RATE_LIMIT_SCALE: '100',
  };
  // Started together, they take turns to migrate the database.
  portals = await Promise.all([0, 1].map(async () => startPortal({ ...shared, DATA_DIR: await portalDataDir() })));
});

/** The delivery the case system received for each submission id, counted. */
const deliveries = (): Map<string, number> => {
  const counted = new Map<string, number>();
  for (const received of caseSystem.received) {
    const jws = received.split('\n')[1]!;
    const { submissionId } = JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString());
    counted.set(submissionId, (counted.get(submissionId) ?? 0) + 1);
  }
  return counted;
};

/** Waits for the outbox to empty, then for each relay to have polled again, so that a second send would have happened. */
const allSent = async () => {
  const deadline = Date.now() + 30_000;
  while (Number((await db('outbox').whereNull('sent_at').count({ n: '*' }))[0]!.n) > 0 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 6_000));
};

it('should serve one referrer moving between the processes, and send each email and delivery once', async () => {
  const [first, second] = portals.map((portal) => portal.baseUrl) as [string, string];
  as = await registerOverApi(first, smtp, email);
  const there = client(second, {}, as.jar);
  assert.is((await there.get('/api/account')).body.user.email, email, 'the session made on one is good on the other');
  const cookieBefore = new Map(as.jar);
  assert.is((await there.post('/api/account/sign-out')).status, 204);
  assert.is((await client(first, {}, cookieBefore).get('/api/account')).status, 401, 'signed out on one is on both');
  await signInOverApi(second, smtp, email, { as: there });
  const saved = await there.post('/api/drafts', { ...FORM, pageId: 'about-you', answers: {} });
  assert.is(saved.status, 201, JSON.stringify(saved.body));
  const sent = await as.post('/api/submissions', {
    ...FORM,
    answers: complete,
    idempotencyKey: randomUUID(),
    draftId: saved.body.draft.id,
  });
  assert.is(sent.status, 201, JSON.stringify(sent.body));
  submitted++;
  assert.equal((await there.get('/api/drafts')).body.drafts, [], 'the saved form went with the submission');

  assert.match((await smtp.nextTo(email, 20_000)).subject, new RegExp(sent.body.submission.reference));
  await allSent();
  assert.is(smtp.countTo(email), 3, 'the registration code, the sign-in code and one confirmation');
  assert.equal([...deliveries()], [[sent.body.submission.id, 1]], 'one delivery');
});

/** Why a request got no whole answer; `taken` once the process had read it. */
type Failure = NodeJS.ErrnoException & { taken?: boolean };

/**
 * One request on a connection of its own, as a load balancer makes them: its answer, read to the
 * end, or why not. It asks for "100 Continue" before sending the rest, so that a connection
 * reset before that is known not to have been taken up by the process (the system's queue of
 * connections the process had not accepted yet, dropped as it stops listening), while one reset
 * after it is a request the process had read and then lost.
 */
const ask = (baseUrl: string, method: string, path: string, body?: unknown) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    let taken = false;
    const { hostname, port } = new URL(baseUrl);
    const cookie = [...as.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers: Record<string, string> = { cookie, expect: '100-continue' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const call = request({ hostname, port, method, path, headers, agent: false }, (response) => {
      taken = true;
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
      response.on('error', (error: Failure) => reject(Object.assign(error, { taken })));
    });
    call.on('continue', () => {
      taken = true;
      call.end(body === undefined ? undefined : JSON.stringify(body));
    });
    call.on('error', (error: Failure) => reject(Object.assign(error, { taken })));
    call.flushHeaders();
  });

it('should lose no request when one process is stopped under load, the other answering the rest', async () => {
  const [stopping, survivor] = portals as [(typeof portals)[0], (typeof portals)[0]];
  const outcomes: string[] = [];
  const acknowledged = new Set<string>();
  let turnedAway = 0;
  let signalled = false;
  let running = true;
  let turn = 0;
  let submissions = 0;
  // Each client asks the two in turn, as a load balancer would. A connection the stopping process
  // turns away (refused, or reset before it read the request) is made again to the other, a
  // submission with the same key.
  const loadClient = async () => {
    while (running) {
      const n = turn++;
      // To each in turn, a submission, the forms, and the referrer's submissions, in turn.
      const to = n % 2 ? stopping : survivor;
      const kind = Math.floor(n / 2) % 3;
      const submission =
        kind === 0 && submissions++ < 25 ? { ...FORM, answers: complete, idempotencyKey: randomUUID() } : undefined;
      const [method, path] = submission
        ? ['POST', '/api/submissions']
        : kind === 1
          ? ['GET', '/api/forms']
          : ['GET', '/api/submissions'];
      try {
        const answer = await ask(to.baseUrl, method, path, submission).catch(async (error: Failure) => {
          const turnedAwayAtTheDoor =
            to === stopping &&
            signalled &&
            !error.taken &&
            ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(error.code ?? '');
          if (!turnedAwayAtTheDoor) throw error;
          turnedAway++;
          const again = await ask(survivor.baseUrl, method, path, submission);
          // Had the stopping process taken this submission, the other would find it made (200).
          if (submission && again.status !== 201)
            outcomes.push(`a submission turned away had been made: ${again.status}`);
          return again;
        });
        if (![200, 201].includes(answer.status)) outcomes.push(`${method} ${path}: ${answer.status} ${answer.body}`);
        else if (submission) acknowledged.add(JSON.parse(answer.body).submission.id);
      } catch (error) {
        outcomes.push(
          `${method} ${path} to the ${to === stopping ? 'stopping' : 'other'} process lost: ${(error as Failure).code}${(error as Failure).taken ? ' after the process had read it' : ''}`,
        );
      }
    }
  };
  const clients = Array.from({ length: 8 }, loadClient);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const before = turn;
  signalled = true;
  stopping.child.kill('SIGTERM');
  const code = await exited(stopping.child, 15_000);
  // The load carries on a while after the stop, against both addresses.
  const stoppedAt = turn;
  while (turn < stoppedAt + 100) await new Promise((resolve) => setTimeout(resolve, 20));
  running = false;
  await Promise.all(clients);

  assert.equal(outcomes, [], 'every request answered in full, with success');
  assert.is(code, 0, stopping.output());
  assert.match(stopping.output(), /SIGTERM: stopping/);
  assert.ok(before > 20, `load ran before the stop: ${before} requests`);
  assert.ok(turnedAway > 0, 'the stopped process turned connections away, which the other took');
  assert.ok(acknowledged.size > 10, `${acknowledged.size} submissions made under load`);

  await allSent();
  const delivered = deliveries();
  for (const id of acknowledged) assert.is(delivered.get(id), 1, `the delivery of ${id}, once`);
  assert.is(delivered.size, submitted + acknowledged.size, 'nothing else delivered');
  assert.ok(
    [...delivered.values()].every((times) => times === 1),
    'no delivery twice',
  );
  assert.is(smtp.countTo(email), 3 + acknowledged.size, 'one confirmation for each submission');
  assert.is(
    Number((await db('submissions').count({ n: '*' }))[0]!.n),
    submitted + acknowledged.size,
    'every submission answered is kept, once',
  );
});

test.run();
