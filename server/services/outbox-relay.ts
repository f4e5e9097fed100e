/**
 * Sends what submissions queued in the outbox: each confirmation email through the mailer, each
 * delivery to the council's case system as a signed POST (a compact JWS, HS256 with
 * WEBHOOK_SECRET, body type application/jose: the case system checks the signature and reads the
 * payload). A message is marked sent only after it went; a failure is tried again later, waiting
 * twice as long each time (30 seconds up to an hour), for as long as it takes.
 */
import { CompactSign } from 'jose';
import type { OutboxRepository, OutboxMessage } from '../repositories/outbox.ts';
import type { Mailer, MailMessage } from './mailer.ts';
import type { AnswersAtRest } from './answers-at-rest.ts';
import { loggable } from '../http/errors.ts';
import { HOUR, type Clock } from './clock.ts';

const FIRST_RETRY_MS = 30_000;
const CLAIM_MS = 2 * 60_000;
const BATCH = 20;
const POLL_MS = 5_000;
const WEBHOOK_TIMEOUT_MS = 15_000;

export interface Webhook {
  url: string;
  secret: Uint8Array;
}

export function retryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), HOUR);
}

export function createOutboxRelay(deps: { outbox: OutboxRepository; mailer: Mailer; webhook?: Webhook; answersAtRest: AnswersAtRest; clock: Clock; log: (line: string) => void }) {
  const { outbox, mailer, webhook, answersAtRest, clock, log } = deps;
  const encoder = new TextEncoder();

  const deliver = async (message: OutboxMessage): Promise<void> => {
    const content = await answersAtRest.open<unknown>(`outbox:${message.id}`, message.payload);
    if (message.kind === 'email') return mailer.send(content as MailMessage);
    if (!webhook) throw new Error('WEBHOOK_URL is no longer set: this delivery waits until it is.');
    const jws = await new CompactSign(encoder.encode(JSON.stringify(content))).setProtectedHeader({ alg: 'HS256', typ: 'asc-forms-submission+jws' }).sign(webhook.secret);
    const response = await fetch(webhook.url, { method: 'POST', headers: { 'content-type': 'application/jose' }, body: jws, signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`the case system answered ${response.status}`);
  };

  let running: Promise<void> | undefined;
  let again = false;

  /** Sends every message that is due; resolves when this round is over. */
  const round = async (): Promise<void> => {
    for (;;) {
      const due = await outbox.claimDue(clock.now(), CLAIM_MS, BATCH);
      for (const message of due) {
        try {
          await deliver(message);
          await outbox.markSent(message.id, clock.now());
        } catch (error) {
          const attempts = message.attempts + 1;
          await outbox.markFailed(message.id, attempts, clock.now() + retryDelay(attempts), loggable(error).split('\n')[0]!);
          log(`Sending ${message.kind} ${message.id} failed (try ${attempts}); it will be tried again: ${loggable(error).split('\n')[0]}`);
        }
      }
      if (due.length < BATCH) return;
    }
  };

  /** Runs a round now (or right after the one under way). */
  const runNow = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await round().catch((error: unknown) => log(`The outbox could not be read; it will be tried again: ${loggable(error).split('\n')[0]}`));
      } while (again);
    })().finally(() => { running = undefined; });
    return running;
  };

  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    runNow,
    /** Sends what is due every few seconds, until stopped. */
    start(): void {
      timer = setInterval(() => void runNow(), POLL_MS);
      timer.unref();
      void runNow();
    },
    /** Stops, once the round under way has finished. */
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

export type OutboxRelay = ReturnType<typeof createOutboxRelay>;
