/** What load.bench.ts and the process under load (server.ts) say to each other. */
import type { Answers } from '../../engine/index.ts';

export type ToServer =
  | { type: 'outbox' }
  | { type: 'cpu' }
  | { type: 'submitting'; on: boolean }
  | { type: 'drafts'; body: unknown }
  | { type: 'seed'; count: number; offset: number; answers: Answers }
  /** Starts the process's CPU profile, or writes it to `file` and stops it. */
  | { type: 'profile'; file?: string }
  | { type: 'stop' };

export type FromServer =
  | { type: 'ready'; portal: string; anchor: string; cookies: string[]; listerCookie: string }
  | { type: 'outbox'; waiting: number; sent: number }
  /** The process's CPU time so far (user and system), in ms. */
  | { type: 'cpu'; ms: number }
  | { type: 'drafts'; ids: string[] }
  | { type: 'seeded'; seconds: number }
  | { type: 'done' }
  | { type: 'error'; message: string };
