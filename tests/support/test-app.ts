/**
 * The real app on a real port, for one suite: its settings over the run's build, a data folder of
 * its own (unless DATA_DIR is given), and everything closed at the end of the run, the server
 * before the folder and the database under it go.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { createApp, readConfig, type App } from '../../server/index.ts';
import type { AppOptions } from '../../server/app.ts';
import { sharedBuild } from './shared-build.ts';
import { closeAtEnd } from './shared.ts';
import { silentLog } from './captured-log.ts';

export async function startTestApp(
  env: Record<string, string> = {},
  options: AppOptions = {},
  /** A port to listen on (one the portal's own address, PUBLIC_URL, names); a free one when not given. */
  port = 0,
): Promise<{ app: App; baseUrl: string; dataDir: string }> {
  let dataDir = env.DATA_DIR;
  if (!dataDir) {
    const made = (dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-app-')));
    closeAtEnd(() => rm(made, { recursive: true, force: true }));
  }
  const config = readConfig({
    BUILD_DIR: await sharedBuild(),
    PORT: '0',
    PASSWORD_HASH_COST: '12',
    ...env,
    DATA_DIR: dataDir,
  });
  const app = await createApp(config, { log: silentLog(), ...options });
  const server = app.koa.listen(port, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  closeAtEnd(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await app.close();
  });
  return { app, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, dataDir };
}

/** A port nothing listens on now, for a server whose own address must be known before it starts. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
