/**
 * Signing in: email and password, then a code emailed to the address starts a session; and
 * signing out. A wrong email and a wrong password read the same, and take the same time.
 */
import type { FieldProblem } from '../../../engine/index.ts';
import type { User } from '../../repositories/users.ts';
import type { ActiveSession, NewSession } from '../sessions.ts';
import { mailTemplates } from '../mail-templates.ts';
import { FieldErrors } from '../errors.ts';
import { codeGone } from './codes.ts';
import { accountTools, LIMITS, required, type AccountDeps, type PendingFlow, type RequestContext } from './shared.ts';

export function createSignIn(deps: AccountDeps) {
  const { repos, codes, sessions, hasher } = deps;
  const { limiter, audit, sendCode, flow, readFlow, resend, signInFailuresKey } = accountTools(deps);

  return {
    /** Signing in, step 1: the password; a code is then emailed. Wrong email and wrong password read the same. */
    async startSignIn(input: { email: string; password: string }, context: RequestContext): Promise<PendingFlow> {
      const fields: FieldProblem[] = [];
      required(fields, 'email', input.email, 'Enter your email address');
      required(fields, 'password', input.password, 'Enter your password');
      if (fields.length) throw new FieldErrors(fields);
      const email = input.email.trim().toLowerCase();
      await limiter.hit(
        `sign-in:ip:${context.ip}`,
        LIMITS.signInPerIp,
        'Too many attempts to sign in have come from here.',
      );
      // Only wrong passwords count against an account, so nobody can lock its owner out by trying the
      // right one; and they count per client address, so a guesser is slowed, not the owner. All the
      // wrong passwords for the account together have a far higher limit, which a completed reset lifts.
      const accountKey = signInFailuresKey(email);
      const guesserKey = `${accountKey}:ip:${context.ip}`;
      const tooMany = 'Too many wrong passwords have been tried for this account.';
      await limiter.check(guesserKey, LIMITS.signInPerEmail, tooMany);
      await limiter.check(accountKey, LIMITS.signInFailuresPerAccount, tooMany);
      const user = await repos.users.findByEmail(email);
      const matches = user
        ? await hasher.verify(input.password, user.passwordHash)
        : await hasher.verifyNothing(input.password);
      if (!user || !matches) {
        await audit('sign-in', 'failure', context, {
          userId: user?.id,
          email,
          detail: { reason: user ? 'wrong password' : 'unknown email' },
        });
        deps.metrics?.signInFailed();
        const counted = { windowMs: LIMITS.signInPerEmail.windowMs, max: Number.MAX_SAFE_INTEGER };
        await limiter.hit(guesserKey, counted);
        await limiter.hit(accountKey, { ...counted, windowMs: LIMITS.signInFailuresPerAccount.windowMs });
        throw new FieldErrors([
          { field: 'email', message: 'The email address or password is not right. Check them and try again' },
        ]);
      }
      // Each sign-in makes a new code: the limits on new codes stop it being a way round the 5 tries.
      const code = await codes.issue('sign-in', user.id, { resend: true });
      sendCode('sign-in', mailTemplates.signInCode, user, code);
      return flow('sign-in', user.id, user.email);
    },

    resendSignInCode: (flowToken: string | undefined) =>
      resend(flowToken, 'sign-in', (id) => repos.users.findById(id), mailTemplates.signInCode),

    /** Signing in, step 2: the emailed code starts a session. */
    async verifySignIn(
      flowToken: string | undefined,
      code: unknown,
      context: RequestContext,
    ): Promise<{ user: User; session: NewSession }> {
      const pending = await readFlow(flowToken, 'sign-in');
      await limiter.hit(`code:ip:${context.ip}`, LIMITS.codeEntryPerIp);
      await codes.consume('sign-in', pending.subjectId, code, { userId: pending.subjectId, ip: context.ip });
      const user = await repos.users.findById(pending.subjectId);
      if (!user) throw codeGone();
      await audit('sign-in', 'success', context, { userId: user.id });
      return { user, session: await sessions.start(user.id) };
    },

    async signOut(active: ActiveSession, context: RequestContext): Promise<void> {
      await sessions.end(active);
      await audit('sign-out', 'success', context, { userId: active.user.id });
    },
  };
}
