/**
 * Staff signing in at /staff: the first time, with the set-up code council IT gave them and a new
 * password, then enrolling an authenticator app; after that, email and password, then a code from
 * the app (or a recovery code). Email is never a factor: a mailbox is what an attacker has first.
 * A wrong email, a wrong password and an account not yet set up read the same.
 */
import type { FieldProblem } from '../../../engine/index.ts';
import type { StaffMember, StaffRepository } from '../../repositories/staff.ts';
import type { AnswersAtRest } from '../answers-at-rest.ts';
import type { OwnedSessions, ActiveSession, NewSession } from '../sessions.ts';
import type { Tokens, StaffFlowPurpose } from '../tokens.ts';
import type { PasswordHasher } from '../password-hasher.ts';
import type { Authenticator, Enrolment } from './authenticator.ts';
import type { StaffMembers } from './members.ts';
import { accountTools, LIMITS, required, type AccountDeps, type RequestContext } from '../accounts/shared.ts';
import { ConflictError, FieldErrors } from '../errors.ts';
import { MINUTE, type Clock } from '../clock.ts';

const FLOW_MS = 10 * MINUTE;
const CODE_TRIES = { max: 5, windowMs: 15 * MINUTE };
const WRONG = 'The email address or password is not right. Check them and try again';

/** The step after a right password: enrol the app (with what it needs), or give its code. */
export type StaffNextStep =
  | { next: 'enrol'; enrolment: Enrolment; flowToken: string; flowExpiresAt: number }
  | { next: 'code'; flowToken: string; flowExpiresAt: number };

export interface StaffSignedIn {
  member: StaffMember;
  session: NewSession;
  /** Shown once, after enrolling: each lets them in once without the app. */
  recoveryCodes?: string[];
  /** How many recovery codes are left, after one was used. */
  recoveryCodesLeft?: number;
}

