/**
 * What every account use case (registration.ts, sign-in.ts, passwords.ts) is built from: the
 * limits on tries, which audit every lockout; the audit log; emails sent without holding up the
 * answer; the flows that wait for an emailed code; and the checks of names, addresses and new
 * passwords.
 */
import { createHmac } from 'node:crypto';
import { isEmail, type FieldProblem } from '../../../engine/index.ts';
import type { Repositories } from '../../repositories/index.ts';
import type { AuditOutcome } from '../../repositories/audit-log.ts';
import type { Mailer, MailMessage } from '../mailer.ts';
import type { CodeEmail, MailBrand } from '../mail-templates.ts';
import type { PasswordHasher } from '../password-hasher.ts';
import { passwordProblems } from '../password-strength.ts';
import type { Limit, RateLimiter } from '../rate-limiter.ts';
import type { SessionService } from '../sessions.ts';
import type { Tokens, FlowPurpose } from '../tokens.ts';
import { CODE_LIFETIME_MS, type CodeService } from './codes.ts';
import { ConflictError, RateLimitedError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Counting } from '../metrics.ts';
import { HOUR, MINUTE, type Clock } from '../clock.ts';

export interface AccountDeps {
  repos: Repositories;
  codes: CodeService;
  sessions: SessionService;
  tokens: Tokens;
  hasher: PasswordHasher;
  limiter: RateLimiter;
  mailer: Mailer;
  brand: MailBrand;
  clock: Clock;
  /** Words a password must not be built on: the council's name and the like. */
  councilWords: string[];
  /** Multiplies every rate limit: 1 as standard; more for a busy shared office address or a test run. */
  rateLimitScale?: number;
  /** The server secret: keys the hashes of email addresses kept in the audit log and rate limits. */
  secret: Buffer;
  log: Logger;
  metrics?: Pick<Counting, 'signInFailed'>;
}

export interface RequestContext {
  ip: string;
}

/** A step of registering, signing in or resetting that waits for an emailed code. */
export interface PendingFlow {
  flowToken: string;
  /** When the flow's cookie lapses (a while after its code). */
  flowExpiresAt: number;
  /** When the code just sent stops working, to tell the person. */
  expiresAt: number;
  /** The address the code went to, to show the person. */
  email: string;
}

export const LIMITS = {
  signInPerIp: { max: 30, windowMs: 15 * MINUTE },
  signInPerEmail: { max: 10, windowMs: 15 * MINUTE },
  /** Wrong passwords for one account from everywhere: far more than one guesser may try; a completed reset lifts it. */
  signInFailuresPerAccount: { max: 50, windowMs: 15 * MINUTE },
  codeEntryPerIp: { max: 40, windowMs: 15 * MINUTE },
  registerPerIp: { max: 10, windowMs: HOUR },
  resetPerIp: { max: 10, windowMs: HOUR },
  resetPerEmail: { max: 5, windowMs: HOUR },
  alreadyRegisteredPerEmail: { max: 3, windowMs: HOUR },
};

const FLOW_LIFETIME_MS = 30 * MINUTE;
/** How long a try at a key already locked waits for its refusal. */
const LOCKED_REFUSAL_DELAY_MS = 1000;

/** Adds the problem when the value is blank. */
export function required(fields: FieldProblem[], field: string, value: string, message: string): void {
  if (!value.trim()) fields.push({ field, message });
}

/** Adds what is wrong with an email address (already trimmed), by the same rule as the forms' email questions. */
export function checkEmail(fields: FieldProblem[], email: string): void {
  if (!email) fields.push({ field: 'email', message: 'Enter your email address' });
  else if (!isEmail(email))
    fields.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' });
}

