/** The portal as a process of its own, for tests of what happens to it from outside: a crash, a signal. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeAtEnd } from './shared.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts the portal as `tsx server/main.ts` does (or, with `npmStart`, as `npm start` does, build
 * first); resolves with its address once it listens, and what it has printed so far. It knows the
 * address from the start line, or, given `baseUrl` (for a LOG_LEVEL that hides that line, with
 * PORT set to match), once /healthz answers there.
 */
export async function startPortal(
  env: Record<string, string>,
  { npmStart = false, baseUrl: known }: { npmStart?: boolean; baseUrl?: string } = {},
): Promise<{ baseUrl: string; child: ChildProcess; output: () => string }> {
  const [command, args] = npmStart
    ? ['npm', ['start', '--silent']]
    : [process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')]];
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  closeAtEnd(async () => {
    child.kill('SIGKILL');
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The portal did not start:\n${output}`)), 90_000);
    const read = () => {
      // The start line is JSON (or pretty) text whose msg holds the address.
      const match = /portal at (http:\/\/[^\s"]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    let exited = false;
    child.once('exit', () => {
      exited = true;
      reject(new Error(`The portal stopped:\n${output}`));
    });
    if (known) {
      const ask = (): void =>
        void fetch(`${known}/healthz`).then(
          () => {
            clearTimeout(timer);
            resolve(known);
          },
          () => {
            if (!exited) setTimeout(ask, 200);
          },
        );
      ask();
      return;
    }
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
  });
  return { baseUrl, child, output: () => output };
}
