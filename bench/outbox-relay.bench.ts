/**
 * The outbox relay draining a backlog, on SQLite and on PostgreSQL: 5,000 messages
 * (BENCH_OUTBOX_MESSAGES for another number) of the kinds a submission queues, half confirmation
 * emails and half deliveries of the whole referral (answers and summary), sealed as the app seals
 * them, sent by the app's relay to a real SMTP server on loopback and a real HTTP case system.
 * Its rate is printed as a ratio to the anchor measured in the same run: the same sinks fed the
 * same messages, ready to go, by a loop with the same concurrency (a pooled nodemailer transport
 * with as many connections, and as many POSTs at once), with no database, no claim and no seal.
 */
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import knex from 'knex';
import nodemailer from 'nodemailer';
import pLimit from 'p-limit';
import { todayIn } from '../engine/index.ts';
import { buildAll } from '../scripts/lib/build-all.ts';
import { createApp, readConfig } from '../server/index.ts';
import { createLogger } from '../server/services/log.ts';
import { createAnswersAtRest, loadAnswerKeys } from '../server/services/answers-at-rest.ts';
import { HOUR, manualClock } from '../server/services/clock.ts';
import { mailTemplates } from '../server/services/mail-templates.ts';
import type { MailMessage } from '../server/services/mailer.ts';
import { sealedForOutbox, type Delivery } from '../server/services/submission-messages.ts';
import { newReference } from '../server/services/references.ts';
import { loadForms } from '../tests/fixtures/forms.ts';
import { startSmtpServer } from '../tests/support/smtp.ts';
import { startCaseSystem } from '../tests/support/case-system.ts';
import { canReachPostgres, POSTGRES_ADMIN_URL } from '../tests/support/databases.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const WEBHOOK_SECRET = 'ab'.repeat(32);
/** As the relay: the mailer's pooled connections, and the POSTs at once. */
const MAIL_CONNECTIONS = 5;
const POSTS_AT_ONCE = 8;

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;
type CaseSystem = Awaited<ReturnType<typeof startCaseSystem>>;

/** The same emails and deliveries, each sent once, straight to the sinks; how long it took, in ms. */
async function anchor(smtp: Smtp, caseSystem: CaseSystem, emails: MailMessage[], deliveries: Delivery[]) {
  const transport = nodemailer.createTransport(`${smtp.url}&pool=true&maxConnections=${MAIL_CONNECTIONS}`);
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'asc-forms-submission+jws' })).toString('base64url');
  const bodies = deliveries.map((delivery) => {
    const signingInput = `${header}.${Buffer.from(JSON.stringify(delivery)).toString('base64url')}`;
    const signature = createHmac('sha256', Buffer.from(WEBHOOK_SECRET, 'hex')).update(signingInput).digest('base64url');
    return `${signingInput}.${signature}`;
  });
  const mailLimit = pLimit(MAIL_CONNECTIONS);
  const postLimit = pLimit(POSTS_AT_ONCE);
  const start = performance.now();
  await Promise.all([
    ...emails.map((email) => mailLimit(() => transport.sendMail({ from: 'no-reply@localhost', ...email }))),
    ...bodies.map((body) =>
      postLimit(async () => {
        const response = await fetch(caseSystem.url, {
          method: 'POST',
          headers: { 'content-type': 'application/jose' },
          body,
        });
        await response.body?.cancel();
        if (!response.ok) throw new Error(`the case system answered ${response.status}`);
      }),
    ),
  ]);
  const took = performance.now() - start;
  transport.close();
  return took;
}

