/**
 * Issuing and checking the codes sent by email. A code works once, for its own purpose and
 * subject, until it expires (20 minutes to register or reset a password, 10 to sign in). After 5
 * wrong tries it is dead, the right code included. New codes can be asked for once a minute and 5
 * times an hour, counted from the last code that worked: someone who signs in many times a day
 * (a session ends after 20 idle minutes) is never held up, and a flood of codes nobody uses is.
 */
import { randomUUID } from 'node:crypto';
import type { CodePurpose, EmailCodesRepository } from '../../repositories/email-codes.ts';
import type { AuditLogRepository } from '../../repositories/audit-log.ts';
import { codeMatches, hashCode, newCode, normaliseCode } from '../email-codes.ts';
import { FieldErrors, RateLimitedError } from '../errors.ts';
import { HOUR, MINUTE, type Clock } from '../clock.ts';

export const CODE_LIFETIME_MS: Record<CodePurpose, number> = {
  register: 20 * MINUTE,
  reset: 20 * MINUTE,
  'sign-in': 10 * MINUTE,
};
const MAX_WRONG_TRIES = 5;
const RESEND = { gapMs: MINUTE, perHour: 5 };
const USED_OR_REPLACED = 'That code has been used or replaced: request a new one';

/** The answer to a code whose registration or account is gone: the same as for a code used up. */
export const codeGone = () => new FieldErrors([{ field: 'code', message: USED_OR_REPLACED }]);

export function createCodeService(deps: {
  emailCodes: EmailCodesRepository;
  auditLog: AuditLogRepository;
  clock: Clock;
  secret: Buffer;
}) {
  const { emailCodes, auditLog, clock, secret } = deps;
  const wrong = (message: string) => new FieldErrors([{ field: 'code', message }]);
  return {
    /** A new code for this purpose and subject (the old one stops working); `resend` applies the limits on asking again. */
    async issue(purpose: CodePurpose, subjectId: string, { resend = false } = {}): Promise<string> {
      const now = clock.now();
      if (resend) {
        const { count, earliest, latest } = await emailCodes.countSince(purpose, subjectId, now - HOUR);
        if (latest !== null && now - latest < RESEND.gapMs) {
          throw new RateLimitedError(
            Math.ceil((latest + RESEND.gapMs - now) / 1000),
            'We have just sent you a code. You can ask for a new one in a minute: check your junk folder meanwhile.',
          );
        }
        if (count >= RESEND.perHour) {
          // Another code can be sent once the first of these is an hour old.
          const wait = Math.max(1, Math.ceil(((earliest ?? now) + HOUR - now) / 1000));
          const minutes = Math.ceil(wait / 60);
          throw new RateLimitedError(
            wait,
            `You have asked for too many codes. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or call us.`,
          );
        }
      }
      const code = newCode();
      try {
        await emailCodes.replace(
          {
            id: randomUUID(),
            purpose,
            subjectId,
            codeHash: hashCode(secret, purpose, subjectId, code),
            attempts: 0,
            expiresAt: now + CODE_LIFETIME_MS[purpose],
            consumedAt: null,
            createdAt: now,
          },
          resend ? now - RESEND.gapMs : undefined,
        );
      } catch {
        // Another request made a code for the same thing at the same moment (one live code is the
        // database's rule): that one stands.
        throw new RateLimitedError(
          60,
          'We have just sent you a code. You can ask for a new one in a minute: check your junk folder meanwhile.',
        );
      }
      return code;
    },

    /** Checks a typed code and uses it up; throws, with what to do, when it does not work. */
    async consume(
      purpose: CodePurpose,
      subjectId: string,
      typed: unknown,
      context: { userId?: string; ip?: string },
      /** Runs once the code is right, before it is used up: what it throws leaves the code for another try. */
      beforeUse?: () => void,
    ): Promise<void> {
      const digits = typeof typed === 'string' ? normaliseCode(typed) : null;
      if (!digits) throw wrong('Enter a code of 6 digits, like 123 456');
      const code = await emailCodes.findLatest(purpose, subjectId);
      const now = clock.now();
      if (!code || code.consumedAt !== null) throw codeGone();
      if (code.expiresAt <= now) throw wrong('That code has expired: request a new one');
      const attempt = await emailCodes.reserveAttempt(code.id, MAX_WRONG_TRIES);
      if (attempt === null) throw wrong('You have entered a wrong code too many times: request a new one');
      if (!codeMatches(secret, purpose, subjectId, digits, code.codeHash)) {
        if (attempt >= MAX_WRONG_TRIES) {
          await auditLog.add({
            at: now,
            event: `${purpose}-code`,
            outcome: 'refused',
            userId: context.userId,
            ip: context.ip,
            detail: { reason: 'too many wrong codes' },
          });
          throw wrong('You have entered a wrong code too many times: request a new one');
        }
        await auditLog.add({
          at: now,
          event: `${purpose}-code`,
          outcome: 'failure',
          userId: context.userId,
          ip: context.ip,
        });
        const left = MAX_WRONG_TRIES - attempt;
        throw wrong(
          `That code is not right. Check the email we sent you (you can try ${left} more time${left === 1 ? '' : 's'}), or request a new code`,
        );
      }
      beforeUse?.();
      if (!(await emailCodes.consume(code.id, now))) throw codeGone();
      // A code that worked starts the limits on asking for new ones afresh: a person who signs in a
      // dozen times a day (the idle timeout makes that normal) is never told to wait. The limits
      // still stop a flood, and a code only ever goes to the account's own, verified address.
      await emailCodes.clearEarlier(purpose, subjectId, code.createdAt);
    },
  };
}

export type CodeService = ReturnType<typeof createCodeService>;
