/**
 * The two databases every repository and account test runs on: a SQLite file in a temp folder,
 * and a PostgreSQL database created for this run on 127.0.0.1:5432 and dropped at the end, so runs
 * never see each other's rows. Without PostgreSQL its suites are skipped, and the run says so;
 * with CI set they fail instead.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import knex, { type Knex } from 'knex';
import { createDatabase } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrations/index.ts';
import { closeAtEnd } from './shared.ts';

export const POSTGRES_ADMIN_URL = process.env.POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  name: 'SQLite' | 'PostgreSQL';
  /** A fresh, migrated database, for one suite. */
  create(): Promise<{ db: Knex; dataDir: string; databaseUrl?: string; close(): Promise<void> }>;
}

let postgresReachable: Promise<boolean> | undefined;

/** Whether PostgreSQL answers at POSTGRES_ADMIN_URL (within 3 seconds). */
export async function canReachPostgres(): Promise<boolean> {
  const admin = knex({
    client: 'pg',
    connection: POSTGRES_ADMIN_URL,
    pool: { min: 0, max: 1 },
    acquireConnectionTimeout: 3000,
  });
  try {
    await admin.raw('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await admin.destroy();
  }
}

const sqlite: TestDatabase = {
  name: 'SQLite',
  async create() {
    const dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-db-'));
    const db = createDatabase({ dataDir });
    await migrateToLatest(db);
    const close = async () => {
      await db.destroy();
      await rm(dataDir, { recursive: true, force: true });
    };
    closeAtEnd(close);
    return { db, dataDir, close };
  },
};

const postgres: TestDatabase = {
  name: 'PostgreSQL',
  async create() {
    const name = `asc_forms_test_${randomBytes(6).toString('hex')}`;
    const admin = knex({ client: 'pg', connection: POSTGRES_ADMIN_URL, pool: { min: 0, max: 1 } });
    await admin.raw(`create database ${name}`);
    const databaseUrl = POSTGRES_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
    const dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-pg-'));
    const db = createDatabase({ databaseUrl, dataDir });
    await migrateToLatest(db);
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
      await rm(dataDir, { recursive: true, force: true });
    };
    closeAtEnd(close);
    return { db, dataDir, databaseUrl, close };
  },
};

let warned = false;

/** The databases to run on here: both, or SQLite alone (said once) where PostgreSQL is not running and CI is not set. */
export async function testDatabases(): Promise<Array<TestDatabase & { skip?: string }>> {
  postgresReachable ??= canReachPostgres();
  if (await postgresReachable) return [sqlite, postgres];
  if (process.env.CI) {
    return [
      sqlite,
      {
        ...postgres,
        create: () =>
          Promise.reject(
            new Error(`PostgreSQL is not reachable at ${POSTGRES_ADMIN_URL}, and CI needs its suites to run.`),
          ),
      },
    ];
  }
  if (!warned) {
    warned = true;
    console.log(
      `PostgreSQL suites skipped: nothing answers at ${POSTGRES_ADMIN_URL} (start PostgreSQL or set POSTGRES_URL).`,
    );
  }
  return [sqlite, { ...postgres, skip: 'PostgreSQL is not reachable' }];
}
