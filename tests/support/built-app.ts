/** The real app on a real port, over a build made once for the run in a temp folder. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp, readConfig, type App, type ServerConfig } from '../../server/index.ts';
import { sharedBuild } from './shared-build.ts';
import { closeAtEnd } from './shared.ts';

let started: Promise<{ baseUrl: string; config: ServerConfig; app: App }> | undefined;

export function builtApp(): Promise<{ baseUrl: string; config: ServerConfig; app: App }> {
  started ??= (async () => {
    const buildDir = await sharedBuild();
    const dataDir = await mkdtemp(join(tmpdir(), 'asc-forms-app-'));
    const config = readConfig({ BUILD_DIR: buildDir, DATA_DIR: dataDir, PORT: '0', FRAME_ANCESTORS: 'https://www.sefton.gov.uk', EMBED_ORIGINS: 'https://www.sefton.gov.uk' });
    const app = await createApp(config, { log: () => {} });
    closeAtEnd(() => app.close());
    const { koa } = app;
    const server = koa.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    closeAtEnd(async () => {
      await new Promise((resolve) => server.close(resolve));
      await rm(dataDir, { recursive: true, force: true });
    });
    return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, config, app };
  })();
  return started;
}
