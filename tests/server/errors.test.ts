import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import Koa from 'koa';
import { readdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { errorHandler, HttpError } from '../../server/http/errors.ts';
import {
  BusyError,
  ConflictError,
  FieldErrors,
  NotFoundError,
  RateLimitedError,
  RefusedError,
  UnauthorisedError,
} from '../../server/services/errors.ts';
import { StaleDraftError } from '../../server/services/drafts.ts';
import { ResubmittedDifferentlyError } from '../../server/services/submissions.ts';
import { capturedLog } from '../support/captured-log.ts';

/** What each path of the little app below throws. */
const thrown: Record<string, () => unknown> = {
  '/refused': () => new RefusedError('bad-form', 'There is no form "x" version 1 to save.'),
  '/invalid': () =>
    new FieldErrors([
      { field: 'email', message: 'Enter your email address' },
      { field: 'password', message: 'Enter your password' },
    ]),
  '/unauthorised': () => new UnauthorisedError('You are not signed in, or your session has ended: sign in again.'),
  '/not-found': () => new NotFoundError('There is no saved form here.'),
  '/conflict': () => new ConflictError('flow-expired', 'Your registration has timed out: start again'),
  '/stale': () => new StaleDraftError(),
  '/resubmitted': () => new ResubmittedDifferentlyError(),
  '/rate-limited': () => new RateLimitedError(90, 'You have tried too many times: wait 2 minutes.'),
  '/busy': () => new BusyError(),
  '/http': () =>
    new HttpError(415, 'unsupported-media-type', 'Send the request as JSON (Content-Type: application/json).'),
  '/unknown': () => new Error('insert into users values (pat@example.org)'),
  '/koa-exposed': () => Object.assign(new Error('URI malformed'), { status: 400, expose: true }),
  '/koa-hidden': () => Object.assign(new Error('the socket said no'), { status: 502, expose: false }),
};

const INTERNAL = {
  error: {
    code: 'internal',
    message: 'Something went wrong on our side. Try again, and call us if it keeps happening.',
  },
};

const errors = suite('The error handler');
let server: Server;
let baseUrl: string;
const logged = capturedLog();

errors.before(async () => {
  const koa = new Koa();
  koa.silent = true;
  koa.use(errorHandler(logged.log));
  koa.use(async (ctx, next) => {
    const make = thrown[ctx.path.replace(/^\/api/, '')];
    if (make) throw make();
    await next();
  });
  server = koa.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

errors.after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = async (path: string) => {
  const response = await fetch(`${baseUrl}/api${path}`);
  return { status: response.status, headers: response.headers, body: await response.json() };
};

for (const [path, status, code] of [
  ['/refused', 400, 'bad-form'],
  ['/unauthorised', 401, 'unauthorised'],
  ['/not-found', 404, 'not-found'],
  ['/conflict', 409, 'flow-expired'],
  ['/rate-limited', 429, 'rate-limited'],
  ['/busy', 503, 'busy'],
  ['/http', 415, 'unsupported-media-type'],
] as const) {
  errors(
    `should give a ${(thrown[path]!() as Error).name} its kind's status ${status}, its code and its message`,
    async () => {
      const response = await get(path);
      assert.is(response.status, status);
      assert.equal(response.body, { error: { code, message: (thrown[path]!() as Error).message } });
      assert.is(response.headers.get('cache-control'), 'no-store');
    },
  );
}

errors("should give a service's own kind of conflict the status of a conflict, with its own code", async () => {
  for (const [path, code] of [
    ['/stale', 'stale-draft'],
    ['/resubmitted', 'already-submitted'],
  ] as const) {
    const response = await get(path);
    assert.is(response.status, 409);
    assert.equal(response.body, { error: { code, message: (thrown[path]!() as Error).message } });
  }
});

errors('should send field errors with every field and its message, the first as the message', async () => {
  const response = await get('/invalid');
  assert.is(response.status, 400);
  assert.equal(response.body, {
    error: {
      code: 'invalid',
      message: 'Enter your email address',
      fields: [
        { field: 'email', message: 'Enter your email address' },
        { field: 'password', message: 'Enter your password' },
      ],
    },
  });
});

errors('should say in Retry-After how long a rate-limited client is to wait', async () => {
  assert.is((await get('/rate-limited')).headers.get('retry-after'), '90');
  assert.is((await get('/busy')).headers.get('retry-after'), null);
});

errors(
  'should answer an unknown error with the plain 500 body, and log its kind and stack without its words',
  async () => {
    const before = logged.lines.length;
    const response = await get('/unknown');
    assert.is(response.status, 500);
    assert.equal(response.body, INTERNAL);
    const lines = logged.lines.slice(before);
    assert.is(lines.length, 1);
    assert.is(lines[0]!.level, 'error');
    assert.match(lines[0]!.msg, /^GET unmatched failed: the answer was a 500/);
    const err = lines[0]!.err as { type: string; message?: string; stack: string };
    assert.is(err.type, 'Error');
    assert.is(err.message, undefined, 'a message that may hold personal data is left out');
    assert.match(err.stack, /^\s+at .*errors\.test\.ts/);
    assert.not.match(logged.text(), /pat@example/);
  },
);

errors("should show a message of Koa's own only when Koa says it may be shown", async () => {
  const exposed = await get('/koa-exposed');
  assert.is(exposed.status, 400);
  assert.equal(exposed.body, { error: { code: 'bad-request', message: 'URI malformed' } });
  const hidden = await get('/koa-hidden');
  assert.is(hidden.status, 500);
  assert.equal(hidden.body, INTERNAL);
});

errors('should answer an API address that nothing serves with a JSON 404', async () => {
  const response = await get('/nothing-here');
  assert.is(response.status, 404);
  assert.equal(response.body, { error: { code: 'not-found', message: 'There is nothing at /api/nothing-here.' } });
});

errors("should keep the services' errors free of HTTP: nothing under services/ imports from http/", async () => {
  const services = fileURLToPath(new URL('../../server/services/', import.meta.url));
  const files = (await readdir(services, { recursive: true })).filter((file) => file.endsWith('.ts'));
  assert.ok(files.includes('errors.ts'));
  for (const file of files) assert.not.match(await readFile(`${services}${file}`, 'utf8'), /from '[./]*\/http\//, file);
});

errors.run();
