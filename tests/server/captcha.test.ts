/**
 * The captcha at form start, over HTTP, on SQLite and on PostgreSQL: a challenge solved as the
 * widget solves it is accepted once and gives a form-start proof; a replay, an expired challenge,
 * a changed one and anything else are refused with the same message (security.md: "verified on
 * the server; a solved challenge cannot be replayed; challenges expire").
 */
import { suite } from '../support/suite.ts';
import { forgetExpired } from '../../server/services/housekeeping.ts';
import { createRepositories } from '../../server/repositories/index.ts';
import * as assert from 'uvu/assert';
import { randomBytes } from 'node:crypto';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { readConfig, type App } from '../../server/index.ts';
import { manualClock, MINUTE } from '../../server/services/clock.ts';
import { createTokens } from '../../server/services/tokens.ts';
import { ALTCHA_LIFETIME_MS } from '../../server/services/captcha.ts';
import { CAPTCHA_FAILED_MESSAGE, FORM_START_TOKEN_LIFETIME_MS } from '../../server/routes/captcha.ts';
import { testDatabases } from '../support/databases.ts';
import { startTestApp } from '../support/test-app.ts';
import { capturedLog, silentLog } from '../support/captured-log.ts';
import type { Logger } from '../../server/services/log.ts';

const SECRET = randomBytes(32);

/** Solves a challenge as the widget does, and encodes the answer as the widget posts it. */
async function solved(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  assert.ok(solution, 'altcha-lib found no solution');
  return Buffer.from(
    JSON.stringify({ challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution }),
  ).toString('base64');
}

const decode = (payload: string) => JSON.parse(Buffer.from(payload, 'base64').toString('utf8'));
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

/** The app on a free port, on the database at `databaseUrl` (SQLite in dataDir when not set), closed at the end of the run. */
function started(
  databaseUrl: string | undefined,
  dataDir: string,
  clock: ReturnType<typeof manualClock>,
  env: Record<string, string> = {},
  log: Logger = silentLog(),
): Promise<{ app: App; baseUrl: string }> {
  return startTestApp(
    { DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '', SESSION_SECRET: SECRET.toString('hex'), ...env },
    { clock, log },
  );
}

