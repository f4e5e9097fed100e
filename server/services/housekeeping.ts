/**
 * Forgetting what is no longer needed, on a timer: registrations nobody finished (with their
 * names and password hashes), used and expired codes, ended sessions, spent captchas and old
 * rate-limit counts; outbox messages a day after they went; and forms saved for later, 30 days
 * after their last save, as the guide promises. Personal data is kept no longer than its use.
 */
import type { Repositories } from '../repositories/index.ts';
import type { Clock } from './clock.ts';
import type { Log } from './log.ts';
import { HOUR } from './clock.ts';
import { DRAFT_LIFETIME_MS } from './drafts.ts';

const KEEP_FOR = 24 * HOUR;

export async function forgetExpired(repos: Repositories, now: number): Promise<Record<string, number>> {
  const before = now - KEEP_FOR;
  return {
    registrations: await repos.registrations.deleteExpiredBefore(before),
    emailCodes: await repos.emailCodes.deleteExpiredBefore(before),
    sessions: await repos.sessions.deleteExpiredBefore(before),
    spentCaptchas: await repos.spentCaptchas.deleteExpiredBefore(now),
    rateLimits: await repos.rateLimits.deleteExpiredBefore(before),
    drafts: await repos.drafts.deleteExpiredBefore(now - DRAFT_LIFETIME_MS),
    sentMessages: await repos.outbox.deleteExpiredBefore(before),
  };
}

/** Runs forgetExpired now and every hour; returns a function that stops it, once any run under way has finished. */
export function startHousekeeping(repos: Repositories, clock: Clock, log: Log): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = forgetExpired(repos, clock.now()).then(
      () => {},
      () => log('Housekeeping failed; it will try again in an hour.'),
    );
  };
  run();
  const timer = setInterval(run, HOUR);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
