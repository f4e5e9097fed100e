/** One build of the portal per test run, in a temp folder, for every suite that serves it. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from '../../scripts/lib/build-all.ts';
import { closeAtEnd } from './shared.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let built: Promise<string> | undefined;

/** The folder of a build made for this run. */
export function sharedBuild(): Promise<string> {
  built ??= (async () => {
    const buildDir = await mkdtemp(join(tmpdir(), 'asc-forms-build-'));
    closeAtEnd(() => rm(buildDir, { recursive: true, force: true }));
    await buildAll(join(root, 'forms'), buildDir);
    return buildDir;
  })();
  return built;
}
