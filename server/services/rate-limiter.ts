/**
 * Rate limits kept in the database, so several server processes share one count: a fixed window
 * per key ("sign-in:ip:…", "sign-in:email:…"). A request over the limit is refused with a time to
 * wait (RateLimitedError).
 */
import type { Knex } from 'knex';
import type { RateLimitsRepository } from '../repositories/rate-limits.ts';
import type { Clock } from './clock.ts';
import { RateLimitedError } from './errors.ts';

export interface Limit {
  max: number;
  windowMs: number;
}

const TOO_MANY = 'You have tried too many times. Wait a while and try again.';

export function createRateLimiter(repository: RateLimitsRepository, clock: Clock) {
  const windowOf = (limit: Limit) => {
    const now = clock.now();
    return { now, windowStart: now - (now % limit.windowMs) };
  };
  const refusal = (limit: Limit, windowStart: number, now: number, message: string) => {
    const wait = Math.ceil((windowStart + limit.windowMs - now) / 1000);
    const minutes = Math.ceil(wait / 60);
    return new RateLimitedError(
      wait,
      `${message.replace(/\.$/, '')}: wait ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
  };
  return {
    /** Refuses, without counting, when the key has already used up its limit (failures counted by `hit`). */
    async check(key: string, limit: Limit, message = TOO_MANY): Promise<void> {
      const { now, windowStart } = windowOf(limit);
      if ((await repository.count(key, windowStart)) >= limit.max) throw refusal(limit, windowStart, now, message);
    },
    /**
     * Counts one more request for the key (in `trx`, when given); throws RateLimitedError past the
     * limit. A key already over its limit is refused on a read, writing nothing: a flood of refused
     * requests costs the database no writes. In a transaction the count is its first statement, a
     * write: on SQLite a transaction that read first could not wait for the lock to become a
     * writer (it fails at once, busy), and a refusal rolls the count back with the rest.
     */
    async hit(key: string, limit: Limit, message = TOO_MANY, trx?: Knex): Promise<void> {
      const { now, windowStart } = windowOf(limit);
      if (!trx && (await repository.count(key, windowStart)) >= limit.max)
        throw refusal(limit, windowStart, now, message);
      if ((await repository.increment(key, windowStart, trx)) > limit.max)
        throw refusal(limit, windowStart, now, message);
    },
    /** Forgets the key's counts, and those of the keys under it: a lock lifted. */
    forget: (key: string) => repository.forget(key),
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
