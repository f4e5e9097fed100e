/** The portal as a process of its own, for tests of what happens to it from outside: a crash, a signal, wrong settings. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeAtEnd } from './shared.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Starts the portal as `tsx server/main.ts` does (or, with `npmStart`, as `npm start` does, build
 * first; or, with `deployed`, as a council's server does: plain `node build/server/main.js` in
 * that folder, with no environment but PATH and `env`); resolves with its address once it
 * listens, and what it has printed so far. It knows the address from the start line, or, given
 * `baseUrl` (for a LOG_LEVEL that hides that line, with PORT set to match), once /healthz answers there.
 */
export async function startPortal(
  env: Record<string, string>,
  { npmStart = false, deployed, baseUrl: known }: { npmStart?: boolean; deployed?: string; baseUrl?: string } = {},
): Promise<{ baseUrl: string; child: ChildProcess; output: () => string }> {
  const [command, args] = deployed
    ? [process.execPath, ['build/server/main.js']]
    : npmStart
      ? ['npm', ['start', '--silent']]
      : [process.execPath, ['--import', 'tsx', join(root, 'server/main.ts')]];
  const inherited = deployed ? { PATH: process.env.PATH ?? '' } : { ...process.env, NODE_ENV: 'test' };
  const child = spawn(command, args, {
    cwd: deployed ?? root,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', ...env },
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

/**
 * Runs a command of the portal (`server/main.ts` unless told another script, or `npm start`) to
 * its end, for one that should refuse to start; resolves with its exit status and all it printed.
 */
export async function runToExit(
  env: Record<string, string>,
  { script = 'server/main.ts', npmStart = false }: { script?: string; npmStart?: boolean } = {},
): Promise<{ status: number | null; output: string }> {
  const [command, args] = npmStart
    ? ['npm', ['start', '--silent']]
    : [process.execPath, ['--import', 'tsx', join(root, script)]];
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
  // One that started after all would never end on its own.
  const stop = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const status = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(stop);
  return { status, output };
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
