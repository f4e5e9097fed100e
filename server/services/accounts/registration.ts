/**
 * Registering: names, email and password (step 1 and 2), then the code emailed to the address
 * (step 3) creates the account and signs the person in. An address that already has an account
 * gets the same answers on screen, and an email saying so.
 */
import { randomUUID } from 'node:crypto';
import type { FieldProblem } from '../../../engine/index.ts';
import type { User } from '../../repositories/users.ts';
import type { NewSession } from '../sessions.ts';
import { mailTemplates } from '../mail-templates.ts';
import { ConflictError, FieldErrors } from '../errors.ts';
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

// Names go into the council's emails: letters, spaces, hyphens, apostrophes and full stops only,
// so nobody can make the council send their words (a link, say) to someone else.
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;

export function createRegistration(deps: AccountDeps) {
  const { repos, codes, sessions, hasher, brand, clock } = deps;
  const { limiter, audit, deliver, sendCode, flow, readFlow, resend, checkNewPassword, emailHash } = accountTools(deps);
  const alreadyRegistered = () =>
    new ConflictError('already-registered', 'This email address already has an account: sign in instead');

  return {
    /** Step 1 and 2 of registering: checks everything, stores the registration, emails the code. */
    async register(
      input: { forename: string; surname: string; email: string; password: string; confirmPassword: string },
      context: RequestContext,
    ): Promise<PendingFlow> {
      const fields: FieldProblem[] = [];
      required(fields, 'forename', input.forename, 'Enter your forename');
      required(fields, 'surname', input.surname, 'Enter your surname');
      for (const [field, words] of [
        ['forename', 'Forename'],
        ['surname', 'Surname'],
      ] as const) {
        if (input[field].trim() && !NAME.test(input[field].trim()))
          fields.push({ field, message: `${words} must only include letters, spaces, hyphens and apostrophes` });
      }
      const email = input.email.trim().toLowerCase();
      checkEmail(fields, email);
      checkNewPassword(fields, input.password, input.confirmPassword, [
        input.forename,
        input.surname,
        email.split('@')[0] ?? '',
      ]);
      if (fields.length) throw new FieldErrors(fields);
      await limiter.hit(
        `register:ip:${context.ip}`,
        LIMITS.registerPerIp,
        'Too many registrations have come from here.',
      );

      const passwordHash = await hasher.hash(input.password);
      const existing = await repos.users.findByEmail(email);
      if (existing) {
        // Told by email, not on screen: the screen must not say who has an account. A few such
        // emails an hour at most, whoever asks, so nobody can flood an owner's inbox with them.
        if (await limiter.allows(`already-registered:email:${emailHash(email)}`, LIMITS.alreadyRegisteredPerEmail))
          deliver(mailTemplates.alreadyRegistered(brand, email));
        await audit('register', 'refused', context, { email, detail: { reason: 'already registered' } });
        // A code nobody is sent, so every later step answers exactly as for a new registration.
        const decoy = randomUUID();
        await codes.issue('register', decoy);
        return flow('register', decoy, email);
      }
      const registration = {
        id: randomUUID(),
        email,
        forename: input.forename.trim(),
        surname: input.surname.trim(),
        passwordHash,
        createdAt: clock.now(),
      };
      await repos.registrations.insert(registration);
      const code = await codes.issue('register', registration.id);
      sendCode('register', mailTemplates.registrationCode, registration, code);
      return flow('register', registration.id, email);
    },

    resendRegistrationCode: (flowToken: string | undefined) =>
      resend(flowToken, 'register', (id) => repos.registrations.findById(id), mailTemplates.registrationCode),

    /** Step 3: the code from the email creates the account and signs the person in. */
    async verifyRegistration(
      flowToken: string | undefined,
      code: unknown,
      context: RequestContext,
    ): Promise<{ user: User; session: NewSession }> {
      const pending = await readFlow(flowToken, 'register');
      await limiter.hit(`code:ip:${context.ip}`, LIMITS.codeEntryPerIp);
      await codes.consume('register', pending.subjectId, code, { ip: context.ip });
      const registration = await repos.registrations.findById(pending.subjectId);
      if (!registration) throw codeGone();
      if (await repos.users.findByEmail(registration.email)) {
        await repos.registrations.delete(registration.id);
        throw alreadyRegistered();
      }
      const now = clock.now();
      const user: User = {
        id: randomUUID(),
        email: registration.email,
        forename: registration.forename,
        surname: registration.surname,
        passwordHash: registration.passwordHash,
        role: 'referrer',
        createdAt: now,
        passwordChangedAt: now,
      };
      try {
        await repos.users.insert(user);
      } catch {
        // The same address finished registering a moment ago, in another request.
        throw alreadyRegistered();
      }
      await repos.registrations.delete(registration.id);
      await audit('register', 'success', context, { userId: user.id });
      return { user, session: await sessions.start(user.id) };
    },
  };
}
