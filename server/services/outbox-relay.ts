/**
 * Sends what submissions queued in the outbox: each confirmation email through the mailer, each
 * delivery to the council's case system as a signed POST (a compact JWS, ES256 with the first of
 * WEBHOOK_SIGNING_KEYS, or else HS256 with WEBHOOK_SECRET; body type application/jose: the case
 * system checks the signature and reads the
 * payload). Without WEBHOOK_URL (on a laptop; production requires it) a delivery is written as a
 * file under DATA_DIR/deliveries, as emails are, so a person trying the portal sees what the case
 * system would get.
 *
 * A message is marked sent only after it went; a failure is tried again later, waiting twice as
 * long each time (30 seconds up to an hour), for as long as it takes. Emails and deliveries are
 * claimed and sent in lanes of their own, so neither waits on the other's server. Each lane claims
 * a batch in one statement, sends it a few at a time (emails over the mailer's pooled connections,
 * deliveries over fetch's kept-alive ones), and marks what went in one statement. Claims last far
 * longer than a batch can take (the mailer and the POST give up well before), so a slow send is
 * not taken and sent again by another process.
 */
import { writeFile } from 'node:fs/promises';
import { PRIVATE_FILE, privateFolder } from './private-files.ts';
import { join } from 'node:path';
import { KeyObject } from 'node:crypto';
import { compactJws, type JwsKey } from './compact-jws.ts';
import pLimit from 'p-limit';
import type { OutboxRepository, ClaimedMessage, OutboxKind } from '../repositories/outbox.ts';
import type { Mailer, MailMessage } from './mailer.ts';
import type { AnswersAtRest } from './answers-at-rest.ts';
import type { Delivery } from './submission-messages.ts';
import { loggable, type Logger } from './log.ts';
import type { Counting } from './metrics.ts';
import { HOUR, MINUTE, type Clock } from './clock.ts';

const FIRST_RETRY_MS = 30_000;
const CLAIM_MS = 15 * MINUTE;
/** How many messages a lane claims at once: a process killed mid-batch leaves at most these waiting for their claim to lapse. */
export const RELAY_BATCH = 50;
/** How many deliveries are posted to the case system at once. */
const DELIVERY_CONCURRENCY = 8;
const POLL_MS = 5_000;
/**
 * A round asked for while one was under way starts this long after it did, at the soonest: while
 * submissions keep coming, each round then takes what a tenth of a second brought, in one claim
 * and one mark, rather than a round for each submission. A quiet portal's messages go at once.
 */
const ROUND_GAP_MS = 100;
const WEBHOOK_TIMEOUT_MS = 15_000;

/** The case system's address, and what deliveries are signed with: a key pair (ES256, its id in the header) or a shared secret (HS256). */
export type Webhook = { url: string } & (
  | { signing: { kid: string; key: CryptoKey }; secret?: undefined }
  | { secret: Uint8Array; signing?: undefined }
);

/** Why a message did not go, in words that hold no personal data (so the log and the row may keep them). */
class DeliveryError extends Error {
  override name = 'DeliveryError';
  readonly safeToLog = true;
}

/**
 * Why fetch could not reach the case system, in words that name no person: the system's own code
 * (ECONNREFUSED, ENOTFOUND, a certificate's UNABLE_TO_VERIFY_LEAF_SIGNATURE…), or a timeout.
 */
function whyNotReached(error: unknown): string {
  const { name, cause } = error as { name?: string; cause?: { code?: unknown; name?: unknown } };
  if (name === 'TimeoutError') return `no answer in ${WEBHOOK_TIMEOUT_MS / 1000} s`;
  const code = cause?.code ?? cause?.name;
  return typeof code === 'string' && /^[A-Z0-9_]+$|^[A-Za-z]+Error$/.test(code) ? code : String(name ?? 'Error');
}

/** How long to wait before try `attempts + 1`: 30 seconds, then twice as long each time, never over an hour. */
function retryDelay(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), HOUR);
}