/** The pieces the account use cases share, over the same dependencies. */
export function accountTools(deps: AccountDeps) {
  const { repos, codes, tokens, clock, log } = deps;
  const scale = deps.rateLimitScale ?? 1;
  const scaled = (limit: Limit) => ({ ...limit, max: limit.max * scale });
  // Every lockout goes to the audit log: once for each key locked, until its window ends, so a
  // flood of refused tries is one row, not one row a try. (Each server process records it once.)
  const lockedUntil = new Map<string, number>();
  const firstRefusal = (key: string, error: RateLimitedError): boolean => {
    const now = clock.now();
    if ((lockedUntil.get(key) ?? 0) > now) return false;
    if (lockedUntil.size >= 10_000) {
      for (const [each, until] of lockedUntil) if (until <= now) lockedUntil.delete(each);
      // Still full (a flood from ever more addresses): forgetting costs at most a row more for each key.
      if (lockedUntil.size >= 10_000) lockedUntil.clear();
    }
    lockedUntil.set(key, now + error.retryAfterSeconds * 1000);
    return true;
  };
  const audited = async (work: Promise<void>, key: string, slowly = true): Promise<void> => {
    try {
      await work;
    } catch (error) {
      if (error instanceof RateLimitedError) {
        if (!firstRefusal(key, error)) {
          // Tries at a key already locked are answered slowly: a client that keeps trying, as a
          // flood does, then asks about once a second, and costs the server little. (Not for a
          // limit that refuses nothing the person sees, whose answer must take the usual time.)
          if (slowly) await new Promise((resolve) => setTimeout(resolve, LOCKED_REFUSAL_DELAY_MS));
          throw error;
        }
        await repos.auditLog.add({
          at: clock.now(),
          event: 'rate-limited',
          outcome: 'refused',
          detail: { limit: key.split(':').slice(0, 2).join(':') },
        });
      }
      throw error;
    }
  };
  const emailHash = (email: string) => createHmac('sha256', deps.secret).update(email.toLowerCase()).digest('hex');
  /** The key counting wrong passwords for an account; per client address under it (`…:ip:…`). */
  const signInFailuresKey = (email: string) => `sign-in:email:${emailHash(email)}`;

  // Emails go out without holding up the answer, which then takes the same time whether an email
  // was sent or not. A failed send is logged; the person can ask for a new code.
  const deliver = (message: MailMessage) => {
    // Logged without the error's words: an SMTP refusal quotes the address.
    void deps.mailer.send(message).catch((error: unknown) => log.error({ err: error }, 'Sending an email failed.'));
  };

  /** Emails a code, saying how long it lasts by the lifetime its check uses. */
  const sendCode = (purpose: FlowPurpose, email: CodeEmail, to: { email: string; forename: string }, code: string) =>
    deliver(email(deps.brand, to.email, to.forename, code, CODE_LIFETIME_MS[purpose]));

  // A flow outlasts its codes, so an expired code is told as such, and a new one can be asked for.
  const flow = async (purpose: FlowPurpose, subjectId: string, email: string): Promise<PendingFlow> => {
    const flowExpiresAt = clock.now() + FLOW_LIFETIME_MS;
    return {
      flowToken: await tokens.flow(purpose, subjectId, email, flowExpiresAt),
      flowExpiresAt,
      expiresAt: clock.now() + CODE_LIFETIME_MS[purpose],
      email,
    };
  };

  const readFlow = async (token: string | undefined, purpose: FlowPurpose) => {
    const pending = token ? await tokens.readFlow(token, purpose) : null;
    if (!pending) {
      throw new ConflictError(
        'flow-expired',
        purpose === 'register'
          ? 'Your registration has timed out: start again'
          : purpose === 'sign-in'
            ? 'Signing in has timed out: enter your email and password again'
            : 'Resetting your password has timed out: start again',
      );
    }
    return pending;
  };

  return {
    /** The app's rate limiter, scaled, with every lockout audited. */
    limiter: {
      hit: (key: string, limit: Limit, message?: string) => audited(deps.limiter.hit(key, scaled(limit), message), key),
      check: (key: string, limit: Limit, message?: string) =>
        audited(deps.limiter.check(key, scaled(limit), message), key),
      forget: (key: string) => {
        for (const each of lockedUntil.keys()) if (each === key || each.startsWith(`${key}:`)) lockedUntil.delete(each);
        return deps.limiter.forget(key);
      },
      /** Counts one more for the key and says whether it is within the limit (audited when not), without refusing. */
      allows: (key: string, limit: Limit) =>
        audited(deps.limiter.hit(key, scaled(limit)), key, false).then(
          () => true,
          (error) => {
            if (error instanceof RateLimitedError) return false;
            throw error;
          },
        ),
    },
    emailHash,
    signInFailuresKey,
    deliver,
    sendCode,
    flow,
    readFlow,

    /** Adds what is wrong with a new password and its confirmation; `words` are the person's own, not to build it on. */
    checkNewPassword(fields: FieldProblem[], password: string, confirm: string, words: string[]): void {
      if (!password) fields.push({ field: 'password', message: 'Enter a password' });
      else
        for (const message of passwordProblems(password, undefined, { words: [...deps.councilWords, ...words] }))
          fields.push({ field: 'password', message });
      if (!confirm) fields.push({ field: 'confirmPassword', message: 'Confirm your password' });
      else if (password && confirm !== password)
        fields.push({ field: 'confirmPassword', message: 'The passwords do not match: enter the same password twice' });
    },

    /**
     * "Request a new code", for any flow: a new code replaces the old one, under the limits on new
     * codes, and is emailed when the flow is for a real registration or account (a decoy flow gets
     * the same answer and no email).
     */
    async resend(
      flowToken: string | undefined,
      purpose: FlowPurpose,
      find: (id: string) => Promise<{ email: string; forename: string } | null>,
      email: CodeEmail,
    ): Promise<PendingFlow> {
      const pending = await readFlow(flowToken, purpose);
      const subject = await find(pending.subjectId);
      const code = await codes.issue(purpose, pending.subjectId, { resend: true });
      if (subject) sendCode(purpose, email, subject, code);
      return flow(purpose, pending.subjectId, pending.email);
    },

    /** Writes an audit row for the request; an email is kept only as its keyed hash. */
    audit: (
      event: string,
      outcome: AuditOutcome,
      context: RequestContext,
      more: { userId?: string; email?: string; detail?: Record<string, unknown> } = {},
    ) =>
      repos.auditLog.add({
        at: clock.now(),
        event,
        outcome,
        userId: more.userId ?? null,
        emailHash: more.email ? emailHash(more.email) : null,
        ip: context.ip,
        detail: more.detail,
      }),
  };
}
