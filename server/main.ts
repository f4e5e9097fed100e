/**
 * Starts the portal: `npm start` (after the build) or `tsx server/main.ts`.
 *
 * On SIGTERM or SIGINT it stops cleanly: /readyz says so at once (and, with STOP_DRAIN_SECONDS,
 * requests are still taken for that long, for a load balancer to notice), no new connection is taken,
 * each request in flight gets its answer (for at most STOP_WITHIN_MS), keep-alive connections are
 * closed after their current answer, the outbox finishes the message it is sending, the database
 * and the mail transport close, and the process exits 0.
 *
 * Settings that are wrong (or a database it cannot reach) stop it before it listens: each problem
 * is printed as `VARIABLE: what is wrong; how to fix it`, and it exits 78.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { ConfigError, exitOnConfigError, readConfig, type ConfigProblem } from './config.ts';
import { createApp } from './app.ts';
import { createLogger, prettyDestination } from './services/log.ts';
import { metricsServer } from './routes/metrics.ts';

/** How long requests in flight may take to finish once the server is told to stop. */
const STOP_WITHIN_MS = 10_000;

const config = (() => {
  try {
    return readConfig();
  } catch (error) {
    return exitOnConfigError(error);
  }
})();
// JSON lines, except on a laptop's terminal, where a person reads them.
const destination = !config.production && process.stdout.isTTY ? await prettyDestination() : undefined;
const log = createLogger({ level: config.logLevel, destination });
const app = await createApp(config, { log }).catch(exitOnConfigError);
const server = app.koa.listen(config.port, config.host, () => {
  log.info(`asc-forms portal at http://localhost:${(server.address() as AddressInfo).port}`);
});
// A port taken or an address this machine does not have is a setting to change, said as one.
server.once('error', (error: NodeJS.ErrnoException) => {
  const where = `${config.host}:${config.port}`;
  const problems: Record<string, ConfigProblem> = {
    EADDRINUSE: { variable: 'PORT', message: `${where} is in use by another program; stop it, or choose another PORT` },
    EACCES: {
      variable: 'PORT',
      message: `this user may not listen on ${where}; choose a PORT above 1023, or let the proxy take 80 and 443`,
    },
    EADDRNOTAVAIL: {
      variable: 'HOST',
      message: `${config.host} is not an address of this machine; write one it has, or 0.0.0.0 for all of them`,
    },
    ENOTFOUND: {
      variable: 'HOST',
      message: `"${config.host}" is not an address or a name this machine knows; write an address, like 0.0.0.0 or 127.0.0.1, with no port`,
    },
  };
  const problem = problems[error.code ?? ''];
  if (!problem) throw error;
  void app.close().finally(() => exitOnConfigError(new ConfigError([problem])));
});
// Metrics stay off unless asked for: a council without monitoring has no port or token to keep safe.
if (config.production && config.metricsPort === undefined && !config.metricsToken)
  log.info('No /metrics: set METRICS_PORT or METRICS_TOKEN to let monitoring read them.');
let metricsListener: Server | undefined;
if (config.metricsPort !== undefined) {
  const listener = (metricsListener = metricsServer(app.metrics, log));
  listener.listen(config.metricsPort, config.host, () => {
    const { port } = listener.address() as AddressInfo;
    log.info({ metricsPort: port }, `Metrics at http://${config.host}:${port}/metrics`);
  });
}

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  app.stopAccepting();
  if (config.stopDrainMs > 0) {
    // Still listening, with /readyz at 503 and every answer closing its connection, until the load balancer has noticed.
    log.info(
      `${signal}: stopping; taking requests for ${config.stopDrainMs / 1000} s more while the load balancer notices`,
    );
    await new Promise((resolve) => setTimeout(resolve, config.stopDrainMs));
  }
  log.info(`${signal}: stopping; finishing the requests in flight (at most ${STOP_WITHIN_MS / 1000} s)`);
  metricsListener?.close();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = setTimeout(() => server.closeAllConnections(), STOP_WITHIN_MS);
  await closed;
  clearTimeout(deadline);
  await app.close();
  log.info('Stopped.');
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop(signal));