export function createOutboxRelay(deps: {
  outbox: OutboxRepository;
  mailer: Mailer;
  answersAtRest: AnswersAtRest;
  clock: Clock;
  log: Logger;
  metrics?: Pick<Counting, 'sendFailed'>;
  /** Where deliveries go; without it, they are written under `deliveriesDir`. */
  webhook?: Webhook;
  deliveriesDir: string;
}) {
  const { outbox, mailer, webhook, answersAtRest, clock, log, deliveriesDir } = deps;
  // The key made once for the process.
  const key: JwsKey | undefined = webhook?.signing
    ? { alg: 'ES256', key: KeyObject.from(webhook.signing.key) }
    : webhook?.secret
      ? { alg: 'HS256', secret: webhook.secret }
      : undefined;

  const post = async (delivery: Delivery): Promise<void> => {
    const jws = compactJws(
      key!,
      { ...(webhook!.signing ? { kid: webhook!.signing.kid } : {}), typ: 'asc-forms-submission+jws' },
      JSON.stringify(delivery),
    );
    let response: Response;
    try {
      // A redirect is refused: the signed referral goes to the address configured, and nowhere else.
      response = await fetch(webhook!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/jose' },
        body: jws,
        redirect: 'error',
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
    } catch (error) {
      throw new DeliveryError(`the case system could not be reached (${whyNotReached(error)})`);
    }
    await response.body?.cancel();
    if (!response.ok) throw new DeliveryError(`the case system answered ${response.status}`);
  };

  const deliver = async (message: ClaimedMessage): Promise<void> => {
    const content = await answersAtRest.open<unknown>(`outbox:${message.id}`, message.payload);
    if (message.kind === 'email') return mailer.send(content as MailMessage);
    const delivery = content as Delivery;
    if (webhook) return post(delivery);
    await privateFolder(deliveriesDir);
    const file = join(deliveriesDir, `${delivery.reference}.json`);
    await writeFile(file, JSON.stringify(delivery, null, 2), { mode: PRIVATE_FILE });
    log.info(`Referral ${delivery.reference} written to ${file} (set WEBHOOK_URL to deliver it to the case system).`);
  };

  const firstLine = (error: unknown) => loggable(error).split('\n')[0]!;

  /** Sends one message; says whether it went (a failure is recorded, to be tried again later). */
  const send = async (message: ClaimedMessage): Promise<boolean> => {
    try {
      await deliver(message);
      return true;
    } catch (error) {
      const attempts = message.attempts + 1;
      await outbox.markFailed(message, attempts, clock.now() + retryDelay(attempts), firstLine(error));
      deps.metrics?.sendFailed(message.kind);
      log.error(
        { err: error, outboxMessage: message.id, kind: message.kind, attempts },
        `Sending ${message.kind} ${message.id} failed (try ${attempts}); it will be tried again.`,
      );
      return false;
    }
  };

  /** Marks what went as sent, in one statement, tried again on its own rather than counted as a failure to send (which would send it twice). */
  const markSent = async (sent: ClaimedMessage[]): Promise<void> => {
    if (!sent.length) return;
    for (let attempt = 1; ; attempt++) {
      try {
        const marked = new Set(await outbox.markAllSent(sent, clock.now()));
        for (const message of sent.filter((each) => !marked.has(each.id)))
          log.warn(
            `Outbox ${message.kind} ${message.id} was sent, but its claim had lapsed: another sender may send it again.`,
          );
        return;
      } catch (error) {
        if (attempt === 3) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  };

  let stopped = false;

  /**
   * One kind of message, claimed and sent on its own: a mail server that never answers holds
   * back only the emails, and a case system that hangs only the deliveries.
   */
  const lane = (kind: OutboxKind, concurrency: number) => {
    let running: Promise<void> | undefined;
    let again = false;
    const limit = pLimit(concurrency);

    /** Sends every message of this kind that is due, a batch at a time, a few at once. */
    const round = async (): Promise<void> => {
      while (!stopped) {
        const due = await outbox.claimDue(clock.now(), CLAIM_MS, RELAY_BATCH, kind);
        const sent: ClaimedMessage[] = [];
        const untried: ClaimedMessage[] = [];
        // Once stopping, only the messages being sent are finished: the rest go back for another process.
        // What went is marked sent even when another message's bookkeeping failed, so it is not sent again.
        const settled = await Promise.allSettled(
          due.map((message) =>
            limit(async () => {
              if (stopped) untried.push(message);
              else if (await send(message)) sent.push(message);
            }),
          ),
        );
        await markSent(sent);
        if (untried.length) await outbox.release(untried);
        const failed = settled.find((result) => result.status === 'rejected');
        if (failed) throw failed.reason;
        if (due.length < RELAY_BATCH) return;
      }
    };

    /** Runs a round now (or right after the one under way); resolves when done. */
    const runNow = (): Promise<void> => {
      if (stopped) return Promise.resolve();
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        for (;;) {
          again = false;
          const started = performance.now();
          await round().catch((error: unknown) =>
            log.error({ err: error }, 'The outbox could not be read; it will be tried again.'),
          );
          if (!again || stopped) return;
          const wait = started + ROUND_GAP_MS - performance.now();
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        }
      })().finally(() => {
        running = undefined;
      });
      return running;
    };
    return { runNow, finished: () => running };
  };
  const lanes = [lane('email', mailer.concurrency), lane('delivery', webhook ? DELIVERY_CONCURRENCY : 1)];

  /** Runs a round of every lane now; resolves when all are done. */
  const runNow = async (): Promise<void> => {
    await Promise.all(lanes.map((each) => each.runNow()));
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
    /** Stops taking messages; resolves once those being sent have gone and the rest claimed are given back. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      await Promise.all(lanes.map((each) => each.finished()));
    },
  };
}

export type OutboxRelay = ReturnType<typeof createOutboxRelay>;
