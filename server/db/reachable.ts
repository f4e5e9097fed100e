/**
 * Before the portal uses PostgreSQL, one connection is tried, so a database that does not exist,
 * a host that cannot be reached or a refused password stops the start with a ConfigError saying
 * which, instead of a driver's stack trace at the first query. The password is never repeated.
 */
import pg from 'pg';
import { ConfigError } from '../config/config-error.ts';

/** How long a host that does not answer is waited for. */
const CONNECT_TIMEOUT_MS = 10_000;

function describe(error: NodeJS.ErrnoException & { code?: string }, url: URL): string {
  const database = decodeURIComponent(url.pathname.slice(1)) || decodeURIComponent(url.username) || 'postgres';
  const user = decodeURIComponent(url.username) || 'the default user';
  const server = `${url.hostname}:${url.port || 5432}`;
  switch (error.code) {
    case '3D000':
      return `the database "${database}" does not exist on ${server}; create it (createdb -h ${url.hostname} ${database}) or correct the URL`;
    case '28P01':
    case '28000':
      return `${server} refused the user "${user}" or its password; correct the user and password in the URL, or let that user in (pg_hba.conf)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${server} could not be reached: no host is known by the name "${url.hostname}"; correct the host in the URL`;
    case 'ECONNREFUSED':
      return `${server} could not be reached: it refused the connection; check the port in the URL, and that PostgreSQL is running there and listens on that address`;
    default:
      // PostgreSQL's own refusals carry a SQLSTATE and a message free of the password.
      if (error.code && /^[0-9A-Z]{5}$/.test(error.code))
        return `${server} would not take the connection: ${error.message} (${error.code}); correct the URL or the server's settings`;
      // Also a host that drops the connection, or never answers (within CONNECT_TIMEOUT_MS).
      return `${server} could not be reached (${error.code ?? error.message}); check the host and port in the URL, and that PostgreSQL is running there and lets this machine in`;
  }
}

/** Resolves once a connection to `databaseUrl` has been made (and closed); throws a ConfigError naming DATABASE_URL otherwise. */
export async function assertDatabaseReachable(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A failed connection may also report itself as an event; the rejection below says it.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new ConfigError([{ variable: 'DATABASE_URL', message: describe(error as Error, new URL(databaseUrl)) }]);
  } finally {
    await client.end().catch(() => {});
  }
}