/** One database's run: the backlog queued, then drained by the app's relay; how long it took, in ms. */
async function drain(buildDir: string, count: number, smtp: Smtp, caseSystem: CaseSystem, env: Record<string, string>) {
  const dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-outbox-'));
  const clock = manualClock(Date.now());
  const app = await createApp(
    readConfig({
      BUILD_DIR: buildDir,
      DATA_DIR: dataDir,
      PORT: '0',
      CAPTCHA: 'off',
      SMTP_URL: smtp.url,
      WEBHOOK_URL: caseSystem.url,
      WEBHOOK_SECRET,
      ...env,
    }),
    { log: createLogger({ level: 'silent' }), clock },
  );
  try {
    const answersAtRest = createAnswersAtRest(await loadAnswerKeys(undefined, dataDir));
    const fixture = loadForms().find((f) => f.definition.id === 'social-care-referral')!;
    const { id: formId, version: formVersion, title: formTitle } = fixture.definition;
    const entry = app.catalogue.get(formId, formVersion)!;
    const now = clock.now();
    const summary = entry.form.summary(fixture.answers, { today: todayIn(new Date(now), entry.form.timeZone) });
    const userId = randomUUID();
    await app.db('users').insert({
      id: userId,
      email: 'referrer@example.org',
      forename: 'Sam',
      surname: 'Carter',
      password_hash: 'not-used',
      role: 'referrer',
      created_at: now,
      password_changed_at: now,
    });
    const emails: MailMessage[] = [];
    const deliveries: Delivery[] = [];
    const submissions = Math.ceil(count / 2);
    for (let start = 0; start < submissions; start += 250) {
      const rows: Array<Record<string, unknown>> = [];
      const messages: Array<Record<string, unknown>> = [];
      for (let i = start; i < Math.min(submissions, start + 250); i++) {
        const id = randomUUID();
        const reference = newReference();
        rows.push({
          id,
          reference,
          user_id: userId,
          form_id: formId,
          form_version: formVersion,
          key_id: answersAtRest.keyId,
          idempotency_key: randomBytes(16).toString('hex'),
          answers_digest: randomBytes(32).toString('hex'),
          submitted_at: now,
        });
        const email = mailTemplates.submitted(
          { serviceName: 'Adult Social Care', councilName: 'Sefton Council', phone: '0345 140 0845' },
          {
            to: `referrer${i}@example.org`,
            forename: 'Sam',
            formTitle,
            reference,
            when: new Date(now).toUTCString(),
            about: { name: 'Edith Marsh' },
          },
        );
        const delivery: Delivery = {
          submissionId: id,
          reference,
          formId,
          formVersion,
          submittedAt: new Date(now).toISOString(),
          referrer: { forename: 'Sam', surname: 'Carter', email: `referrer${i}@example.org` },
          answers: fixture.answers,
          summary,
        };
        emails.push(email);
        deliveries.push(delivery);
        // Due in an hour, so the relay leaves them until the clock is moved and the timing starts.
        for (const [kind, content] of [
          ['email', email],
          ['delivery', delivery],
        ] as const) {
          const message = await sealedForOutbox(answersAtRest, id, now + HOUR, kind, content);
          messages.push({
            id: message.id,
            submission_id: id,
            kind,
            payload: message.payload,
            key_id: message.keyId,
            attempts: 0,
            created_at: now,
            next_attempt_at: now + HOUR,
          });
        }
      }
      await app.db.transaction(async (trx) => {
        await trx.batchInsert('submissions', rows, 250);
        await trx.batchInsert('outbox', messages, 250);
      });
    }
    const before = { mail: smtp.received.length, posts: caseSystem.received.length };
    clock.advance(HOUR);
    const start = performance.now();
    await app.sendOutbox();
    const took = performance.now() - start;
    const n = (await app.db('outbox').whereNull('sent_at').count({ n: '*' }))[0]?.n;
    const got = smtp.received.length - before.mail + caseSystem.received.length - before.posts;
    if (Number(n) !== 0 || got !== submissions * 2)
      throw new Error(`the relay left ${n} unsent; the sinks received ${got} of ${submissions * 2}`);
    return { took, emails, deliveries };
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function benchOutboxRelay(count = Number(process.env.BENCH_OUTBOX_MESSAGES ?? 5000)): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'asc-forms-outbox-build-'));
  const smtp = await startSmtpServer();
  const caseSystem = await startCaseSystem();
  try {
    const buildDir = join(work, 'build');
    await buildAll(join(root, 'forms'), buildDir);
    const total = Math.ceil(count / 2) * 2;
    console.log(
      `The outbox relay draining ${total.toLocaleString('en-GB')} messages (half confirmation emails, half deliveries) to a real SMTP server and case system on loopback:`,
    );
    const rate = (ms: number) => Math.round((total * 1000) / ms);
    const report = async (name: string, env: Record<string, string>) => {
      const relay = await drain(buildDir, count, smtp, caseSystem, env);
      const direct = await anchor(smtp, caseSystem, relay.emails, relay.deliveries);
      console.log(
        `  ${name}: ${rate(relay.took).toLocaleString('en-GB')} messages/s, ${(direct / relay.took).toFixed(2)}× the same sinks fed directly with the same concurrency (${rate(direct).toLocaleString('en-GB')} messages/s); drained in ${(relay.took / 1000).toFixed(1)} s`,
      );
      smtp.received.length = 0;
      caseSystem.received.length = 0;
    };
    await report('SQLite', {});
    if (!(await canReachPostgres())) {
      console.log(`  PostgreSQL: skipped, not reachable at ${POSTGRES_ADMIN_URL} (set POSTGRES_URL).`);
      return;
    }
    const name = `asc_forms_bench_${randomBytes(6).toString('hex')}`;
    const admin = knex({ client: 'pg', connection: POSTGRES_ADMIN_URL, pool: { min: 0, max: 1 } });
    await admin.raw(`create database ${name}`);
    try {
      await report('PostgreSQL', { DATABASE_URL: POSTGRES_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`) });
    } finally {
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    }
  } finally {
    await smtp.close();
    await caseSystem.close();
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchOutboxRelay();
