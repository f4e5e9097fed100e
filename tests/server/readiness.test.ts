/**
 * /healthz and /readyz as a load balancer reads them: alive is not the same as ready. Ready means
 * the database answers and is up to date and the process is not stopping; otherwise 503, naming
 * the part that is not ready.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import knex from 'knex';
import { POSTGRES_ADMIN_URL, testDatabases } from '../support/databases.ts';
import { startTestApp } from '../support/test-app.ts';
import { capturedLog } from '../support/captured-log.ts';

const readiness = suite('/healthz and /readyz');
const postgres = (await testDatabases()).find((d) => d.name === 'PostgreSQL');
const onPostgres = postgres && !postgres.skip ? readiness : readiness.skip;

readiness('should be ready with the database up to date, and say "shutting down" once it stops accepting', async () => {
  const { app, baseUrl } = await startTestApp({ DATABASE_URL: '' });
  const ready = await fetch(`${baseUrl}/readyz`);
  assert.is(ready.status, 200);
  assert.equal(await ready.json(), {
    status: 'ready',
    checks: { database: 'ok', migrations: 'ok', accepting: 'ok' },
  });
  assert.is(ready.headers.get('cache-control'), 'no-store');
  app.stopAccepting();
  const stopping = await fetch(`${baseUrl}/readyz`);
  assert.is(stopping.status, 503);
  assert.is((await stopping.json()).checks.accepting, 'shutting down');
  assert.is((await fetch(`${baseUrl}/healthz`)).status, 200, 'still alive while it stops');
});

onPostgres(
  'should answer 503 naming the database when it stops answering, while /healthz says the process is alive',
  async () => {
    const { databaseUrl } = await postgres!.create();
    const logged = capturedLog('warn');
    const { baseUrl } = await startTestApp({ DATABASE_URL: databaseUrl! }, { log: logged.log });
    assert.is((await fetch(`${baseUrl}/readyz`)).status, 200);
    const name = new URL(databaseUrl!).pathname.slice(1);
    const admin = knex({ client: 'pg', connection: POSTGRES_ADMIN_URL, pool: { min: 0, max: 1 } });
    try {
      await admin.raw(`drop database ${name} with (force)`);
    } finally {
      await admin.destroy();
    }
    const down = await fetch(`${baseUrl}/readyz`);
    assert.is(down.status, 503);
    const body = await down.json();
    assert.is(body.status, 'not ready');
    assert.match(body.checks.database, /^not answering: /);
    // Anyone may read /readyz: the database's own words, which name it, go to the log only.
    assert.not.match(JSON.stringify(body), new RegExp(name));
    assert.match(logged.text(), /"code":"3D000".*The database is not answering/);
    assert.is((await fetch(`${baseUrl}/healthz`)).status, 200);
  },
);

readiness.run();
