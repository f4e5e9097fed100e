/**
 * Passwords: resetting a forgotten one (an emailed code, then the new password) and changing it
 * from the account menu (the current one asked for). Either way every other session ends.
 */
import { createHmac } from 'node:crypto';
import type { FieldProblem } from '../../../engine/index.ts';
import type { ActiveSession } from '../sessions.ts';
import { mailTemplates } from '../mail-templates.ts';
import { FieldErrors } from '../errors.ts';
import { codeGone } from './codes.ts';
import {
  accountTools,
  checkEmail,
  LIMITS,
  required,
  type AccountDeps,
  type PendingFlow,
  type RequestContext,
} from './shared.ts';

export function createPasswords(deps: AccountDeps) {
  /** A UUID-shaped subject for an address without an account: the same each time it is asked for. */
  const standIn = (email: string) => {
    const hex = createHmac('sha256', deps.secret).update(`reset-stand-in:${email}`).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  };
  const { repos, codes, sessions, hasher, brand, clock } = deps;
  const { limiter, audit, deliver, sendCode, flow, readFlow, resend, emailHash, checkNewPassword, signInFailuresKey } =
    accountTools(deps);

  return {
    /** Forgotten password, step 1: a code goes to the address if it has an account; the answer is the same either way. */
    async requestPasswordReset(input: { email: string }, context: RequestContext): Promise<PendingFlow> {
      const email = input.email.trim().toLowerCase();
      const fields: FieldProblem[] = [];
      checkEmail(fields, email);
      if (fields.length) throw new FieldErrors(fields);
      await limiter.hit(`reset:ip:${context.ip}`, LIMITS.resetPerIp);
      await limiter.hit(`reset:email:${emailHash(email)}`, LIMITS.resetPerEmail);
      const user = await repos.users.findByEmail(email);
      await audit('password-reset-request', user ? 'success' : 'failure', context, { userId: user?.id, email });
      // The same work whether or not the address has an account: a code is made either way, for a
      // stand-in subject that is the same for each asking, so the limits on new codes read alike.
      const subjectId = user?.id ?? standIn(email);
      const code = await codes.issue('reset', subjectId, { resend: true });
      if (user) sendCode('reset', mailTemplates.resetCode, user, code);
      return flow('reset', subjectId, email);
    },

    resendResetCode: (flowToken: string | undefined) =>
      resend(flowToken, 'reset', (id) => repos.users.findById(id), mailTemplates.resetCode),

    /** Forgotten password, step 2: the code and a new password; every session of the account ends. */
    async resetPassword(
      flowToken: string | undefined,
      input: { code: unknown; password: string; confirmPassword: string },
      context: RequestContext,
    ): Promise<void> {
      const pending = await readFlow(flowToken, 'reset');
      const user = await repos.users.findById(pending.subjectId);
      // Checked first by what the flow shows anyway (its address); the account's names only once the
      // code has proved the person got the email, so the answers do not tell who has an account.
      const fields: FieldProblem[] = [];
      checkNewPassword(fields, input.password, input.confirmPassword, [pending.email.split('@')[0]!]);
      if (fields.length) throw new FieldErrors(fields);
      await limiter.hit(`code:ip:${context.ip}`, LIMITS.codeEntryPerIp);
      await codes.consume('reset', pending.subjectId, input.code, { userId: user?.id, ip: context.ip }, () => {
        if (!user) return;
        checkNewPassword(fields, input.password, input.confirmPassword, [user.forename, user.surname]);
        if (fields.length) throw new FieldErrors(fields);
      });
      if (!user) throw codeGone();
      const now = clock.now();
      await repos.users.updatePassword(user.id, await hasher.hash(input.password), now);
      await sessions.endAllForUser(user.id);
      // The owner has proved they hold the address: wrong passwords tried before no longer hold them back.
      await limiter.forget(signInFailuresKey(user.email));
      await audit('password-reset', 'success', context, { userId: user.id });
      deliver(mailTemplates.passwordChanged(brand, user.email, user.forename));
    },

    /** From the account menu: needs the current password; other sessions end, and this one gets a new id. */
    async changePassword(
      active: ActiveSession,
      input: { currentPassword: string; password: string; confirmPassword: string },
      context: RequestContext,
    ): Promise<{ token: string; expiresAt: number }> {
      const fields: FieldProblem[] = [];
      required(fields, 'currentPassword', input.currentPassword, 'Enter your current password');
      checkNewPassword(fields, input.password, input.confirmPassword, [
        active.user.forename,
        active.user.surname,
        active.user.email.split('@')[0]!,
      ]);
      if (fields.length) throw new FieldErrors(fields);
      await limiter.hit(
        `password-change:user:${active.user.id}`,
        LIMITS.signInPerEmail,
        'Too many attempts to change the password.',
      );
      if (!(await hasher.verify(input.currentPassword, active.user.passwordHash))) {
        await audit('password-change', 'failure', context, { userId: active.user.id });
        throw new FieldErrors([{ field: 'currentPassword', message: 'Your current password is not right' }]);
      }
      if (input.password === input.currentPassword)
        throw new FieldErrors([
          { field: 'password', message: 'Your new password must be different from your current one' },
        ]);
      await repos.users.updatePassword(active.user.id, await hasher.hash(input.password), clock.now());
      await sessions.endAllForUser(active.user.id);
      await audit('password-change', 'success', context, { userId: active.user.id });
      deliver(mailTemplates.passwordChanged(brand, active.user.email, active.user.forename));
      return sessions.start(active.user.id);
    },
  };
}