for (const database of await testDatabases()) {
  const test = suite(`The captcha at form start on ${database.name}`);
  const it = database.skip ? test.skip : test;
  // The real time, so altcha-lib's own checks agree; the tests move it past expiry.
  const clock = manualClock(Date.now());
  const tokens = createTokens(SECRET, clock);
  let app: App;
  let baseUrl = '';

  test.before(async () => {
    if (database.skip) return;
    const { databaseUrl, dataDir } = await database.create();
    ({ app, baseUrl } = await started(databaseUrl, dataDir, clock));
  });

  const challenge = async (): Promise<Challenge & { provider: string }> => {
    const response = await fetch(`${baseUrl}/api/captcha/challenge`);
    assert.is(response.status, 200);
    assert.is(response.headers.get('cache-control'), 'no-store');
    return response.json() as Promise<Challenge & { provider: string }>;
  };
  const verify = async (body: unknown) => {
    const response = await fetch(`${baseUrl}/api/captcha/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  const assertRefused = (response: Awaited<ReturnType<typeof verify>>, what: string) => {
    assert.is(response.status, 400, what);
    assert.equal(response.body, { error: { code: 'captcha-failed', message: CAPTCHA_FAILED_MESSAGE } }, what);
  };

  it('should give a signed ALTCHA challenge that expires in 10 minutes, never cached', async () => {
    const given = await challenge();
    assert.is(given.provider, 'altcha');
    assert.is(given.parameters.algorithm, 'PBKDF2/SHA-256');
    assert.match(given.signature ?? '', /^[0-9a-f]{64}$/);
    assert.ok(given.parameters.keySignature, 'the server checks an answer with one HMAC, not the work');
    assert.is(given.parameters.data?.expiresAt, clock.now() + ALTCHA_LIFETIME_MS);
    assert.is.not((await challenge()).signature, given.signature, 'every challenge is new');
  });

  it('should accept a solved challenge and give a form-start proof that lasts 30 minutes', async () => {
    const response = await verify({ payload: await solved(await challenge()) });
    assert.is(response.status, 200, JSON.stringify(response.body));
    assert.is(response.body.verified, true);
    assert.is(response.body.expiresAt, clock.now() + FORM_START_TOKEN_LIFETIME_MS);
    assert.is(response.headers.get('cache-control'), 'no-store');
    const proof = await tokens.readFormStart(response.body.token);
    assert.equal(proof && { provider: proof.provider }, { provider: 'altcha' });
    assert.type(proof?.id, 'string');
  });

  it('should not let the form-start proof pass for a session, nor outlive its 30 minutes', async () => {
    const { token } = (await verify({ payload: await solved(await challenge()) })).body;
    assert.is(await tokens.readSession(token), null, 'a form-start proof is not a session');
    assert.is(
      await tokens.readFormStart(await tokens.session('sid', clock.now() + MINUTE)),
      null,
      'a session is not a form-start proof',
    );
    clock.advance(FORM_START_TOKEN_LIFETIME_MS + 1000);
    assert.is(await tokens.readFormStart(token), null);
  });

  it('should refuse the same solution sent again (a replay)', async () => {
    const payload = await solved(await challenge());
    assert.is((await verify({ payload })).status, 200);
    assertRefused(await verify({ payload }), 'the same payload again');
    // Nor another answer to the same challenge: a challenge is spent, not an answer.
    const { challenge: spent, solution } = decode(payload);
    assertRefused(
      await verify({ payload: encode({ challenge: spent, solution: { ...solution, time: 1 } }) }),
      'the same challenge, answer reworded',
    );
  });

  it('should refuse two copies of one solution sent at the same moment, bar one', async () => {
    const payload = await solved(await challenge());
    const statuses = (await Promise.all(Array.from({ length: 5 }, () => verify({ payload }))))
      .map((r) => r.status)
      .sort();
    assert.equal(statuses, [200, 400, 400, 400, 400]);
  });

  it('should refuse a challenge solved after it expired', async () => {
    const given = await challenge();
    const payload = await solved(given);
    clock.advance(ALTCHA_LIFETIME_MS);
    assertRefused(await verify({ payload }), 'expired');
  });

  it('should refuse a changed challenge or answer', async () => {
    const { challenge: given, solution } = decode(await solved(await challenge()));
    const changed = [
      {
        challenge: {
          ...given,
          parameters: { ...given.parameters, data: { expiresAt: clock.now() + 24 * 60 * MINUTE } },
        },
        solution,
      },
      { challenge: { ...given, parameters: { ...given.parameters, cost: 1 } }, solution },
      {
        challenge: { ...given, signature: given.signature.replace(/^./, (c: string) => (c === '0' ? '1' : '0')) },
        solution,
      },
      // (The counter is not checked on its own: the derived key, which only the work gives, is the proof.)
      { challenge: given, solution: { ...solution, derivedKey: '00'.repeat(32) } },
      {
        challenge: given,
        solution: {
          ...solution,
          derivedKey: solution.derivedKey.replace(/^./, (c: string) => (c === '0' ? '1' : '0')),
        },
      },
      { challenge: { parameters: given.parameters }, solution },
    ];
    for (const [index, payload] of changed.entries())
      assertRefused(await verify({ payload: encode(payload) }), `change ${index}`);
    // None of the refusals spent the challenge: the real answer still works.
    assert.is((await verify({ payload: encode({ challenge: given, solution }) })).status, 200);
  });

  it('should refuse a challenge it did not sign (another server, or made up)', async () => {
    const { createChallenge } = await import('altcha-lib');
    const forged = await createChallenge({
      algorithm: 'PBKDF2/SHA-256',
      cost: 1,
      counter: 1,
      deriveKey,
      data: { expiresAt: clock.now() + MINUTE },
      hmacSignatureSecret: 'guessed',
      hmacKeySignatureSecret: 'guessed',
    });
    assertRefused(await verify({ payload: await solved(forged) }), 'forged');
  });

  it('should answer 400 with the message for no payload, or one that is not an answer', async () => {
    for (const body of [
      {},
      { payload: null },
      { payload: '' },
      { payload: 'not base64 at all!' },
      { payload: encode('a string') },
      { payload: encode({ challenge: 1 }) },
      { payload: 42 },
      { payload: [1, 2] },
      { payload: { challenge: {}, solution: {} } },
      { payload: 'x'.repeat(5000) },
    ]) {
      assertRefused(await verify(body), JSON.stringify(body).slice(0, 60));
    }
    const unknownField = await verify({ payload: '', role: 'staff' });
    assert.is(unknownField.status, 400);
    assert.match(unknownField.body.error.message, /Unknown field "role"/);
    assert.is((await verify('{"payload": ')).status, 400, 'not JSON');
  });

  it('should refuse an answer posted from another site', async () => {
    const response = await fetch(`${baseUrl}/api/captcha/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      body: JSON.stringify({ payload: await solved(await challenge()) }),
    });
    assert.is(response.status, 403);
  });

  it('should forget spent challenges once they have expired', async () => {
    await verify({ payload: await solved(await challenge()) });
    clock.advance(ALTCHA_LIFETIME_MS + 1);
    await verify({ payload: await solved(await challenge()) });
    // The hourly housekeeping forgets them (it runs as the server starts, then every hour).
    await forgetExpired(createRepositories(app.db), clock.now());
    const rows = await app.db('spent_captchas').select('expires_at');
    assert.ok(
      rows.every((row: { expires_at: string | number }) => Number(row.expires_at) > clock.now()),
      'only the unexpired one is kept',
    );
    assert.is(rows.length, 1);
  });

  it('should describe both routes in /api/openapi.json', async () => {
    const document = await (await fetch(`${baseUrl}/api/openapi.json`)).json();
    assert.ok(document.paths['/api/captcha/challenge'].get);
    assert.ok(document.paths['/api/captcha/verify'].post);
  });

  test.run();
}

const off = suite('The captcha turned off (CAPTCHA=off)');
const clock = manualClock(Date.now());

off('should need no answer, still give a form-start proof, and say so once in the log', async () => {
  const [sqlite] = await testDatabases();
  const { databaseUrl, dataDir } = await sqlite!.create();
  const logged = capturedLog();
  const { baseUrl } = await started(databaseUrl, dataDir, clock, { CAPTCHA: 'off' }, logged.log);
  assert.equal(await (await fetch(`${baseUrl}/api/captcha/challenge`)).json(), { provider: 'off' });
  const response = await fetch(`${baseUrl}/api/captcha/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  assert.is(response.status, 200);
  assert.equal(
    await createTokens(SECRET, clock)
      .readFormStart((await response.json()).token)
      .then((p) => p?.provider),
    'off',
  );
  assert.equal(logged.lines.filter((line) => line.level === 'warn' && /CAPTCHA=off/.test(line.msg)).length, 1);
});

off('should refuse a CAPTCHA setting it does not know, naming the ones it does', () => {
  assert.throws(() => readConfig({ CAPTCHA: 'recaptcha' }), /CAPTCHA: "recaptcha" is not one of altcha, off/);
  assert.is(readConfig({}).captcha, 'altcha');
});

off.run();
