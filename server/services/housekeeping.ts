/**
 * Forgetting what is no longer needed, on a timer: registrations nobody finished (with their
 * names and password hashes), used and expired codes, ended sessions, spent captchas and old
 * rate-limit counts. Personal data is kept no longer than its use.
 */
import type { Knex } from 'knex';
import type { Clock } from './clock.ts';
import { HOUR } from './clock.ts';

const KEEP_FOR = 24 * HOUR;

export async function forgetExpired(db: Knex, now: number): Promise<Record<string, number>> {
  const before = now - KEEP_FOR;
  return {
    registrations: await db('registrations').where('created_at', '<', before).delete(),
    emailCodes: await db('email_codes').where('expires_at', '<', before).delete(),
    sessions: await db('sessions').where('expires_at', '<', before).orWhere('revoked_at', '<', before).delete(),
    spentCaptchas: await db('spent_captchas').where('expires_at', '<', now).delete(),
    rateLimits: await db('rate_limits').where('window_start', '<', before).delete(),
  };
}

/** Runs forgetExpired now and every hour; returns a function that stops it. */
export function startHousekeeping(db: Knex, clock: Clock, log: (message: string) => void): () => void {
  const run = () => void forgetExpired(db, clock.now()).catch(() => log('Housekeeping failed; it will try again in an hour.'));
  run();
  const timer = setInterval(run, HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
