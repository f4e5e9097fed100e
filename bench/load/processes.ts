/** The bench's other processes (the app under load, the relay's receivers), started with tsx and spoken to over IPC. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface Child<In, Out> {
  /** Sends a message and waits for the next answer. */
  ask(message: In): Promise<Out>;
  /** The first message it sent once started. */
  ready: Out;
  process: ChildProcess;
}

export async function start<In, Out extends { type: string }>(
  script: string,
  env: Record<string, string>,
  execArgv: string[] = [],
): Promise<Child<In, Out>> {
  const child = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
    env: { ...process.env, ...env },
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () =>
    new Promise<Out>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`${script} stopped (exit ${code})`));
      child.once('exit', onExit);
      child.once('message', (message: Out) => {
        child.off('exit', onExit);
        if (message.type === 'error') reject(new Error(`${script}: ${(message as { message?: string }).message}`));
        else resolve(message);
      });
    });
  const ready = await next();
  return {
    ready,
    process: child,
    ask: (message) => {
      const answer = next();
      child.send(message as object);
      return answer;
    },
  };
}
