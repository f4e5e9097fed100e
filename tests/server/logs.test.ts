/**
 * The log as an operator reads it: one access line per request, with the route's pattern and never
 * the address, query or body as sent; a request id from the caller or made, sent back and on every
 * line about the request; a 500 logged with its kind and stack but nothing personal, its answer
 * giving the request id and no stack; and LOG_LEVEL choosing what is written, in JSON lines.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeAtEnd } from '../support/shared.ts';
import knex from 'knex';
import { POSTGRES_ADMIN_URL, testDatabases } from '../support/databases.ts';
import { readConfig } from '../../server/config.ts';
import { startTestApp } from '../support/test-app.ts';
import { capturedLog, type LogLine } from '../support/captured-log.ts';
import { startPortal } from '../support/portal-process.ts';
import { sharedBuild } from '../support/shared-build.ts';

const EMAIL = 'pat.referrer@example.org';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const logs = suite('The log');
const logged = capturedLog('info');
let baseUrl = '';

logs.before(async () => {
  ({ baseUrl } = await startTestApp({ CAPTCHA: 'off' }, { log: logged.log }));
});

const linesOf = (requestId: string | null): LogLine[] => logged.lines.filter((line) => line.requestId === requestId);

logs(
  'should write one access line per request, with its route pattern, status and time, never its query or body',
  async () => {
    const form = await fetch(`${baseUrl}/api/forms/dols-form-1?email=${encodeURIComponent(EMAIL)}`);
    assert.is(form.status, 200);
    const [line, ...more] = linesOf(form.headers.get('x-request-id'));
    assert.is(more.length, 0, 'one line for the request');
    assert.is(line!.level, 'info');
    assert.is(line!.method, 'GET');
    assert.is(line!.route, '/api/forms/:formId');
    assert.is(line!.status, 200);
    assert.type(line!.durationMs, 'number');
    assert.match(line!.msg, /^GET \/api\/forms\/:formId 200$/);

    const signIn = await fetch(`${baseUrl}/api/account/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAIL, password: 'not-the-password-1' }),
    });
    assert.is(signIn.status, 400);
    assert.equal(
      linesOf(signIn.headers.get('x-request-id')).map(({ method, route, status }) => ({ method, route, status })),
      [{ method: 'POST', route: '/api/account/sign-in', status: 400 }],
    );

    // A page's address may hold a token: the line names the kind of answer, not the address.
    const page = await fetch(`${baseUrl}/account/reset-password/Zm9vYmFyLXRva2VuLXZhbHVl`);
    assert.equal(
      linesOf(page.headers.get('x-request-id')).map(({ route }) => route),
      ['page'],
    );
    assert.not.match(logged.text(), /Zm9vYmFyLXRva2VuLXZhbHVl|pat\.referrer|not-the-password|\?/);
  },
);

logs(
  'should send back a plain X-Request-Id it was given, make one for any other, and put it on each line',
  async () => {
    const given = await fetch(`${baseUrl}/api/portal`, { headers: { 'X-Request-Id': 'lb-7f3a.2:9' } });
    assert.is(given.headers.get('x-request-id'), 'lb-7f3a.2:9');
    assert.is(linesOf('lb-7f3a.2:9').length, 1);
    for (const unsafe of ['two words', 'x'.repeat(200), '<script>', 'a\\b']) {
      const made = await fetch(`${baseUrl}/api/portal`, { headers: { 'X-Request-Id': unsafe } });
      const id = made.headers.get('x-request-id') ?? '';
      assert.match(id, UUID, `made in place of ${JSON.stringify(unsafe.slice(0, 20))}`);
      assert.is(linesOf(id).length, 1);
    }
    const none = await fetch(`${baseUrl}/api/portal`);
    assert.match(none.headers.get('x-request-id') ?? '', UUID);
  },
);

logs('should keep the health checks out of the log at info, and write them at debug', async () => {
  const health = await fetch(`${baseUrl}/healthz`);
  assert.is(linesOf(health.headers.get('x-request-id')).length, 0);
  const debug = capturedLog('debug');
  const { baseUrl: other } = await startTestApp({}, { log: debug.log });
  const checked = await fetch(`${other}/readyz`);
  const id = checked.headers.get('x-request-id');
  assert.equal(
    debug.lines.filter((line) => line.requestId === id).map(({ level, route }) => ({ level, route })),
    [{ level: 'debug', route: '/readyz' }],
  );
});

logs('should log a health check that answers 503 at info: a process that is not ready shows', async () => {
  const info = capturedLog('info');
  const { app, baseUrl: other } = await startTestApp({}, { log: info.log });
  app.stopAccepting();
  const stopping = await fetch(`${other}/readyz`);
  assert.is(stopping.status, 503);
  const id = stopping.headers.get('x-request-id');
  assert.equal(
    info.lines.filter((line) => line.requestId === id).map(({ level, status }) => ({ level, status })),
    [{ level: 'info', status: 503 }],
  );
});

for (const database of await testDatabases()) {
  const onDatabase = database.skip ? logs.skip : logs;
  onDatabase(
    `should log a failing query on ${database.name} with its kind, the driver's words and the stack, not the email it was given`,
    async () => {
      const { databaseUrl } = await database.create();
      const failing = capturedLog('info');
      const { app, baseUrl: url } = await startTestApp({ DATABASE_URL: databaseUrl ?? '' }, { log: failing.log });
      await app.db.schema.renameTable('users', 'users_gone');
      const response = await fetch(`${url}/api/account/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Request-Id': `fail-${database.name}` },
        body: JSON.stringify({ email: EMAIL, password: 'Correct-Horse-Battery-9' }),
      });
      assert.is(response.status, 500);
      const text = await response.text();
      assert.equal(JSON.parse(text), {
        error: {
          code: 'internal',
          message: 'Something went wrong on our side. Try again, and call us if it keeps happening.',
          requestId: `fail-${database.name}`,
        },
      });
      assert.not.match(text, /users|\bat /, 'nothing of the inside in the answer');

      const lines = failing.lines.filter((line) => line.requestId === `fail-${database.name}`);
      assert.equal(
        lines.map(({ level }) => level),
        ['error', 'info'],
        'the error, then the access line',
      );
      const err = lines[0]!.err as { type: string; code: string; message: string; stack: string };
      assert.is(lines[0]!.route, '/api/account/sign-in');
      assert.is(err.code, database.name === 'SQLite' ? 'SQLITE_ERROR' : '42P01');
      assert.is(
        err.message,
        database.name === 'SQLite' ? 'SQLITE_ERROR: no such table: users' : 'relation "users" does not exist',
      );
      assert.match(err.stack, /repositories\/users\.ts/, 'the stack reaches the code that made the query');
      assert.not.match(failing.text(), /pat\.referrer|example\.org|select /);
      assert.is(lines[1]!.status, 500);
    },
  );
}

const postgres = (await testDatabases()).find((d) => d.name === 'PostgreSQL')!;
(postgres.skip ? logs.skip : logs)(
  "should write the database driver's own warnings as lines of the log, not as text among them",
  async () => {
    const { databaseUrl } = await postgres.create();
    const warned = capturedLog('warn');
    const { baseUrl: url } = await startTestApp({ DATABASE_URL: databaseUrl! }, { log: warned.log });
    const name = new URL(databaseUrl!).pathname.slice(1);
    const admin = knex({ client: 'pg', connection: POSTGRES_ADMIN_URL, pool: { min: 0, max: 1 } });
    try {
      await admin.raw(`drop database ${name} with (force)`);
    } finally {
      await admin.destroy();
    }
    assert.is((await fetch(`${url}/readyz`)).status, 503);
    const fromKnex = warned.lines.filter((line) => line.from === 'knex');
    assert.ok(fromKnex.length > 0, warned.text());
    for (const line of fromKnex) {
      assert.is(line.level, 'warn');
      assert.not.match(line.msg, /\n/, 'one line, without the stack');
    }
  },
);

/** A data folder of its own, removed at the end of the run. */
async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'asc-forms-logs-'));
  closeAtEnd(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A port nothing listens on, for a portal whose start line LOG_LEVEL hides. */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

logs('should write JSON lines at LOG_LEVEL and above only, in a portal of its own', async () => {
  const port = await freePort();
  const { output } = await startPortal(
    {
      BUILD_DIR: await sharedBuild(),
      DATA_DIR: await dataDir(),
      CAPTCHA: 'off',
      LOG_LEVEL: 'warn',
      PORT: String(port),
    },
    { baseUrl: `http://127.0.0.1:${port}` },
  );
  assert.is((await fetch(`http://127.0.0.1:${port}/api/portal`)).status, 200);
  const lines = output()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);
  assert.ok(
    lines.some((line) => line.level === 'warn' && /CAPTCHA=off/.test(line.msg)),
    output(),
  );
  assert.equal(
    lines.filter((line) => line.level === 'info' || line.level === 'debug'),
    [],
    'no start line, no access line',
  );
  for (const line of lines) assert.match(String(line.time), /^\d{4}-\d\d-\d\dT/);
});

logs("should keep an error logged on its own to its kind and stack, its message out of the line's words", () => {
  const alone = capturedLog('info');
  alone.log.error(new Error(`no user ${EMAIL}`));
  alone.log.warn(new Error(`no user ${EMAIL}`), 'The user could not be found.');
  assert.equal(
    alone.lines.map(({ level, msg, err }) => ({ level, msg, type: (err as { type: string }).type })),
    [
      { level: 'error', msg: 'An error was logged with nothing said of it.', type: 'Error' },
      { level: 'warn', msg: 'The user could not be found.', type: 'Error' },
    ],
  );
  assert.not.match(alone.text(), /pat\.referrer/);
});

logs('should refuse a LOG_LEVEL it does not know, naming the ones it does', () => {
  assert.throws(
    () => readConfig({ LOG_LEVEL: 'verbose' }),
    /LOG_LEVEL: "verbose" is not one of fatal, error, warn, info, debug, trace, silent/,
  );
  assert.is(readConfig({}).logLevel, 'info');
  assert.is(readConfig({ LOG_LEVEL: 'debug' }).logLevel, 'debug');
});

logs.run();
