/** The council's staff: who they are (members.ts), how they sign in (sign-in.ts), their sessions. */
import type { Repositories } from '../../repositories/index.ts';
import type { StaffMember } from '../../repositories/staff.ts';
import type { AccountDeps } from '../accounts/shared.ts';
import type { AnswersAtRest } from '../answers-at-rest.ts';
import { createOwnedSessions } from '../sessions.ts';
import { createAuthenticator } from './authenticator.ts';
import { createStaffMembers } from './members.ts';
import { createStaffSignIn } from './sign-in.ts';
import { HOUR, MINUTE } from '../clock.ts';

/** A staff session ends after 20 minutes without activity, and after 8 hours (a working day) whatever happens. */
export const STAFF_IDLE_MS = 20 * MINUTE;
export const STAFF_LONGEST_MS = 8 * HOUR;

export function createStaffServices(deps: {
  repos: Repositories;
  account: AccountDeps;
  answersAtRest: AnswersAtRest;
  /** The name the authenticator app shows beside the code. */
  issuer: string;
}) {
  const { repos, account, answersAtRest, issuer } = deps;
  const { clock, tokens, hasher, secret } = account;
  const sessions = createOwnedSessions<StaffMember>({
    sessions: repos.staffSessions,
    // A disabled member, or one not yet enrolled, has no session.
    findOwner: async (id) => {
      const member = await repos.staff.findById(id);
      return member && member.disabledAt === null && member.totpEnrolledAt !== null ? member : null;
    },
    tokens,
    clock,
    idleMs: STAFF_IDLE_MS,
    longestMs: STAFF_LONGEST_MS,
    audience: 'staff-session',
  });
  const members = createStaffMembers({
    staff: repos.staff,
    staffSessions: repos.staffSessions,
    auditLog: repos.auditLog,
    clock,
    secret,
  });
  const authenticator = createAuthenticator({ issuer, secret });
  const signIn = createStaffSignIn({
    account,
    staff: repos.staff,
    members,
    sessions,
    authenticator,
    answersAtRest,
    tokens,
    hasher,
    clock,
  });
  return { sessions, members, signIn, authenticator };
}

export type StaffServices = ReturnType<typeof createStaffServices>;
export { createStaffMembers, SETUP_LIFETIME_MS } from './members.ts';
export type { StaffNextStep, StaffSignedIn } from './sign-in.ts';
