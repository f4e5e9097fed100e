/**
 * What a referrer can do with an account: register (names, then email and password, then the
 * code emailed to them), sign in (password, then an emailed code), reset a forgotten password,
 * change it, and sign out. Unknown and known email addresses get the same answers, so the portal
 * never tells who has an account.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Repositories } from '../../repositories/index.ts';
import type { User } from '../../repositories/users.ts';
import type { Mailer, MailMessage } from '../mailer.ts';
import { mailTemplates, type MailBrand } from '../mail-templates.ts';
import type { PasswordHasher } from '../password-hasher.ts';
import { passwordProblems } from '../password-strength.ts';
import type { RateLimiter } from '../rate-limiter.ts';
import type { SessionService, ActiveSession } from '../sessions.ts';
import type { Tokens, FlowPurpose } from '../tokens.ts';
import type { CodeService } from './codes.ts';
import { CODE_LIFETIME_MS } from './codes.ts';
import type { FieldProblem } from '../../../engine/index.ts';
import { ConflictError, FieldErrors, RateLimitedError } from '../errors.ts';
import { loggable } from '../log.ts';
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
  log: (message: string, error?: unknown) => void;
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

const LIMITS = {
  signInPerIp: { max: 30, windowMs: 15 * MINUTE },
  signInPerEmail: { max: 10, windowMs: 15 * MINUTE },
  codeEntryPerIp: { max: 40, windowMs: 15 * MINUTE },
  registerPerIp: { max: 10, windowMs: HOUR },
  resetPerIp: { max: 10, windowMs: HOUR },
  resetPerEmail: { max: 5, windowMs: HOUR },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
const FLOW_LIFETIME_MS = 30 * MINUTE;
// Names go into the council's emails: letters, spaces, hyphens, apostrophes and full stops only,
// so nobody can make the council send their words (a link, say) to someone else.
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;

function required(fields: FieldProblem[], field: string, value: string, message: string): void {
  if (!value.trim()) fields.push({ field, message });
}

export function createAccountService(deps: AccountDeps) {
  const { repos, codes, sessions, tokens, hasher, mailer, brand, clock, log } = deps;
  const scale = deps.rateLimitScale ?? 1;
  const scaled = (limit: { max: number; windowMs: number }) => ({ ...limit, max: limit.max * scale });
  // Every refusal for too many tries goes to the audit log: lockouts are what it is for.
  const audited = async (work: Promise<void>, key: string): Promise<void> => {
    try {
      await work;
    } catch (error) {
      if (error instanceof RateLimitedError) await repos.auditLog.add({ at: clock.now(), event: 'rate-limited', outcome: 'refused', detail: { limit: key.split(':').slice(0, 2).join(':') } });
      throw error;
    }
  };
  const limiter = {
    hit: (key: string, limit: { max: number; windowMs: number }, message?: string) => audited(deps.limiter.hit(key, scaled(limit), message), key),
    check: (key: string, limit: { max: number; windowMs: number }, message?: string) => audited(deps.limiter.check(key, scaled(limit), message), key),
  };
  const emailHash = (email: string) => createHmac('sha256', deps.secret).update(email.toLowerCase()).digest('hex');

  // Emails go out without holding up the answer, which then takes the same time whether an email
  // was sent or not. A failed send is logged; the person can ask for a new code.
  const deliver = (message: MailMessage) => {
    // Logged without the error's words: an SMTP refusal quotes the address.
    void mailer.send(message).catch((error) => log(`Sending an email failed: ${loggable(error)}`));
  };

  // A flow outlasts its codes, so an expired code is told as such, and a new one can be asked for.
  const flow = async (purpose: FlowPurpose, subjectId: string, email: string): Promise<PendingFlow> => {
    const flowExpiresAt = clock.now() + FLOW_LIFETIME_MS;
    return { flowToken: await tokens.flow(purpose, subjectId, email, flowExpiresAt), flowExpiresAt, expiresAt: clock.now() + CODE_LIFETIME_MS[purpose], email };
  };

  const readFlow = async (token: string | undefined, purpose: FlowPurpose) => {
    const pending = token ? await tokens.readFlow(token, purpose) : null;
    if (!pending) {
      throw new ConflictError('flow-expired', purpose === 'register'
        ? 'Your registration has timed out: start again'
        : purpose === 'sign-in' ? 'Signing in has timed out: enter your email and password again' : 'Resetting your password has timed out: start again');
    }
    return pending;
  };

  const checkNewPassword = (fields: FieldProblem[], password: string, confirm: string, words: string[]) => {
    if (!password) fields.push({ field: 'password', message: 'Enter a password' });
    else for (const message of passwordProblems(password, undefined, { words: [...deps.councilWords, ...words] })) fields.push({ field: 'password', message });
    if (!confirm) fields.push({ field: 'confirmPassword', message: 'Confirm your password' });
    else if (password && confirm !== password) fields.push({ field: 'confirmPassword', message: 'The passwords do not match: enter the same password twice' });
  };

  /**
   * "Request a new code", for any flow: a new code replaces the old one, under the limits on new
   * codes, and is emailed when the flow is for a real registration or account (a decoy flow gets
   * the same answer and no email).
   */
  const resend = async (
    flowToken: string | undefined, purpose: FlowPurpose, find: (id: string) => Promise<{ email: string; forename: string } | null>,
    template: (brand: MailBrand, to: string, forename: string, code: string) => MailMessage,
  ): Promise<PendingFlow> => {
    const pending = await readFlow(flowToken, purpose);
    const subject = await find(pending.subjectId);
    const code = await codes.issue(purpose, pending.subjectId, { resend: true });
    if (subject) deliver(template(brand, subject.email, subject.forename, code));
    return flow(purpose, pending.subjectId, pending.email);
  };

  const audit = (event: string, outcome: 'success' | 'failure' | 'refused', context: RequestContext, more: { userId?: string; email?: string; detail?: Record<string, unknown> } = {}) =>
    repos.auditLog.add({ at: clock.now(), event, outcome, userId: more.userId ?? null, emailHash: more.email ? emailHash(more.email) : null, ip: context.ip, detail: more.detail });

  return {
    /** Step 1 and 2 of registering: checks everything, stores the registration, emails the code. */
    async register(input: { forename: string; surname: string; email: string; password: string; confirmPassword: string }, context: RequestContext): Promise<PendingFlow> {
      const fields: FieldProblem[] = [];
      required(fields, 'forename', input.forename, 'Enter your forename');
      required(fields, 'surname', input.surname, 'Enter your surname');
      for (const [field, words] of [['forename', 'Forename'], ['surname', 'Surname']] as const) {
        if (input[field].trim() && !NAME.test(input[field].trim())) fields.push({ field, message: `${words} must only include letters, spaces, hyphens and apostrophes` });
      }
      const email = input.email.trim().toLowerCase();
      if (!email) fields.push({ field: 'email', message: 'Enter your email address' });
      else if (!EMAIL.test(email)) fields.push({ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' });
      checkNewPassword(fields, input.password, input.confirmPassword, [input.forename, input.surname, email.split('@')[0] ?? '']);
      if (fields.length) throw new FieldErrors(fields);
      await limiter.hit(`register:ip:${context.ip}`, LIMITS.registerPerIp, 'Too many registrations have come from here.');

      const passwordHash = await hasher.hash(input.password);
      const existing = await repos.users.findByEmail(email);
      if (existing) {
        // Told by email, not on screen: the screen must not say who has an account.
        deliver(mailTemplates.alreadyRegistered(brand, email));
        await audit('register', 'refused', context, { email, detail: { reason: 'already registered' } });
        // A code nobody is sent, so every later step answers exactly as for a new registration.
        const decoy = randomUUID();
        await codes.issue('register', decoy);
        return flow('register', decoy, email);
      }
      const registration = { id: randomUUID(), email, forename: input.forename.trim(), surname: input.surname.trim(), passwordHash, createdAt: clock.now() };
      await repos.registrations.insert(registration);
      const code = await codes.issue('register', registration.id);
      deliver(mailTemplates.registrationCode(brand, email, registration.forename, code));
      return flow('register', registration.id, email);
    },

    resendRegistrationCode: (flowToken: string | undefined) => resend(flowToken, 'register', (id) => repos.registrations.findById(id), mailTemplates.registrationCode),

    /** Step 3: the code from the email creates the account and signs the person in. */
    async verifyRegistration(flowToken: string | undefined, code: unknown, context: RequestContext): Promise<{ user: User; session: { token: string; expiresAt: number } }> {
      const pending = await readFlow(flowToken, 'register');
      await limiter.hit(`code:ip:${context.ip}`, LIMITS.codeEntryPerIp);
      await codes.consume('register', pending.subjectId, code, { ip: context.ip });
      const registration = await repos.registrations.findById(pending.subjectId);
      if (!registration) throw new FieldErrors([{ field: 'code', message: 'That code has been used or replaced: request a new one' }]);
      if (await repos.users.findByEmail(registration.email)) {
        await repos.registrations.delete(registration.id);
        throw new ConflictError('already-registered', 'This email address already has an account: sign in instead');
      }
      const now = clock.now();
      const user: User = { id: randomUUID(), email: registration.email, forename: registration.forename, surname: registration.surname, passwordHash: registration.passwordHash, role: 'referrer', createdAt: now, passwordChangedAt: now };
      try {
        await repos.users.insert(user);
      } catch {
        // The same address finished registering a moment ago, in another request.
        throw new ConflictError('already-registered', 'This email address already has an account: sign in instead');
      }
      await repos.registrations.delete(registration.id);
      await audit('register', 'success', context, { userId: user.id });
      return { user, session: await sessions.start(user.id) };
    },

    /** Signing in, step 1: the password; a code is then emailed. Wrong email and wrong password read the same. */
    async startSignIn(input: { email: string; password: string }, context: RequestContext): Promise<PendingFlow> {
      const fields: FieldProblem[] = [];
      required(fields, 'email', input.email, 'Enter your email address');
      required(fields, 'password', input.password, 'Enter your password');
      if (fields.length) throw new FieldErrors(fields);
      const email = input.email.trim().toLowerCase();
      await limiter.hit(`sign-in:ip:${context.ip}`, LIMITS.signInPerIp, 'Too many attempts to sign in have come from here.');
      // Only wrong passwords count against an account, so nobody can lock its owner out by trying the right one.
      const failuresKey = `sign-in:email:${emailHash(email)}`;
      await limiter.check(failuresKey, LIMITS.signInPerEmail, 'Too many wrong passwords have been tried for this account.');
      const user = await repos.users.findByEmail(email);
      const matches = user ? await hasher.verify(input.password, user.passwordHash) : await hasher.verifyNothing(input.password);
      if (!user || !matches) {
        await audit('sign-in', 'failure', context, { userId: user?.id, email, detail: { reason: user ? 'wrong password' : 'unknown email' } });
        await limiter.hit(failuresKey, { ...LIMITS.signInPerEmail, max: Number.MAX_SAFE_INTEGER });
        throw new FieldErrors([{ field: 'email', message: 'The email address or password is not right. Check them and try again' }]);
      }
      // Each sign-in makes a new code: the limits on new codes stop it being a way round the 5 tries.
      const code = await codes.issue('sign-in', user.id, { resend: true });
      deliver(mailTemplates.signInCode(brand, user.email, user.forename, code));
      return flow('sign-in', user.id, user.email);
    },

    resendSignInCode: (flowToken: string | undefined) => resend(flowToken, 'sign-in', (id) => repos.users.findById(id), mailTemplates.signInCode),

    /** Signing in, step 2: the emailed code starts a session. */
    async verifySignIn(flowToken: string | undefined, code: unknown, context: RequestContext): Promise<{ user: User; session: { token: string; expiresAt: number } }> {
      const pending = await readFlow(flowToken, 'sign-in');
      await limiter.hit(`code:ip:${context.ip}`, LIMITS.codeEntryPerIp);
      await codes.consume('sign-in', pending.subjectId, code, { userId: pending.subjectId, ip: context.ip });
      const user = await repos.users.findById(pending.subjectId);
      if (!user) throw new FieldErrors([{ field: 'code', message: 'That code has been used or replaced: request a new one' }]);
      await audit('sign-in', 'success', context, { userId: user.id });
      return { user, session: await sessions.start(user.id) };
    },

    /** Forgotten password, step 1: a code goes to the address if it has an account; the answer is the same either way. */
    async requestPasswordReset(input: { email: string }, context: RequestContext): Promise<PendingFlow> {
      const email = input.email.trim().toLowerCase();
      if (!email) throw new FieldErrors([{ field: 'email', message: 'Enter your email address' }]);
      if (!EMAIL.test(email)) throw new FieldErrors([{ field: 'email', message: 'Enter an email address in the correct format, like name@example.com' }]);
      await limiter.hit(`reset:ip:${context.ip}`, LIMITS.resetPerIp);
      await limiter.hit(`reset:email:${emailHash(email)}`, LIMITS.resetPerEmail);
      const user = await repos.users.findByEmail(email);
      await audit('password-reset-request', user ? 'success' : 'failure', context, { userId: user?.id, email });
      // The same work whether or not the address has an account: a code is made either way.
      const subjectId = user?.id ?? randomUUID();
      const code = await codes.issue('reset', subjectId, { resend: true });
      if (user) deliver(mailTemplates.resetCode(brand, user.email, user.forename, code));
      return flow('reset', subjectId, email);
    },

    resendResetCode: (flowToken: string | undefined) => resend(flowToken, 'reset', (id) => repos.users.findById(id), mailTemplates.resetCode),

    /** Forgotten password, step 2: the code and a new password; every session of the account ends. */
    async resetPassword(flowToken: string | undefined, input: { code: unknown; password: string; confirmPassword: string }, context: RequestContext): Promise<void> {
      const pending = await readFlow(flowToken, 'reset');
      const user = await repos.users.findById(pending.subjectId);
      const fields: FieldProblem[] = [];
      checkNewPassword(fields, input.password, input.confirmPassword, user ? [user.forename, user.surname, user.email.split('@')[0]!] : []);
      if (fields.length) throw new FieldErrors(fields);
      await limiter.hit(`code:ip:${context.ip}`, LIMITS.codeEntryPerIp);
      await codes.consume('reset', pending.subjectId, input.code, { userId: user?.id, ip: context.ip });
      if (!user) throw new FieldErrors([{ field: 'code', message: 'That code has been used or replaced: request a new one' }]);
      const now = clock.now();
      await repos.users.updatePassword(user.id, await hasher.hash(input.password), now);
      await sessions.endAllForUser(user.id);
      await audit('password-reset', 'success', context, { userId: user.id });
      deliver(mailTemplates.passwordChanged(brand, user.email, user.forename));
    },

    /** From the account menu: needs the current password; other sessions end, and this one gets a new id. */
    async changePassword(active: ActiveSession, input: { currentPassword: string; password: string; confirmPassword: string }, context: RequestContext): Promise<{ token: string; expiresAt: number }> {
      const fields: FieldProblem[] = [];
      required(fields, 'currentPassword', input.currentPassword, 'Enter your current password');
      checkNewPassword(fields, input.password, input.confirmPassword, [active.user.forename, active.user.surname, active.user.email.split('@')[0]!]);
      if (fields.length) throw new FieldErrors(fields);
      await limiter.hit(`password-change:user:${active.user.id}`, LIMITS.signInPerEmail, 'Too many attempts to change the password.');
      if (!(await hasher.verify(input.currentPassword, active.user.passwordHash))) {
        await audit('password-change', 'failure', context, { userId: active.user.id });
        throw new FieldErrors([{ field: 'currentPassword', message: 'Your current password is not right' }]);
      }
      if (input.password === input.currentPassword) throw new FieldErrors([{ field: 'password', message: 'Your new password must be different from your current one' }]);
      await repos.users.updatePassword(active.user.id, await hasher.hash(input.password), clock.now());
      await sessions.endAllForUser(active.user.id);
      await audit('password-change', 'success', context, { userId: active.user.id });
      deliver(mailTemplates.passwordChanged(brand, active.user.email, active.user.forename));
      return sessions.start(active.user.id);
    },

    async signOut(active: ActiveSession, context: RequestContext): Promise<void> {
      await sessions.end(active);
      await audit('sign-out', 'success', context, { userId: active.user.id });
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
