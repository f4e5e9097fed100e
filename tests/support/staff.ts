/**
 * Council staff in tests, as council IT and the staff themselves would do it: `npm run staff` run
 * as a real command over the app's own settings, and the authenticator app's codes worked out
 * from the secret it was given (as a phone would, from the QR code).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Secret, TOTP } from 'otpauth';
import { client, type Client } from './http-client.ts';
import type { App } from '../../server/index.ts';
import { createRepositories } from '../../server/repositories/index.ts';
import { loadSecret } from '../../server/services/secret.ts';
import type { Clock } from '../../server/services/clock.ts';
import { createStaffMembers, type StaffMembers } from '../../server/services/staff/members.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const STAFF_PASSWORD = 'Quayside lantern 7 gulls';

/** Runs `npm run staff -- <args>` against the app's data folder (and database); its output and exit code. */
export async function staffCommand(
  env: Record<string, string>,
  ...args: string[]
): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', `${root}scripts/staff.ts`, ...args],
      { cwd: root, env: { ...process.env, NODE_ENV: 'test', ...env } },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** The code an authenticator app shows at `now` for the secret (as shown for typing in, spaces and all). */
export const appCode = (secret: string, now: number) =>
  new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, '')) }).generate({ timestamp: now });

export interface EnrolledStaff {
  as: Client;
  email: string;
  secret: string;
  recoveryCodes: string[];
}

/**
 * The staff members of a running app, as the command line manages them, on the app's own database,
 * secret and clock (the command itself, a process of its own, is tested in its own right; this
 * saves starting one for every member a test needs).
 */
export async function staffMembersOf(app: App, dataDir: string, clock: Clock): Promise<StaffMembers> {
  const repos = createRepositories(app.db);
  return createStaffMembers({
    staff: repos.staff,
    staffSessions: repos.staffSessions,
    auditLog: repos.auditLog,
    clock,
    secret: await loadSecret(undefined, dataDir),
  });
}

/** Adds a member, and sets them up over the API: password, app, first code. */
export async function enrolledStaff(
  baseUrl: string,
  members: StaffMembers,
  now: () => number,
  email: string,
  { admin = false } = {},
): Promise<EnrolledStaff> {
  const setupCode = (await members.add({ email, forename: 'Priya', surname: 'Shah', isAdmin: admin })).setUp.code;
  const as = client(baseUrl);
  const setUp = await as.post('/api/staff/set-up', {
    email,
    setupCode,
    password: STAFF_PASSWORD,
    confirmPassword: STAFF_PASSWORD,
  });
  if (setUp.status !== 202)
    throw new Error(`Setting up ${email} failed: ${setUp.status} ${JSON.stringify(setUp.body)}`);
  const { secret } = setUp.body.enrolment;
  const enrolled = await as.post('/api/staff/sign-in/enrol', { code: appCode(secret, now()) });
  if (enrolled.status !== 201)
    throw new Error(`Enrolling ${email} failed: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
  return { as, email, secret, recoveryCodes: enrolled.body.recoveryCodes };
}
