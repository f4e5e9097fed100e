/**
 * Starts the portal: `npm start` (after the build) or `tsx server/main.ts`.
 *
 * On SIGTERM or SIGINT it stops cleanly: /readyz says so at once, no new connection is taken,
 * each request in flight gets its answer (for at most STOP_WITHIN_MS), keep-alive connections are
 * closed after their current answer, the outbox finishes the message it is sending, the database
 * and the mail transport close, and the process exits 0.
 *
 * Settings that are wrong (or a database it cannot reach) stop it before it listens: each problem
 * is printed as `VARIABLE: what is wrong; how to fix it`, and it exits 78.
 */
import type { AddressInfo } from 'node:net';
import { exitOnConfigError, readConfig } from './config.ts';
import { createApp } from './app.ts';

/** How long requests in flight may take to finish once the server is told to stop. */
const STOP_WITHIN_MS = 10_000;

const { config, app } = await (async () => {
  const config = readConfig();
  return { config, app: await createApp(config) };
})().catch(exitOnConfigError);
const server = app.koa.listen(config.port, config.host, () => {
  console.log(`asc-forms portal at http://localhost:${(server.address() as AddressInfo).port}`);
});

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping; finishing the requests in flight (at most ${STOP_WITHIN_MS / 1000} s)`);
  app.stopAccepting();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = setTimeout(() => server.closeAllConnections(), STOP_WITHIN_MS);
  await closed;
  clearTimeout(deadline);
  await app.close();
  console.log('Stopped.');
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));