export function createStaffSignIn(deps: {
  account: AccountDeps;
  staff: StaffRepository;
  members: StaffMembers;
  sessions: OwnedSessions<StaffMember>;
  authenticator: Authenticator;
  answersAtRest: AnswersAtRest;
  tokens: Tokens;
  hasher: PasswordHasher;
  clock: Clock;
}) {
  const { staff, members, sessions, authenticator, answersAtRest, tokens, hasher, clock } = deps;
  const { limiter, audit, checkNewPassword, signInFailuresKey } = accountTools(deps.account);
  const record = (member: StaffMember) => `staff ${member.id} authenticator`;

  const flow = async (purpose: StaffFlowPurpose, member: StaffMember) => {
    const flowExpiresAt = clock.now() + FLOW_MS;
    return { flowToken: await tokens.flow(purpose, member.id, member.email, flowExpiresAt), flowExpiresAt };
  };
  const readFlow = async (token: string | undefined, purpose: StaffFlowPurpose): Promise<StaffMember> => {
    const pending = token ? await tokens.readFlow(token, purpose) : null;
    const member = pending ? await staff.findById(pending.subjectId) : null;
    if (!member || member.disabledAt !== null)
      throw new ConflictError('flow-expired', 'Signing in has timed out: enter your email and password again');
    return member;
  };
  /** A new secret for the app, kept sealed until a code from it proves it was added. */
  const enrolling = async (member: StaffMember): Promise<StaffNextStep> => {
    const enrolment = await authenticator.enrolment(member.email);
    await staff.update(member.id, {
      totpSecret: await answersAtRest.seal(record(member), enrolment.secret),
      totpEnrolledAt: null,
    });
    return { next: 'enrol', enrolment, ...(await flow('staff-enrol', member)) };
  };
  const checkCode = async (member: StaffMember, code: string): Promise<boolean> => {
    if (!member.totpSecret) return false;
    const secret = await answersAtRest.open<string>(record(member), member.totpSecret);
    const step = authenticator.stepOf(secret, code, clock.now());
    return step !== null && (await staff.takeTotpStep(member.id, step));
  };
  const codeTries = (member: StaffMember, context: RequestContext) =>
    limiter
      .hit(`staff-code:${member.id}`, CODE_TRIES, 'Too many wrong codes have been tried.')
      .then(() => limiter.hit(`code:ip:${context.ip}`, LIMITS.codeEntryPerIp));
  const wrongCode = () =>
    new FieldErrors([
      { field: 'code', message: 'The code is not right: enter the 6 digits your authenticator app shows now' },
    ]);

  return {
    /** The first time: the set-up code and a new password; next, enrol the app. */
    async setUp(
      input: { email: string; setupCode: string; password: string; confirmPassword: string },
      context: RequestContext,
    ): Promise<StaffNextStep> {
      const fields: FieldProblem[] = [];
      required(fields, 'email', input.email, 'Enter your email address');
      required(fields, 'setupCode', input.setupCode, 'Enter the set-up code council IT gave you');
      if (fields.length) throw new FieldErrors(fields);
      await limiter.hit(`staff-setup:ip:${context.ip}`, LIMITS.registerPerIp, 'Too many set-up codes have been tried.');
      const member = await staff.findByEmail(input.email.trim().toLowerCase());
      if (!member || member.disabledAt !== null || !members.setUpCodeMatches(member, input.setupCode)) {
        await audit('staff-set-up', 'failure', context, { userId: member?.id, email: input.email });
        throw new FieldErrors([
          {
            field: 'setupCode',
            message:
              'The email address or set-up code is not right, or the code has expired: check them, or ask council IT for a new code',
          },
        ]);
      }
      checkNewPassword(fields, input.password, input.confirmPassword, [member.forename, member.surname, member.email]);
      if (fields.length) throw new FieldErrors(fields);
      await staff.update(member.id, {
        passwordHash: await hasher.hash(input.password),
        setupCodeHash: null,
        setupExpiresAt: null,
      });
      await audit('staff-set-up', 'success', context, { userId: member.id });
      return enrolling(member);
    },

    /** Email and password; next, the app's code (or enrolling it, if that was never finished). */
    async startSignIn(input: { email: string; password: string }, context: RequestContext): Promise<StaffNextStep> {
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
      const guesserKey = `staff-${signInFailuresKey(email)}:ip:${context.ip}`;
      await limiter.check(
        guesserKey,
        LIMITS.signInPerEmail,
        'Too many wrong passwords have been tried for this account.',
      );
      const member = await staff.findByEmail(email);
      const matches = member?.passwordHash
        ? await hasher.verify(input.password, member.passwordHash)
        : await hasher.verifyNothing(input.password);
      if (!member || !matches) {
        await audit('staff-sign-in', 'failure', context, { userId: member?.id, email, detail: { reason: 'password' } });
        await limiter.hit(guesserKey, { windowMs: LIMITS.signInPerEmail.windowMs, max: Number.MAX_SAFE_INTEGER });
        throw new FieldErrors([{ field: 'email', message: WRONG }]);
      }
      if (member.disabledAt !== null) {
        await audit('staff-sign-in', 'refused', context, { userId: member.id, detail: { reason: 'disabled' } });
        throw new FieldErrors([
          { field: 'email', message: 'Your staff account is disabled: ask council IT to enable it' },
        ]);
      }
      if (member.totpEnrolledAt === null) return enrolling(member);
      return { next: 'code', ...(await flow('staff-code', member)) };
    },

    /** The first code from the newly added app: enrolment done, recovery codes made, signed in. */
    async enrol(flowToken: string | undefined, code: string, context: RequestContext): Promise<StaffSignedIn> {
      const member = await readFlow(flowToken, 'staff-enrol');
      await codeTries(member, context);
      if (!(await checkCode(member, code))) {
        await audit('staff-enrol', 'failure', context, { userId: member.id });
        throw wrongCode();
      }
      await staff.update(member.id, { totpEnrolledAt: clock.now() });
      const recovery = authenticator.recoveryCodes(member.id);
      await staff.replaceRecoveryCodes(member.id, recovery.hashes);
      await limiter.forget(`staff-code:${member.id}`);
      await audit('staff-enrol', 'success', context, { userId: member.id });
      const enrolled = { ...member, totpEnrolledAt: clock.now() };
      return { member: enrolled, session: await sessions.start(member.id), recoveryCodes: recovery.codes };
    },

    /** The app's code, or one of the recovery codes, starts a session. */
    async verifyCode(flowToken: string | undefined, code: string, context: RequestContext): Promise<StaffSignedIn> {
      const member = await readFlow(flowToken, 'staff-code');
      await codeTries(member, context);
      if (authenticator.isRecoveryCode(code)) {
        const used = await staff.useRecoveryCode(member.id, authenticator.recoveryHash(member.id, code), clock.now());
        await audit('staff-sign-in', used ? 'success' : 'failure', context, {
          userId: member.id,
          detail: { factor: 'recovery code' },
        });
        if (!used)
          throw new FieldErrors([{ field: 'code', message: 'That recovery code is not right, or was used already' }]);
        const left = await staff.recoveryCodesLeft(member.id);
        return { member, session: await sessions.start(member.id), recoveryCodesLeft: left };
      }
      if (!(await checkCode(member, code))) {
        await audit('staff-sign-in', 'failure', context, { userId: member.id, detail: { factor: 'app' } });
        throw wrongCode();
      }
      await limiter.forget(`staff-code:${member.id}`);
      await audit('staff-sign-in', 'success', context, { userId: member.id, detail: { factor: 'app' } });
      return { member, session: await sessions.start(member.id) };
    },

    async signOut(active: ActiveSession<StaffMember>, context: RequestContext): Promise<void> {
      await sessions.end(active);
      await audit('staff-sign-out', 'success', context, { userId: active.user.id });
    },
  };
}

export type StaffSignIn = ReturnType<typeof createStaffSignIn>;
