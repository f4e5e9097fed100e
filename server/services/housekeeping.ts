/**
 * Forgetting what is no longer needed, on a timer: registrations nobody finished (with their
 * names and password hashes), used and expired codes, ended sessions, spent captchas and old
 * rate-limit counts; outbox messages a day after they went; and forms saved for later, 30 days
 * after their last save, as the guide promises; and the answers, notes and search keys of
 * submissions closed RETENTION_DAYS ago, as the council's retention policy says. Personal data is
 * kept no longer than its use, and what goes leaves no copy in SQLite's files (repositories/storage.ts).
 */
import type { Repositories } from '../repositories/index.ts';
import type { Clock } from './clock.ts';
import type { Logger } from './log.ts';
import { DAY, HOUR } from './clock.ts';
import { DRAFT_LIFETIME_MS } from './drafts.ts';
import { STANDARD_RETENTION, type RetentionPolicy } from './retention.ts';

/** The repositories that forget: each one's deleteExpiredBefore names the moment it compares with the cutoff. */
type Forgetting = {
  [K in keyof Repositories]: Repositories[K] extends { deleteExpiredBefore(cutoff: number): Promise<number> }
    ? K
    : never;
}[keyof Repositories];

/** What goes, from which repository, and how long it is kept after that repository's moment. */
const RETENTION: Record<string, { from: Forgetting; keptForMs: number }> = {
  registrations: { from: 'registrations', keptForMs: DAY }, // after it was started
  emailCodes: { from: 'emailCodes', keptForMs: DAY }, // after it expired
  sessions: { from: 'sessions', keptForMs: DAY }, // after it expired or was revoked
  staffSessions: { from: 'staffSessions', keptForMs: DAY }, // likewise
  spentCaptchas: { from: 'spentCaptchas', keptForMs: 0 }, // after its challenge expired
  rateLimits: { from: 'rateLimits', keptForMs: DAY }, // after its window started (the longest is an hour)
  drafts: { from: 'drafts', keptForMs: DRAFT_LIFETIME_MS }, // after its last save
  sentMessages: { from: 'outbox', keptForMs: DAY }, // after it was sent
};

/** Forgets everything past its time in RETENTION and the policy; says how many of each went. */
export async function forgetExpired(
  repos: Repositories,
  now: number,
  policy: RetentionPolicy = STANDARD_RETENTION,
): Promise<Record<string, number>> {
  const forgotten: Record<string, number> = {};
  for (const [what, { from, keptForMs }] of Object.entries(RETENTION))
    forgotten[what] = await repos[from].deleteExpiredBefore(now - keptForMs);
  // RETENTION_DAYS after closing, as the council's policy says.
  forgotten.closedAnswers = await repos.retention.deleteExpiredBefore(now - policy.closedAnswersKeptForMs, now);
  await repos.storage.flushDeleted();
  return forgotten;
}

/** Runs forgetExpired now and every hour; returns a function that stops it, once any run under way has finished. */
export function startHousekeeping(
  repos: Repositories,
  clock: Clock,
  log: Logger,
  policy: RetentionPolicy,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = forgetExpired(repos, clock.now(), policy).then(
      () => {},
      (error: unknown) => log.error({ err: error }, 'Housekeeping failed; it will try again in an hour.'),
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
