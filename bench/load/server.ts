/**
 * The system under load, in a process of its own (so the load generator does not share its
 * event loop): the real app on one database, the anchor beside it on the same knex, and the
 * referrer accounts signed in. Told what to do over IPC by load.bench.ts; stops when told or when
 * its parent goes.
 *
 * Env: LOAD_BUILD_DIR, LOAD_DATABASE_URL (empty: SQLite), LOAD_SMTP_URL, LOAD_WEBHOOK_URL,
 * LOAD_ACCOUNTS.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import { createApp, readConfig, type App } from '../../server/index.ts';
import { createLogger } from '../../server/services/log.ts';
import { createRepositories } from '../../server/repositories/index.ts';
import { createSessionService } from '../../server/services/sessions.ts';
import { createTokens } from '../../server/services/tokens.ts';
import { loadSecret } from '../../server/services/secret.ts';
import { systemClock } from '../../server/services/clock.ts';
import { SESSION_COOKIE } from '../../server/http/session-cookie.ts';
import { seedSubmissions } from './seed.ts';
import type { FromServer, ToServer } from './protocol.ts';

const env = process.env;
const send = (message: FromServer) => process.send!(message);

async function listen(handler: Koa): Promise<{ server: Server; url: string }> {
  const server = handler.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The anchor: a plain Koa endpoint that reads the same body and makes one durable insert of it. */
async function anchorFor(app: App): Promise<Koa> {
  if (!(await app.db.schema.hasTable('bench_anchor')))
    await app.db.schema.createTable('bench_anchor', (table) => {
      table.string('id', 36).primary();
      table.text('body').notNullable();
      table.bigInteger('created_at').notNullable();
    });
  const koa = new Koa();
  koa.use(async (ctx) => {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const id = randomUUID();
    await app.db('bench_anchor').insert({ id, body: JSON.stringify(body), created_at: Date.now() });
    ctx.status = 201;
    ctx.body = { id };
  });
  return koa;
}

const dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-load-'));
const app = await createApp(
  readConfig({
    BUILD_DIR: env.LOAD_BUILD_DIR!,
    DATA_DIR: dataDir,
    PORT: '0',
    CAPTCHA: 'off',
    RATE_LIMIT_SCALE: '1000',
    SMTP_URL: env.LOAD_SMTP_URL!,
    WEBHOOK_URL: env.LOAD_WEBHOOK_URL!,
    WEBHOOK_SECRET: 'ab'.repeat(32),
    ...(env.LOAD_DATABASE_URL ? { DATABASE_URL: env.LOAD_DATABASE_URL } : {}),
  }),
  { log: createLogger({ level: 'silent' }) },
);
const portal = await listen(app.koa);
const anchor = await listen(await anchorFor(app));
const repos = createRepositories(app.db);
const sessions = createSessionService({
  sessions: repos.sessions,
  users: repos.users,
  tokens: createTokens(await loadSecret(undefined, dataDir), systemClock),
  clock: systemClock,
});

/** Referrer accounts made through the app's repository and signed in through its session service. */
async function accounts(count: number, prefix: string) {
  const now = Date.now();
  const made: Array<{ id: string; cookie: string }> = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    await repos.users.insert({
      id,
      email: `${prefix}${i}@example.org`,
      forename: 'Referrer',
      surname: `Number ${i}`,
      passwordHash: 'not-used',
      role: 'referrer',
      createdAt: now,
      passwordChangedAt: now,
    });
    const { token } = await sessions.start(id);
    made.push({ id, cookie: `${SESSION_COOKIE}=${token}` });
  }
  return made;
}

const referrers = await accounts(Number(env.LOAD_ACCOUNTS ?? 200), 'load');
const [lister] = await accounts(1, 'busy');
send({
  type: 'ready',
  portal: portal.url,
  anchor: anchor.url,
  cookies: referrers.map((r) => r.cookie),
  listerCookie: lister!.cookie,
});

async function close() {
  portal.server.closeAllConnections();
  anchor.server.closeAllConnections();
  await new Promise((resolve) => portal.server.close(resolve));
  await new Promise((resolve) => anchor.server.close(resolve));
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
}

// The submission limit (30 an hour an account) is the product's; a load run sends far more, so
// between runs (and while one lasts) the counts of the submit windows are forgotten.
const forgetSubmitCounts = () => app.db('rate_limits').where('key', 'like', 'submit:user:%').delete();
let forgetting: NodeJS.Timeout | undefined;
const inspector = new Session();

process.on('message', async (message: ToServer) => {
  try {
    if (message.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      send({ type: 'cpu', ms: (user + system) / 1000 });
    } else if (message.type === 'outbox') {
      const rows = await app.db('outbox').whereNull('sent_at').count({ n: '*' });
      const sent = await app.db('outbox').whereNotNull('sent_at').count({ n: '*' });
      send({ type: 'outbox', waiting: Number(rows[0]!.n), sent: Number(sent[0]!.n) });
    } else if (message.type === 'submitting') {
      await forgetSubmitCounts();
      clearInterval(forgetting);
      if (message.on) forgetting = setInterval(() => void forgetSubmitCounts(), 2000);
      send({ type: 'done' });
    } else if (message.type === 'drafts') {
      send({ type: 'drafts', ids: await draftsFor(message.body) });
    } else if (message.type === 'seed') {
      const started = performance.now();
      await seedSubmissions(app, dataDir, lister!.id, message, message.answers);
      send({ type: 'seeded', seconds: (performance.now() - started) / 1000 });
    } else if (message.type === 'profile') {
      if (!message.file) {
        inspector.connect();
        await inspector.post('Profiler.enable');
        await inspector.post('Profiler.start');
      } else {
        const { profile } = await inspector.post('Profiler.stop');
        inspector.disconnect();
        await writeFile(message.file, JSON.stringify(profile));
      }
      send({ type: 'done' });
    } else if (message.type === 'stop') {
      clearInterval(forgetting);
      await close();
      send({ type: 'done' });
      process.exit(0);
    }
  } catch (error) {
    send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
process.on('disconnect', () => {
  void close().finally(() => process.exit(0));
});

/** One saved form for each account, made over HTTP as the page makes it; its id, in the accounts' order. */
async function draftsFor(body: unknown): Promise<string[]> {
  const ids: string[] = [];
  for (const { cookie } of referrers) {
    const response = await fetch(`${portal.url}/api/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { draft?: { id: string } };
    if (response.status !== 201 || !answer.draft) throw new Error(`a draft was refused: ${JSON.stringify(answer)}`);
    ids.push(answer.draft.id);
  }
  return ids;
}
