/**
 * The submit path and draft saving under load, on SQLite and on PostgreSQL: autocannon with 50
 * connections, each request from one of 200 signed-in referrer accounts, against the real app in
 * a process of its own, beside the anchor measured in the same run: a plain Koa endpoint in that
 * process doing one durable insert of the same JSON body on the same database (same knex, same
 * pragmas). Three runs a path, the median of each figure, printed as a ratio to the anchor. While
 * submitting, the outbox relay sends for real (a local SMTP server and the case system's webhook,
 * in a third process) and its rate is printed beside the submit rate.
 *
 * Then how cost grows: submitting, and an account's "submitted in the last 30 days" list, with
 * 1,000, 10,000 and 100,000 stored submissions (BENCH_LOAD_SIZES="1000,10000,100000").
 *
 * BENCH_LOAD_SECONDS (8), BENCH_LOAD_RUNS (3), BENCH_LOAD_CONNECTIONS (50), BENCH_LOAD_ACCOUNTS
 * (200); BENCH_LOAD_QUICK=1 for a short run (1 run of 3 s, sizes 1,000 and 10,000).
 * BENCH_LOAD_SKIP=save,submit leaves paths out; BENCH_LOAD_PROFILE=<folder> writes there the app process's CPU profile of each path's measured runs
 * (sqlite-submit.cpuprofile and so on, for Chrome's DevTools or `node --cpu-prof`'s readers).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import knex from 'knex';
import type { Answers } from '../engine/index.ts';
import { buildAll } from '../scripts/lib/build-all.ts';
import { ANSWERS_TODAY, loadForms } from '../tests/fixtures/forms.ts';
import { canReachPostgres, POSTGRES_ADMIN_URL } from '../tests/support/databases.ts';
import { measure, type Load, type Measured } from './load/cannon.ts';
import { start, type Child } from './load/processes.ts';
import type { FromServer, ToServer } from './load/protocol.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = process.env;
const quick = env.BENCH_LOAD_QUICK === '1';
const SECONDS = Number(env.BENCH_LOAD_SECONDS ?? (quick ? 3 : 8));
const RUNS = Number(env.BENCH_LOAD_RUNS ?? (quick ? 1 : 3));
const CONNECTIONS = Number(env.BENCH_LOAD_CONNECTIONS ?? 50);
const ACCOUNTS = Number(env.BENCH_LOAD_ACCOUNTS ?? 200);
const SIZES = (env.BENCH_LOAD_SIZES ?? (quick ? '1000,10000' : '1000,10000,100000'))
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const GOAL = { rps: 0.8, p99: 1.5 };

/** The answer set written for ANSWERS_TODAY, its dates moved to the council's today, so it is taken on any day. */
function answersForToday(answers: Answers): Answers {
  const day = 86_400_000;
  const today = Date.parse(new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' }));
  const shift = Math.round((today - Date.parse(ANSWERS_TODAY)) / day) * day;
  return JSON.parse(
    JSON.stringify(answers).replace(/"(\d{4}-\d{2}-\d{2})"/g, (_, date: string) =>
      JSON.stringify(new Date(Date.parse(date) + shift).toISOString().slice(0, 10)),
    ),
  );
}

const dols = loadForms().find((f) => f.definition.id === 'dols-form-1')!;
const answers = answersForToday(dols.answers);
const formVersion = dols.definition.version;
const JSON_HEADERS = { 'content-type': 'application/json' };

/** The submit body with a fresh idempotency key for each request (the key is the body's last field). */
function submitBodies() {
  const prefix = randomBytes(6).toString('hex');
  const head = JSON.stringify({ formId: 'dols-form-1', formVersion, answers }).slice(0, -1);
  return (slot: number) => `${head},"idempotencyKey":"${prefix}-${slot.toString(36).padStart(8, '0')}"}`;
}

const ms = (value: number) => `${Math.round(value)} ms`;
const whole = (value: number) => Math.round(value).toLocaleString('en-GB');
const against = (m: Measured, anchor: Measured) =>
  `${Math.round((100 * m.rps) / anchor.rps)}% of the anchor's req/s, p99 ${(m.p99 / anchor.p99).toFixed(1)}×`;
const meets = (m: Measured, anchor: Measured) => m.rps >= GOAL.rps * anchor.rps && m.p99 <= GOAL.p99 * anchor.p99;
const suspect = (m: Measured) => (m.failed ? ` (${whole(m.failed)} answers not 2xx or failed: suspect)` : '');

type Server = Child<ToServer, FromServer>;
type Sinks = Child<{ type: string }, { type: string; emails: number; deliveries: number }>;

async function loads(server: Server) {
  const ready = server.ready as Extract<FromServer, { type: 'ready' }>;
  const cookies = ready.cookies;
  const nextBody = submitBodies();
  const anchor: Load = {
    url: ready.anchor,
    method: 'POST',
    request: (slot) => ({ path: '/', headers: JSON_HEADERS, body: nextBody(slot) }),
  };
  const submit: Load = {
    url: ready.portal,
    method: 'POST',
    request: (slot) => ({
      path: '/api/submissions',
      headers: { ...JSON_HEADERS, cookie: cookies[slot % cookies.length]! },
      body: nextBody(slot),
    }),
  };
  // Each account saves over its own draft, from the version it last saved; never two saves of one account at once.
  const { ids } = (await server.ask({
    type: 'drafts',
    body: { formId: 'dols-form-1', formVersion, pageId: 'the-person', answers: {} },
  })) as Extract<FromServer, { type: 'drafts' }>;
  const versions = ids.map(() => 1);
  const busy = new Set<number>();
  let turn = 0;
  const draftBody = JSON.stringify({ answers }).slice(1, -1);
  const save: Load = {
    url: ready.portal,
    method: 'PUT',
    request: (_slot, context) => {
      while (busy.has(turn % ids.length)) turn++;
      const account = turn++ % ids.length;
      busy.add(account);
      context.account = account;
      return {
        path: `/api/drafts/${ids[account]}`,
        headers: { ...JSON_HEADERS, cookie: cookies[account]! },
        body: `{"version":${versions[account]},"pageId":"declaration",${draftBody}}`,
      };
    },
    answered: (status, body, context) => {
      const account = context.account as number;
      busy.delete(account);
      if (status === 200) versions[account] = (JSON.parse(body) as { draft: { version: number } }).draft.version;
    },
  };
  const list: Load = {
    url: ready.portal,
    method: 'GET',
    request: () => ({ path: '/api/submissions', headers: { cookie: ready.listerCookie } }),
  };
  return { anchor, submit, save, list };
}

async function benchOn(name: string, buildDir: string, sinks: Sinks, databaseUrl = '') {
  const server = (await start<ToServer, FromServer>('./server.ts', {
    LOAD_BUILD_DIR: buildDir,
    LOAD_DATABASE_URL: databaseUrl,
    LOAD_SMTP_URL: (sinks.ready as unknown as { smtpUrl: string }).smtpUrl,
    LOAD_WEBHOOK_URL: (sinks.ready as unknown as { webhookUrl: string }).webhookUrl,
    LOAD_ACCOUNTS: String(ACCOUNTS),
  })) as Server;
  try {
    const paths = await loads(server);
    const cpu = async () => ((await server.ask({ type: 'cpu' })) as Extract<FromServer, { type: 'cpu' }>).ms;
    const options = { connections: CONNECTIONS, seconds: SECONDS, runs: RUNS, cpu };
    // The measured runs of a path, profiled when BENCH_LOAD_PROFILE names a folder.
    const measured = async (path: string, load: Load) => {
      if (!env.BENCH_LOAD_PROFILE) return measure(load, options);
      await mkdir(env.BENCH_LOAD_PROFILE, { recursive: true });
      await server.ask({ type: 'profile' });
      try {
        return await measure(load, options);
      } finally {
        const file = join(env.BENCH_LOAD_PROFILE, `${name.toLowerCase()}-${path}.cpuprofile`);
        await server.ask({ type: 'profile', file });
      }
    };
    const warm = (load: Load) => measure(load, { ...options, seconds: 1, runs: 1 });
    const submitting = (on: boolean) => server.ask({ type: 'submitting', on });
    const outbox = async () => (await server.ask({ type: 'outbox' })) as Extract<FromServer, { type: 'outbox' }>;
    const received = async () => {
      const count = await sinks.ask({ type: 'count' });
      return count.emails + count.deliveries;
    };

    await warm(paths.anchor);
    const anchor = await measured('anchor', paths.anchor);
    const skipped = { rps: Number.NaN, p99: Number.NaN, failed: 0 };
    // BENCH_LOAD_SKIP=save leaves a path out (to profile one path alone).
    const skip = (env.BENCH_LOAD_SKIP ?? '').split(',');
    if (!skip.includes('save')) await warm(paths.save);
    const save = skip.includes('save') ? skipped : await measured('save', paths.save);
    await submitting(true);
    if (!skip.includes('submit')) await warm(paths.submit);
    const before = { box: await outbox(), received: await received(), at: performance.now() };
    const submit = skip.includes('submit') ? skipped : await measured('submit', paths.submit);
    const after = { box: await outbox(), received: await received(), at: performance.now() };
    await submitting(false);
    const seconds = (after.at - before.at) / 1000;
    const queued = after.box.sent + after.box.waiting - (before.box.sent + before.box.waiting);

    console.log(
      `${name}: ${CONNECTIONS} connections, ${ACCOUNTS} accounts, ${RUNS} run${RUNS === 1 ? '' : 's'} of ${SECONDS} s each, medians:`,
    );
    console.log(`  ${''.padEnd(34)}${'req/s'.padStart(8)}${'p99'.padStart(9)}${'CPU/req'.padStart(9)}`);
    const cpuOf = (m: Measured) => (m.cpuMs === undefined ? '' : `${m.cpuMs.toFixed(1)} ms`);
    const row = (label: string, m: Measured, note: string) =>
      console.log(
        m === skipped
          ? `  ${label.padEnd(34)}skipped (BENCH_LOAD_SKIP)`
          : `  ${label.padEnd(34)}${whole(m.rps).padStart(8)}${ms(m.p99).padStart(9)}${cpuOf(m).padStart(9)}   ${note}${suspect(m)}`,
      );
    const verdict = (m: Measured) => `${against(m, anchor)}${meets(m, anchor) ? ' (goal met)' : ' (goal missed)'}`;
    row('anchor: Koa + one durable insert', anchor, '');
    row('saving a draft', save, verdict(save));
    row('submitting', submit, verdict(submit));
    console.log(
      `  outbox relay while submitting: ${whole((after.received - before.received) / seconds)} messages/s sent, ${whole(queued / seconds)}/s queued; ${whole(after.box.waiting)} rows waiting at the end`,
    );
    const inNote = (m: Measured) => (m === skipped ? 'skipped' : against(m, anchor));
    console.log(`  in a note: submitting: ${inNote(submit)}; saving a draft: ${inNote(save)}`);

    console.log(`  growth, 1 run of ${SECONDS} s each (one account holds them all; 20 within the last 30 days):`);
    console.log(
      `  ${'stored'.padEnd(10)}${'submit req/s'.padStart(14)}${'p99'.padStart(9)}${'list req/s'.padStart(12)}${'p99'.padStart(9)}`,
    );
    let stored = 0;
    let first: { submit: Measured; list: Measured } | undefined;
    for (const size of SIZES) {
      if (size > stored) {
        const { seconds: took } = (await server.ask({
          type: 'seed',
          count: size - stored,
          answers,
          offset: stored,
        })) as Extract<FromServer, { type: 'seeded' }>;
        if (took > 60) console.log(`  (${whole(size - stored)} stored in ${took.toFixed(0)} s)`);
        stored = size;
      }
      await submitting(true);
      const grownSubmit = await measure(paths.submit, { ...options, runs: 1 });
      await submitting(false);
      await warm(paths.list);
      const grownList = await measure(paths.list, { ...options, runs: 1 });
      first ??= { submit: grownSubmit, list: grownList };
      const vs = (m: Measured, of: Measured) => `${(m.rps / of.rps).toFixed(2)}×`;
      console.log(
        `  ${whole(size).padEnd(10)}${whole(grownSubmit.rps).padStart(14)}${ms(grownSubmit.p99).padStart(9)}${whole(grownList.rps).padStart(12)}${ms(grownList.p99).padStart(9)}   req/s ÷ at ${whole(SIZES[0]!)}: submit ${vs(grownSubmit, first.submit)}, list ${vs(grownList, first.list)}${suspect(grownSubmit)}${suspect(grownList)}`,
      );
    }
  } finally {
    await server.ask({ type: 'stop' }).catch(() => undefined);
  }
}

export async function benchLoad(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'asc-forms-load-build-'));
  const sinks = (await start('./sinks.ts', {})) as unknown as Sinks;
  try {
    const buildDir = join(work, 'build');
    await buildAll(join(root, 'forms'), buildDir);
    console.log(
      `Submitting and saving under load (goal: at least ${GOAL.rps * 100}% of the anchor's req/s, p99 at most ${GOAL.p99}× its p99):`,
    );
    if (env.BENCH_LOAD_DATABASES !== 'postgres') await benchOn('SQLite', buildDir, sinks);
    if (env.BENCH_LOAD_DATABASES === 'sqlite') return;
    if (!(await canReachPostgres())) {
      console.log(`PostgreSQL: skipped, not reachable at ${POSTGRES_ADMIN_URL} (set POSTGRES_URL).`);
      return;
    }
    const name = `asc_forms_load_${randomBytes(6).toString('hex')}`;
    const admin = knex({ client: 'pg', connection: POSTGRES_ADMIN_URL, pool: { min: 0, max: 1 } });
    await admin.raw(`create database ${name}`);
    try {
      await benchOn('PostgreSQL', buildDir, sinks, POSTGRES_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`));
    } finally {
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    }
  } finally {
    sinks.process.send({ type: 'stop' });
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLoad();
