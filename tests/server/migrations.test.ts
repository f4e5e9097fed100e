/**
 * Migrations as a deployment runs them: `npm run db:migrate` on its own, from two places at once on
 * one PostgreSQL without either failing, and a server told not to migrate (MIGRATE_ON_START=false)
 * refusing to start on a database that is not up to date, saying what to run.
 */
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import knex from 'knex';
import { POSTGRES_ADMIN_URL, testDatabases } from '../support/databases.ts';
import { closeAtEnd } from '../support/shared.ts';
import { startTestApp } from '../support/test-app.ts';
import { createDatabase } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrations/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const migrate = (env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], { cwd: root, env: { ...process.env, ...env } });

const migrations = suite('npm run db:migrate and MIGRATE_ON_START');
const postgres = (await testDatabases()).find((d) => d.name === 'PostgreSQL');
const onPostgres = postgres && !postgres.skip ? migrations : migrations.skip;

onPostgres(
  'should let two processes migrate one new PostgreSQL at once: both succeed, each migration runs once',
  async () => {
    const name = `asc_forms_migrate_${randomBytes(6).toString('hex')}`;
    const admin = knex({ client: 'pg', connection: POSTGRES_ADMIN_URL, pool: { min: 0, max: 1 } });
    await admin.raw(`create database ${name}`);
    closeAtEnd(async () => {
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    });
    const DATABASE_URL = POSTGRES_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    const outputs = await Promise.all([migrate({ DATABASE_URL }), migrate({ DATABASE_URL })]);
    const said = outputs.map((o) => o.stdout.trim()).sort();
    assert.match(said[0]!, /^Migrations run: 001-accounts, /);
    assert.is(said[1], 'The database is up to date: no migration to run.');
    const db = knex({ client: 'pg', connection: DATABASE_URL, pool: { min: 0, max: 1 } });
    try {
      const names = (await db('knex_migrations').select('name')).map((row) => row.name as string);
      assert.equal(names, [...new Set(names)], 'no migration twice');
      assert.ok(names.includes('001-accounts'));
    } finally {
      await db.destroy();
    }
  },
);

onPostgres(
  'should let two servers starting at the same moment on one new PostgreSQL migrate it, neither failing',
  async () => {
    for (let round = 0; round < 3; round++) {
      const name = `asc_forms_migrate_${randomBytes(6).toString('hex')}`;
      const admin = knex({ client: 'pg', connection: POSTGRES_ADMIN_URL, pool: { min: 0, max: 1 } });
      await admin.raw(`create database ${name}`);
      const url = POSTGRES_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
      const both = [
        createDatabase({ databaseUrl: url, dataDir: '' }),
        createDatabase({ databaseUrl: url, dataDir: '' }),
      ];
      try {
        const ran = await Promise.all(both.map((db) => migrateToLatest(db)));
        assert.equal(
          ran.map((names) => names.length).sort(),
          [0, ran.flat().length],
          'one ran them all, the other none',
        );
      } finally {
        await Promise.all(both.map((db) => db.destroy()));
        await admin.raw(`drop database if exists ${name} with (force)`);
        await admin.destroy();
      }
    }
  },
);

migrations(
  'should refuse to start with MIGRATE_ON_START=false on a database not up to date, saying to run db:migrate',
  async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-migrate-'));
    closeAtEnd(() => rm(dataDir, { recursive: true, force: true }));
    const refused = await startTestApp({ DATA_DIR: dataDir, DATABASE_URL: '', MIGRATE_ON_START: 'false' }).catch(
      (error: Error) => error,
    );
    assert.instance(refused, Error);
    assert.match(
      (refused as Error).message,
      /MIGRATE_ON_START: the database is not up to date .*; run npm run db:migrate/,
    );

    const { stdout } = await migrate({ DATA_DIR: dataDir, DATABASE_URL: '' });
    assert.match(stdout, /^Migrations run: /);
    const { baseUrl } = await startTestApp({ DATA_DIR: dataDir, DATABASE_URL: '', MIGRATE_ON_START: 'false' });
    assert.is((await fetch(`${baseUrl}/healthz`)).status, 200);
  },
);

migrations.run();
