/** The portal as a process of its own, for tests of what happens to it from outside: a crash, a signal. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeAtEnd } from './shared.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts the portal as `tsx server/main.ts` does (or, with `npmStart`, as `npm start` does, build
 * first); resolves with its address once it listens, and what it has printed so far.
 */
export async function startPortal(
  env: Record<string, string>,
  { npmStart = false }: { npmStart?: boolean } = {},
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
      const match = /portal at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', () => reject(new Error(`The portal stopped:\n${output}`)));
  });
  return { baseUrl, child, output: () => output };
}

/** A data folder of its own for one portal process, removed at the end of the run. */
export async function portalDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'asc-forms-process-'));
  closeAtEnd(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** The process's exit code once it has exited; rejects if it is still running after `withinMs`. */
export function exited(child: ChildProcess, withinMs: number): Promise<number | null> {
  return new Promise<number | null>((resolve, reject) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const timer = setTimeout(() => reject(new Error(`still running ${withinMs} ms after SIGTERM`)), withinMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
