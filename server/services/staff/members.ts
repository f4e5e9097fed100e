/**
 * Council staff as council IT manages them (npm run staff): add, disable, enable, reset, make an
 * administrator or not, list. An
 * added or reset member gets a one-time set-up code, good for 72 hours, with which they choose a
 * password and enrol their authenticator app at /staff. Disabling ends their sessions at once.
 */
import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { isEmail } from '../../../engine/index.ts';
import type { StaffMember, StaffRepository } from '../../repositories/staff.ts';
import type { AuditLogRepository } from '../../repositories/audit-log.ts';
import type { SessionsRepository } from '../../repositories/sessions.ts';
import { ConflictError, NotFoundError, RefusedError } from '../errors.ts';
import { HOUR, type Clock } from '../clock.ts';

export const SETUP_LIFETIME_MS = 72 * HOUR;
const SETUP_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A set-up code as council IT hands it over: three groups of four, easy to read out. */
export interface SetUpCode {
  code: string;
  expiresAt: number;
}

export function createStaffMembers(deps: {
  staff: StaffRepository;
  staffSessions: SessionsRepository;
  auditLog: AuditLogRepository;
  clock: Clock;
  secret: Buffer;
}) {
  const { staff, staffSessions, auditLog, clock, secret } = deps;
  const hashOf = (staffId: string, code: string) =>
    createHmac('sha256', secret)
      .update(`staff-setup:${staffId}:${code.replace(/[\s-]/g, '').toUpperCase()}`)
      .digest('hex');
  const audit = (event: string, member: StaffMember, detail?: Record<string, unknown>) =>
    auditLog.add({ at: clock.now(), event, outcome: 'success', userId: member.id, ip: 'command line', detail });
  const newSetUpCode = (staffId: string) => {
    const raw = Array.from({ length: 12 }, () => SETUP_ALPHABET[randomInt(SETUP_ALPHABET.length)]).join('');
    const code = raw.match(/.{4}/g)!.join('-');
    const expiresAt = clock.now() + SETUP_LIFETIME_MS;
    return { code, expiresAt, changes: { setupCodeHash: hashOf(staffId, code), setupExpiresAt: expiresAt } };
  };
  const find = async (email: string): Promise<StaffMember> => {
    const member = await staff.findByEmail(email.trim().toLowerCase());
    if (!member)
      throw new NotFoundError(`No member of staff has the email address ${email}: see npm run staff -- list.`);
    return member;
  };

  return {
    async add(input: { email: string; forename: string; surname: string; isAdmin?: boolean }) {
      const email = input.email.trim().toLowerCase();
      if (!isEmail(email)) throw new RefusedError('invalid-email', `"${input.email}" is not an email address.`);
      const [forename, surname] = [input.forename.trim(), input.surname.trim()];
      if (!forename || !surname || forename.length > 100 || surname.length > 100)
        throw new RefusedError('invalid-name', 'Give the forename and the surname, each up to 100 characters.');
      if (await staff.findByEmail(email))
        throw new ConflictError('staff-exists', `${email} is already a member of staff.`);
      const id = randomUUID();
      const setUp = newSetUpCode(id);
      const member: StaffMember = {
        id,
        email,
        forename,
        surname,
        isAdmin: input.isAdmin ?? false,
        passwordHash: null,
        totpSecret: null,
        totpEnrolledAt: null,
        totpLastStep: null,
        disabledAt: null,
        createdAt: clock.now(),
        ...setUp.changes,
      };
      await staff.insert(member);
      await audit('staff-added', member, { isAdmin: member.isAdmin });
      return { member, setUp: { code: setUp.code, expiresAt: setUp.expiresAt } satisfies SetUpCode };
    },

    async disable(email: string) {
      const member = await find(email);
      await staff.update(member.id, { disabledAt: clock.now() });
      await staffSessions.revokeAllForUser(member.id, clock.now());
      await audit('staff-disabled', member);
      return member;
    },

    async enable(email: string) {
      const member = await find(email);
      await staff.update(member.id, { disabledAt: null });
      await audit('staff-enabled', member);
      return member;
    },

    /** A lost phone or a forgotten password: a new set-up code; the old password, app and recovery codes stop working. */
    async reset(email: string): Promise<{ member: StaffMember; setUp: SetUpCode }> {
      const member = await find(email);
      const setUp = newSetUpCode(member.id);
      await staff.update(member.id, {
        ...setUp.changes,
        passwordHash: null,
        totpSecret: null,
        totpEnrolledAt: null,
      });
      await staff.replaceRecoveryCodes(member.id, []);
      await staffSessions.revokeAllForUser(member.id, clock.now());
      await audit('staff-reset', member);
      return { member, setUp: { code: setUp.code, expiresAt: setUp.expiresAt } };
    },

    /** Makes a member an administrator (they may read and export the audit log), or no longer one. */
    async setAdmin(email: string, isAdmin: boolean): Promise<StaffMember> {
      const member = await find(email);
      await staff.update(member.id, { isAdmin });
      await audit(isAdmin ? 'staff-admin-granted' : 'staff-admin-removed', member, { isAdmin });
      return { ...member, isAdmin };
    },

    list: () => staff.list(),

    /** Whether the code is the member's live set-up code. */
    setUpCodeMatches(member: StaffMember, code: string): boolean {
      if (!member.setupCodeHash || !member.setupExpiresAt || member.setupExpiresAt <= clock.now()) return false;
      const given = Buffer.from(hashOf(member.id, code), 'hex');
      const wanted = Buffer.from(member.setupCodeHash, 'hex');
      return given.length === wanted.length && timingSafeEqual(given, wanted);
    },
  };
}

export type StaffMembers = ReturnType<typeof createStaffMembers>;
