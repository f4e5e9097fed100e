/**
 * The database: a SQLite file under DATA_DIR by default, PostgreSQL when DATABASE_URL is set.
 * Every SQLite connection runs in WAL mode with synchronous=FULL, so an acknowledged write
 * survives a crash, and waits for a lock rather than failing at once. The folder and the files are
 * for the server's user alone (0700, 0600).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import knex, { type Knex } from 'knex';
import pg from 'pg';
import PQueue from 'p-queue';
import { privateFileSync, privateFolderSync, tightenSync } from '../services/private-files.ts';
import { assertDatabaseReachable } from './reachable.ts';
import { rememberQueryErrors } from './query-errors.ts';
import type { Logger } from '../services/log.ts';

export interface DatabaseConfig {
  /** postgres://… ; when absent, SQLite under dataDir. */
  databaseUrl?: string;
  dataDir: string;
}

// Times are stored as milliseconds in bigint columns; PostgreSQL hands bigints back as strings
// unless told they fit a JavaScript number, which milliseconds always do.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

type SqliteConnection = { run(sql: string, callback: (error: Error | null) => void): void };

function pragmas(
  connection: SqliteConnection,
  done: (error: Error | null, connection: SqliteConnection) => void,
): void {
  const statements = [
    'PRAGMA journal_mode = WAL',
    'PRAGMA synchronous = FULL',
    'PRAGMA foreign_keys = ON',
    'PRAGMA busy_timeout = 5000',
    // What is deleted is overwritten, not left readable in free space (registrations nobody
    // finished hold names); housekeeping empties the write-ahead log of earlier copies.
    'PRAGMA secure_delete = ON',
  ];
  const next = (index: number): void => {
    if (index === statements.length) return done(null, connection);
    connection.run(statements[index]!, (error) => (error ? done(error, connection) : next(index + 1)));
  };
  next(0);
}

/**
 * What a failed query's error carries: its statement without the values bound into it (which
 * hold personal data: see db/query-errors.ts), and the stack of the code that made the query
 * (the drivers' own errors have none that reaches it).
 */
const QUERY_ERRORS = { compileSqlOnError: false, asyncStackTraces: true } as const;

/**
 * knex's own warnings (a connection refused, say) go to the log as lines of it, rather than to
 * stdout as text among the JSON: their first line only, since what follows is knex's stack.
 */
function knexLog(log: Logger | undefined): Knex.Config['log'] {
  if (!log) return undefined;
  const line = (message: unknown) => String(message).split('\n')[0];
  return {
    warn: (message) => log.warn({ from: 'knex' }, line(message)),
    error: (message) => log.error({ from: 'knex' }, line(message)),
    deprecate: (message) => log.warn({ from: 'knex' }, line(message)),
    debug: (message) => log.debug({ from: 'knex' }, line(message)),
  };
}

/** The database `config` names; `log` takes knex's own warnings (stdout when not given). */
export function createDatabase(config: DatabaseConfig, log?: Logger): Knex {
  if (config.databaseUrl) {
    return rememberQueryErrors(
      knex({
        client: 'pg',
        connection: config.databaseUrl,
        // An idle connection goes back to PostgreSQL after 10 s (tarn keeps it 30 s): several
        // processes, each up to 10, then hold few of the server's connection slots between bursts.
        pool: { min: 0, max: 10, idleTimeoutMillis: 10_000 },
        log: knexLog(log),
        ...QUERY_ERRORS,
      }),
    );
  }
  privateFolderSync(config.dataDir);
  // Made here for the server's user alone: SQLite gives its -wal and -shm files the permissions
  // of the database file.
  const filename = join(config.dataDir, 'asc-forms.sqlite');
  privateFileSync(filename);
  for (const companion of ['-wal', '-shm', '-journal']) tightenSync(filename + companion);
  return rememberQueryErrors(
    knex({
      client: 'sqlite3',
      connection: { filename },
      useNullAsDefault: true,
      log: knexLog(log),
      // One writer at a time is SQLite's rule; a small pool keeps readers from queueing behind it.
      pool: { min: 1, max: 4, afterCreate: pragmas },
      ...QUERY_ERRORS,
    }),
  );
}

/** The database, once PostgreSQL (when configured) has taken a connection: a ConfigError says why it would not. */
export async function openDatabase(config: DatabaseConfig, log?: Logger): Promise<Knex> {
  if (config.databaseUrl) await assertDatabaseReachable(config.databaseUrl);
  return createDatabase(config, log);
}

/** Whether the database is PostgreSQL (for the few statements the two write differently). */
export function isPostgres(db: Knex): boolean {
  return db.client.config.client === 'pg';
}

const writers = new WeakMap<Knex, PQueue>();

/** This process's queue of SQLite writers: one at a time, each as soon as the one before it ends. */
function writerQueue(db: Knex): PQueue {
  let queue = writers.get(db);
  if (!queue) {
    queue = new PQueue({ concurrency: 1 });
    writers.set(db, queue);
  }
  return queue;
}

/**
 * A transaction that writes. SQLite lets one connection write at a time; another that finds the
 * lock taken sleeps and tries again (busy_timeout), up to 100 ms a time, so under load writers
 * waited far longer than the writes took. On SQLite this process's writing transactions queue
 * here instead, each starting as soon as the one before it ends. PostgreSQL's run side by side.
 * Never call it again from inside `work` (that would wait for itself): use `trx`.
 */
export function writeTransaction<T>(db: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  if (isPostgres(db)) return db.transaction(work);
  refuseInsideWriter('writeTransaction');
  return writerQueue(db).add(() => insideWriter.run(true, () => db.transaction(work)));
}

/** Whether this code runs inside a writing transaction's `work`, on SQLite. */
const insideWriter = new AsyncLocalStorage<true>();

/** Waiting in the queue from inside its writer would wait for ever: said at once instead. */
function refuseInsideWriter(what: string): void {
  if (insideWriter.getStore())
    throw new Error(`${what} was called inside a writing transaction: use that transaction (trx) instead.`);
}

/**
 * One statement that writes, outside any transaction: on SQLite in the same queue as the
 * transactions above (else it would take the lock between two of them, and a transaction finding
 * it taken would sleep), ahead of the transactions waiting there: one statement holds the writer
 * a moment, and what asks this way (the outbox relay's claims and marks) is what keeps what was
 * written moving. On PostgreSQL at once. Never from inside `writeTransaction`'s `work`.
 */
export function writeAlone<T>(db: Knex, work: () => Promise<T>): Promise<T> {
  if (isPostgres(db)) return work();
  refuseInsideWriter('writeAlone');
  return writerQueue(db).add(work, { priority: 1 });
}

/**
 * Statements of one transaction that need none of each other's answers. On SQLite they are asked
 * at once: its one connection runs them in turn without waiting for this process between them,
 * so the transaction, which holds the only writer, is over sooner. On PostgreSQL one after
 * another, as its client takes them. Rejects with the first that fails (the transaction then
 * rolls back), once all have ended.
 */
export async function allAtOnce(trx: Knex, statements: Array<(() => Promise<unknown>) | false>): Promise<void> {
  const asked = statements.filter((statement) => statement !== false);
  if (isPostgres(trx)) {
    for (const statement of asked) await statement();
    return;
  }
  // Each started from a promise, so one that throws at once still waits for the others to end.
  const ended = await Promise.allSettled(asked.map((statement) => Promise.resolve().then(statement)));
  const failed = ended.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}
